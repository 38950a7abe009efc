import { describe, expect, it } from 'vitest';
import {
  buildWorkingCalendar,
  computeDeadline,
  defaultWorkingCalendar,
  formatVN,
  naiveAddWorkingDays,
  naiveRules,
  runClock,
  WorkingCalendar,
  type DeadlineUnit,
  type Pause,
} from './deadline.js';
import { holidaysFor } from './holidays.js';

const vn = (local: string): Date => new Date(`${local}+07:00`);
const due = (from: string, amount: number, unit: DeadlineUnit, pauses?: Pause[]): string =>
  formatVN(computeDeadline({ from: vn(from), amount, unit, pauses }).due);
const pause = (from: string, to: string): Pause => ({ from: vn(from), to: vn(to) });

describe('acceptance: Đồng Tháp receipt (vietnam-rules.md §6.1)', () => {
  it('received 20/11/2019 08:37 + 25 working days → 25/12/2019 08:37', () => {
    const result = computeDeadline({ from: vn('2019-11-20T08:37:00'), amount: 25, unit: 'working_days' });
    expect(formatVN(result.due)).toBe('2019-12-25T08:37:00+07:00');
    expect(result.calendarVersion).toBe(defaultWorkingCalendar().version);
    expect(result.calendarVersion).toMatch(/^wc-2000-2100-[0-9a-f]{16}$/);
  });

  it('2019 uses statutory defaults, with no holiday in November–December', () => {
    expect(holidaysFor(2019).filter((d) => d.date >= '2019-11-01')).toEqual([]);
  });
});

describe('working days: where counting starts', () => {
  it.each([
    ['within office hours keeps the clock time', '2019-11-20T10:15:30', 1, '2019-11-21T10:15:30+07:00'],
    ['Saturday counts from Monday 08:00', '2019-11-23T10:00:00', 1, '2019-11-26T08:00:00+07:00'],
    ['Sunday counts from Monday 08:00', '2019-11-24T23:59:00', 0, '2019-11-25T08:00:00+07:00'],
    ['after 17:00 counts from the next working day 08:00', '2019-11-20T17:30:00', 1, '2019-11-22T08:00:00+07:00'],
    ['exactly 17:00 is after hours', '2019-11-20T17:00:00', 1, '2019-11-22T08:00:00+07:00'],
    ['Friday evening counts from Monday', '2019-11-22T18:00:00', 1, '2019-11-26T08:00:00+07:00'],
    ['before 08:00 counts from 08:00 the same day', '2019-11-20T06:45:00', 1, '2019-11-21T08:00:00+07:00'],
    ['during lunch counts from 13:00', '2019-11-20T12:30:00', 1, '2019-11-21T13:00:00+07:00'],
    ['12:00 sharp is lunch', '2019-11-20T12:00:00', 2, '2019-11-22T13:00:00+07:00'],
    ['16:59 stays', '2019-11-20T16:59:00', 1, '2019-11-21T16:59:00+07:00'],
    ['zero days is the next opening', '2019-11-20T12:10:00', 0, '2019-11-20T13:00:00+07:00'],
  ])('%s', (_label, from, n, expected) => {
    expect(due(from, n, 'working_days')).toBe(expected);
  });
});

