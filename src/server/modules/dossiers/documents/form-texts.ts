/**
 * The wording of the one-stop forms, as data. Forms are law: each set names its legal reference,
 * a version and the date it takes effect, so a new circular (e.g. Circular 03/2025/TT-VPCP guiding
 * Decree 118/2025) is added as a new set rather than by editing the text of the old one.
 * Field sets follow provincial implementations of Circular 01/2018 (see vietnam-rules.md §1.6).
 */

export interface FormText {
  /** "Mẫu số 01" */
  formNo: string;
  title: string;
  /** Words used by the form renderer; a key missing in a later version falls back to nothing. */
  labels: Record<string, string>;
}

export interface FormTextSet {
  version: string;
  legalReference: string;
  /** YYYY-MM-DD, the date from which documents are issued with this wording. */
  effectiveFrom: string;
  qrCaption: string;
  receipt: FormText;
  supplement: FormText;
  refusal: FormText;
  apology: FormText;
  controlSheet: FormText;
  trackingBook: FormText;
}

export const TT01_2018: FormTextSet = {
  version: 'TT01-2018.1',
  legalReference: 'Thông tư 01/2018/TT-VPCP',
  effectiveFrom: '2019-01-06',
  qrCaption: 'Quét mã để tra cứu và xác thực',
  receipt: {
    formNo: 'Mẫu số 01',
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    labels: {
      dossierCode: 'Mã hồ sơ',
      // Not a field of the circular: the platform's check for the public lookup, printed with the code.
      checkCode: 'Mã kiểm tra (tra cứu hồ sơ)',
      receivedFrom: 'tiếp nhận hồ sơ của',
      address: 'Địa chỉ',
      phone: 'Số điện thoại',
      email: 'Email',
      procedure: 'Nội dung yêu cầu giải quyết',
      documents: '1. Thành phần hồ sơ nộp gồm:',
      docName: 'Tên giấy tờ',
      docForm: 'Hình thức',
      docCount: 'Số lượng',
      setCount: '2. Số lượng hồ sơ',
      setUnit: 'bộ',
      timeLimit: '3. Thời gian giải quyết hồ sơ theo quy định là',
      receivedAt: '4. Thời gian nhận hồ sơ',
      dueAt: '5. Thời gian trả kết quả giải quyết hồ sơ',
      returnPlace: '6. Đăng ký nhận kết quả tại',
      book: 'Vào Sổ theo dõi hồ sơ, Quyển số',
      bookSerial: 'Số thứ tự',
      signApplicant: 'NGƯỜI NỘP HỒ SƠ',
      signOfficer: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      signNote: '(Ký và ghi rõ họ tên)',
      footnote:
        'Ghi chú: Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; 01 liên giao cho cá nhân, ' +
        'tổ chức nộp hồ sơ; 01 liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu ' +
        'tại Bộ phận Tiếp nhận và Trả kết quả.',
    },
  },
  supplement: {
    formNo: 'Mẫu số 02',
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    labels: {
      dossierCode: 'Mã hồ sơ',
      dossierOf: 'Hồ sơ của',
      procedure: 'Nội dung yêu cầu giải quyết',
      address: 'Địa chỉ',
      phone: 'Số điện thoại',
      email: 'Email',
      intro: 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:',
      docName: 'Giấy tờ cần bổ sung, hoàn thiện',
      reason: 'Lý do, nội dung cần hoàn thiện',
      contact: 'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với {contact} để được hướng dẫn./.',
      onceNote: 'Hồ sơ chỉ yêu cầu bổ sung, hoàn thiện một lần; thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ.',
      signOfficer: 'NGƯỜI HƯỚNG DẪN',
      signNote: '(Ký và ghi rõ họ tên)',
    },
  },
  refusal: {
    formNo: 'Mẫu số 03',
    title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    labels: {
      dossierCode: 'Mã hồ sơ',
      receivedFrom: 'tiếp nhận hồ sơ của',
      address: 'Địa chỉ',
      phone: 'Số điện thoại',
      email: 'Email',
      procedure: 'Nội dung yêu cầu giải quyết',
      intro: 'Qua xem xét, {agency} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      closing: 'Xin thông báo để ông/bà được biết và thực hiện./.',
      signOfficer: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      signNote: '(Ký và ghi rõ họ tên)',
    },
  },
  apology: {
    formNo: 'Mẫu số 04',
    title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    labels: {
      to: 'Kính gửi',
      dossierCode: 'Mã hồ sơ',
      address: 'Địa chỉ',
      phone: 'Số điện thoại',
      received: 'Ngày {receivedDate}, {agency} tiếp nhận giải quyết hồ sơ đề nghị {procedure}.',
      oldDue: 'Thời gian hẹn trả kết quả giải quyết hồ sơ',
      notYet: 'Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ cho ông/bà.',
      reason: 'Lý do',
      apology:
        'Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ông/bà. {agency} xin lỗi ông/bà ' + 'và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào',
      understanding: 'Mong nhận được sự cảm thông của ông/bà vì sự chậm trễ này./.',
      recipients: 'Nơi nhận:',
      signHead: 'THỦ TRƯỞNG CƠ QUAN',
      signNote: '(Ký, ghi rõ họ tên, đóng dấu)',
    },
  },
  controlSheet: {
    formNo: 'Mẫu số 05',
    title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    labels: {
      dossierCode: 'Mã hồ sơ',
      attached: '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)',
      applicant: 'Người nộp hồ sơ',
      procedure: 'Thủ tục',
      leadAgency: 'Cơ quan (bộ phận) giải quyết hồ sơ',
      coAgencies: 'Cơ quan phối hợp giải quyết hồ sơ',
      dueAt: 'Hẹn trả kết quả',
      colNo: 'STT',
      colHandOff: 'Tên cơ quan giao, nhận',
      colTime: 'Thời gian giao, nhận hồ sơ',
      colResult: 'Kết quả giải quyết hồ sơ',
      colNote: 'Ghi chú',
      giver: 'Giao',
      receiver: 'Nhận',
      early: 'Trước hạn',
      onTime: 'Đúng hạn',
      late: 'Quá hạn',
    },
  },
  trackingBook: {
    formNo: 'Mẫu số 06',
    title: 'SỔ THEO DÕI HỒ SƠ',
    labels: {
      period: 'Từ ngày {from} đến ngày {to}',
      colNo: 'STT',
      colCode: 'Mã hồ sơ',
      colProcedure: 'Tên TTHC',
      colSets: 'Số lượng hồ sơ (bộ)',
      colApplicant: 'Tên cá nhân, tổ chức',
      colContact: 'Địa chỉ, số điện thoại',
      colAgency: 'Cơ quan chủ trì giải quyết',
      colReceived: 'Ngày nhận hồ sơ',
      colDue: 'Hẹn trả kết quả',
      colTransferred: 'Ngày chuyển hồ sơ',
      colResult: 'Ngày có kết quả',
      colReturned: 'Trả kết quả ngày',
      colNote: 'Ghi chú',
    },
  },
};

/** Every known set, oldest first. Add new circulars at the end. */
export const FORM_TEXT_SETS: readonly FormTextSet[] = [TT01_2018];

/** The set by version, or the set in force at `on` (default: the newest in force now). */
export function formTexts(select?: { version?: string; on?: Date }): FormTextSet {
  if (select?.version) {
    const found = FORM_TEXT_SETS.find((set) => set.version === select.version);
    if (!found) throw new RangeError(`unknown form text version: ${select.version}`);
    return found;
  }
  const day = (select?.on ?? new Date()).toISOString().slice(0, 10);
  const inForce = FORM_TEXT_SETS.filter((set) => set.effectiveFrom <= day);
  return inForce.at(-1) ?? FORM_TEXT_SETS[0];
}

/** Replaces `{name}` placeholders of a form sentence. */
export function fillText(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
