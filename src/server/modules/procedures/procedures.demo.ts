/**
 * The demo catalog: realistic procedures of the demo province's agencies (see db/seed/demo.ts).
 * Names, time limits and documents follow published procedures; the codes are shaped like the
 * National TTHC Database codes but ILLUSTRATIVE, and fees are examples (provinces set many fees
 * by resolution of the People's Council). Every row is marked is_demo.
 */
import type { HandlerKind, LimitUnit, OnlineLevel, ResultType, StepCode } from './procedures.schemas.js';
import type { ProcedureInput } from './procedures.write.js';

export const DEMO_FIELDS = [
  { code: 'HO_TICH', name: 'Hộ tịch' },
  { code: 'LY_LICH_TU_PHAP', name: 'Lý lịch tư pháp' },
  { code: 'CHUNG_THUC', name: 'Chứng thực' },
  { code: 'CONG_CHUNG', name: 'Công chứng' },
  { code: 'HOAT_DONG_XAY_DUNG', name: 'Hoạt động xây dựng' },
  { code: 'DAT_DAI', name: 'Đất đai' },
  { code: 'MOI_TRUONG', name: 'Môi trường' },
  { code: 'THI_DUA_KHEN_THUONG', name: 'Thi đua, khen thưởng' },
  { code: 'TIN_NGUONG_TON_GIAO', name: 'Tín ngưỡng, tôn giáo' },
];

const STEP_DEFAULTS: Record<StepCode, [string, HandlerKind]> = {
  receive: ['Tiếp nhận, kiểm tra hồ sơ tại Bộ phận một cửa', 'receiving'],
  assign: ['Lãnh đạo phòng phân công xử lý', 'competent'],
  appraise: ['Chuyên viên thẩm định hồ sơ', 'competent'],
  approve: ['Lãnh đạo xem xét, ký duyệt kết quả', 'competent'],
  financial: ['Xác định, thông báo nghĩa vụ tài chính', 'competent'],
  interagency: ['Lấy ý kiến cơ quan liên quan', 'other'],
  return: ['Trả kết quả tại Bộ phận một cửa', 'receiving'],
};

/** Steps as [code, budget] (null = what is left of the limit), optionally [code, budget, agency code]. */
type StepSpec = [StepCode, number | null] | [StepCode, number | null, string];
function plan(total: number, specs: StepSpec[]): ProcedureInput['steps'] {
  const fixed = specs.reduce((s, [, b]) => s + (b ?? 0), 0);
  return specs.map(([code, budget, agencyCode]) => {
    const [name, handlingAgency] = STEP_DEFAULTS[code];
    return { code, name, handlingAgency, agencyCode: agencyCode ?? null, budget: budget ?? Math.round((total - fixed) * 100) / 100 };
  });
}
const SAME_DAY: StepSpec[] = [
  ['receive', 0.25],
  ['appraise', 0.5],
  ['approve', 0.25],
  ['return', 0],
];
const STANDARD = (approve = 1): StepSpec[] => [
  ['receive', 0.5],
  ['assign', 0.5],
  ['appraise', null],
  ['approve', approve],
  ['return', 0.5],
];

interface Spec {
  code: string;
  name: string;
  field: string;
  agency: string;
  online: OnlineLevel;
  limit: [number, LimitUnit];
  fees?: [string, number, string?][];
  result?: ResultType;
  legal: string;
  docs: [string, number, number, boolean?][];
  steps: StepSpec[];
}

const TU_PHAP = '000.00.16.H57';
const XAY_DUNG = '000.00.11.H57';
const NN_MT = '000.00.22.H57';
const NOI_VU = '000.00.14.H57';
const PHUONG = '000.01.20.H57';
const XA = '000.02.20.H57';
const CCCD = 'Căn cước công dân hoặc giấy tờ tùy thân có ảnh (xuất trình)';
const HO_TICH_LAW = 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP';

