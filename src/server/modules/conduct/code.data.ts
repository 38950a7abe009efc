/**
 * The rule sets shipped with the platform (law as data). Decision 129/2007/QĐ-TTg and Decision
 * 1847/QĐ-TTg apply to everyone; the service-centre code is a SAMPLE shaped like the one described in
 * the article (10 general principles, 11 communication rules, 11 working-style rules) — its wording is
 * ours, not an official text, and it is marked is_sample. Rules not found in a retrieved source are
 * marked isConfirmed: false (vietnam-rules.md §5).
 */
export const CHECKLIST_ITEMS = ['attire', 'name_card', 'punctuality', 'smoking', 'alcohol', 'personal_devices', 'desk', 'attitude'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export interface RuleData {
  chapter: number;
  chapterTitle: string;
  number: number;
  text: string;
  checklistItem?: ChecklistItem;
  isConfirmed?: boolean;
}
export interface RuleSetData {
  code: string;
  version: number;
  title: string;
  legalReference: string;
  effectiveFrom: string;
  isSample: boolean;
  /** Agency code the set belongs to; null = applies to everyone. */
  agencyCode: string | null;
  note?: string;
  rules: RuleData[];
}

const ch = (chapter: number, chapterTitle: string, texts: ReadonlyArray<string | [string, ChecklistItem]>, isConfirmed = true): RuleData[] =>
  texts.map((t, i) => ({
    chapter,
    chapterTitle,
    number: i + 1,
    text: Array.isArray(t) ? t[0] : (t as string),
    checklistItem: Array.isArray(t) ? t[1] : undefined,
    isConfirmed,
  }));

export const QD_129_2007: RuleSetData = {
  code: 'QD129_2007',
  version: 1,
  title: 'Quy chế văn hóa công sở tại các cơ quan hành chính nhà nước',
  legalReference: 'Quyết định 129/2007/QĐ-TTg ngày 02/08/2007 của Thủ tướng Chính phủ',
  effectiveFrom: '2007-08-30',
  isSample: false,
  agencyCode: null,
  rules: [
    ...ch(1, 'Trang phục', [
      ['Khi thực hiện nhiệm vụ, cán bộ, công chức, viên chức phải mặc trang phục gọn gàng, lịch sự (Điều 5).', 'attire'],
      'Cán bộ, công chức, viên chức có trang phục riêng theo quy định của pháp luật thì thực hiện theo quy định đó (Điều 5).',
      'Lễ phục: nam — bộ comple, áo sơ mi, cà vạt; nữ — áo dài truyền thống hoặc bộ comple nữ; trang phục ngày hội dân tộc được coi là lễ phục (Điều 5).',
    ]),
    ...ch(
      2,
      'Thẻ cán bộ, công chức, viên chức',
      [['Đeo thẻ khi thực hiện nhiệm vụ; thẻ có tên cơ quan, ảnh, họ tên, chức danh, số hiệu (Điều 6).', 'name_card']],
      false,
    ),
    ...ch(
      3,
      'Giao tiếp và ứng xử',
      [
        [
          'Khi thi hành nhiệm vụ phải thực hiện đúng quy định về những việc phải làm và những việc không được làm; có thái độ lịch sự, tôn trọng; ngôn ngữ giao tiếp chuẩn mực, rõ ràng, mạch lạc (Điều 9–11).',
          'attitude',
        ],
        'Trong giao tiếp với nhân dân phải nhã nhặn, lắng nghe ý kiến, giải thích, hướng dẫn rõ ràng, cụ thể; không được có thái độ hách dịch, nhũng nhiễu, gây khó khăn, phiền hà (Điều 10).',
        'Trong giao tiếp với đồng nghiệp phải có thái độ trung thực, thân thiện, hợp tác (Điều 11).',
      ],
      false,
    ),
    ...ch(
      4,
      'Những việc không được làm tại công sở',
      [
        ['Không hút thuốc lá trong phòng làm việc (Điều 12).', 'smoking'],
        [
          'Không sử dụng đồ uống có cồn tại công sở, trừ trường hợp được sự đồng ý của lãnh đạo cơ quan vào các dịp liên hoan, lễ tết, tiếp khách ngoại giao (Điều 12).',
          'alcohol',
        ],
        'Không quảng cáo thương mại tại công sở (Điều 12).',
      ],
      false,
    ),
    ...ch(
      5,
      'Bài trí công sở',
      [['Phòng làm việc có biển tên ghi rõ tên đơn vị, họ và tên, chức danh cán bộ; sắp xếp, bài trí gọn gàng, khoa học (Điều 13–17).', 'desk']],
      false,
    ),
  ],
};

export const QD_1847_2018: RuleSetData = {
  code: 'QD1847_2018',
  version: 1,
  title: 'Đề án Văn hóa công vụ',
  legalReference: 'Quyết định 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ',
  effectiveFrom: '2018-12-27',
  isSample: false,
  agencyCode: null,
  rules: [
    ...ch(1, 'Tinh thần, thái độ làm việc', [
      'Chấp hành sự phân công công việc; không kén chọn vị trí công tác, không "chọn việc dễ, bỏ việc khó", không có tâm lý "nhiệm kỳ".',
      ['Sử dụng thời gian làm việc hiệu quả; không làm việc riêng trong giờ làm việc.', 'punctuality'],
      'Không gây phiền hà, sách nhiễu, kéo dài thời gian giải quyết công việc.',
    ]),
    ...ch(2, 'Chuẩn mực giao tiếp, ứng xử', [
      ['Tôn trọng, lắng nghe, tận tình, chu đáo khi giao tiếp với người dân.', 'attitude'],
      'Thận trọng khi phát ngôn; không đưa thông tin chưa được kiểm chứng lên mạng xã hội.',
    ]),
    ...ch(3, 'Chuẩn mực đạo đức, lối sống', [
      ['Không sử dụng đồ uống có cồn trong giờ làm việc, giờ nghỉ trưa của ngày làm việc.', 'alcohol'],
      ['Chỉ hút thuốc lá đúng nơi quy định.', 'smoking'],
      'Không tham gia đánh bạc, tệ nạn xã hội; không hành nghề mê tín dị đoan, không lợi dụng lễ hội.',
      'Người đứng đầu không bổ nhiệm người thân quen không đủ tiêu chuẩn; chủ động từ chức khi không đủ năng lực.',
    ]),
    ...ch(4, 'Trang phục', [['Trang phục gọn gàng, lịch sự, đúng quy định, phù hợp tính chất công việc.', 'attire']]),
  ],
};

export const SAMPLE_SERVICE_CENTRE: RuleSetData = {
  code: 'MAU_TTPVHCC',
  version: 1,
  title: 'Quy tắc ứng xử của công chức, viên chức Trung tâm Phục vụ hành chính công (MẪU)',
  legalReference:
    'Bộ quy tắc MẪU, minh họa cấu trúc "10 nguyên tắc chung, 11 quy định giao tiếp, 11 quy định tác phong" nêu trong bài báo BHG 30/09/2022 — không phải văn bản chính thức',
  effectiveFrom: '2026-01-01',
  isSample: true,
  agencyCode: '000.00.31.H57',
  note: 'Văn bản MẪU: cơ quan cần ban hành quy tắc của mình (một phiên bản mới) trước khi dùng để xử lý vi phạm.',
  rules: [
    ...ch(1, 'Nguyên tắc chung khi giao tiếp với khách hàng', [
      'Lấy sự hài lòng của tổ chức, cá nhân làm thước đo chất lượng phục vụ.',
      'Tôn trọng, công bằng, không phân biệt đối xử với khách hàng.',
      'Công khai, minh bạch thủ tục, phí, lệ phí và thời hạn giải quyết.',
      'Đúng pháp luật, đúng quy trình, đúng hẹn.',
      'Tận tình, chu đáo, kiên nhẫn hướng dẫn.',
      'Không sách nhiễu, gây phiền hà, không đùn đẩy trách nhiệm.',
      'Trung thực, liêm chính, không nhận quà, tiền của khách hàng.',
      'Bảo vệ thông tin cá nhân của khách hàng.',
      'Xin lỗi khi để chậm hẹn hoặc sai sót.',
      'Lắng nghe, tiếp thu ý kiến phản ánh, kiến nghị.',
    ]),
    ...ch(2, 'Quy định về giao tiếp và ứng xử với khách hàng', [
      ['Chủ động chào hỏi, mời ngồi khi khách hàng đến quầy.', 'attitude'],
      'Xưng hô lịch sự, ngôn ngữ chuẩn mực, rõ ràng.',
      'Hỏi rõ nhu cầu và hướng dẫn đầy đủ trong một lần.',
      'Không ngắt lời, không tỏ thái độ khó chịu.',
      'Giải thích lý do khi từ chối hoặc yêu cầu bổ sung hồ sơ, bằng văn bản.',
      'Ưu tiên người cao tuổi, người khuyết tật, phụ nữ có thai.',
      'Trả lời điện thoại, tin nhắn của khách hàng đúng giờ làm việc, lịch sự.',
      'Không tiếp khách hàng bằng việc riêng; không nói chuyện riêng khi đang tiếp khách.',
      'Cảm ơn khách hàng khi kết thúc giao dịch.',
      'Hướng dẫn khách hàng đánh giá mức độ hài lòng.',
      'Giữ bình tĩnh, báo lãnh đạo khi có tình huống phức tạp.',
    ]),
    ...ch(3, 'Quy định về tác phong làm việc của công chức, viên chức', [
      ['Có mặt tại quầy đúng giờ; không đi muộn, về sớm.', 'punctuality'],
      ['Mặc trang phục đúng quy định của Trung tâm.', 'attire'],
      ['Đeo thẻ công chức, viên chức trong giờ làm việc.', 'name_card'],
      ['Không hút thuốc lá tại Trung tâm.', 'smoking'],
      ['Không sử dụng đồ uống có cồn trong giờ làm việc và giờ nghỉ trưa.', 'alcohol'],
      ['Không dùng tai nghe, chơi trò chơi, sử dụng thiết bị cá nhân vào việc riêng trong giờ làm việc.', 'personal_devices'],
      ['Bàn làm việc gọn gàng; hồ sơ sắp xếp khoa học.', 'desk'],
      'Không rời vị trí khi chưa có người thay.',
      'Cập nhật trạng thái hồ sơ trên hệ thống ngay khi xử lý.',
      'Không tự ý hẹn khách hàng ngoài Trung tâm.',
      'Thực hiện nghiêm nội quy, quy chế của Trung tâm.',
    ]),
  ],
};

export const BUILT_IN_RULE_SETS: readonly RuleSetData[] = [QD_129_2007, QD_1847_2018, SAMPLE_SERVICE_CENTRE];

/** The emulation campaign of the article, 2019–2025 (criteria: a sample scoring grid). */
export const OFFICE_CULTURE_CAMPAIGN = {
  code: 'TD_VHCS_2019_2025',
  title: 'Cán bộ, công chức thi đua thực hiện văn hóa công sở giai đoạn 2019–2025',
  fromYear: 2019,
  toYear: 2025,
  legalReference: 'Phát động theo Quyết định 1847/QĐ-TTg; Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP (tiêu chí chấm điểm là MẪU)',
  isSample: true,
  criteria: [
    { code: 'attire_card', label: 'Trang phục, thẻ công chức', maxPoints: 20 },
    { code: 'working_time', label: 'Chấp hành thời gian làm việc', maxPoints: 20 },
    { code: 'communication', label: 'Giao tiếp, ứng xử với người dân', maxPoints: 30 },
    { code: 'workplace', label: 'Bài trí công sở, môi trường làm việc', maxPoints: 15 },
    { code: 'no_violation', label: 'Không vi phạm kỷ luật, kỷ cương hành chính', maxPoints: 15 },
  ],
};
