import { describe, expect, it } from 'vitest';
import {
  addYears,
  allowedForms,
  checkForm,
  handlingDays,
  isLimitationExpired,
  isWaitingReasonAllowed,
  limitationUntil,
  regimeFor,
} from './discipline.rules.js';
import { baseSalaryOn, bonusAmount, checkTitle } from './emulation.rules.js';
import { applyExcellentQuota, excellentQuota, gradeFor, gradeFromScore, ratingRegimeFor, totalScore } from './rating.rules.js';

describe('discipline regimes (Decree 112/2020 → 172/2025)', () => {
  it('chooses the regime by the date of the act: 30/06/2025 → 112/2020, 01/07/2025 → 172/2025', () => {
    expect(regimeFor('cong_chuc', '2025-06-30').code).toBe('ND112_2020');
    expect(regimeFor('cong_chuc', '2025-07-01').code).toBe('ND172_2025');
    expect(regimeFor('can_bo', '2025-07-01').code).toBe('ND172_2025');
    // public employees stay on 112/2020 until Decree 234/2026 (UNCONFIRMED)
    expect(regimeFor('vien_chuc', '2025-07-01').code).toBe('ND112_2020');
    expect(regimeFor('vien_chuc', '2026-07-01').code).toBe('ND234_2026');
  });

  it('hạ bậc lương: allowed for an act on 2025-06-30, refused as abolished for an act on 2025-07-01', () => {
    expect(checkForm({ category: 'cong_chuc', isLeader: false, actDate: '2025-06-30', form: 'ha_bac_luong' }).ok).toBe(true);
    const refused = checkForm({ category: 'cong_chuc', isLeader: false, actDate: '2025-07-01', form: 'ha_bac_luong' });
    expect(refused).toMatchObject({ ok: false, code: 'DISCIPLINE_FORM_ABOLISHED' });
  });

  it('giáng chức for a leader: allowed on 2025-06-30, abolished on 2025-07-01; never for a non-leader', () => {
    expect(checkForm({ category: 'cong_chuc', isLeader: true, actDate: '2025-06-30', form: 'giang_chuc' }).ok).toBe(true);
    expect(checkForm({ category: 'cong_chuc', isLeader: true, actDate: '2025-07-01', form: 'giang_chuc' })).toMatchObject({
      ok: false,
      code: 'DISCIPLINE_FORM_ABOLISHED',
    });
    expect(checkForm({ category: 'cong_chuc', isLeader: false, actDate: '2025-06-30', form: 'giang_chuc' })).toMatchObject({
      ok: false,
      code: 'DISCIPLINE_FORM_NOT_ALLOWED',
    });
  });

  it('forms per category under 172/2025', () => {
    expect(allowedForms('cong_chuc', false, '2026-01-01')).toEqual(['khien_trach', 'canh_cao', 'buoc_thoi_viec']);
    expect(allowedForms('cong_chuc', true, '2026-01-01')).toEqual(['khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec']);
    expect(allowedForms('can_bo', false, '2026-01-01')).toEqual(['khien_trach', 'canh_cao', 'cach_chuc', 'bai_nhiem']);
    expect(checkForm({ category: 'cong_chuc', isLeader: false, actDate: '2026-01-01', form: 'cach_chuc' })).toMatchObject({
      ok: false,
      code: 'DISCIPLINE_FORM_NOT_ALLOWED',
    });
  });

  it('waiting cases: "on leave" no longer defers discipline under 172/2025', () => {
    expect(isWaitingReasonAllowed('cong_chuc', '2025-06-30', 'on_leave')).toBe(true);
    expect(isWaitingReasonAllowed('cong_chuc', '2025-07-01', 'on_leave')).toBe(false);
    expect(isWaitingReasonAllowed('cong_chuc', '2025-07-01', 'pregnancy_or_child_under_12_months')).toBe(true);
  });
});

describe('limitation and handling periods', () => {
  it('worked example 33: act 01/01/2019 → 2021 / 2024 (old 2/5 years) vs 2024 / 2029 (new 5/10, UNCONFIRMED)', () => {
    expect(limitationUntil({ actDate: '2019-01-01', severity: 'it_nghiem_trong', handledOn: '2020-06-01' }).until).toBe('2021-01-01');
    expect(limitationUntil({ actDate: '2019-01-01', severity: 'nghiem_trong', handledOn: '2020-08-01' }).until).toBe('2024-01-01');
    const newer = limitationUntil({ actDate: '2019-01-01', severity: 'it_nghiem_trong', handledOn: '2025-07-01' });
    expect(newer.until).toBe('2024-01-01');
    expect(newer.rule.isConfirmed).toBe(false);
    expect(limitationUntil({ actDate: '2019-01-01', severity: 'rat_nghiem_trong', handledOn: '2026-01-01' }).until).toBe('2029-01-01');
  });

  it('the expiry day itself is still within the limitation; the next day is not', () => {
    const { until } = limitationUntil({ actDate: '2021-03-15', severity: 'it_nghiem_trong', handledOn: '2026-03-01' });
    expect(until).toBe('2026-03-15');
    expect(isLimitationExpired(until, '2026-03-15')).toBe(false);
    expect(isLimitationExpired(until, '2026-03-16')).toBe(true);
  });

  it('29 February counts to 28 February; cases without limitation never expire', () => {
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    const none = limitationUntil({ actDate: '2000-01-01', severity: 'nghiem_trong', handledOn: '2026-01-01', noLimitation: 'forged_diploma' });
    expect(none.until).toBeNull();
    expect(isLimitationExpired(none.until, '2026-01-01')).toBe(false);
  });

  it('handling period: 90 days, 150 for complex cases', () => {
    expect(handlingDays(false)).toBe(90);
    expect(handlingDays(true)).toBe(150);
  });
});

