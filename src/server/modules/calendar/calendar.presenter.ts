import type { CalendarYearRow, OverrideRow } from './calendar.repo.js';
import type { EffectiveDay } from './calendar.state.js';

export const presentDay = (d: EffectiveDay) => ({
  date: d.date,
  kind: d.kind,
  name: d.name,
  nameEn: d.nameEn,
  source: d.source,
  overrideId: d.overrideId ?? null,
  provinceCode: d.provinceCode ?? null,
});

export const presentOverride = (r: OverrideRow) => ({
  id: String(r.id),
  provinceCode: r.provinceCode,
  date: r.date,
  kind: r.kind as 'day_off' | 'working_day',
  name: r.name,
  source: r.source,
  createdAt: r.createdAt.toISOString(),
});

/** What the audit trail keeps of a year (no user ids beyond the actor of the event). */
export const presentYearRow = (r: CalendarYearRow) => ({
  year: r.year,
  status: r.status,
  legalReference: r.legalReference,
  version: r.version,
  confirmedAt: r.confirmedAt ? r.confirmedAt.toISOString() : null,
});