const SPECS: Spec[] = [
  {
    code: '1.001978',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    field: 'LY_LICH_TU_PHAP',
    agency: TU_PHAP,
    online: 'full',
    limit: [10, 'working_days'],
    fees: [['Phí cung cấp thông tin lý lịch tư pháp', 200000, 'Sinh viên, người có công: 100.000 đ']],
    result: 'both',
    legal: 'Luật Lý lịch tư pháp 2009; Nghị định 111/2010/NĐ-CP; Thông tư 244/2016/TT-BTC',
    docs: [
      ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)', 1, 0],
      ['Bản chụp Căn cước công dân', 0, 1],
      ['Văn bản ủy quyền (nếu ủy quyền làm thủ tục)', 1, 0, false],
    ],
    steps: [
      ['receive', 0.5],
      ['appraise', 7],
      ['approve', 2],
      ['return', 0.5],
    ],
  },
  {
    code: '2.000908',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp',
    field: 'CHUNG_THUC',
    agency: TU_PHAP,
    online: 'partial',
    limit: [1, 'same_day'],
    fees: [['Lệ phí chứng thực bản sao', 2000, 'đ/trang; từ trang thứ 3 trở lên 1.000 đ/trang, tối đa 200.000 đ/bản']],
    legal: 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',
    docs: [
      ['Bản chính giấy tờ, văn bản cần chứng thực (đã hợp pháp hóa lãnh sự)', 1, 0],
      ['Bản sao cần chứng thực', 0, 1],
    ],
    steps: SAME_DAY,
  },
  {
    code: '1.001877',
    name: 'Cấp giấy đăng ký hoạt động của Văn phòng công chứng',
    field: 'CONG_CHUNG',
    agency: TU_PHAP,
    online: 'partial',
    limit: [10, 'working_days'],
    fees: [['Phí thẩm định điều kiện hoạt động Văn phòng công chứng', 1000000]],
    legal: 'Luật Công chứng 2024; Nghị định 104/2025/NĐ-CP',
    docs: [
      ['Đơn đề nghị đăng ký hoạt động Văn phòng công chứng', 1, 0],
      ['Quyết định cho phép thành lập Văn phòng công chứng', 0, 1],
      ['Giấy tờ chứng minh trụ sở', 0, 1],
      ['Hồ sơ đăng ký hành nghề của công chứng viên', 1, 0],
    ],
    steps: STANDARD(2),
  },
  {
    code: '2.000488',
    name: 'Đăng ký hành nghề và cấp Thẻ công chứng viên',
    field: 'CONG_CHUNG',
    agency: TU_PHAP,
    online: 'partial',
    limit: [10, 'working_days'],
    fees: [['Phí thẩm định đăng ký hành nghề', 500000]],
    legal: 'Luật Công chứng 2024',
    docs: [
      ['Đề nghị đăng ký hành nghề của tổ chức hành nghề công chứng', 1, 0],
      ['Quyết định bổ nhiệm công chứng viên', 0, 1],
      ['01 ảnh chân dung 2cm x 3cm', 1, 0],
    ],
    steps: STANDARD(),
  },

  {
    code: '1.009972',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II',
    field: 'HOAT_DONG_XAY_DUNG',
    agency: XAY_DUNG,
    online: 'full',
    limit: [20, 'working_days'],
    fees: [['Lệ phí cấp giấy phép xây dựng công trình', 150000]],
    legal: 'Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP',
    docs: [
      ['Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II Nghị định 175/2024/NĐ-CP)', 1, 0],
      ['Giấy tờ hợp pháp về quyền sử dụng đất', 0, 1],
      ['Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định', 0, 1],
      ['Bản vẽ thiết kế xây dựng (02 bộ)', 2, 0],
      ['Văn bản thẩm duyệt thiết kế về phòng cháy, chữa cháy', 0, 1, false],
    ],
    steps: [
      ['receive', 0.5],
      ['assign', 0.5],
      ['appraise', 12],
      ['interagency', 4, NN_MT],
      ['approve', 2.5],
      ['return', 0.5],
    ],
  },
  {
    code: '1.009974',
    name: 'Cấp giấy phép xây dựng sửa chữa, cải tạo công trình',
    field: 'HOAT_DONG_XAY_DUNG',
    agency: XAY_DUNG,
    online: 'full',
    limit: [20, 'working_days'],
    fees: [['Lệ phí cấp giấy phép xây dựng công trình', 150000]],
    legal: 'Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP',
    docs: [
      ['Đơn đề nghị cấp giấy phép sửa chữa, cải tạo', 1, 0],
      ['Giấy tờ về quyền sở hữu công trình', 0, 1],
      ['Bản vẽ hiện trạng và thiết kế sửa chữa, cải tạo', 2, 0],
    ],
    steps: STANDARD(2),
  },
  {
    code: '1.009980',
    name: 'Gia hạn giấy phép xây dựng',
    field: 'HOAT_DONG_XAY_DUNG',
    agency: XAY_DUNG,
    online: 'full',
    limit: [5, 'working_days'],
    fees: [['Lệ phí gia hạn giấy phép xây dựng', 15000]],
    result: 'both',
    legal: 'Nghị định 175/2024/NĐ-CP',
    docs: [
      ['Đơn đề nghị gia hạn giấy phép xây dựng', 1, 0],
      ['Bản chính giấy phép xây dựng đã được cấp', 1, 0],
    ],
    steps: [
      ['receive', 0.5],
      ['appraise', 3],
      ['approve', 1],
      ['return', 0.5],
    ],
  },

  {
    code: '1.012765',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu',
    field: 'DAT_DAI',
    agency: NN_MT,
    online: 'partial',
    limit: [20, 'working_days'],
    fees: [
      ['Lệ phí cấp Giấy chứng nhận', 100000, 'Mức minh họa; theo Nghị quyết HĐND tỉnh'],
      ['Phí thẩm định hồ sơ', 500000],
    ],
    legal: 'Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP',
    docs: [
      ['Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)', 1, 0],
      ['Giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai', 0, 1],
      ['Sơ đồ, bản vẽ tài sản gắn liền với đất', 1, 0, false],
      ['Chứng từ thực hiện nghĩa vụ tài chính', 0, 1, false],
    ],
    steps: [
      ['receive', 0.5],
      ['appraise', 10],
      ['financial', 5],
      ['approve', 4],
      ['return', 0.5],
    ],
  },
  {
    code: '1.012790',
    name: 'Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế',
    field: 'DAT_DAI',
    agency: NN_MT,
    online: 'partial',
    limit: [10, 'working_days'],
    fees: [['Lệ phí đăng ký biến động', 50000, 'Mức minh họa']],
    legal: 'Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP',
    docs: [
      ['Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)', 1, 0],
      ['Hợp đồng, văn bản chuyển quyền đã công chứng, chứng thực', 1, 0],
      ['Bản gốc Giấy chứng nhận đã cấp', 1, 0],
    ],
    steps: [
      ['receive', 0.5],
      ['appraise', 5],
      ['financial', 2],
      ['approve', 2],
      ['return', 0.5],
    ],
  },
  {
    code: '1.012798',
    name: 'Tách thửa hoặc hợp thửa đất',
    field: 'DAT_DAI',
    agency: NN_MT,
    online: 'partial',
    limit: [15, 'working_days'],
    fees: [['Lệ phí cấp Giấy chứng nhận', 50000]],
    legal: 'Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP',
    docs: [
      ['Đơn đề nghị tách thửa, hợp thửa (Mẫu số 01/ĐK)', 1, 0],
      ['Bản vẽ tách thửa, hợp thửa', 1, 0],
      ['Bản gốc Giấy chứng nhận đã cấp', 1, 0],
    ],
    steps: STANDARD(2),
  },
  {
    code: '1.010725',
    name: 'Cấp giấy phép môi trường (cấp tỉnh)',
    field: 'MOI_TRUONG',
    agency: NN_MT,
    online: 'partial',
    limit: [30, 'calendar_days'],
    fees: [['Phí thẩm định cấp giấy phép môi trường', 5000000, 'Mức minh họa; theo Nghị quyết HĐND tỉnh']],
    result: 'both',
    legal: 'Luật Bảo vệ môi trường 2020; Nghị định 08/2022/NĐ-CP (sửa đổi bởi Nghị định 05/2025/NĐ-CP)',
    docs: [
      ['Văn bản đề nghị cấp giấy phép môi trường', 1, 0],
      ['Báo cáo đề xuất cấp giấy phép môi trường', 1, 0],
      ['Bản sao báo cáo nghiên cứu khả thi hoặc tài liệu tương đương', 0, 1],
    ],
    steps: [
      ['receive', 1],
      ['appraise', 15],
      ['interagency', 7, XAY_DUNG],
      ['approve', 6],
      ['return', 1],
    ],
  },

  {
    code: '1.000775',
    name: 'Tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh',
    field: 'THI_DUA_KHEN_THUONG',
    agency: NOI_VU,
    online: 'none',
    limit: [20, 'working_days'],
    result: 'paper',
    legal: 'Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP',
    docs: [
      ['Tờ trình đề nghị khen thưởng', 1, 0],
      ['Báo cáo thành tích của tập thể, cá nhân', 1, 0],
      ['Biên bản họp Hội đồng thi đua, khen thưởng', 1, 0],
    ],
    steps: STANDARD(5),
  },
  {
    code: '1.000748',
    name: 'Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh',
    field: 'THI_DUA_KHEN_THUONG',
    agency: NOI_VU,
    online: 'none',
    limit: [20, 'working_days'],
    result: 'paper',
    legal: 'Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP',
    docs: [
      ['Tờ trình đề nghị', 1, 0],
      ['Báo cáo thành tích cá nhân', 1, 0],
      ['Văn bản công nhận sáng kiến, đề tài nghiên cứu', 0, 1],
    ],
    steps: STANDARD(5),
  },
  {
    code: '1.000706',
    name: 'Tặng Cờ thi đua của Ủy ban nhân dân cấp tỉnh',
    field: 'THI_DUA_KHEN_THUONG',
    agency: NOI_VU,
    online: 'none',
    limit: [20, 'working_days'],
    result: 'paper',
    legal: 'Luật Thi đua, khen thưởng 2022',
    docs: [
      ['Tờ trình đề nghị', 1, 0],
      ['Báo cáo thành tích của tập thể', 1, 0],
    ],
    steps: STANDARD(5),
  },

  {
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: 'HO_TICH',
    agency: PHUONG,
    online: 'full',
    limit: [1, 'same_day'],
    result: 'both',
    legal: HO_TICH_LAW,
    docs: [
      ['Tờ khai đăng ký khai sinh (theo mẫu)', 1, 0],
      ['Giấy chứng sinh hoặc văn bản của người làm chứng', 1, 0],
      [CCCD, 1, 0],
    ],
    steps: SAME_DAY,
  },
  {
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    field: 'HO_TICH',
    agency: PHUONG,
    online: 'partial',
    limit: [1, 'same_day'],
    legal: `${HO_TICH_LAW}. Trường hợp cần xác minh: không quá 05 ngày làm việc.`,
    docs: [
      ['Tờ khai đăng ký kết hôn (theo mẫu)', 1, 0],
      ['Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không thường trú)', 1, 0, false],
      [CCCD, 1, 0],
    ],
    steps: SAME_DAY,
  },
  {
    code: '1.000656',
    name: 'Đăng ký khai tử',
    field: 'HO_TICH',
    agency: PHUONG,
    online: 'full',
    limit: [1, 'same_day'],
    result: 'both',
    legal: HO_TICH_LAW,
    docs: [
      ['Tờ khai đăng ký khai tử (theo mẫu)', 1, 0],
      ['Giấy báo tử hoặc giấy tờ thay giấy báo tử', 1, 0],
    ],
    steps: SAME_DAY,
  },
  {
    code: '1.004873',
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'HO_TICH',
    agency: PHUONG,
    online: 'full',
    limit: [3, 'working_days'],
    fees: [['Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 15000, 'Mức minh họa; theo Nghị quyết HĐND tỉnh']],
    result: 'both',
    legal: HO_TICH_LAW,
    docs: [
      ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)', 1, 0],
      ['Bản án, quyết định ly hôn hoặc trích lục khai tử (nếu có)', 0, 1, false],
    ],
    steps: [
      ['receive', 0.5],
      ['appraise', 1.5],
      ['approve', 0.5],
      ['return', 0.5],
    ],
  },
  {
    code: '2.000635',
    name: 'Cấp bản sao trích lục hộ tịch',
    field: 'HO_TICH',
    agency: PHUONG,
    online: 'full',
    limit: [4, 'working_hours'],
    fees: [['Phí cấp bản sao trích lục', 8000, 'đ/bản']],
    result: 'both',
    legal: HO_TICH_LAW,
    docs: [
      ['Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)', 1, 0],
      ['Văn bản ủy quyền (nếu nhờ người khác yêu cầu)', 1, 0, false],
    ],
    steps: [
      ['receive', 1],
      ['appraise', 2],
      ['approve', 0.5],
      ['return', 0.5],
    ],
  },
  {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
    field: 'CHUNG_THUC',
    agency: PHUONG,
    online: 'partial',
    limit: [1, 'same_day'],
    fees: [['Lệ phí chứng thực bản sao', 2000, 'đ/trang']],
    legal: 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',
    docs: [
      ['Bản chính giấy tờ, văn bản', 1, 0],
      ['Bản sao cần chứng thực', 0, 1],
    ],
    steps: SAME_DAY,
  },

  {
    code: '1.001695',
    name: 'Đăng ký lại khai sinh',
    field: 'HO_TICH',
    agency: XA,
    online: 'partial',
    limit: [5, 'working_days'],
    legal: HO_TICH_LAW,
    docs: [
      ['Tờ khai đăng ký lại khai sinh (theo mẫu)', 1, 0],
      ['Bản sao giấy tờ chứng minh nội dung khai sinh', 0, 1],
      [CCCD, 1, 0],
    ],
    steps: [
      ['receive', 0.5],
      ['appraise', 3],
      ['approve', 1],
      ['return', 0.5],
    ],
  },
  {
    code: '1.000419',
    name: 'Đăng ký nhận cha, mẹ, con',
    field: 'HO_TICH',
    agency: XA,
    online: 'partial',
    limit: [3, 'working_days'],
    legal: HO_TICH_LAW,
    docs: [
      ['Tờ khai đăng ký nhận cha, mẹ, con (theo mẫu)', 1, 0],
      ['Chứng cứ chứng minh quan hệ cha, mẹ, con', 1, 0],
    ],
    steps: [
      ['receive', 0.5],
      ['appraise', 1.5],
      ['approve', 0.5],
      ['return', 0.5],
    ],
  },
  {
    code: '1.000689',
    name: 'Đăng ký giám hộ',
    field: 'HO_TICH',
    agency: XA,
    online: 'partial',
    limit: [1, 'same_day'],
    legal: HO_TICH_LAW,
    docs: [
      ['Tờ khai đăng ký giám hộ (theo mẫu)', 1, 0],
      ['Văn bản cử người giám hộ', 1, 0],
    ],
    steps: SAME_DAY,
  },
  {
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản',
    field: 'CHUNG_THUC',
    agency: XA,
    online: 'none',
    limit: [1, 'same_day'],
    fees: [['Lệ phí chứng thực chữ ký', 10000, 'đ/trường hợp']],
    legal: 'Nghị định 23/2015/NĐ-CP',
    docs: [
      [CCCD, 1, 0],
      ['Giấy tờ, văn bản cần chứng thực chữ ký', 1, 0],
    ],
    steps: SAME_DAY,
  },
  {
    code: '1.001055',
    name: 'Đăng ký hoạt động tín ngưỡng',
    field: 'TIN_NGUONG_TON_GIAO',
    agency: XA,
    online: 'none',
    limit: [15, 'calendar_days'],
    result: 'paper',
    legal: 'Luật Tín ngưỡng, tôn giáo 2016; Nghị định 95/2023/NĐ-CP',
    docs: [
      ['Văn bản đăng ký hoạt động tín ngưỡng', 1, 0],
      ['Danh mục hoạt động tín ngưỡng', 1, 0],
    ],
    steps: [
      ['receive', 1],
      ['appraise', 10],
      ['approve', 3],
      ['return', 1],
    ],
  },
];

/** The demo procedures as create bodies (budgets add up: plan() fills the remainder). */
export const DEMO_PROCEDURES: ProcedureInput[] = SPECS.map((s) => ({
  code: s.code,
  name: s.name,
  fieldCode: s.field,
  agencyCode: s.agency,
  onlineLevel: s.online,
  timeLimit: { amount: s.limit[0], unit: s.limit[1] },
  fees: (s.fees ?? []).map(([name, amount, note]) => ({ name, amount, note: note ?? null })),
  resultType: s.result ?? 'paper',
  legalBasis: s.legal,
  ruleVersion: '2025.1',
  effectiveFrom: '2025-07-01',
  documents: s.docs.map(([name, originals, copies, isRequired]) => ({ name, originals, copies, isRequired: isRequired ?? true })),
  steps: plan(s.limit[0], s.steps),
}));
