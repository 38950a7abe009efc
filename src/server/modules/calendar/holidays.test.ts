import { describe, expect, it } from 'vitest';
import { computeDefaultYear, holidaysFor, officialYears, scheduleFor, type CalendarDay, type OfficialYear } from './holidays.js';

const pairs = (days: readonly CalendarDay[]): string[] => days.map((d) => `${d.date} ${d.kind}`);

describe('official schedules (vietnam-rules.md §6.2)', () => {
  it('2024', () => {
    expect(pairs(holidaysFor(2024))).toEqual([
      '2024-01-01 day_off',
      '2024-02-08 day_off',
      '2024-02-09 day_off',
      '2024-02-12 day_off',
      '2024-02-13 day_off',
      '2024-02-14 day_off',
      '2024-04-18 day_off',
      '2024-04-29 day_off',
      '2024-04-30 day_off',
      '2024-05-01 day_off',
      '2024-05-04 working_day',
      '2024-09-02 day_off',
      '2024-09-03 day_off',
    ]);
  });

  it('2025', () => {
    expect(pairs(holidaysFor(2025))).toEqual([
      '2025-01-01 day_off',
      '2025-01-27 day_off',
      '2025-01-28 day_off',
      '2025-01-29 day_off',
      '2025-01-30 day_off',
      '2025-01-31 day_off',
      '2025-04-07 day_off',
      '2025-04-30 day_off',
      '2025-05-01 day_off',
      '2025-05-02 day_off',
      '2025-09-01 day_off',
      '2025-09-02 day_off',
    ]);
  });

  it('2026', () => {
    expect(pairs(holidaysFor(2026))).toEqual([
      '2026-01-01 day_off',
      '2026-01-02 day_off',
      '2026-01-10 working_day',
      '2026-02-16 day_off',
      '2026-02-17 day_off',
      '2026-02-18 day_off',
      '2026-02-19 day_off',
      '2026-02-20 day_off',
      '2026-04-27 day_off',
      '2026-04-30 day_off',
      '2026-05-01 day_off',
      '2026-08-31 day_off',
      '2026-09-01 day_off',
      '2026-09-02 day_off',
    ]);
  });

  it('Sunday 26/04/2026 (Giỗ Tổ) gives Monday 27/04/2026 off; Saturday 10/01/2026 is worked', () => {
    const days = holidaysFor(2026);
    const compensatory = days.find((d) => d.date === '2026-04-27');
    expect(compensatory).toMatchObject({ kind: 'day_off', name: expect.stringContaining('Nghỉ bù Giỗ Tổ Hùng Vương') });
    expect(compensatory?.source).toContain('Điều 111');
    expect(days.find((d) => d.date === '2026-01-10')).toMatchObject({ kind: 'working_day', source: expect.stringContaining('12729/VPCP-KGVX') });
    expect(days.some((d) => d.date === '2026-04-26')).toBe(false);
  });

  it('keeps unconfirmed facts visible', () => {
    expect(holidaysFor(2025).find((d) => d.date === '2025-05-02')?.unconfirmed).toBeTruthy();
    expect(holidaysFor(2026).find((d) => d.date === '2026-08-31')?.unconfirmed).toBeTruthy();
    expect(holidaysFor(2026).find((d) => d.date === '2026-01-02')?.unconfirmed).toBeUndefined();
  });

  it.each([2024, 2025, 2026])('%i: every entry is a real exception with Vietnamese/English names and a source', (year) => {
    const schedule = scheduleFor(year);
    expect(schedule.provisional).toBe(false);
    expect(schedule.legalReference).toContain('Điều 112');
    expect(schedule.version).toBe(officialYears[year].version);
    for (const day of schedule.days) {
      const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
      expect(day.kind === 'day_off' ? weekday >= 1 && weekday <= 5 : weekday === 0 || weekday === 6).toBe(true);
      expect(day.name.length).toBeGreaterThan(0);
      expect(day.name).toBe(day.name.normalize('NFC'));
      expect(day.nameEn.length).toBeGreaterThan(0);
      expect(day.source.length).toBeGreaterThan(0);
    }
  });
});

