/**
 * The one place where dossiers ask the calendar for a due time. It uses the DB-aware
 * `computeDue` (national edits and the dossier's province's local days off included) and records
 * the calendar version.
 */
import type { DbOrTx } from '../../db/client.js';
import { type CalendarCtx, computeDue, type DeadlineUnit, type Pause } from '../calendar/index.js';

export type LimitUnit = DeadlineUnit | 'same_day';

export interface DueRequest {
  from: Date;
  amount: number;
  unit: LimitUnit;
  pauses?: readonly Pause[];
  /** The dossier's province: its local days off count, no other province's. */
  province: string;
}

/** Same-day procedures are due at the end of the working day: 8 working hours at most. */
function normalise(req: DueRequest): { from: Date; amount: number; unit: DeadlineUnit; pauses?: readonly Pause[]; province: string } {
  const base = { from: req.from, pauses: req.pauses, province: req.province };
  if (req.unit === 'same_day') return { ...base, amount: Math.max(1, Math.ceil(req.amount || 8)), unit: 'working_hours' };
  // Fractional working days (0.5 ngày làm việc) count in office hours: 8 hours a day.
  if (req.unit === 'working_days' && !Number.isInteger(req.amount)) return { ...base, amount: Math.ceil(req.amount * 8), unit: 'working_hours' };
  if (!Number.isInteger(req.amount)) return { ...base, amount: Math.ceil(req.amount), unit: req.unit };
  return { ...base, amount: req.amount, unit: req.unit };
}

/** `ctx.state` (a calendar already read) lets several deadlines of one step share one read. */
export async function dueDate(ctx: CalendarCtx, req: DueRequest): Promise<{ due: Date; calendarVersion: string }> {
  return computeDue(ctx, normalise(req));
}

/** `n` working days after `from` in the province (for rule windows such as "within 3 working days of receipt"). */
export async function addWorkingDays(db: DbOrTx, database: object | undefined, province: string, from: Date, n: number): Promise<Date> {
  return (await computeDue({ db, database }, { from, amount: n, unit: 'working_days', province })).due;
}
