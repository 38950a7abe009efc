/**
 * Attendance against office hours (pure). Office hours come from the calendar module's default
 * (08:00–12:00, 13:00–17:00, Asia/Ho_Chi_Minh); whether a date is a working day is asked of the
 * calendar by the service. No grace period unless the agency sets one.
 */
export type AttendanceStatus = 'on_time' | 'late' | 'early' | 'late_early' | 'absent';

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function classifyDay(input: { checkInMinutes: number | null; checkOutMinutes: number | null; opens: string; closes: string; graceMinutes?: number }): {
  status: AttendanceStatus;
  lateMinutes: number;
  earlyMinutes: number;
} {
  if (input.checkInMinutes === null && input.checkOutMinutes === null) return { status: 'absent', lateMinutes: 0, earlyMinutes: 0 };
  const grace = input.graceMinutes ?? 0;
  const late = input.checkInMinutes === null ? 0 : Math.max(0, input.checkInMinutes - toMinutes(input.opens) - grace);
  const early = input.checkOutMinutes === null ? 0 : Math.max(0, toMinutes(input.closes) - input.checkOutMinutes - grace);
  const status: AttendanceStatus = late && early ? 'late_early' : late ? 'late' : early ? 'early' : 'on_time';
  return { status, lateMinutes: late, earlyMinutes: early };
}

export interface CsvRow {
  line: number;
  officialCode: string;
  date: string;
  checkIn: string | null;
  checkOut: string | null;
}

/**
 * Parse a timekeeping-device export: header `ma_can_bo,ngay,gio_vao,gio_ra` (any order; ngày as
 * YYYY-MM-DD or DD/MM/YYYY; times HH:MM, empty when missing). Bad lines are returned, not thrown.
 */
export function parseAttendanceCsv(text: string): { rows: CsvRow[]; rejected: { line: number; reason: string }[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(/[,;]/).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [ci, di, ii, oi] = [col('ma_can_bo'), col('ngay'), col('gio_vao'), col('gio_ra')];
  const rows: CsvRow[] = [];
  const rejected: { line: number; reason: string }[] = [];
  if (ci < 0 || di < 0 || ii < 0 || oi < 0) return { rows, rejected: [{ line: 1, reason: 'Thiếu cột: cần ma_can_bo, ngay, gio_vao, gio_ra.' }] };
  for (let n = 1; n < lines.length; n++) {
    if (!lines[n].trim()) continue;
    const cells = lines[n].split(/[,;]/).map((c) => c.trim());
    const rawDate = cells[di] ?? '';
    const dmY = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(rawDate);
    const date = dmY ? `${dmY[3]}-${dmY[2]}-${dmY[1]}` : rawDate;
    const time = (v: string | undefined) => (v && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? v : v ? undefined : null);
    const [checkIn, checkOut] = [time(cells[ii]), time(cells[oi])];
    if (!cells[ci]) rejected.push({ line: n + 1, reason: 'Thiếu mã cán bộ.' });
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      rejected.push({ line: n + 1, reason: `Ngày không hợp lệ: ${rawDate}` });
    else if (checkIn === undefined || checkOut === undefined) rejected.push({ line: n + 1, reason: 'Giờ phải theo dạng HH:MM.' });
    else rows.push({ line: n + 1, officialCode: cells[ci], date, checkIn, checkOut });
  }
  return { rows, rejected };
}

export const minutesOf = (hhmm: string | null): number | null => (hhmm === null ? null : toMinutes(hhmm));