describe('annual rating (Decree 90/2020 ≤ 2025, Decree 335/2025 from 2026)', () => {
  it('picks the regime by year', () => {
    expect(ratingRegimeFor(2025).code).toBe('ND90_2020');
    expect(ratingRegimeFor(2026).code).toBe('ND335_2025');
  });

  it.each([
    [100, 'xuat_sac'],
    [90, 'xuat_sac'],
    [89.99, 'tot'],
    [70, 'tot'],
    [69.99, 'hoan_thanh'],
    [50, 'hoan_thanh'],
    [49.99, 'khong_hoan_thanh'],
    [0, 'khong_hoan_thanh'],
  ] as const)('score %s → %s', (score, grade) => {
    expect(gradeFromScore(score)).toBe(grade);
  });

  it('sums 30 + 70 points without float drift (29.99 + 60.01 = 90 → xuất sắc)', () => {
    expect(totalScore(29.99, 60.01)).toBe(90);
    expect(gradeFromScore(totalScore(29.99, 60.01))).toBe('xuat_sac');
    expect(gradeFromScore(totalScore(20.1, 49.89))).toBe('hoan_thanh');
  });

  it('95 points but disciplined for a duty-related violation → không hoàn thành; not duty-related → by points', () => {
    expect(gradeFromScore(95, { disciplines: [{ isDutyRelated: true }] })).toBe('khong_hoan_thanh');
    expect(gradeFromScore(95, { disciplines: [{ isDutyRelated: false }] })).toBe('xuat_sac');
    expect(gradeFor(2026, { score: 95 }, { disciplines: [{ isDutyRelated: true }] })).toBe('khong_hoan_thanh');
  });

  it('Decree 90/2020: the proposal stands unless disciplined in the year (any discipline)', () => {
    expect(gradeFor(2025, { proposed: 'tot' })).toBe('tot');
    expect(gradeFor(2025, { proposed: 'tot' }, { disciplines: [{ isDutyRelated: false }] })).toBe('khong_hoan_thanh');
  });

  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [9, 1],
    [10, 2],
    [11, 2],
    [15, 3],
  ])('quota: %i rated at least "tốt" → at most %i "xuất sắc"', (good, max) => {
    expect(excellentQuota(good)).toBe(max);
  });

  it('applyExcellentQuota keeps the top scorers deterministically (ties by id) and rates the others "tốt"', () => {
    const group = [
      ...Array.from({ length: 7 }, (_, i) => ({ id: `t${i}`, grade: 'tot' as const, score: 80 })),
      { id: 'x-b', grade: 'xuat_sac' as const, score: 95 },
      { id: 'x-a', grade: 'xuat_sac' as const, score: 95 },
      { id: 'x-c', grade: 'xuat_sac' as const, score: 99 },
      { id: 'h1', grade: 'hoan_thanh' as const, score: 60 },
    ];
    const out = applyExcellentQuota(group);
    const excellent = out.filter((m) => m.finalGrade === 'xuat_sac').map((m) => m.id);
    expect(excellent).toEqual(['x-a', 'x-c']); // 10 good-or-better → 2; 99 first, then x-a before x-b
    expect(out.find((m) => m.id === 'x-b')).toMatchObject({ finalGrade: 'tot', isCappedByQuota: true });
    expect(
      applyExcellentQuota([...group].reverse())
        .filter((m) => m.finalGrade === 'xuat_sac')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['x-a', 'x-c']);
  });

  it('quota with 4 members at least "tốt" allows no "xuất sắc"; with 5 exactly one', () => {
    const four = [
      { id: 'a', grade: 'xuat_sac' as const, score: 92 },
      ...Array.from({ length: 3 }, (_, i) => ({ id: `t${i}`, grade: 'tot' as const, score: 75 })),
    ];
    expect(applyExcellentQuota(four).filter((m) => m.finalGrade === 'xuat_sac')).toHaveLength(0);
    const five = [...four, { id: 'b', grade: 'xuat_sac' as const, score: 91 }];
    expect(
      applyExcellentQuota(five)
        .filter((m) => m.finalGrade === 'xuat_sac')
        .map((m) => m.id),
    ).toEqual(['a']);
  });
});

describe('emulation titles and bonuses (Decree 98/2023, 152/2025)', () => {
  it('worked example 38: multiples of the base salary', () => {
    const b = baseSalaryOn('2025-01-01');
    expect(b).toBe(2_340_000);
    expect(bonusAmount('lao_dong_tien_tien', b)).toBe(702_000);
    expect(bonusAmount('chien_si_thi_dua_co_so', b)).toBe(2_340_000);
    expect(bonusAmount('chien_si_thi_dua_cap_tinh', b)).toBe(7_020_000);
    expect(bonusAmount('chien_si_thi_dua_toan_quoc', b)).toBe(10_530_000);
    expect(bonusAmount('tap_the_lao_dong_xuat_sac', b)).toBe(3_510_000);
  });

  it('Lao động tiên tiến needs at least "hoàn thành tốt nhiệm vụ" and no discipline', () => {
    expect(checkTitle('lao_dong_tien_tien', { grade: 'tot', isDisciplined: false }).isEligible).toBe(true);
    expect(checkTitle('lao_dong_tien_tien', { grade: 'xuat_sac', isDisciplined: false }).isEligible).toBe(true);
    expect(checkTitle('lao_dong_tien_tien', { grade: 'hoan_thanh', isDisciplined: false }).isEligible).toBe(false);
    expect(checkTitle('lao_dong_tien_tien', { grade: 'tot', isDisciplined: true }).unmet).toHaveLength(1);
  });
});
