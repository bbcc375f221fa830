// Times and calendar dates as post-mortems write them: the one calendar of the core (real dates,
// leap years, day numbers) and the time values of timeline cells ("14:32", "2026-03-14T09:05Z",
// "14:??") with their precision. Read by the timeline, the metrics, due dates and the metadata formats.
// Nothing here knows of tables or sections.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** How much of the moment is written: a date alone is 'day', "14:??" is 'hour'. */
export type TimePrecision = 'day' | 'hour' | 'minute' | 'second';

export interface TimeValue {
  /** The calendar date when written; undefined for a time of day alone ("14:32"). */
  date: CalendarDate | undefined;
  /** As written; 0 below the precision (a date alone is 00:00:00). */
  hour: number;
  minute: number;
  second: number;
  precision: TimePrecision;
  /** Offset from UTC in minutes when written ("Z", "UTC" and "GMT" are 0, "+02:00" is 120). */
  utcOffset: number | undefined;
}

/** Why a time cell does not parse, for a message that says what to change. */
export type TimeProblem = 'empty' | 'format' | 'not-a-date' | 'not-a-time' | 'unknown' | 'meridiem';

/** The formats parseTimeValue accepts, as messages list them. */
export const TIME_FORMATS = 'HH:MM, HH:MM:SS, YYYY-MM-DD HH:MM, ISO 8601 (2026-03-14T09:05Z, +02:00) or a date alone (YYYY-MM-DD)';

const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
// Minutes written as "--", "??" or "xx" are unknown: the hour (or the date) still places the event.
const UNKNOWN = String.raw`(?:--|\?\?|xx)`;
const CLOCK = String.raw`(\d{1,2}):(\d{2}|${UNKNOWN})(?::(\d{2})(?:[.,]\d+)?)?`;
const ZONE = String.raw`(?:[ \t]*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?`;
const DATE_ONLY = new RegExp(`^${DATE}$`);
const DATE_TIME = new RegExp(`^${DATE}(?:T|[ \\t]+)${CLOCK}${ZONE}$`, 'i');
const DATE_UNKNOWN_TIME = new RegExp(`^${DATE}[ \\t]+${UNKNOWN}:${UNKNOWN}(?::${UNKNOWN})?$`, 'i');
const TIME_ONLY = new RegExp(`^${CLOCK}${ZONE}$`, 'i');
const UNKNOWN_ONLY = new RegExp(`^${UNKNOWN}:${UNKNOWN}(?::${UNKNOWN})?$`, 'i');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The date of the captured year, month and day; undefined when the calendar has no such day (years from 1). */
export function calendarDate(y: string, m: string, d: string): CalendarDate | undefined {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** A real calendar date written as YYYY-MM-DD, blanks around it allowed (due dates, the Summary's Date). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = DATE_ONLY.exec(text.trim());
  return m ? calendarDate(m[1] as string, m[2] as string, m[3] as string) : undefined;
}

/** True for exactly YYYY-MM-DD naming a day of the calendar: 2024-02-29 yes, 2026-02-30 and " 2026-02-14" no. */
export function isCalendarDate(text: string): boolean {
  const m = DATE_ONLY.exec(text);
  return m !== null && calendarDate(m[1] as string, m[2] as string, m[3] as string) !== undefined;
}

/** Days since 1970-01-01 (proleptic Gregorian calendar). */
export function dayNumber(date: CalendarDate): number {
  const y = date.year - (date.month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Offsets of the zone words timelines write ("PDT" is -420); a zone that changes with the season ("PT") has none. */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180, ist: 330, sgt: 480, jst: 540, kst: 540,
  aest: 600, aedt: 660, nzst: 720, nzdt: 780, hst: -600, akst: -540, akdt: -480, pst: -480, pdt: -420, mst: -420, mdt: -360,
  cst: -360, cdt: -300, est: -300, edt: -240,
};

function utcOffset(zone: string | undefined): number | undefined | null {
  if (zone === undefined) return undefined;
  if (/^(?:z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** The clock part of a DATE_TIME or TIME_ONLY match, from the capture at `i` on. */
function clock(m: RegExpExecArray, i: number, date: CalendarDate | undefined): TimeValue | TimeProblem {
  const hour = Number(m[i]);
  const minuteText = m[i + 1] as string;
  const secondText = m[i + 2];
  const unknownMinute = !/^\d/.test(minuteText);
  if (unknownMinute && secondText !== undefined) return 'format';
  const minute = unknownMinute ? 0 : Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (hour > 23 || minute > 59 || second > 59) return 'not-a-time';
  const offset = utcOffset(m[i + 3]);
  if (offset === null) return 'not-a-time';
  const precision: TimePrecision = unknownMinute ? 'hour' : secondText === undefined ? 'minute' : 'second';
  return { date, hour, minute, second, precision, utcOffset: offset };
}

/** parseTimeValue, or why the text is not a time. */
export function readTimeValue(text: string): TimeValue | TimeProblem {
  const t = text.trim();
  if (t === '') return 'empty';
  let m = DATE_ONLY.exec(t);
  if (m) {
    const date = calendarDate(m[1] as string, m[2] as string, m[3] as string);
    return date ? { date, hour: 0, minute: 0, second: 0, precision: 'day', utcOffset: undefined } : 'not-a-date';
  }
  m = DATE_TIME.exec(t);
  if (m) {
    const date = calendarDate(m[1] as string, m[2] as string, m[3] as string);
    return date ? clock(m, 4, date) : 'not-a-date';
  }
  // "2019-12-03 --:--": the day is known, the time of day is not. Reporting it would push the author
  // to invent a time; ordering and durations use it at day precision instead.
  m = DATE_UNKNOWN_TIME.exec(t);
  if (m) {
    const date = calendarDate(m[1] as string, m[2] as string, m[3] as string);
    return date ? { date, hour: 0, minute: 0, second: 0, precision: 'day', utcOffset: undefined } : 'not-a-date';
  }
  m = TIME_ONLY.exec(t);
  if (m) return clock(m, 1, undefined);
  // "--:--" with no date places the event nowhere: neither its order nor a duration can use it.
  if (UNKNOWN_ONLY.test(t)) return 'unknown';
  return 'format';
}

/**
 * A timeline time: HH:MM, HH:MM:SS, `YYYY-MM-DD HH:MM[:SS]` (any blanks between date and time), ISO
 * 8601 with T and Z or an offset, or a date alone. Only real calendar dates and times of day.
 */
export function parseTimeValue(text: string): TimeValue | undefined {
  const value = readTimeValue(text);
  return typeof value === 'string' ? undefined : value;
}

/** Minutes a time may span at its precision: a date alone covers its day, "14:??" its hour. */
export function precisionMinutes(precision: TimePrecision): number {
  switch (precision) {
    case 'day':
      return 1440;
    case 'hour':
      return 60;
    case 'minute':
      return 1;
    case 'second':
      return 1 / 60;
  }
}
