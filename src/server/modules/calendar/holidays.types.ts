import type { IsoDate } from './dates.js';

/**
 * One exception to the Monday–Friday pattern for the state sector:
 * `day_off` is a Monday–Friday not worked, `working_day` a Saturday or Sunday worked.
 */
export interface CalendarDay {
  date: IsoDate;
  kind: 'day_off' | 'working_day';
  /** Vietnamese name, NFC, full diacritics. */
  name: string;
  nameEn: string;
  /** Legal basis of this day. */
  source: string;
  /** Present when part of the fact is not confirmed by a published text (what is unknown). */
  unconfirmed?: string;
}

/** A year's schedule as announced by the Government, stored as data with its provenance. */
export interface OfficialYear {
  year: number;
  legalReference: string;
  /** Bumped whenever the data of that year is corrected. */
  version: string;
  days: readonly CalendarDay[];
}

export interface ProvisionalYear {
  year: number;
  provisional: true;
  legalReference: string;
  version: string;
  days: CalendarDay[];
}

export interface YearSchedule {
  year: number;
  provisional: boolean;
  legalReference: string;
  version: string;
  days: CalendarDay[];
}

/** Official years that take precedence over the built-in ones (e.g. loaded from the database). */
export type OfficialYearOverrides = Readonly<Record<number, OfficialYear>>;
