// The time at the start of a timeline entry written as a list item, a line or a heading: "14:32",
// "[14:32]", "**21:45 UTC** -", "12:48 (6:48 PDT):", "12:45 PM PST Saturday Oct 30th:",
// "June 14th, 2022, 10:00 AM:", "[03-26 23:04]", "2019-02-08 10:14", ranges ("14:20-16:20") and the
// deliberate unknowns "--:--", "14:??", "[???]". The calendar is ./times. Every pattern is sticky and
// anchored, read over the first characters of the text only: linear in the document.
import { calendarDate, daysInMonth, ZONE_OFFSETS, type TimeProblem } from './times';

export interface EntryClock {
  hour: number;
  minute: number;
  second: number;
  precision: 'hour' | 'minute' | 'second';
}

/** A date as an entry writes it; `year` undefined when written without one ("Oct 30th", "03-26"). */
export interface EntryDate {
  year: number | undefined;
  month: number;
  day: number;
}

export interface EntryTime {
  /** Offsets in the text given of the time as written (wrappers and separators excluded). */
  start: number;
  end: number;
  /** Where the event's text begins. */
  eventStart: number;
  date: EntryDate | undefined;
  clock: EntryClock | undefined;
  /** The zone word or offset written, and its minutes from UTC (undefined for a seasonal zone such as "PT"). */
  zone: string | undefined;
  utcOffset: number | undefined;
  /** Why it gives no time: 'unknown' for a deliberate "--:--" or "[???]". */
  problem: TimeProblem | undefined;
  /** The end of a range ("14:20-16:20"), as written. */
  rangeEnd: { clock: EntryClock; text: string; start: number; end: number } | undefined;
  /** A second time in parentheses ("12:48 (6:48 PDT)"): the same moment in another zone. */
  alternate: { clock: EntryClock; zone: string | undefined; utcOffset: number | undefined; text: string; start: number; end: number } | undefined;
}