describe('statutory defaults', () => {
  it('2030 is provisional: Tết 02/02 (Sat) → 01/02 + 04–05/02 + compensatory 06–07/02; 2/9 Mon + 3/9', () => {
    const schedule = scheduleFor(2030);
    expect(schedule.provisional).toBe(true);
    expect(schedule.legalReference).toContain('Bộ luật Lao động 2019');
    expect(pairs(schedule.days)).toEqual([
      '2030-01-01 day_off',
      '2030-02-01 day_off',
      '2030-02-04 day_off',
      '2030-02-05 day_off',
      '2030-02-06 day_off',
      '2030-02-07 day_off',
      '2030-04-12 day_off',
      '2030-04-30 day_off',
      '2030-05-01 day_off',
      '2030-09-02 day_off',
      '2030-09-03 day_off',
    ]);
    expect(computeDefaultYear(2030)).toEqual(schedule);
  });

  it('counts the 11 statutory days of Art. 112 (weekday holidays + compensatory days)', () => {
    for (const year of [2027, 2028, 2029, 2030, 2031, 2040, 2099]) expect(holidaysFor(year)).toHaveLength(11);
  });

  it('2027: 1/5 on Saturday → Monday 03/05 off; Giỗ Tổ Fri 16/04', () => {
    const dates = holidaysFor(2027).map((d) => d.date);
    expect(dates).toContain('2027-05-03');
    expect(dates).toContain('2027-04-16');
  });

  it('follows the law in force: 2019 (BLLĐ 2012) has a single National Day and no holiday in Nov–Dec', () => {
    const days = holidaysFor(2019);
    expect(days.map((d) => d.date)).toEqual([
      '2019-01-01',
      '2019-02-04',
      '2019-02-05',
      '2019-02-06',
      '2019-02-07',
      '2019-02-08',
      '2019-04-15',
      '2019-04-30',
      '2019-05-01',
      '2019-09-02',
    ]);
    expect(scheduleFor(2019).legalReference).toContain('Bộ luật Lao động 2012');
  });

  it('before Luật 84/2007/QH11 there was no Giỗ Tổ holiday and Tết was 4 days', () => {
    expect(holidaysFor(2005)).toHaveLength(8);
    expect(holidaysFor(2005).some((d) => d.name.includes('Hùng Vương'))).toBe(false);
    expect(holidaysFor(2008).some((d) => d.name.includes('Hùng Vương'))).toBe(true);
  });
});

describe('overrides', () => {
  const custom: OfficialYear = {
    year: 2027,
    legalReference: 'Quyết định thử nghiệm',
    version: '2027.test',
    days: [
      { date: '2027-02-05', kind: 'day_off', name: 'Tết Nguyên đán', nameEn: 'Lunar New Year (Tết)', source: 'thử nghiệm' },
      { date: '2027-02-06', kind: 'day_off', name: 'Tết (thứ Bảy, bị lọc)', nameEn: 'Tết (Saturday, filtered out)', source: 'thử nghiệm' },
      { date: '2027-02-20', kind: 'working_day', name: 'Làm bù', nameEn: 'Make-up day', source: 'thử nghiệm' },
      { date: '2027-02-01', kind: 'day_off', name: 'Sau cùng', nameEn: 'Unsorted', source: 'thử nghiệm' },
    ],
  };

  it('take precedence over defaults, are normalised and sorted', () => {
    const schedule = scheduleFor(2027, { 2027: custom });
    expect(schedule).toMatchObject({ provisional: false, version: '2027.test' });
    expect(pairs(schedule.days)).toEqual(['2027-02-01 day_off', '2027-02-05 day_off', '2027-02-20 working_day']);
    expect(holidaysFor(2026, { 2027: custom })).toEqual(holidaysFor(2026));
  });
});
