import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { computeDue, DEFAULT_OFFICE_HOURS } from '../calendar/index.js';
import { org } from '../org/index.js';
import * as repo from './attendance.repo.js';
import { classifyDay, minutesOf, parseAttendanceCsv } from './attendance.rules.js';
import * as policy from './conduct.policy.js';
import { vnDate, vnInstant, vnMidnight, vnMinutes, vnToday } from '../../../shared/vn-time.js';
import * as officials from './officials.repo.js';

type P = Principal | null;
export const OPENS = DEFAULT_OFFICE_HOURS[0].from;
export const CLOSES = DEFAULT_OFFICE_HOURS[DEFAULT_OFFICE_HOURS.length - 1].to;

/** A working day in the province per the calendar module (its local days off included): the first opening after 00:00 is that day. */
export async function isWorkingDay(ctx: AppContext, date: string, province: string): Promise<boolean> {
  const { due } = await computeDue({ db: ctx.db, database: ctx.database }, { from: vnMidnight(date), amount: 0, unit: 'working_hours', province });
  return vnDate(due) === date;
}

const at = (date: string, hhmm: string | null): Date | null => (hhmm ? vnInstant(date, hhmm) : null);

/** Import a timekeeping-device export for an agency subtree. Non-working days are skipped. */
export async function importAttendance(ctx: AppContext, p: P, body: { agencyCode: string; csv: string }) {
  const target = await org.findAgencyByCode(ctx.db, body.agencyCode);
  if (!target) throw AppError.validation('agencyCode', `Không có cơ quan mã ${body.agencyCode}.`);
  const principal = policy.requireIn(p, target.id, policy.MANAGE, 'Cơ quan');
  const { rows, rejected } = parseAttendanceCsv(body.csv);
  const subtree = await org.subtreeIds(ctx.db, target.id);
  const codes = [...new Set(rows.map((r) => r.officialCode))];
  const people = await repo.officialsByCode(ctx.db, codes, subtree, target.provinceCode);
  const byCode = new Map(people.map((o) => [o.code, o]));
  const workDays = new Map<string, boolean>();
  for (const d of new Set(rows.map((r) => r.date))) workDays.set(d, await isWorkingDay(ctx, d, target.provinceCode));
  const values: repo.AttendanceInsert[] = [];
  let skipped = 0;
  for (const r of rows) {
    const o = byCode.get(r.officialCode);
    if (!o) rejected.push({ line: r.line, reason: `Không có cán bộ mã ${r.officialCode} trong cơ quan.` });
    else if (!workDays.get(r.date)) skipped++;
    else
      values.push({
        officialId: o.id,
        agencyId: o.agencyId,
        workDate: r.date,
        checkIn: at(r.date, r.checkIn),
        checkOut: at(r.date, r.checkOut),
        source: 'device',
        ...classifyDay({ checkInMinutes: minutesOf(r.checkIn), checkOutMinutes: minutesOf(r.checkOut), opens: OPENS, closes: CLOSES }),
      });
  }
  return ctx.db.transaction(async (tx) => {
    for (const v of values) await repo.upsertDay(tx, v);
    await appendAudit(tx, {
      stream: agencyStream(target.code),
      actor: actorOf(principal),
      action: 'conduct.attendance.import',
      entityType: 'agency',
      entityId: target.id,
      provinceCode: target.provinceCode,
      data: { imported: values.length, skipped, rejected: rejected.length },
    });
    return { imported: values.length, skippedNonWorkingDays: skipped, rejected: rejected.sort((a, b) => a.line - b.line) };
  });
}

/** Check in (first call of the day) or out (later calls) for the signed-in official. */
export async function checkIn(ctx: AppContext, p: P) {
  const principal = policy.requireStaff(p);
  const me = principal.userId ? await officials.findOfficialByUser(ctx.db, principal.userId) : undefined;
  if (!me) throw AppError.rule('NOT_AN_OFFICIAL', 'Tài khoản chưa gắn với hồ sơ cán bộ, công chức.');
  const now = new Date();
  const date = vnDate(now);
  if (!(await isWorkingDay(ctx, date, me.provinceCode))) throw AppError.rule('NOT_A_WORKING_DAY', `Ngày ${date} không phải ngày làm việc.`);
  return ctx.db.transaction(async (tx) => {
    const existing = await repo.findDay(tx, me.id, date);
    const checkInAt = existing?.checkIn ?? now;
    const checkOutAt = existing ? now : null;
    const c = classifyDay({ checkInMinutes: vnMinutes(checkInAt), checkOutMinutes: checkOutAt ? vnMinutes(checkOutAt) : null, opens: OPENS, closes: CLOSES });
    const values = { officialId: me.id, agencyId: me.agencyId, workDate: date, checkIn: checkInAt, checkOut: checkOutAt, source: 'check_in', ...c };
    const row = await repo.upsertDay(tx, values);
    await appendAudit(tx, {
      stream: agencyStream(me.agencyCode),
      actor: actorOf(principal),
      action: existing ? 'conduct.attendance.check_out' : 'conduct.attendance.check_in',
      entityType: 'attendance_record',
      entityId: row.id,
      provinceCode: me.provinceCode,
      data: { date },
    });
    return presentAttendance(row);
  });
}

export const presentAttendance = (r: repo.AttendanceRow) => ({
  id: r.id,
  officialId: r.officialId,
  workDate: r.workDate,
  checkIn: r.checkIn?.toISOString() ?? null,
  checkOut: r.checkOut?.toISOString() ?? null,
  source: r.source,
  status: r.status,
  lateMinutes: r.lateMinutes,
  earlyMinutes: r.earlyMinutes,
});

export async function listAttendance(ctx: AppContext, p: P, q: { agencyCode: string; from?: string; to?: string }) {
  const target = await org.findAgencyByCode(ctx.db, q.agencyCode);
  if (!target) throw AppError.notFound('Cơ quan');
  policy.requireIn(p, target.id, policy.READ, 'Cơ quan');
  const subtree = await org.subtreeIds(ctx.db, target.id);
  const to = q.to ?? vnToday();
  const from = q.from ?? `${to.slice(0, 7)}-01`;
  const rows = await repo.listDays(ctx.db, subtree, from, to);
  return { items: rows.map(presentAttendance) };
}
