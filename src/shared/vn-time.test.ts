import { describe, expect, it } from 'vitest';
import { formatVN, VN_OFFSET_MS, vnDate, vnInstant, vnMidnight, vnMinutes, vnToday, vnWallClock } from './vn-time.js';

describe('Vietnam time helpers (UTC+7, whatever the process zone)', () => {
  it('gives the Vietnam civil date: 17:00 UTC is already the next day', () => {
    expect(vnDate(new Date('2026-01-31T16:59:59.999Z'))).toBe('2026-01-31');
    expect(vnDate(new Date('2026-01-31T17:00:00Z'))).toBe('2026-02-01');
    expect(vnToday(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });

  it('turns Vietnam dates and wall-clock times into instants', () => {
    expect(vnMidnight('2026-02-01').toISOString()).toBe('2026-01-31T17:00:00.000Z');
    expect(vnInstant('2026-02-01', '08:05').toISOString()).toBe('2026-02-01T01:05:00.000Z');
    expect(vnDate(vnMidnight('2026-03-01'))).toBe('2026-03-01');
  });

  it('reads the wall clock: minutes since midnight, shifted UTC fields', () => {
    expect(vnMinutes(new Date('2026-02-01T01:05:00Z'))).toBe(8 * 60 + 5);
    expect(vnMinutes(new Date('2026-01-31T17:00:00Z'))).toBe(0);
    expect(vnMinutes(new Date('1969-12-31T16:59:00Z'))).toBe(23 * 60 + 59);
    expect(vnWallClock(new Date('2026-02-01T01:05:00Z')).getUTCHours()).toBe(8);
    expect(VN_OFFSET_MS).toBe(25_200_000);
  });

  it('formats ISO 8601 with +07:00, milliseconds only when there are some', () => {
    expect(formatVN(new Date('2019-12-25T01:37:00Z'))).toBe('2019-12-25T08:37:00+07:00');
    expect(formatVN(new Date('2019-12-25T16:59:59.999Z'))).toBe('2019-12-25T23:59:59.999+07:00');
  });
});