describe('working days over holidays', () => {
  it.each([
    ['Tết 2026 (14–22/02)', '2026-02-13T16:00:00', 1, '2026-02-23T16:00:00+07:00'],
    ['Tết 2025 (25/01–02/02)', '2025-01-24T09:00:00', 1, '2025-02-03T09:00:00+07:00'],
    ['Tết 2024 (08–14/02)', '2024-02-07T09:00:00', 1, '2024-02-15T09:00:00+07:00'],
    ['received during Tết 2026', '2026-02-18T09:00:00', 0, '2026-02-23T08:00:00+07:00'],
    ['compensatory Monday 27/04/2026', '2026-04-24T09:00:00', 1, '2026-04-28T09:00:00+07:00'],
    ['30/4–1/5/2026 then weekend', '2026-04-29T09:00:00', 1, '2026-05-04T09:00:00+07:00'],
    ['working Saturday 10/01/2026 counts', '2026-01-09T10:00:00', 1, '2026-01-10T10:00:00+07:00'],
    ['received on working Saturday 10/01/2026', '2026-01-10T09:00:00', 1, '2026-01-12T09:00:00+07:00'],
    ['swapped Friday 02/01/2026 does not count', '2025-12-31T09:00:00', 1, '2026-01-05T09:00:00+07:00'],
    ['working Saturday 04/05/2024 counts', '2024-05-03T09:00:00', 1, '2024-05-04T09:00:00+07:00'],
    ['National Day 2026 (29/08–02/09)', '2026-08-28T09:00:00', 1, '2026-09-03T09:00:00+07:00'],
    ['provisional 2030 Tết with compensatory days', '2030-01-31T09:00:00', 1, '2030-02-08T09:00:00+07:00'],
  ])('%s', (_label, from, n, expected) => {
    expect(due(from, n, 'working_days')).toBe(expected);
  });

  it('an ordinary Saturday is not a working day', () => {
    expect(defaultWorkingCalendar().isWorkingDate('2026-01-17')).toBe(false);
    expect(defaultWorkingCalendar().isWorkingDate('2026-01-10')).toBe(true);
    expect(defaultWorkingCalendar().isWorkingDate('2026-04-27')).toBe(false);
  });
});

describe('working hours', () => {
  it.each([
    ['within the morning', '2026-03-02T08:30:00', 2, '2026-03-02T10:30:00+07:00'],
    ['across lunch', '2026-03-02T11:00:00', 2, '2026-03-02T14:00:00+07:00'],
    ['ending at noon stays at 12:00', '2026-03-02T10:00:00', 2, '2026-03-02T12:00:00+07:00'],
    ['a full day ends at 17:00, not next 08:00', '2026-03-02T08:00:00', 8, '2026-03-02T17:00:00+07:00'],
    ['across the night', '2026-03-02T16:00:00', 2, '2026-03-03T09:00:00+07:00'],
    ['across the weekend', '2026-03-06T15:30:00', 3, '2026-03-09T09:30:00+07:00'],
    ['from lunch', '2026-03-02T12:20:00', 1, '2026-03-02T14:00:00+07:00'],
    ['from Saturday', '2026-03-07T09:00:00', 4, '2026-03-09T12:00:00+07:00'],
    ['fractional hours', '2026-03-02T08:00:00', 1.5, '2026-03-02T09:30:00+07:00'],
    ['40 hours = 5 working days', '2026-03-02T09:00:00', 40, '2026-03-09T09:00:00+07:00'],
    ['over the 2026 Tết break', '2026-02-13T16:00:00', 2, '2026-02-23T09:00:00+07:00'],
    ['zero hours on Sunday is Monday 08:00', '2026-03-08T09:00:00', 0, '2026-03-09T08:00:00+07:00'],
  ])('%s', (_label, from, hours, expected) => {
    expect(due(from, hours, 'working_hours')).toBe(expected);
  });
});

describe('calendar days (Civil Code Art. 147–148)', () => {
  it.each([
    ['first day not counted; ends at 24:00 of the last day', '2026-03-02T15:00:00', 3, '2026-03-05T23:59:59.999+07:00'],
    ['counts weekends inside the period', '2026-03-02T15:00:00', 10, '2026-03-12T23:59:59.999+07:00'],
    ['last day Saturday → end of Monday', '2026-03-02T15:00:00', 5, '2026-03-09T23:59:59.999+07:00'],
    ['last day on compensatory Monday 27/04/2026 → Tuesday', '2026-04-20T10:00:00', 7, '2026-04-28T23:59:59.999+07:00'],
    ['last day inside Tết 2026 → Monday 23/02', '2026-02-10T10:00:00', 5, '2026-02-23T23:59:59.999+07:00'],
    ['a working Saturday is a working last day', '2026-01-09T10:00:00', 1, '2026-01-10T23:59:59.999+07:00'],
    ['received after office hours still starts the next day', '2026-03-02T22:30:00', 1, '2026-03-03T23:59:59.999+07:00'],
    ['zero days ends that day', '2026-03-02T08:00:00', 0, '2026-03-02T23:59:59.999+07:00'],
  ])('%s', (_label, from, n, expected) => {
    expect(due(from, n, 'calendar_days')).toBe(expected);
  });

  it('uses the Vietnamese day, not the UTC day (01:00 +07:00 is the previous UTC day)', () => {
    expect(due('2026-03-03T01:00:00', 1, 'calendar_days')).toBe('2026-03-04T23:59:59.999+07:00');
  });
});

