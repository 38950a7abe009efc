/**
 * Emulation and commendation (thi đua, khen thưởng) — law as data (vietnam-rules.md §4.5).
 * Law 06/2022/QH15 (in force 01/01/2024); bonus multiples of the base salary from Decree 98/2023/NĐ-CP,
 * restated by Decree 152/2025/NĐ-CP. Conditions not found in a source are marked UNCONFIRMED.
 */
import { type Grade, isAtLeast } from './rating.rules.js';

export type EmulationTitle =
  'lao_dong_tien_tien' | 'chien_si_thi_dua_co_so' | 'chien_si_thi_dua_cap_tinh' | 'chien_si_thi_dua_toan_quoc' | 'tap_the_lao_dong_xuat_sac';

export interface TitleRule {
  code: EmulationTitle;
  label: string;
  scope: 'individual' | 'collective';
  /** Bonus = multiple × base salary. */
  multiple: number;
  legalReference: string;
  minGrade: Grade | null;
  /** Previous title required, how many consecutive times. */
  requires: { title: EmulationTitle; consecutive: number } | null;
  requiresInitiative: boolean;
  /** Not disciplined in the year (UNCONFIRMED as an explicit condition for every title). */
  requiresNoDiscipline: boolean;
  isConfirmed: boolean;
}

const REF = 'Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP (mức thưởng), Nghị định 152/2025/NĐ-CP';

export const TITLE_RULES: readonly TitleRule[] = [
  {
    code: 'lao_dong_tien_tien',
    label: 'Lao động tiên tiến',
    scope: 'individual',
    multiple: 0.3,
    legalReference: REF,
    minGrade: 'tot',
    requires: null,
    requiresInitiative: false,
    requiresNoDiscipline: true,
    isConfirmed: true,
  },
  {
    code: 'chien_si_thi_dua_co_so',
    label: 'Chiến sĩ thi đua cơ sở',
    scope: 'individual',
    multiple: 1.0,
    legalReference: REF,
    minGrade: 'xuat_sac',
    requires: { title: 'lao_dong_tien_tien', consecutive: 1 },
    requiresInitiative: true,
    requiresNoDiscipline: true,
    isConfirmed: false,
  },
  {
    code: 'chien_si_thi_dua_cap_tinh',
    label: 'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
    scope: 'individual',
    multiple: 3.0,
    legalReference: REF,
    minGrade: 'xuat_sac',
    requires: { title: 'chien_si_thi_dua_co_so', consecutive: 3 },
    requiresInitiative: true,
    requiresNoDiscipline: true,
    isConfirmed: false,
  },
  {
    code: 'chien_si_thi_dua_toan_quoc',
    label: 'Chiến sĩ thi đua toàn quốc',
    scope: 'individual',
    multiple: 4.5,
    legalReference: REF,
    minGrade: 'xuat_sac',
    requires: { title: 'chien_si_thi_dua_cap_tinh', consecutive: 2 },
    requiresInitiative: true,
    requiresNoDiscipline: true,
    isConfirmed: false,
  },
  {
    code: 'tap_the_lao_dong_xuat_sac',
    label: 'Tập thể lao động xuất sắc',
    scope: 'collective',
    multiple: 1.5,
    legalReference: REF,
    minGrade: null,
    requires: null,
    requiresInitiative: false,
    requiresNoDiscipline: false,
    isConfirmed: true,
  },
];

export const titleRule = (code: EmulationTitle): TitleRule => TITLE_RULES.find((t) => t.code === code)!;

/** Mức lương cơ sở (Decree 73/2024/NĐ-CP from 01/07/2024). Later changes: add a row. */
export const BASE_SALARIES: readonly { from: string; amount: number; legalReference: string }[] = [
  { from: '2023-07-01', amount: 1_800_000, legalReference: 'Nghị định 24/2023/NĐ-CP' },
  { from: '2024-07-01', amount: 2_340_000, legalReference: 'Nghị định 73/2024/NĐ-CP' },
];

export function baseSalaryOn(date: string): number {
  return [...BASE_SALARIES].reverse().find((b) => b.from <= date)?.amount ?? BASE_SALARIES[0].amount;
}

/** Bonus in whole đồng: multiple × base salary, rounded to the nearest 1,000 đồng (practice: UNCONFIRMED). */
export function bonusAmount(title: EmulationTitle, baseSalary: number): number {
  return Math.round((titleRule(title).multiple * baseSalary) / 1000) * 1000;
}

export interface TitleFacts {
  grade: Grade | null;
  isDisciplined: boolean;
  hasInitiative?: boolean;
  /** How many consecutive years (ending with the previous one) each title was held. */
  consecutive?: Partial<Record<EmulationTitle, number>>;
}

/** Is an official eligible for a title? The unmet conditions are returned, in Vietnamese. */
export function checkTitle(code: EmulationTitle, facts: TitleFacts): { isEligible: boolean; unmet: string[] } {
  const rule = titleRule(code);
  const unmet: string[] = [];
  if (rule.minGrade && (!facts.grade || !isAtLeast(facts.grade, rule.minGrade)))
    unmet.push(`Cần xếp loại từ "${rule.minGrade === 'tot' ? 'Hoàn thành tốt nhiệm vụ' : 'Hoàn thành xuất sắc nhiệm vụ'}" trở lên.`);
  if (rule.requiresNoDiscipline && facts.isDisciplined) unmet.push('Bị xử lý kỷ luật trong năm.');
  if (rule.requiresInitiative && !facts.hasInitiative) unmet.push('Cần có sáng kiến hoặc giải pháp được công nhận.');
  if (rule.requires && (facts.consecutive?.[rule.requires.title] ?? 0) < rule.requires.consecutive)
    unmet.push(`Cần ${rule.requires.consecutive} lần liên tục đạt "${titleRule(rule.requires.title).label}".`);
  return { isEligible: unmet.length === 0, unmet };
}
