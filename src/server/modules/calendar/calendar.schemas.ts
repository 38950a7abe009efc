import { Type } from 'typebox';

/** Years the working calendar covers (deadlines, holiday lists, admin edits). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
/** ISO 8601 date-time with an explicit offset (Z or ±HH:MM). */
export const INSTANT_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:[0-9]{2})$';

const IsoDate = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD' });
const Year = Type.Integer({ minimum: FIRST_YEAR, maximum: LAST_YEAR });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Kind = Type.Union([Type.Literal('day_off'), Type.Literal('working_day')]);
/** A province's code (two digits): its local days off are included. Absent: the national calendar. */
const Province = Type.String({ pattern: '^[0-9]{2}$', description: 'Mã tỉnh: gồm cả ngày nghỉ riêng của tỉnh / province code: its local days off included' });

export const LunarDate = Type.Object({ day: Type.Integer(), month: Type.Integer(), year: Type.Integer(), leap: Type.Boolean() });

export const LunarQuery = Type.Object({ date: IsoDate }, { additionalProperties: false });
export const LunarResponse = Type.Object({ date: Type.String(), lunar: LunarDate, yearName: Type.String() });

export const SolarQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 1900, maximum: 2100 }),
    month: Type.Integer({ minimum: 1, maximum: 12 }),
    day: Type.Integer({ minimum: 1, maximum: 30 }),
    leap: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export const SolarResponse = Type.Object({ date: Type.String() });

export const YearQuery = Type.Object({ year: Year, province: Type.Optional(Province) }, { additionalProperties: false });
export const ProvinceQuery = Type.Object({ province: Type.Optional(Province) }, { additionalProperties: false });
export const YearParams = Type.Object({ year: Year });

export const CalendarDay = Type.Object({
  date: Type.String(),
  kind: Kind,
  name: Type.String(),
  nameEn: Type.String(),
  source: Type.String(),
  /** The administrator's override that produced this day, if any. */
  overrideId: Nullable(Type.String()),
  /** Set on a province's local day off. */
  provinceCode: Nullable(Type.String()),
});
export const HolidaysResponse = Type.Object({
  year: Type.Integer(),
  provisional: Type.Boolean(),
  legalReference: Type.String(),
  calendarVersion: Type.String(),
  days: Type.Array(CalendarDay),
});

export const MonthQuery = Type.Object(
  { year: Year, month: Type.Integer({ minimum: 1, maximum: 12 }), province: Type.Optional(Province) },
  { additionalProperties: false },
);
export const MonthDay = Type.Object({
  date: Type.String(),
  weekday: Type.Integer({ description: '0 = Sunday … 6 = Saturday' }),
  isWorking: Type.Boolean(),
  lunar: LunarDate,
  holiday: Type.Union([Type.Object({ kind: Kind, name: Type.String(), nameEn: Type.String(), provinceCode: Nullable(Type.String()) }), Type.Null()]),
});
export const MonthResponse = Type.Object({
  year: Type.Integer(),
  month: Type.Integer(),
  provisional: Type.Boolean(),
  yearName: Type.String(),
  days: Type.Array(MonthDay),
});

export const DeadlineQuery = Type.Object(
  {
    from: Type.String({ pattern: INSTANT_PATTERN, description: 'ISO 8601 with offset, e.g. 2019-11-20T08:37:00+07:00' }),
    amount: Type.Number({ minimum: 0, maximum: 10_000 }),
    unit: Type.Union([Type.Literal('working_days'), Type.Literal('working_hours'), Type.Literal('calendar_days')]),
    province: Type.Optional(Province),
  },
  { additionalProperties: false },
);
export const DeadlineResponse = Type.Object({ due: Type.String(), calendarVersion: Type.String() });

export const Override = Type.Object({
  id: Type.String(),
  /** Null: a national override; else the province whose local day off it is. */
  provinceCode: Nullable(Type.String()),
  date: Type.String(),
  kind: Kind,
  name: Type.String(),
  source: Type.String(),
  createdAt: Type.String(),
});
export const CreateOverride = Type.Object(
  { date: Type.String({ format: 'date', pattern: DATE_PATTERN }), kind: Kind, name: Text(200), source: Text(500) },
  { additionalProperties: false },
);
export const OverrideParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) });
export const ProvinceParams = Type.Object({ province: Type.String({ pattern: '^[0-9]{2}$' }) });
export const LocalDayParams = Type.Object({ province: Type.String({ pattern: '^[0-9]{2}$' }), id: Type.String({ pattern: '^[0-9]{1,15}$' }) });
export const CreateLocalDayOff = Type.Object(
  { date: Type.String({ format: 'date', pattern: DATE_PATTERN }), name: Text(200), source: Text(500) },
  { additionalProperties: false },
);

export const YearDetail = Type.Object({
  year: Type.Integer(),
  status: Type.Union([Type.Literal('official'), Type.Literal('provisional')]),
  legalReference: Type.String(),
  builtInReference: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
  version: Type.Integer({ description: 'Edit counter of the year (0 = built-in data only)' }),
  calendarVersion: Type.String(),
  /** The province whose local days off are included, if one was asked for. */
  province: Nullable(Type.String()),
  overrides: Type.Array(Override),
  days: Type.Array(CalendarDay),
});
export const ConfirmYear = Type.Object(
  { legalReference: Text(500), expectedVersion: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);