describe('pauses', () => {
  const from = '2026-03-02T09:00:00'; // Monday
  it('a whole working day paused adds one working day', () => {
    expect(due(from, 5, 'working_days', [pause('2026-03-03T08:00:00', '2026-03-04T08:00:00')])).toBe('2026-03-10T09:00:00+07:00');
  });
  it('a partial pause adds the office time it covers (3 h, lunch excluded)', () => {
    expect(due(from, 5, 'working_days', [pause('2026-03-03T10:00:00', '2026-03-03T14:00:00')])).toBe('2026-03-09T13:00:00+07:00');
    expect(due(from, 4, 'working_hours', [pause('2026-03-02T10:00:00', '2026-03-02T14:00:00')])).toBe('2026-03-02T17:00:00+07:00');
  });
  it('a pause over a weekend or at night changes nothing', () => {
    expect(due(from, 5, 'working_days', [pause('2026-03-06T17:00:00', '2026-03-09T08:00:00')])).toBe('2026-03-09T09:00:00+07:00');
  });
  it('pauses before the start or after the due time change nothing', () => {
    const outside = [pause('2026-02-23T08:00:00', '2026-02-27T17:00:00'), pause('2026-03-20T08:00:00', '2026-03-25T17:00:00')];
    expect(due(from, 5, 'working_days', outside)).toBe('2026-03-09T09:00:00+07:00');
  });
  it('overlapping pauses count once', () => {
    const overlapping = [pause('2026-03-03T08:00:00', '2026-03-04T08:00:00'), pause('2026-03-03T13:00:00', '2026-03-03T17:00:00')];
    expect(due(from, 5, 'working_days', overlapping)).toBe('2026-03-10T09:00:00+07:00');
  });
  it('a pause reached only thanks to an earlier pause also counts', () => {
    const chained = [pause('2026-03-03T08:00:00', '2026-03-04T08:00:00'), pause('2026-03-09T08:00:00', '2026-03-10T08:00:00')];
    expect(due(from, 5, 'working_days', chained)).toBe('2026-03-11T09:00:00+07:00');
  });
  it('a pause open at the start delays the start', () => {
    expect(due(from, 1, 'working_days', [pause('2026-03-01T00:00:00', '2026-03-02T11:00:00')])).toBe('2026-03-03T11:00:00+07:00');
  });
  it('calendar days: elapsed pause time is added and the end rounded up to 24:00', () => {
    expect(due(from, 3, 'calendar_days', [pause('2026-03-03T09:00:00', '2026-03-04T21:00:00')])).toBe('2026-03-09T23:59:59.999+07:00');
    expect(due(from, 3, 'calendar_days', [pause('2026-03-03T09:00:00', '2026-03-03T10:00:00')])).toBe('2026-03-06T23:59:59.999+07:00');
  });
  it('rejects a pause that ends before it starts', () => {
    expect(() => due(from, 1, 'working_days', [pause('2026-03-04T08:00:00', '2026-03-03T08:00:00')])).toThrow(RangeError);
  });
  it('runClock walks sorted intervals', () => {
    expect(runClock(0, 10, [])).toBe(10);
    expect(runClock(0, 10, [[2, 5]])).toBe(13);
    expect(runClock(0, 10, [[10, 20]])).toBe(10);
    expect(
      runClock(3, 10, [
        [0, 5],
        [4, 8],
      ]),
    ).toBe(18);
  });
});

