/**
 * Discipline of cadres, civil servants and public employees — law as data (vietnam-rules.md §4.1–4.2).
 *
 * The regime is chosen by the DATE OF THE ACT and the category of the official:
 * - cán bộ, công chức: Decree 112/2020/NĐ-CP (+ 71/2023) for acts before 01/07/2025;
 *   Decree 172/2025/NĐ-CP (in force 01/07/2025) from then — hạ bậc lương and giáng chức abolished.
 * - viên chức: Decree 112/2020 until Decree 234/2026/NĐ-CP (01/07/2026, mirror only: UNCONFIRMED).
 * Limitation periods are chosen by the date the case is handled (a procedural rule); the instrument
 * that raised them to 5/10 years for civil servants is UNCONFIRMED and marked so in the data.
 * Pure functions: no database, no clock. Dates are 'YYYY-MM-DD' civil dates in Asia/Ho_Chi_Minh.
 */

export type OfficialCategory = 'can_bo' | 'cong_chuc' | 'vien_chuc';
export type DisciplineForm = 'khien_trach' | 'canh_cao' | 'ha_bac_luong' | 'giang_chuc' | 'cach_chuc' | 'buoc_thoi_viec' | 'bai_nhiem';
export type Severity = 'it_nghiem_trong' | 'nghiem_trong' | 'rat_nghiem_trong' | 'dac_biet_nghiem_trong';
export type WaitingReason = 'on_leave' | 'grave_illness' | 'pregnancy_or_child_under_12_months' | 'prosecuted_or_detained';
export type IsoDate = string;

export const DISCIPLINE_FORMS: readonly DisciplineForm[] = [
  'khien_trach',
  'canh_cao',
  'ha_bac_luong',
  'giang_chuc',
  'cach_chuc',
  'buoc_thoi_viec',
  'bai_nhiem',
];
export const SEVERITIES: readonly Severity[] = ['it_nghiem_trong', 'nghiem_trong', 'rat_nghiem_trong', 'dac_biet_nghiem_trong'];
export const WAITING_REASONS: readonly WaitingReason[] = ['on_leave', 'grave_illness', 'pregnancy_or_child_under_12_months', 'prosecuted_or_detained'];

export const FORM_LABELS: Record<DisciplineForm, string> = {
  khien_trach: 'Khiển trách',
  canh_cao: 'Cảnh cáo',
  ha_bac_luong: 'Hạ bậc lương',
  giang_chuc: 'Giáng chức',
  cach_chuc: 'Cách chức',
  buoc_thoi_viec: 'Buộc thôi việc',
  bai_nhiem: 'Bãi nhiệm',
};

/** Who the forms are for: the category, and for công chức / viên chức whether they lead or manage. */
export type FormGroup = 'can_bo' | 'cong_chuc' | 'cong_chuc_lanh_dao' | 'vien_chuc' | 'vien_chuc_quan_ly';

export interface DisciplineRegime {
  code: 'ND112_2020' | 'ND172_2025' | 'ND234_2026';
  legalReference: string;
  /** Acts on or after this date (inclusive) … */
  effectiveFrom: IsoDate;
  /** … and before this date (exclusive). */
  effectiveTo: IsoDate | null;
  categories: readonly OfficialCategory[];
  forms: Partial<Record<FormGroup, readonly DisciplineForm[]>>;
  /** Cases in which discipline is not yet considered (chưa xem xét xử lý kỷ luật). */
  waitingCases: readonly WaitingReason[];
  isConfirmed: boolean;
  note?: string;
}

