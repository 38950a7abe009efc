/**
 * Annual quality rating (đánh giá, xếp loại chất lượng) — law as data (vietnam-rules.md §4.3–4.4).
 * - Years ≤ 2025: Decree 90/2020/NĐ-CP (as amended by 48/2023): four grades chosen by criteria, no points.
 * - Years ≥ 2026: Decree 335/2025/NĐ-CP: 100 points (30 general + 70 task results), bands 90/70/50,
 *   "Không hoàn thành" when disciplined for a duty-related violation in the year, and "Xuất sắc"
 *   for at most 20% of those rated "Tốt" within a group with similar duties.
 * Pure functions only.
 */

export type Grade = 'xuat_sac' | 'tot' | 'hoan_thanh' | 'khong_hoan_thanh';
export const GRADES: readonly Grade[] = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'];
export const GRADE_LABELS: Record<Grade, string> = {
  xuat_sac: 'Hoàn thành xuất sắc nhiệm vụ',
  tot: 'Hoàn thành tốt nhiệm vụ',
  hoan_thanh: 'Hoàn thành nhiệm vụ',
  khong_hoan_thanh: 'Không hoàn thành nhiệm vụ',
};
const RANK: Record<Grade, number> = { xuat_sac: 3, tot: 2, hoan_thanh: 1, khong_hoan_thanh: 0 };
export const isAtLeast = (grade: Grade, min: Grade): boolean => RANK[grade] >= RANK[min];

export interface RatingRegime {
  code: 'ND90_2020' | 'ND335_2025';
  legalReference: string;
  fromYear: number;
  toYear: number | null;
  usesPoints: boolean;
  maxGeneral: number;
  maxTask: number;
  /** Lower bounds (inclusive) of each band on the 100-point scale. */
  bands: { xuat_sac: number; tot: number; hoan_thanh: number } | null;
  /** Which discipline in the year forces "Không hoàn thành". */
  disciplineForcesFailure: 'any' | 'duty_related';
  excellentQuota: { ratio: number; isConfirmed: boolean; reference: string };
}

export const RATING_REGIMES: readonly RatingRegime[] = [
  {
    code: 'ND90_2020',
    legalReference: 'Nghị định 90/2020/NĐ-CP (13/08/2020, hiệu lực 20/08/2020), sửa đổi bởi Nghị định 48/2023/NĐ-CP',
    fromYear: 2020,
    toYear: 2025,
    usesPoints: false,
    maxGeneral: 0,
    maxTask: 0,
    bands: null,
    disciplineForcesFailure: 'any',
    excellentQuota: {
      ratio: 0.2,
      isConfirmed: false,
      reference: 'Điều 20 NĐ 90/2020 (20% số "tốt", văn bản UNCONFIRMED); NĐ 48/2023 đổi thành không vượt tỷ lệ đảng viên xuất sắc — cấu hình được',
    },
  },
  {
    code: 'ND335_2025',
    legalReference: 'Nghị định 335/2025/NĐ-CP (21/12/2025), áp dụng từ 01/01/2026',
    fromYear: 2026,
    toYear: null,
    usesPoints: true,
    maxGeneral: 30,
    maxTask: 70,
    bands: { xuat_sac: 90, tot: 70, hoan_thanh: 50 },
    disciplineForcesFailure: 'duty_related',
    excellentQuota: {
      ratio: 0.2,
      isConfirmed: true,
      reference: 'Nghị định 335/2025/NĐ-CP: "Xuất sắc" ≤ 20% số được xếp "Tốt" trong cơ quan, nhóm có nhiệm vụ tương đồng',
    },
  },
];

export function ratingRegimeFor(year: number): RatingRegime {
  return RATING_REGIMES.find((r) => r.fromYear <= year && (r.toYear === null || year <= r.toYear)) ?? RATING_REGIMES[0];
}

/** Scores are kept to two decimals; comparing in hundredths avoids 89.99999… surprises. */
const hundredths = (n: number): number => Math.round(n * 100);

