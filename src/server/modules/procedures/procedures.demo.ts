/**
 * The demo catalog: realistic procedures of the demo province's agencies (see db/seed/demo.ts).
 * Names, time limits and documents follow published procedures; the codes are shaped like the
 * National TTHC Database codes but ILLUSTRATIVE, and fees are examples (provinces set many fees
 * by resolution of the People's Council). Every row is marked is_demo.
 */
import { COMMUNE_SPECS } from './procedures.demo.commune.js';
import type { StepSpec } from './procedures.demo.kit.js';
import { PROVINCE_SPECS } from './procedures.demo.province.js';
import type { HandlerKind, StepCode } from './procedures.schemas.js';
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

function plan(total: number, specs: StepSpec[]): ProcedureInput['steps'] {
  const fixed = specs.reduce((s, [, b]) => s + (b ?? 0), 0);
  return specs.map(([code, budget, agencyCode]) => {
    const [name, handlingAgency] = STEP_DEFAULTS[code];
    return { code, name, handlingAgency, agencyCode: agencyCode ?? null, budget: budget ?? Math.round((total - fixed) * 100) / 100 };
  });
}

/** The demo procedures as create bodies (budgets add up: plan() fills the remainder). */
export const DEMO_PROCEDURES: ProcedureInput[] = [...PROVINCE_SPECS, ...COMMUNE_SPECS].map((s) => ({
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
