// What counts as unfilled template text inside a run of Markdown source. Shared by the template
// model (which placeholders the template has) and the `placeholder` rule (which are left).
import { headerNames } from '../markdown/tableCells';
import { memoize } from '../markdown/memo';
import type { TemplateModel } from './model';
import { DEFAULT_HEADER_WORDS } from './timelineColumns';

export interface PlaceholderSpan {
  /** Offsets into the scanned source (add the run's base offset). */
  start: number;
  end: number;
  text: string;
}

// `[...]` with no nested brackets, on one line. Exclusions are decided in isBracketPlaceholder.
const BRACKETS = /\[([^\[\]\r\n]+)\]/g;

// A time or date that is already filled in: [14:32], [1:46 PM], [07:16 AM UTC], [2021-05-09 14:00 CET].
// Tokens never overlap (AM/PM only through the first alternative), so a failed match backtracks linearly.
const FILLED_TIME = /^\d[\d:./-]*(?:\s+(?:\d[\d:./-]*|[AaPp]\.?[Mm]\.?|(?![AP]M(?![A-Z]))[A-Z]{1,5}|[+-]\d{2}:?\d{2}))*$/;
// Relative times in pasted chat logs: [3 hours ago].
const RELATIVE_TIME = /^\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$/i;

function isEscaped(source: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Content of `[...]` that is never a placeholder, wherever it is written. */
function isNeverPlaceholder(inner: string): boolean {
  if (/^[ xX]$/.test(inner)) return true; // task-list checkbox
  if (/^[\^!:]/.test(inner)) return true; // footnote [^1], GitHub alert [!NOTE], Slack status [:fire: ...]
  if (!/\p{L}|[%$#?]/u.test(inner)) return true; // [1], [14:32], [2021-05-09], [...]: citations and filled times
  if (FILLED_TIME.test(inner.trim()) || RELATIVE_TIME.test(inner.trim())) return true;
  return false;
}

function isBracketPlaceholder(source: string, start: number, end: number, inner: string, known: ReadonlySet<string> | undefined): boolean {
  if (isEscaped(source, start) || isEscaped(source, end - 1)) return false; // \[x\]
  if (isNeverPlaceholder(inner)) return false;
  // A placeholder the template itself writes is one wherever it appears ("- [Factor 1]: ...").
  if (known?.has(source.slice(start, end))) return true;
  const before = start > 0 ? (source[start - 1] as string) : '';
  if (/[\p{L}\p{N}_\]\)!]/u.test(before)) return false; // array[0], ![alt], ][...
  const after = source[end] ?? '';
  if (after === '(' || after === '[' || after === ':') return false; // link syntax that did not resolve, "[Label]: text"
  return true;
}

/**
 * Bracketed placeholders such as `[Name]`, `[INC-XXXX]`, `[X minutes]`, `[bd://xxx]`. `known` holds
 * the placeholders of the template (see templatePlaceholders): those count even where the
 * neighbouring characters would otherwise make the brackets look like link or label syntax.
 */
export function scanBracketPlaceholders(source: string, known?: ReadonlySet<string>): PlaceholderSpan[] {
  const found: PlaceholderSpan[] = [];
  const brackets = new RegExp(BRACKETS.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = brackets.exec(source))) {
    const start = m.index;
    const end = start + m[0].length;
    if (isBracketPlaceholder(source, start, end, m[1] as string, known)) found.push({ start, end, text: m[0] });
  }
  return found;
}

/**
 * Every bracketed placeholder a template's Markdown writes, including the labels of its
 * `- [Factor 1]: [Explanation]` lines (which Markdown reads as link definitions). Brackets followed
 * by `(`, or by `:` and a URL, are real links and definitions of the template, not placeholders.
 */
export function templatePlaceholders(templateSource: string): Set<string> {
  const known = new Set<string>();
  const brackets = new RegExp(BRACKETS.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = brackets.exec(templateSource))) {
    const start = m.index;
    const end = start + m[0].length;
    if (isEscaped(templateSource, start) || isEscaped(templateSource, end - 1)) continue;
    if (isNeverPlaceholder(m[1] as string)) continue;
    const before = start > 0 ? (templateSource[start - 1] as string) : '';
    if (/[\p{L}\p{N}_\]\)!]/u.test(before)) continue;
    const rest = templateSource.slice(end, end + 40);
    if (/^[(\[]/.test(rest) || /^:[ \t]*(?:<|[a-z][a-z0-9+.-]*:|[/#.])/i.test(rest)) continue;
    known.add(m[0]);
  }
  return known;
}

/** templatePlaceholders of a template model, read once per model. */
export function knownPlaceholders(template: TemplateModel): Set<string> {
  return memoize(template, 'known placeholders', [], () => templatePlaceholders(template.source));
}

/** A choice list left as written in the template: two or more of the allowed values joined by `|`. */
export function isUnchosenChoiceList(value: string, choices: readonly string[]): boolean {
  const parts = value.split('|').map((p) => p.trim());
  if (parts.length < 2) return false;
  const allowed = new Set(choices.map((c) => c.toLowerCase()));
  return parts.every((p) => allowed.has(p.toLowerCase()));
}

/** Time placeholders written as the template writes them: HH:MM, HH:MM:SS, YYYY-MM-DD HH:MM. */
export const TIME_PLACEHOLDER = /\b(?:YYYY-MM-DD[ T])?HH:MM(?::SS)?\b/;

// In a time cell, also the spellings other templates use: hh:mm, 20XX-MM-DD HH:mm, a bare YYYY-MM-DD.
const TIME_CELL_PLACEHOLDER = /\b(?:(?:YYYY|20XX)-MM-DD(?:[ T]+HH:MM(?::SS)?)?|HH:MM(?::SS)?)\b/gi;

/** Time and date placeholders in the source of a timeline's time cell. */
export function scanTimePlaceholders(source: string): PlaceholderSpan[] {
  const found: PlaceholderSpan[] = [];
  const times = new RegExp(TIME_CELL_PLACEHOLDER.source, TIME_CELL_PLACEHOLDER.flags);
  let m: RegExpExecArray | null;
  while ((m = times.exec(source))) found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return found;
}

/**
 * Whether a table's first header cell names a time column: one of the timeline's time words (the
 * timeline rule's `timeHeaders`; by default Time, Timestamp, When, Date, Datetime) as a whole word,
 * as in Time (UTC), Date/Time, Date and Time in CET.
 */
export function isTimeColumnHeader(header: string, timeWords: readonly string[] = DEFAULT_HEADER_WORDS.time): boolean {
  return headerNames(header, timeWords);
}