export const DISCIPLINE_REGIMES: readonly DisciplineRegime[] = [
  {
    code: 'ND112_2020',
    legalReference:
      'Nghị định 112/2020/NĐ-CP (18/09/2020), sửa đổi bởi Nghị định 71/2023/NĐ-CP; Luật CBCC 2008 sửa đổi 2019 Điều 78–79; Luật Viên chức 2010 sửa đổi 2019 Điều 52',
    effectiveFrom: '2020-09-18',
    effectiveTo: null, // per category below (regimeFor)
    categories: ['can_bo', 'cong_chuc', 'vien_chuc'],
    forms: {
      can_bo: ['khien_trach', 'canh_cao', 'cach_chuc', 'bai_nhiem'],
      cong_chuc: ['khien_trach', 'canh_cao', 'ha_bac_luong', 'buoc_thoi_viec'],
      cong_chuc_lanh_dao: ['khien_trach', 'canh_cao', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec'],
      vien_chuc: ['khien_trach', 'canh_cao', 'buoc_thoi_viec'],
      vien_chuc_quan_ly: ['khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec'],
    },
    waitingCases: ['on_leave', 'grave_illness', 'pregnancy_or_child_under_12_months', 'prosecuted_or_detained'],
    isConfirmed: true,
    note: 'Bốn trường hợp chưa xem xét kỷ luật (Điều 3) — danh sách theo trí nhớ, UNCONFIRMED.',
  },
  {
    code: 'ND172_2025',
    legalReference: 'Nghị định 172/2025/NĐ-CP (30/06/2025), hiệu lực 01/07/2025; Luật Cán bộ, công chức 80/2025/QH15',
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
    categories: ['can_bo', 'cong_chuc'],
    forms: {
      can_bo: ['khien_trach', 'canh_cao', 'cach_chuc', 'bai_nhiem'],
      cong_chuc: ['khien_trach', 'canh_cao', 'buoc_thoi_viec'],
      cong_chuc_lanh_dao: ['khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec'],
    },
    waitingCases: ['grave_illness', 'pregnancy_or_child_under_12_months', 'prosecuted_or_detained'],
    isConfirmed: true,
    note: 'Bãi bỏ hình thức hạ bậc lương và giáng chức đối với công chức.',
  },
  {
    code: 'ND234_2026',
    legalReference: 'Nghị định 234/2026/NĐ-CP (26/06/2026), hiệu lực 01/07/2026 — bản sao chưa đối chiếu công báo (UNCONFIRMED)',
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    categories: ['vien_chuc'],
    forms: {
      vien_chuc: ['khien_trach', 'canh_cao', 'buoc_thoi_viec'],
      vien_chuc_quan_ly: ['khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec'],
    },
    waitingCases: ['grave_illness', 'pregnancy_or_child_under_12_months', 'prosecuted_or_detained'],
    isConfirmed: false,
  },
];

/** The regime governing an act: the latest one covering the category whose start is on/before the act. */
export function regimeFor(category: OfficialCategory, actDate: IsoDate): DisciplineRegime {
  const candidates = DISCIPLINE_REGIMES.filter((r) => r.categories.includes(category) && r.effectiveFrom <= actDate);
  const regime = candidates.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  // Acts before 18/09/2020 are handled under the rules in force at handling (Decree 112 Art 2) — oldest known set.
  return regime ?? DISCIPLINE_REGIMES[0];
}

export const regimeByCode = (code: string): DisciplineRegime | undefined => DISCIPLINE_REGIMES.find((r) => r.code === code);

export function formGroupOf(category: OfficialCategory, isLeader: boolean): FormGroup {
  if (category === 'can_bo') return 'can_bo';
  if (category === 'cong_chuc') return isLeader ? 'cong_chuc_lanh_dao' : 'cong_chuc';
  return isLeader ? 'vien_chuc_quan_ly' : 'vien_chuc';
}

export function allowedForms(category: OfficialCategory, isLeader: boolean, actDate: IsoDate): readonly DisciplineForm[] {
  return regimeFor(category, actDate).forms[formGroupOf(category, isLeader)] ?? [];
}

export type FormCheck =
  | { ok: true; regime: DisciplineRegime }
  | { ok: false; code: 'DISCIPLINE_FORM_ABOLISHED' | 'DISCIPLINE_FORM_NOT_ALLOWED'; regime: DisciplineRegime; message: string };

/**
 * May this form be imposed for an act of this date? A form that an earlier regime allowed for the
 * same group but the regime in force abolished is DISCIPLINE_FORM_ABOLISHED; any other form outside
 * the list is DISCIPLINE_FORM_NOT_ALLOWED (e.g. giáng chức for a non-leader).
 */
export function checkForm(input: { category: OfficialCategory; isLeader: boolean; actDate: IsoDate; form: DisciplineForm }): FormCheck {
  const regime = regimeFor(input.category, input.actDate);
  const group = formGroupOf(input.category, input.isLeader);
  const allowed = regime.forms[group] ?? [];
  if (allowed.includes(input.form)) return { ok: true, regime };
  const wasAllowed = DISCIPLINE_REGIMES.some(
    (r) => r.effectiveFrom < regime.effectiveFrom && r.categories.includes(input.category) && (r.forms[group] ?? []).includes(input.form),
  );
  const label = FORM_LABELS[input.form];
  const from = regime.effectiveFrom.split('-').reverse().join('/');
  return wasAllowed
    ? { ok: false, code: 'DISCIPLINE_FORM_ABOLISHED', regime, message: `Hình thức "${label}" đã bị bãi bỏ từ ${from} (${regime.legalReference}).` }
    : {
        ok: false,
        code: 'DISCIPLINE_FORM_NOT_ALLOWED',
        regime,
        message: `Hình thức "${label}" không áp dụng cho đối tượng này theo ${regime.legalReference}.`,
      };
}

// ── Limitation (thời hiệu) and handling period (thời hạn) ────────────────────────────────────────
export interface LimitationRule {
  code: string;
  legalReference: string;
  /** Applies to cases handled on or after this date. */
  effectiveFrom: IsoDate;
  /** Years for violations at reprimand level (ít nghiêm trọng) and for the others. */
  reprimandYears: number;
  otherYears: number;
  isConfirmed: boolean;
  note?: string;
}

export const LIMITATION_RULES: readonly LimitationRule[] = [
  {
    code: 'LUAT_2019',
    legalReference: 'Luật CBCC và Luật Viên chức sửa đổi 2019 (Điều 80 / Điều 53): 2 năm (mức khiển trách), 5 năm (các trường hợp khác)',
    effectiveFrom: '2020-07-01',
    reprimandYears: 2,
    otherYears: 5,
    isConfirmed: true,
  },
  {
    code: 'LUAT_2025',
    legalReference: 'Văn bản luật năm 2025 nâng thời hiệu lên 5 năm / 10 năm (S37) — văn bản chính xác UNCONFIRMED',
    effectiveFrom: '2025-07-01',
    reprimandYears: 5,
    otherYears: 10,
    isConfirmed: false,
    note: 'Văn bản nâng thời hiệu cho công chức và quy định chuyển tiếp chưa được xác nhận: giữ cấu hình được, hiển thị cảnh báo.',
  },
];

/** Cases with no limitation period (Luật CBCC sửa đổi 2019 Điều 80.2). */
export const NO_LIMITATION_CASES = ['party_expulsion', 'internal_political_security', 'national_defence_security_foreign_affairs', 'forged_diploma'] as const;
export type NoLimitationCase = (typeof NO_LIMITATION_CASES)[number];

export function limitationRuleFor(handledOn: IsoDate): LimitationRule {
  return [...LIMITATION_RULES].reverse().find((r) => r.effectiveFrom <= handledOn) ?? LIMITATION_RULES[0];
}

/** Add whole years to a civil date; 29 February falls back to 28 February (Civil Code 2015 Art 148). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !isLeap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The last day on which the act may still be disciplined: counted from the act (the day of the act
 * not counted), the period ends at 24:00 of the corresponding day of the last year
 * (Civil Code 2015 Art 147–148). Example: act 01/01/2019, 2 years → 01/01/2021 is the last day.
 */
export function limitationUntil(input: { actDate: IsoDate; severity: Severity; handledOn: IsoDate; noLimitation?: NoLimitationCase | null }): {
  until: IsoDate | null;
  rule: LimitationRule;
} {
  const rule = limitationRuleFor(input.handledOn);
  if (input.noLimitation) return { until: null, rule };
  const years = input.severity === 'it_nghiem_trong' ? rule.reprimandYears : rule.otherYears;
  return { until: addYears(input.actDate, years), rule };
}

export const isLimitationExpired = (until: IsoDate | null, on: IsoDate): boolean => until !== null && on > until;

export interface HandlingPeriodRule {
  legalReference: string;
  normalDays: number;
  complexDays: number;
  unit: 'calendar_days';
}

/** Thời hạn xử lý kỷ luật: ≤ 90 days, ≤ 150 days for complex cases (criminal-procedure time not counted). */
export const HANDLING_PERIOD: HandlingPeriodRule = {
  legalReference: 'Luật CBCC sửa đổi 2019 Điều 80.3; Luật Viên chức sửa đổi 2019 Điều 53.3; Nghị định 172/2025',
  normalDays: 90,
  complexDays: 150,
  unit: 'calendar_days',
};

export const handlingDays = (isComplex: boolean): number => (isComplex ? HANDLING_PERIOD.complexDays : HANDLING_PERIOD.normalDays);

/** A waiting case recognised by the regime in force for this act? (172/2025 dropped "on leave".) */
export function isWaitingReasonAllowed(category: OfficialCategory, actDate: IsoDate, reason: WaitingReason): boolean {
  return regimeFor(category, actDate).waitingCases.includes(reason);
}
