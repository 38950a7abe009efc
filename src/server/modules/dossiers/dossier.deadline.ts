/**
 * The one place where dossiers ask the calendar for a due time. It uses the DB-aware
 * `computeDue` (national edits and the dossier's province's local days off included) and records
 * the calendar version.
 */
import type { DbOrTx } from '../../db/client.js';
import { type CalendarCtx, computeDue, computeSameDayDue, type DeadlineUnit, type Pause } from '../calendar/index.js';
import { ruleSetAt } from './dossier.rules.js';

export type LimitUnit = DeadlineUnit | 'same_day';

/** What a same-day due time rests on (kept in the dossier's due rule, printed on the receipt). */
export interface SameDayBasis {
  cutoff: string;
  isAfterCutoff: boolean;
  legalReference: string;
}

export interface DueRequest {
  from: Date;
  amount: number;
  unit: LimitUnit;
  pauses?: readonly Pause[];
  /** The dossier's province: its local days off count, no other province's. */
  province: string;
}

/** Office hours in a working day, for budgets given in (fractions of) days. */
const HOURS_PER_DAY = 8;

/** A step's budget in working time: a same-day procedure's budgets are shares of the day. */
function normalise(req: DueRequest): { from: Date; amount: number; unit: DeadlineUnit; pauses?: readonly Pause[]; province: string } {
  const base = { from: req.from, pauses: req.pauses, province: req.province };
  if (req.unit === 'same_day') return { ...base, amount: Math.max(0, req.amount) * HOURS_PER_DAY, unit: 'working_hours' };
  // Fractional working days (0.5 ngày làm việc) count in office hours: 8 hours a day.
  if (req.unit === 'working_days' && !Number.isInteger(req.amount)) return { ...base, amount: Math.ceil(req.amount * HOURS_PER_DAY), unit: 'working_hours' };
  if (!Number.isInteger(req.amount)) return { ...base, amount: Math.ceil(req.amount), unit: req.unit };
  return { ...base, amount: req.amount, unit: req.unit };
}

/** The due time of a step with budget `amount` in the procedure's unit. `ctx.state` lets several deadlines of one step share one read. */
export async function stepDueDate(ctx: CalendarCtx, req: DueRequest): Promise<{ due: Date; calendarVersion: string }> {
  return computeDue(ctx, normalise(req));
}

/**
 * The due time of a whole dossier. A same-day procedure is due at the close of the receipt's
 * working day, or of the next working day when received at or after the rule set's cut-off
 * (`sameDay` says which, for the receipt).
 */
export async function dossierDueDate(ctx: CalendarCtx, req: DueRequest): Promise<{ due: Date; calendarVersion: string; sameDay?: SameDayBasis }> {
  if (req.unit !== 'same_day') return computeDue(ctx, normalise(req));
  const { clock, legalReference } = ruleSetAt(req.from).sameDayCutoff;
  const r = await computeSameDayDue(ctx, { from: req.from, cutoff: clock, pauses: req.pauses, province: req.province });
  return { due: r.due, calendarVersion: r.calendarVersion, sameDay: { cutoff: clock, isAfterCutoff: r.isAfterCutoff, legalReference } };
}

/** `n` working days after `from` in the province (for rule windows such as "within 3 working days of receipt"). */
export async function addWorkingDays(db: DbOrTx, database: object | undefined, province: string, from: Date, n: number): Promise<Date> {
  return (await computeDue({ db, database }, { from, amount: n, unit: 'working_days', province })).due;
}