/** How far into a line an entry's time may reach. */
const HEAD = 160;

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:,?[ \t]+(\d{4})(?!\d))?`;
const WEEKDAY = /(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?(?![\p{L}]),?[ \t]*/iuy;
const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y;
const MONTH_DAY = new RegExp(`${MONTH}[ \\t]+${ORDINAL}(?![\\p{L}\\d])${YEAR}`, 'iuy');
const DAY_MONTH = new RegExp(`${ORDINAL}[ \\t]+${MONTH}(?![\\p{L}])${YEAR}`, 'iuy');
const SHORT_DATE = /(\d{1,2})-(\d{1,2})(?=[ \t]+\d{1,2}:)/y;
const CLOCK = /(\d{1,2}):(\d{2}|\?\?|--|xx)(?::(\d{2}))?(?:[.,]\d+)?(?!\d)/iy;
const UNKNOWN_CLOCK = /(?:\?\?|--|xx):(?:\?\?|--|xx)(?::(?:\?\?|--|xx))?(?![\w?])/iy;
const UNKNOWN_MARK = /\?{2,}/y;
const MERIDIEM = /[ \t]*([ap])\.?m\.?(?![\p{L}])/iuy;
const ZONE = /[ \t]*(z(?![\p{L}])|[a-z]{2,5}(?![\p{L}])|[+-]\d{2}:?\d{2})/iuy;
const BETWEEN = /[ \t]*,?[ \t]*/y;
const AT_T = /T(?=\d)/y;
const RANGE = /[ \t]*(?:-|–|—|to|until)[ \t]*/iy;
const OPEN_ALTERNATE = /[ \t]*\([ \t]*/y;
const CLOSE_ALTERNATE = /[ \t]*\)/y;
const SEPARATOR = /[ \t]*(?:[:\-–—|]+|\.(?=\s))?[ \t]*/y;
const INNER_REST = /[ \t]*[:\-–—,.]?[ \t]*$/y;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function at(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

function monthNumber(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

interface Phrase {
  date: EntryDate | undefined;
  clock: EntryClock | undefined;
  zone: string | undefined;
  utcOffset: number | undefined;
  problem: TimeProblem | undefined;
  rangeEnd: { clock: EntryClock; start: number; end: number } | undefined;
  end: number;
}

/** "PDT" -> -420, "+02:00" -> 120; undefined for a word that is no zone, null for a seasonal one. */
function zoneOffset(word: string): number | undefined | null {
  const lower = word.toLowerCase();
  if (lower in ZONE_OFFSETS) return ZONE_OFFSETS[lower] as number;
  if (/^(?:pt|mt|ct|et)$/.test(lower)) return null;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(word);
  if (m && Number(m[2]) <= 14 && Number(m[3]) <= 59) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return undefined;
}

function readDate(s: string, pos: number): { date: EntryDate; end: number; valid: boolean } | undefined {
  let m = at(ISO_DATE, s, pos);
  if (m) {
    const date = calendarDate(m[1] as string, m[2] as string, m[3] as string);
    const month = Number(m[2]);
    return { date: date ?? { year: Number(m[1]), month, day: Number(m[3]) }, end: pos + m[0].length, valid: date !== undefined };
  }
  m = at(MONTH_DAY, s, pos);
  let month = 0;
  let day = 0;
  let year: string | undefined;
  if (m) [month, day, year] = [monthNumber(m[1] as string), Number(m[2]), m[3]];
  else if ((m = at(DAY_MONTH, s, pos))) [month, day, year] = [monthNumber(m[2] as string), Number(m[1]), m[3]];
  else if ((m = at(SHORT_DATE, s, pos))) [month, day] = [Number(m[1]), Number(m[2])];
  if (!m) return undefined;
  const end = pos + m[0].length;
  if (year !== undefined) {
    const date = calendarDate(year, String(month), String(day));
    return { date: date ?? { year: Number(year), month, day }, end, valid: date !== undefined };
  }
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
  return { date: { year: undefined, month, day }, end, valid };
}

function readClock(s: string, pos: number): { clock: EntryClock | undefined; problem: TimeProblem | undefined; end: number } | undefined {
  const m = at(CLOCK, s, pos);
  if (!m) return undefined;
  let end = pos + m[0].length;
  let hour = Number(m[1]);
  const unknownMinute = !/^\d/.test(m[2] as string);
  const minute = unknownMinute ? 0 : Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  const precision: EntryClock['precision'] = unknownMinute ? 'hour' : m[3] === undefined ? 'minute' : 'second';
  let problem: TimeProblem | undefined = hour > 23 || minute > 59 || second > 59 || (unknownMinute && m[3] !== undefined) ? 'not-a-time' : undefined;
  const meridiem = at(MERIDIEM, s, end);
  if (meridiem) {
    end += meridiem[0].length;
    const pm = (meridiem[1] as string).toLowerCase() === 'p';
    // "13:55 PM" says the same twice; "23:00 AM" and "0:30 PM" contradict themselves.
    if (!problem && ((hour > 12 && !pm) || (hour === 0 && pm))) problem = 'meridiem';
    else if (hour >= 1 && hour <= 12) hour = pm ? (hour % 12) + 12 : hour % 12;
  }
  return { clock: problem ? undefined : { hour, minute, second, precision }, problem, end };
}

function readZone(s: string, pos: number): { zone: string; utcOffset: number | undefined; end: number } | undefined {
  const m = at(ZONE, s, pos);
  if (!m) return undefined;
  const word = m[1] as string;
  // Zone words are capitals ("PDT"); "utc" and "gmt" in any case. "est" in prose is a word.
  if (word !== word.toUpperCase() && !/^(?:utc|gmt)$/i.test(word)) return undefined;
  const offset = zoneOffset(word);
  if (offset === undefined) return undefined;
  return { zone: m[1] as string, utcOffset: offset ?? undefined, end: pos + m[0].length };
}

/** A date, a time of day or both, in either order, with AM/PM, a zone and a range end. */
function readPhrase(s: string, start: number, allowMark: boolean): Phrase | undefined {
  let pos = start;
  const weekday = at(WEEKDAY, s, pos);
  if (weekday) pos += weekday[0].length;
  const phrase: Phrase = { date: undefined, clock: undefined, zone: undefined, utcOffset: undefined, problem: undefined, rangeEnd: undefined, end: pos };
  const date = readDate(s, pos);
  if (date) {
    phrase.date = date.date;
    if (!date.valid) phrase.problem = 'not-a-date';
    phrase.end = pos = date.end;
    const t = at(AT_T, s, pos) ?? at(BETWEEN, s, pos);
    if (t) pos += t[0].length;
  }
  const clock = readClock(s, pos);
  let unknown = false;
  if (clock) {
    phrase.clock = clock.clock;
    phrase.problem ??= clock.problem;
    phrase.end = pos = clock.end;
  } else {
    const mark = at(UNKNOWN_CLOCK, s, pos) ?? (allowMark && !date ? at(UNKNOWN_MARK, s, pos) : null);
    if (mark) {
      unknown = true;
      phrase.end = pos = pos + mark[0].length;
      // A known date with the time unknown still places the event on its day.
      if (!date) phrase.problem = 'unknown';
    }
  }
  if (!date && !clock && !unknown) return undefined;
  if (clock || unknown) {
    const zone = readZone(s, pos);
    if (zone) {
      phrase.zone = zone.zone;
      phrase.utcOffset = zone.utcOffset;
      phrase.end = pos = zone.end;
    }
    if (!date) {
      // "12:45 PM PST Saturday Oct 30th": the date after the time.
      const between = at(BETWEEN, s, pos);
      let p = pos + (between ? between[0].length : 0);
      const day = at(WEEKDAY, s, p);
      if (day) p += day[0].length;
      const after = readDate(s, p);
      if (after && (day || between?.[0])) {
        phrase.date = after.date;
        if (!after.valid) phrase.problem ??= 'not-a-date';
        phrase.end = pos = after.end;
      }
    }
    const range = clock?.clock ? at(RANGE, s, pos) : null;
    if (range) {
      const endAt = pos + range[0].length;
      const to = readClock(s, endAt);
      if (to?.clock) {
        phrase.rangeEnd = { clock: to.clock, start: endAt, end: to.end };
        phrase.end = pos = to.end;
        const zone = readZone(s, pos);
        if (zone && !phrase.zone) {
          phrase.zone = zone.zone;
          phrase.utcOffset = zone.utcOffset;
          phrase.end = pos = zone.end;
        }
      }
    }
  }
  return phrase;
}

const WRAPPERS: readonly [string, string][] = [
  ['**', '**'],
  ['__', '__'],
  ['[', ']'],
  ['`', '`'],
  ['*', '*'],
  ['_', '_'],
];

/**
 * The time at the start of `text` (a list item's first line, a line, a heading's text), or undefined
 * when it does not start with one: the text is then no timeline entry.
 */
export function readEntryTime(text: string): EntryTime | undefined {
  const s = text.length > HEAD ? text.slice(0, HEAD) : text;
  let pos = 0;
  while (pos < s.length && (s[pos] === ' ' || s[pos] === '\t')) pos++;
  let phrase: Phrase | undefined;
  let start = pos;
  let after = pos;
  const wrapper = WRAPPERS.find(([open]) => s.startsWith(open, pos));
  if (wrapper) {
    const [open, close] = wrapper;
    const closeAt = s.indexOf(close, pos + open.length);
    if (closeAt < 0) return undefined;
    const inner = s.slice(0, closeAt);
    start = pos + open.length;
    phrase = readPhrase(inner, start, open === '[');
    if (!phrase || !at(INNER_REST, inner, phrase.end)) return undefined;
    after = closeAt + close.length;
  } else {
    phrase = readPhrase(s, pos, false);
    if (!phrase) return undefined;
    after = phrase.end;
    // The time ends at a blank, punctuation or the line's end: "12:30pm" yes, "12:30abc" no.
    if (after < s.length && !/[\s:,.;)\-–—|]/.test(s[after] as string)) return undefined;
  }
  const time: EntryTime = {
    start,
    end: phrase.end,
    eventStart: after,
    date: phrase.date,
    clock: phrase.clock,
    zone: phrase.zone,
    utcOffset: phrase.utcOffset,
    problem: phrase.problem,
    rangeEnd: phrase.rangeEnd && { ...phrase.rangeEnd, text: s.slice(phrase.rangeEnd.start, phrase.rangeEnd.end) },
    alternate: undefined,
  };
  const open = at(OPEN_ALTERNATE, s, after);
  if (open && phrase.clock) {
    const inner = readPhrase(s, after + open[0].length, false);
    const close = inner && at(CLOSE_ALTERNATE, s, inner.end);
    if (inner?.clock && !inner.date && close) {
      const from = after + open[0].length;
      time.alternate = { clock: inner.clock, zone: inner.zone, utcOffset: inner.utcOffset, text: s.slice(from, inner.end), start: from, end: inner.end };
      after = inner.end + close[0].length;
    }
  }
  const separator = at(SEPARATOR, s, after);
  time.eventStart = after + (separator ? separator[0].length : 0);
  return time;
}

/** The first zone a note names ("All times in PST", "Timeline (UTC)"): its word and offset. */
export function zoneNamed(text: string): { zone: string; utcOffset: number | undefined } | undefined {
  const words = /\b([A-Za-z]{2,5})\b/g;
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  for (let m = words.exec(head); m; m = words.exec(head)) {
    const word = m[1] as string;
    if (word !== word.toUpperCase()) continue; // zone words are written in capitals: "in", "at" are not zones
    const offset = zoneOffset(word);
    if (offset !== undefined) return { zone: word, utcOffset: offset ?? undefined };
  }
  return undefined;
}

/** The first date a short note or heading names ("All times in PST, on February 8th 2019", "### October 21, 2025 - Redis"). */
export function dateNamed(text: string): EntryDate | undefined {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  const starts = /(?:^|[\s(,])(?=\d|[A-Za-z])/g;
  for (let m = starts.exec(head); m; m = starts.exec(head)) {
    const at = m.index + m[0].length;
    const date = readDate(head, at);
    if (date?.valid && date.date.year !== undefined) return date.date;
    if (starts.lastIndex === m.index) starts.lastIndex++;
  }
  return undefined;
}

/** A date written as a placeholder ("YYYY-MM-DD", "YYYY-MM-DD+1", "20xx-MM-DD"): a day the author has yet to name. */
export function isDatePlaceholder(text: string): boolean {
  return /^[\s*_[]*(?:yyyy|\d{2}xx|\d{4})-(?:mm|\d{2})-dd\b/i.test(text) || /^[\s*_[]*(?:yyyy|\d{2}xx)-mm-\d{2}\b/i.test(text);
}