describe('validation and configuration', () => {
  it('rejects negative or fractional day counts and instants outside the range', () => {
    expect(() => due('2026-03-02T09:00:00', -1, 'working_days')).toThrow(RangeError);
    expect(() => due('2026-03-02T09:00:00', 1.5, 'working_days')).toThrow(RangeError);
    expect(() => due('2026-03-02T09:00:00', -1, 'working_hours')).toThrow(RangeError);
    expect(() => due('1999-12-31T09:00:00', 1, 'working_days')).toThrow(RangeError);
    expect(() => due('2100-12-30T09:00:00', 10, 'working_days')).toThrow(RangeError);
  });

  it('supports other office hours and versions the calendar by its inputs', () => {
    const hours = [
      { from: '07:30', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ];
    const custom = buildWorkingCalendar({ firstYear: 2026, lastYear: 2026, officeHours: hours });
    expect(custom.workMsPerDay).toBe(7.5 * 3_600_000);
    const result = computeDeadline({ from: vn('2026-03-02T11:00:00'), amount: 1, unit: 'working_hours' }, custom);
    expect(formatVN(result.due)).toBe('2026-03-02T14:00:00+07:00');
    expect(formatVN(custom.addWorkingDays(vn('2026-03-02T18:00:00'), 1))).toBe('2026-03-04T07:30:00+07:00');
    expect(result.calendarVersion).not.toBe(buildWorkingCalendar({ firstYear: 2026, lastYear: 2026 }).version);
    expect(buildWorkingCalendar({ firstYear: 2026, lastYear: 2026 }).version).toBe(buildWorkingCalendar({ firstYear: 2026, lastYear: 2026 }).version);
    expect(
      () => new WorkingCalendar({ firstYear: 2026, lastYear: 2026, daysOff: [], workingWeekendDays: [], officeHours: [{ from: '12:00', to: '08:00' }] }),
    ).toThrow(RangeError);
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(due('2019-11-20T08:37:00', 25, 'working_days')).toBe('2019-12-25T08:37:00+07:00');
      expect(due('2026-03-02T22:30:00', 1, 'calendar_days')).toBe('2026-03-03T23:59:59.999+07:00');
    } finally {
      process.env.TZ = saved;
    }
  });

  it('formats in +07:00', () => {
    expect(formatVN(new Date('2019-12-25T01:37:00Z'))).toBe('2019-12-25T08:37:00+07:00');
    expect(formatVN(new Date('2019-12-31T17:00:00.250Z'))).toBe('2020-01-01T00:00:00.250+07:00');
  });
});

describe('index vs naive day-by-day loop', () => {
  /** mulberry32: small deterministic PRNG so failures are reproducible. */
  function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
  }

  it('agree on 20,000 random receipts 2000–2099 (half of them in the official years 2024–2026)', () => {
    const random = prng(20_191_120);
    const rules = naiveRules();
    const calendar = defaultWorkingCalendar();
    const wide = [Date.UTC(2000, 0, 1), Date.UTC(2099, 6, 1)];
    const official = [Date.UTC(2023, 11, 1), Date.UTC(2026, 11, 31)];
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const [lo, hi] = i % 2 === 0 ? wide : official;
      // Whole minutes, biased to office-hour boundaries every 8th draw.
      let ms = lo + Math.floor((random() * (hi - lo)) / 60_000) * 60_000;
      if (i % 8 === 0) ms = ms - (ms % 3_600_000);
      const from = new Date(ms);
      const n = Math.floor(random() * (i % 3 === 0 ? 400 : 40));
      const fast = calendar.addWorkingDays(from, n).getTime();
      const slow = naiveAddWorkingDays(from, n, rules).getTime();
      if (fast !== slow && mismatches.length < 5) mismatches.push(`${formatVN(from)} + ${n}: ${formatVN(new Date(fast))} vs ${formatVN(new Date(slow))}`);
    }
    expect(mismatches).toEqual([]);
  });
});
