// Metadata values as careful authors write them, beyond the schema's strict forms: a date as
// "November 7, 2016", "2016-11-07 21:30 UTC" or a range; a duration as "16h 45m", "~2 hours" or
// "21:45 to 23:28 UTC (103 minutes)"; a choice as "SEV-1" for SEV1 or "in review" for In Review.
// What is really wrong stays wrong: a day the calendar has not (2016-02-30, "February 30, 2016").
import { parseDuration } from './duration';
import { calendarDate } from './times';

/**
 * How a date value reads: a real date (or range of them), a date the calendar has not, a numeric date
 * that is a real day read either way round (03/04/2026), or no date at all.
 */
export type DateReading = 'date' | 'impossible' | 'ambiguous' | 'unreadable';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const RANGE_DAY = `(?:\\s*(?:-|–|—|to)\\s*${DAY})?`;
/** 2016-11-07, 2016/11/07, 2016.11.07 (a time may follow). */
const ISO_DATE = /(?<![\d.\/-])(\d{4})([-\/.])(\d{1,2})\2(\d{1,2})(?![\d\/-])/g;
/** November 7, 2016; Nov 7th 2016; November 7-8, 2016. */
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+${DAY}${RANGE_DAY},?\\s+(\\d{4})\\b`, 'gi');
/** 7 November 2016; 7th of Nov, 2016; 7-8 November 2016. */
const DAY_FIRST = new RegExp(`\\b${DAY}${RANGE_DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'gi');
/** 14/02/2026: day/month or month/day, whichever the calendar has (07/11/2016 reads both ways: ambiguous). */
const NUMERIC = /(?<![\d\/.-])(\d{1,2})[\/.](\d{1,2})[\/.](\d{4})(?![\d\/.-])/g;

const monthNumber = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
const isDay = (y: number, m: number, d: number) => calendarDate(String(y), String(m), String(d)) !== undefined;

/** Every date written in the value, each read as real or not. */
export function readMetadataDate(text: string): DateReading {
  if (text.length > 200) return 'unreadable';
  const found: boolean[] = [];
  let ambiguous = false;
  for (const m of text.matchAll(ISO_DATE)) found.push(isDay(Number(m[1]), Number(m[3]), Number(m[4])));
  for (const m of text.matchAll(MONTH_FIRST)) {
    const [month, year] = [monthNumber(m[1] as string), Number(m[4])];
    found.push(isDay(year, month, Number(m[2])) && (m[3] === undefined || isDay(year, month, Number(m[3]))));
  }
  for (const m of text.matchAll(DAY_FIRST)) {
    const [month, year] = [monthNumber(m[3] as string), Number(m[4])];
    found.push(isDay(year, month, Number(m[1])) && (m[2] === undefined || isDay(year, month, Number(m[2]))));
  }
  for (const m of text.matchAll(NUMERIC)) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    found.push(isDay(y, b, a) || isDay(y, a, b));
    if (a !== b && isDay(y, b, a) && isDay(y, a, b)) ambiguous = true;
  }
  if (found.length === 0) return 'unreadable';
  if (!found.every(Boolean)) return 'impossible';
  return ambiguous ? 'ambiguous' : 'date';
}

/** Words that hedge a duration without changing what it is: "~2 hours", "about 45 minutes", "over 14 hours". */
const HEDGE = /^(?:~|≈|<|>|\+|about|around|approx(?:\.|imately)?|roughly|circa|ca\.|nearly|almost|under|over|more than|less than|just over|just under|at least|at most|up to)\s*/i;
/** Values that say deliberately that there is no duration to give. */
const NO_DURATION = /^(?:n\/?a|none|unknown|ongoing|not applicable|-|—)$/i;
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?';
const TIME_RANGE = new RegExp(`^(?:${TIME})(?:\\s*[A-Z]{2,5})?(?:\\s+on\\s+[^-–—]+?)?\\s*(?:-|–|—|to|until|till)\\s*(?:${TIME})`, 'i');

/** Whether a duration value reads as one: parseDuration's forms, hedged, a time range, or one in brackets. */
export function isReadableDuration(text: string): boolean {
  const value = text.trim();
  if (value.length > 200) return false;
  if (NO_DURATION.test(value)) return true;
  const read = (s: string) => {
    let t = s.trim().replace(/[.,;]$/, '');
    for (let i = 0; i < 3 && HEDGE.test(t); i++) t = t.replace(HEDGE, '');
    return parseDuration(t) !== undefined || parseDuration(t.replace(/(\d)\s*\+\s*$/, '$1')) !== undefined;
  };
  if (read(value)) return true;
  // "21:45 to 23:28 UTC (103 minutes)", "2 hours (partial outage)", "16h 45m total".
  const bracketed = /\(([^()]{1,80})\)/.exec(value);
  if (bracketed && read(bracketed[1] as string)) return true;
  const beforeBracket = value.replace(/\s*\([^()]*\)\s*$/, '');
  if (beforeBracket !== value && read(beforeBracket)) return true;
  const words = value.split(/\s+/);
  if (words.length > 1 && read(words.slice(0, -1).join(' '))) return true;
  return TIME_RANGE.test(value);
}

/** Lower-case letters and digits only: "SEV-1", "sev 1", "Sev1" -> "sev1"; "In Review" -> "inreview". */
const choiceKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The choice a value names: the same letters and digits in any case and spacing ("SEV-1" is SEV1,
 * "in-review" is In Review), also followed by a comment ("SEV2 (major)", "High - customer facing").
 */
export function chosenOption(value: string, choices: readonly string[]): string | undefined {
  if (value.length > 200) return undefined;
  const key = choiceKey(value);
  const exact = choices.find((c) => choiceKey(c) === key);
  if (exact !== undefined) return exact;
  const lead = /^([^(–—:;,]+?)\s*(?:\(|[-–—:;,]\s)/.exec(value.trim());
  if (!lead) return undefined;
  const leadKey = choiceKey(lead[1] as string);
  return choices.find((c) => choiceKey(c) === leadKey);
}
