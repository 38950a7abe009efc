export { canChiYear, leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar, tetDate, type CivilDate, type LunarDate } from './lunar.js';
export {
  computeDefaultYear,
  DEFAULT_RULES_VERSION,
  holidaysFor,
  officialYears,
  scheduleFor,
  type CalendarDay,
  type OfficialYear,
  type OfficialYearOverrides,
  type ProvisionalYear,
  type YearSchedule,
} from './holidays.js';
export {
  buildWorkingCalendar,
  computeDeadline,
  computeSameDayDeadline,
  DEFAULT_OFFICE_HOURS,
  defaultWorkingCalendar,
  formatVN,
  naiveAddWorkingDays,
  naiveRules,
  WorkingCalendar,
  type CalendarOptions,
  type DeadlineRequest,
  type DeadlineResult,
  type DeadlineUnit,
  type NaiveRules,
  type OfficeInterval,
  type Pause,
  type SameDayRequest,
  type SameDayResult,
} from './deadline.js';
export { calendarRoutes } from './calendar.routes.js';
export { computeDue, computeSameDayDue } from './calendar.service.js';
export { calendarState, type CalendarCtx, type CalendarState } from './calendar.state.js';
/** The calendar's data stamp in a province as a SQL expression, to check a state used unchecked (`calendarState`). */
export { stampSql as calendarStampSql } from './calendar.repo.js';
