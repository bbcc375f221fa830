// Durations as post-mortems write them ("1 hour 52 minutes", "1 h 52 min", "112 minutes", "2h",
// "45m", ISO "PT1H52M"): read into minutes, and written back in the style of a sample so a filled-in
// metric reads like its neighbours.

type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

const UNIT_ORDER: readonly DurationUnit[] = ['day', 'hour', 'minute', 'second'];
const MINUTES_PER: Record<DurationUnit, number> = { day: 1440, hour: 60, minute: 1, second: 1 / 60 };

const UNIT_WORDS: Record<string, DurationUnit> = {
  d: 'day',
  day: 'day',
  days: 'day',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  m: 'minute',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  s: 'second',
  sec: 'second',
  secs: 'second',
  second: 'second',
  seconds: 'second',
};

interface DurationPart {
  amount: number;
  unit: DurationUnit;
  /** The unit as written, lower-cased ("min", "hours"). */
  word: string;
  /** What separates the number from its unit ("" or " "). */
  gap: string;
  /** What separates this part from the next one (", ", " and ", " ", ""). */
  joiner: string;
}

const PART = /(\d+(?:\.\d+)?)(\s*)([a-z]+)\.?/y;
const JOINER = /\s*(?:,|and\b|&)?\s*/y;
const ISO = /^p(?:(\d+(?:\.\d+)?)d)?(?:t(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?)?$/;

/** The parts of a written duration, largest unit first, each unit at most once; undefined if it is not one. */
function readParts(text: string): DurationPart[] | undefined {
  const source = text.trim().toLowerCase();
  if (!source) return undefined;
  const parts: DurationPart[] = [];
  let at = 0;
  let lastRank = -1;
  while (at < source.length) {
    PART.lastIndex = at;
    const m = PART.exec(source);
    if (!m) return undefined;
    const word = m[3] as string;
    const unit = UNIT_WORDS[word];
    if (!unit) return undefined;
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank <= lastRank) return undefined; // "5 minutes 2 hours", "1h 1h": not a duration we can trust
    lastRank = rank;
    at = PART.lastIndex;
    JOINER.lastIndex = at;
    const joiner = (JOINER.exec(source) as RegExpExecArray)[0];
    at = JOINER.lastIndex;
    parts.push({ amount: Number(m[1]), unit, word, gap: m[2] as string, joiner });
  }
  // A trailing "," or "and" is not part of a duration.
  const last = parts[parts.length - 1];
  if (!last || last.joiner.trim()) return undefined;
  return parts;
}

/** Minutes in a written duration (fractional when it has seconds), or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const source = text.trim().toLowerCase();
  const iso = ISO.exec(source);
  if (iso) {
    if (source === 'p' || source.endsWith('t')) return undefined;
    const [, d, h, m, s] = iso;
    return Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(m ?? 0) + Number(s ?? 0) / 60;
  }
  const parts = readParts(source);
  if (!parts) return undefined;
  const minutes = parts.reduce((sum, p) => sum + p.amount * MINUTES_PER[p.unit], 0);
  return Number.isFinite(minutes) ? minutes : undefined;
}

/** The finest step a written duration shows, in minutes: a second when it writes seconds, else a minute. */
export function durationResolution(text: string): number {
  const source = text.trim().toLowerCase();
  if (ISO.test(source)) return /\d(?:\.\d+)?s$/.test(source) ? 1 / 60 : 1;
  return readParts(source)?.some((p) => p.unit === 'second') ? 1 / 60 : 1;
}

interface DurationStyle {
  /** Singular and plural word of each unit. */
  words: Record<DurationUnit, [string, string]>;
  gap: string;
  joiner: string;
  /** Units written at all: days and seconds only when the sample has them. */
  units: DurationUnit[];
}

const LONG: Record<DurationUnit, [string, string]> = {
  day: ['day', 'days'],
  hour: ['hour', 'hours'],
  minute: ['minute', 'minutes'],
  second: ['second', 'seconds'],
};
const LETTERS: Record<DurationUnit, [string, string]> = { day: ['d', 'd'], hour: ['h', 'h'], minute: ['m', 'm'], second: ['s', 's'] };
// "1 h 52 min": the short words people pair with "min".
const SHORT: Record<DurationUnit, [string, string]> = { day: ['d', 'd'], hour: ['h', 'h'], minute: ['min', 'min'], second: ['s', 's'] };

const DEFAULT_STYLE: DurationStyle = { words: LONG, gap: ' ', joiner: ' ', units: ['hour', 'minute'] };

function wordsFor(unit: DurationUnit, word: string): [string, string] {
  if (LONG[unit].includes(word)) return LONG[unit];
  if (word.length > 2 && word.endsWith('s')) return [word.slice(0, -1), word]; // hrs, mins, secs
  return [word, word];
}

function styleOf(sample: string): DurationStyle {
  const parts = readParts(sample);
  if (!parts || parts.length === 0) return DEFAULT_STYLE;
  const first = parts[0] as DurationPart;
  // Units the sample lacks follow its look: letters ("2h 5m"), words ("2 hours"), or short words ("2 h 5 min");
  // a spaced letter ("2 h") reads as a short word: "1 h 26 min", not "1 h 26 m".
  const letters = first.word.length === 1 && first.gap === '';
  const family = letters ? LETTERS : LONG[first.unit].includes(first.word) ? LONG : SHORT;
  const words = { ...family };
  for (const p of parts) words[p.unit] = wordsFor(p.unit, p.word);
  const has = new Set(parts.map((p) => p.unit));
  const minutes = parts.reduce((sum, p) => sum + p.amount * MINUTES_PER[p.unit], 0);
  // "112 minutes" says the writer counts in minutes; "45 minutes" says nothing about hours.
  const minutesOnly = !has.has('day') && !has.has('hour') && minutes >= 60;
  const units = UNIT_ORDER.filter((u) => {
    if (u === 'day' || u === 'second') return has.has(u);
    if (u === 'hour') return !minutesOnly;
    return true;
  });
  return { words, gap: first.gap, joiner: parts.length > 1 ? first.joiner : ' ', units };
}

/**
 * Writes minutes as a duration: "1 hour 52 minutes", "11 minutes"; with a sample, in its style
 * ("1 h 52 min" -> "2 h 5 min", "45m" -> "2h 5m", "112 minutes" -> "125 minutes").
 */
export function formatDuration(minutes: number, sample?: string): string {
  if (!Number.isFinite(minutes)) return '';
  if (minutes < 0) return `-${formatDuration(-minutes, sample)}`;
  const style = sample === undefined ? DEFAULT_STYLE : styleOf(sample);
  const smallest = style.units[style.units.length - 1] as DurationUnit;
  // Count in whole smallest units so no fraction of a minute is lost or invented.
  let rest = Math.round(minutes / MINUTES_PER[smallest]);
  const out: string[] = [];
  for (const unit of style.units) {
    const factor = Math.round(MINUTES_PER[unit] / MINUTES_PER[smallest]);
    const amount = Math.floor(rest / factor);
    rest -= amount * factor;
    if (amount === 0) continue;
    const [one, many] = style.words[unit];
    out.push(`${amount}${style.gap}${amount === 1 ? one : many}`);
  }
  if (out.length === 0) {
    const [, many] = style.words[smallest];
    return `0${style.gap}${many}`;
  }
  return out.join(style.joiner);
}