export function totalScore(general: number, task: number): number {
  return hundredths(general + task) / 100;
}

export interface GradeFacts {
  /** Disciplined (reprimand or higher) in the rating year; `isDutyRelated` for the violation. */
  disciplines?: readonly { isDutyRelated: boolean }[];
  /** Political/ethical degradation concluded by the competent authority. */
  isDegraded?: boolean;
}

/** Why the grade is forced to "Không hoàn thành", or null. */
export function failureReason(regime: RatingRegime, facts: GradeFacts): string | null {
  if (facts.isDegraded) return 'Suy thoái về tư tưởng chính trị, đạo đức, lối sống.';
  const d = facts.disciplines ?? [];
  if (regime.disciplineForcesFailure === 'any' ? d.length > 0 : d.some((x) => x.isDutyRelated)) {
    return regime.disciplineForcesFailure === 'any'
      ? 'Bị xử lý kỷ luật trong năm đánh giá.'
      : 'Bị xử lý kỷ luật trong năm đánh giá do vi phạm liên quan đến thực hiện chức trách, nhiệm vụ.';
  }
  return null;
}

/** Decree 335/2025: the band of a 100-point score (before the quota), then the forcing facts. */
export function gradeFromScore(score: number, facts: GradeFacts = {}, regime: RatingRegime = RATING_REGIMES[1]): Grade {
  if (!regime.bands) throw new Error(`${regime.code} does not grade by points`);
  if (failureReason(regime, facts)) return 'khong_hoan_thanh';
  const s = hundredths(score);
  if (s >= hundredths(regime.bands.xuat_sac)) return 'xuat_sac';
  if (s >= hundredths(regime.bands.tot)) return 'tot';
  if (s >= hundredths(regime.bands.hoan_thanh)) return 'hoan_thanh';
  return 'khong_hoan_thanh';
}

/** The grade for any regime: by points (335/2025) or the manager's proposal capped by the facts (90/2020). */
export function gradeFor(year: number, input: { score?: number | null; proposed?: Grade | null }, facts: GradeFacts = {}): Grade {
  const regime = ratingRegimeFor(year);
  if (regime.usesPoints) return gradeFromScore(input.score ?? 0, facts, regime);
  if (failureReason(regime, facts)) return 'khong_hoan_thanh';
  return input.proposed ?? 'hoan_thanh';
}

/** At most this many "Xuất sắc" among `goodCount` officials rated "Tốt" or better (rounded down). */
export function excellentQuota(goodCount: number, ratio = 0.2): number {
  // integer arithmetic: floor(goodCount × ratio) without 0.2 × 10 = 1.9999… surprises
  return Math.floor((goodCount * Math.round(ratio * 1000)) / 1000);
}

export interface QuotaMember {
  id: string;
  grade: Grade;
  score: number | null;
}

/**
 * Apply the "Xuất sắc ≤ 20% of Tốt" quota in one group with similar duties.
 * Interpretation (kept explicit): the base is every member who reached at least "Tốt" (the excellent
 * candidates also fulfilled the "Tốt" conditions), so 10 such members allow at most 2 "Xuất sắc".
 * Candidates are ranked by score (highest first), ties by id, so the result is deterministic; the
 * others are rated "Tốt".
 */
export function applyExcellentQuota<T extends QuotaMember>(group: readonly T[], ratio = 0.2): (T & { finalGrade: Grade; isCappedByQuota: boolean })[] {
  const goodOrBetter = group.filter((m) => isAtLeast(m.grade, 'tot')).length;
  const limit = excellentQuota(goodOrBetter, ratio);
  const ranked = group
    .filter((m) => m.grade === 'xuat_sac')
    .sort((a, b) => hundredths(b.score ?? 0) - hundredths(a.score ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keep = new Set(ranked.slice(0, limit).map((m) => m.id));
  return group.map((m) => {
    const isCapped = m.grade === 'xuat_sac' && !keep.has(m.id);
    return { ...m, finalGrade: isCapped ? 'tot' : m.grade, isCappedByQuota: isCapped };
  });
}
