/**
 * Monthly attendance report: per official of an agency subtree, the working days of the month (the
 * calendar module, database overrides included) compared with the records against office hours.
 * A working day already past with no record counts as an absence; today counts only once recorded.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { org } from '../org/index.js';
import * as repo from './attendance.repo.js';
import { CLOSES, isWorkingDay, OPENS, presentAttendance } from './attendance.service.js';
import * as policy from './conduct.policy.js';
import { vnToday } from '../../../shared/vn-time.js';
import * as officials from './officials.repo.js';

type P = Principal | null;

/** The civil dates of a month (YYYY-MM), up to `until` inclusive. */
export function datesOfMonth(month: string, until: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`).filter((d) => d <= until);
}

/** The last civil date of a month (YYYY-MM). */
export const lastDayOf = (month: string): string => datesOfMonth(month, '9999-12-31').at(-1)!;

async function workingDaysOf(ctx: AppContext, month: string, until: string, province: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of datesOfMonth(month, until)) if (await isWorkingDay(ctx, d, province)) out.push(d);
  return out;
}

export async function attendanceReport(ctx: AppContext, p: P, q: { agencyCode: string; month: string }) {
  const target = await org.findAgencyByCode(ctx.db, q.agencyCode);
  if (!target) throw AppError.notFound('Cơ quan');
  policy.requireIn(p, target.id, policy.READ, 'Cơ quan');
  const today = vnToday();
  if (q.month > today.slice(0, 7)) throw AppError.validation('month', 'Tháng báo cáo không được ở tương lai.');
  const subtree = await org.subtreeIds(ctx.db, target.id);
  const working = await workingDaysOf(ctx, q.month, today, target.provinceCode);
  const people = await officials.listOfficials(ctx.db, { agencyIds: subtree, limit: 5000 });
  const rows = await repo.daysForReport(ctx.db, subtree, `${q.month}-01`, lastDayOf(q.month));
  const byOfficial = new Map<string, Map<string, (typeof rows)[number]>>();
  for (const r of rows) {
    if (!byOfficial.has(r.officialId)) byOfficial.set(r.officialId, new Map());
    byOfficial.get(r.officialId)!.set(r.workDate, r);
  }
  const items = people.map((o) => {
    const days = byOfficial.get(o.id) ?? new Map<string, (typeof rows)[number]>();
    const line = {
      officialId: o.id,
      code: o.code,
      fullName: o.fullName,
      agencyCode: o.agencyCode,
      present: 0,
      late: 0,
      lateMinutes: 0,
      early: 0,
      earlyMinutes: 0,
      absent: 0,
      unrecorded: 0,
      lateDates: [] as string[],
      earlyDates: [] as string[],
      absentDates: [] as string[],
    };
    for (const d of working) {
      const r = days.get(d);
      if (!r) {
        if (d < today) {
          line.absent++;
          line.unrecorded++;
          line.absentDates.push(d);
        }
        continue;
      }
      if (r.status === 'absent') {
        line.absent++;
        line.absentDates.push(d);
        continue;
      }
      line.present++;
      if (r.lateMinutes > 0) {
        line.late++;
        line.lateMinutes += r.lateMinutes;
        line.lateDates.push(d);
      }
      if (r.earlyMinutes > 0) {
        line.early++;
        line.earlyMinutes += r.earlyMinutes;
        line.earlyDates.push(d);
      }
    }
    return line;
  });
  return {
    agencyCode: target.code,
    agencyName: target.name,
    month: q.month,
    workingDays: working.length,
    officeHours: { opens: OPENS, closes: CLOSES },
    items,
  };
}

/** The signed-in official's own month, and whether today is a working day (for the check-in button). */
export async function myAttendance(ctx: AppContext, p: P, q: { month?: string }) {
  const principal = policy.requireStaff(p);
  const me = principal.userId ? await officials.findOfficialByUser(ctx.db, principal.userId) : undefined;
  const today = vnToday();
  const month = q.month ?? today.slice(0, 7);
  if (!me) return { official: null, today, isWorkingDay: false, items: [] };
  const rows = await repo.daysOfOfficial(ctx.db, me.id, `${month}-01`, lastDayOf(month));
  return {
    official: { id: me.id, fullName: me.fullName, agencyCode: me.agencyCode },
    today,
    isWorkingDay: await isWorkingDay(ctx, today, me.provinceCode),
    items: rows.map(presentAttendance),
  };
}
