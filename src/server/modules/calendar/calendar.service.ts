import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit, SYSTEM_STREAM } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { holidaysIcs } from './calendar.ics.js';
import * as policy from './calendar.policy.js';
import { presentDay, presentOverride, presentYearRow } from './calendar.presenter.js';
import * as repo from './calendar.repo.js';
import { FIRST_YEAR, LAST_YEAR } from './calendar.schemas.js';
import { builtInStatus, calendarState, type CalendarCtx, effectiveYear, isWorkedBuiltIn } from './calendar.state.js';
import { isoFromParts, isWeekendJdn, jdnFromIso, weekdayOfJdn } from './dates.js';
import { computeDeadline, computeSameDayDeadline, formatVN, type DeadlineUnit, type Pause, type SameDayRequest, type SameDayResult } from './deadline.js';
import { scheduleFor } from './holidays.js';
import { canChiYear, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.js';

type P = Principal | null;

function parseDate(field: string, value: string): { year: number; month: number; day: number } {
  try {
    jdnFromIso(value);
  } catch {
    throw AppError.validation(field, `Ngày ${value} không tồn tại.`);
  }
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

// ── Public reads ──────────────────────────────────────────────────────────────────────────────
export function lunarOf(date: string) {
  const { year, month, day } = parseDate('querystring.date', date);
  if (year < 1900 || year > 2100) throw AppError.validation('querystring.date', 'Chỉ hỗ trợ các năm 1900–2100.');
  const lunar = solarToLunar(year, month, day);
  return { date, lunar, yearName: canChiYear(lunar.year) };
}

export function solarOf(q: { year: number; month: number; day: number; leap?: boolean }) {
  const leap = q.leap ?? false;
  const length = lunarMonthLength(q.month, q.year, leap);
  if (length === null) {
    const field = leap ? 'querystring.leap' : 'querystring.month';
    throw AppError.validation(field, `Năm âm lịch ${q.year} không có tháng ${leap ? 'nhuận ' : ''}${q.month}.`);
  }
  const solar = lunarToSolar(q.day, q.month, q.year, leap);
  if (!solar || q.day > length)
    throw AppError.validation('querystring.day', `Tháng ${q.month}${leap ? ' nhuận' : ''} năm âm lịch ${q.year} chỉ có ${length} ngày.`);
  return { date: isoFromParts(solar.year, solar.month, solar.day) };
}

/** `province`: that province's local days off are included (every read below takes it). */
type Where = { province?: string | null };

export async function holidays(ctx: CalendarCtx, year: number, { province }: Where = {}) {
  const state = await calendarState(ctx, { province });
  const y = effectiveYear(state, year);
  return { year, provisional: y.status === 'provisional', legalReference: y.legalReference, calendarVersion: state.version, days: y.days.map(presentDay) };
}

export async function holidaysFeed(ctx: CalendarCtx, year: number, { province }: Where = {}): Promise<string> {
  const state = await calendarState(ctx, { province });
  return holidaysIcs(year, effectiveYear(state, year).days, new Date(), state.version);
}

export async function month(ctx: CalendarCtx, year: number, monthNumber: number, { province }: Where = {}) {
  const state = await calendarState(ctx, { province });
  const y = effectiveYear(state, year);
  const byDate = new Map(y.days.map((d) => [d.date, d]));
  const first = jdnFromIso(isoFromParts(year, monthNumber, 1));
  const last = jdnFromIso(monthNumber === 12 ? isoFromParts(year + 1, 1, 1) : isoFromParts(year, monthNumber + 1, 1)) - 1;
  const days = [];
  for (let jdn = first; jdn <= last; jdn++) {
    const day = jdn - first + 1;
    const date = isoFromParts(year, monthNumber, day);
    const h = byDate.get(date);
    days.push({
      date,
      weekday: weekdayOfJdn(jdn),
      isWorking: state.calendar.isWorkingDate(date),
      lunar: solarToLunar(year, monthNumber, day),
      holiday: h ? { kind: h.kind, name: h.name, nameEn: h.nameEn, provinceCode: h.provinceCode ?? null } : null,
    });
  }
  return { year, month: monthNumber, provisional: y.status === 'provisional', yearName: canChiYear(days[days.length - 1].lunar.year), days };
}

/**
 * The due time of a period in a province (its local days off count; null: the national calendar
 * alone), with the version of the calendar that produced it. For other modules.
 */
export async function computeDue(
  ctx: CalendarCtx,
  req: { from: Date; amount: number; unit: DeadlineUnit; pauses?: readonly Pause[]; province: string | null },
): Promise<{ due: Date; calendarVersion: string }> {
  const state = await calendarState(ctx, { province: req.province });
  const { due } = computeDeadline(req, state.calendar);
  return { due, calendarVersion: state.version };
}

/** A same-day time limit in the province's calendar (close of the receipt's working day, or the next one after the cut-off). */
export async function computeSameDayDue(ctx: CalendarCtx, req: SameDayRequest & { province: string | null }): Promise<SameDayResult> {
  const state = await calendarState(ctx, { province: req.province });
  return { ...computeSameDayDeadline(req, state.calendar), calendarVersion: state.version };
}

/** Parses ISO 8601 with an offset and rejects impossible dates (2019-02-30, 25:00). */
function parseInstant(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(value);
  const at = new Date(value);
  if (!m || Number.isNaN(at.getTime()))
    throw AppError.validation('querystring.from', 'Thời điểm phải theo ISO 8601 kèm múi giờ, ví dụ 2019-11-20T08:37:00+07:00.');
  const offsetMin = m[7] === 'Z' ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const local = new Date(at.getTime() + offsetMin * 60_000).toISOString();
  if (local.slice(0, 16) !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` || Number(m[6] ?? 0) > 59) {
    throw AppError.validation('querystring.from', `Thời điểm ${value} không tồn tại.`);
  }
  return at;
}

export async function deadline(ctx: CalendarCtx, q: { from: string; amount: number; unit: DeadlineUnit; province?: string }) {
  const from = parseInstant(q.from);
  if (q.unit !== 'working_hours' && !Number.isInteger(q.amount)) throw AppError.validation('querystring.amount', 'Số ngày phải là số nguyên không âm.');
  const year = Number(formatVN(from).slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR - 1)
    throw AppError.validation('querystring.from', `Lịch làm việc chỉ hỗ trợ các năm ${FIRST_YEAR}–${LAST_YEAR - 1}.`);
  try {
    const result = await computeDue(ctx, { from, amount: q.amount, unit: q.unit, province: q.province ?? null });
    return { due: formatVN(result.due), calendarVersion: result.calendarVersion };
  } catch (err) {
    if (err instanceof RangeError) throw AppError.validation('querystring.amount', 'Thời hạn vượt quá phạm vi của lịch làm việc.');
    throw err;
  }
}

export async function yearDetail(ctx: CalendarCtx, year: number, { province }: Where = {}) {
  const state = await calendarState(ctx, { province });
  const y = effectiveYear(state, year);
  const row = state.years.get(year);
  const overrides = await repo.listActiveOverridesOfYear(ctx.db, year, province ?? null);
  return {
    year,
    status: y.status,
    legalReference: y.legalReference,
    builtInReference: builtInStatus(year) === 'official' ? scheduleFor(year).legalReference : null,
    confirmedAt: row?.confirmedAt ? row.confirmedAt.toISOString() : null,
    version: row?.version ?? 0,
    calendarVersion: state.version,
    province: province ?? null,
    overrides: overrides.map(presentOverride),
    days: y.days.map(presentDay),
  };
}

// ── National edits (calendar_admin) ────────────────────────────────────────────────────────────
function checkYear(field: string, year: number): void {
  if (year < FIRST_YEAR || year > LAST_YEAR) throw AppError.validation(field, `Chỉ sửa được lịch các năm ${FIRST_YEAR}–${LAST_YEAR}.`);
}

export async function addOverride(ctx: AppContext, p: P, body: { date: string; kind: 'day_off' | 'working_day'; name: string; source: string }) {
  const principal = policy.requireNationalCalendarEditor(p);
  const { year } = parseDate('date', body.date);
  checkYear('date', year);
  const weekend = isWeekendJdn(jdnFromIso(body.date));
  if ((body.kind === 'working_day') === isWorkedBuiltIn(body.date)) {
    const what = body.kind === 'day_off' ? 'đã là ngày nghỉ' : 'đã là ngày làm việc';
    throw new AppError('CALENDAR_OVERRIDE_NO_EFFECT', `Ngày ${body.date} ${what}${weekend ? ' (cuối tuần)' : ''}.`, {
      status: 422,
      errors: [{ field: 'kind', message: what }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    await repo.lockYear(tx, year, builtInStatus(year));
    const row = await repo.insertOverride(tx, {
      date: body.date,
      kind: body.kind,
      name: body.name.normalize('NFC').trim(),
      source: body.source.normalize('NFC').trim(),
      createdBy: principal.userId,
    });
    if (!row)
      throw new AppError('ALREADY_EXISTS', `Ngày ${body.date} đã có điều chỉnh; hãy gỡ điều chỉnh cũ trước.`, {
        errors: [{ field: 'date', message: 'already has an override' }],
      });
    const yearRow = await repo.bumpYear(tx, year);
    await appendAudit(tx, {
      stream: SYSTEM_STREAM,
      actor: actorOf(principal),
      action: 'calendar.override.add',
      entityType: 'calendar_override',
      entityId: String(row.id),
      data: { ...presentOverride(row), yearVersion: yearRow.version },
    });
    return presentOverride(row);
  });
}

export async function removeOverride(ctx: AppContext, p: P, id: number) {
  const principal = policy.requireNationalCalendarEditor(p);
  const existing = await repo.findOverride(ctx.db, id);
  if (!existing || existing.removedAt || existing.provinceCode !== null) throw AppError.notFound('Điều chỉnh lịch');
  const year = Number(existing.date.slice(0, 4));
  await ctx.db.transaction(async (tx) => {
    await repo.lockYear(tx, year, builtInStatus(year));
    const removed = await repo.removeOverride(tx, id, principal.userId);
    if (!removed) throw AppError.notFound('Điều chỉnh lịch');
    const yearRow = await repo.bumpYear(tx, year);
    await appendAudit(tx, {
      stream: SYSTEM_STREAM,
      actor: actorOf(principal),
      action: 'calendar.override.remove',
      entityType: 'calendar_override',
      entityId: String(id),
      data: { ...presentOverride(removed), yearVersion: yearRow.version },
    });
  });
}

export async function confirmYear(ctx: AppContext, p: P, year: number, body: { legalReference: string; expectedVersion?: number }) {
  const principal = policy.requireNationalCalendarEditor(p);
  checkYear('year', year);
  await ctx.db.transaction(async (tx) => {
    const current = await repo.lockYear(tx, year, builtInStatus(year));
    if (body.expectedVersion !== undefined && body.expectedVersion !== current.version) {
      throw new AppError('VERSION_CONFLICT', `Lịch năm ${year} vừa được người khác sửa; hãy tải lại.`, { extra: { currentVersion: current.version } });
    }
    const row = await repo.bumpYear(tx, year, {
      status: 'official',
      legalReference: body.legalReference.normalize('NFC').trim(),
      confirmedBy: principal.userId,
      confirmedAt: new Date(),
    });
    await appendAudit(tx, {
      stream: SYSTEM_STREAM,
      actor: actorOf(principal),
      action: 'calendar.year.confirm',
      entityType: 'calendar_year',
      entityId: String(year),
      data: { before: presentYearRow(current), after: presentYearRow(row) },
    });
  });
  return yearDetail(ctx, year);
}

// ── A province's local days off (its administrator) ───────────────────────────────────────────
/**
 * A day off in one province only (a local festival, a storm): it moves that province's deadlines
 * and no other's. It must fall on a day the national calendar works.
 */
export async function addLocalDayOff(ctx: AppContext, p: P, province: string, body: { date: string; name: string; source: string }) {
  const { principal, agencyCode } = policy.requireLocalCalendarEditor(p, province);
  const { year } = parseDate('date', body.date);
  checkYear('date', year);
  const national = await calendarState(ctx);
  if (!national.calendar.isWorkingDate(body.date)) {
    throw new AppError('CALENDAR_OVERRIDE_NO_EFFECT', `Ngày ${body.date} đã là ngày nghỉ trên toàn quốc.`, {
      status: 422,
      errors: [{ field: 'date', message: 'already a day off nationally' }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    await repo.lockProvince(tx, province);
    const row = await repo.insertOverride(tx, {
      provinceCode: province,
      date: body.date,
      kind: 'day_off',
      name: body.name.normalize('NFC').trim(),
      source: body.source.normalize('NFC').trim(),
      createdBy: principal.userId,
    });
    if (!row)
      throw new AppError('ALREADY_EXISTS', `Ngày ${body.date} đã là ngày nghỉ của tỉnh; hãy gỡ ngày cũ trước.`, {
        errors: [{ field: 'date', message: 'already a local day off' }],
      });
    const version = await repo.bumpProvince(tx, province);
    await appendAudit(tx, {
      stream: agencyStream(agencyCode),
      actor: actorOf(principal),
      action: 'calendar.local_day_off.add',
      entityType: 'calendar_override',
      entityId: String(row.id),
      provinceCode: province,
      data: { ...presentOverride(row), provinceVersion: version },
    });
    return presentOverride(row);
  });
}

export async function removeLocalDayOff(ctx: AppContext, p: P, province: string, id: number) {
  const { principal, agencyCode } = policy.requireLocalCalendarEditor(p, province);
  const existing = await repo.findOverride(ctx.db, id);
  if (!existing || existing.removedAt || existing.provinceCode !== province) throw AppError.notFound('Ngày nghỉ của tỉnh');
  await ctx.db.transaction(async (tx) => {
    await repo.lockProvince(tx, province);
    const removed = await repo.removeOverride(tx, id, principal.userId);
    if (!removed) throw AppError.notFound('Ngày nghỉ của tỉnh');
    const version = await repo.bumpProvince(tx, province);
    await appendAudit(tx, {
      stream: agencyStream(agencyCode),
      actor: actorOf(principal),
      action: 'calendar.local_day_off.remove',
      entityType: 'calendar_override',
      entityId: String(id),
      provinceCode: province,
      data: { ...presentOverride(removed), provinceVersion: version },
    });
  });
}
