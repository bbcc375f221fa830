// What counts as unfilled template text inside a run of Markdown source. Shared by the template
// model (which placeholders the template has) and the `placeholder` rule (which are left).
import { headerNames } from '../markdown/tableCells';
import { memoize } from '../markdown/memo';
import type { TemplateModel } from './model';
import { DEFAULT_HEADER_WORDS } from './timelineColumns';
import type { LineIndex } from '../markdown/positions';
import {
  disjointSpans,
  escapeRegExp,
  isAllCapsDummy,
  isAngleCandidate,
  isChoiceText,
  isCurlyCandidate,
  isMustacheCandidate,
  isPlaceholderShaped,
  isValuePlaceholder,
  scanBracketForms,
  scanDummies,
  type PlaceholderForm,
} from './placeholderForms';

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

/** The parts of a choice list, inside the brackets it may be written in: `{draft|final}` -> draft, final. */
export function choiceParts(value: string): string[] {
  const t = value.trim();
  const inner = /^(?:\{\{(.*)\}\}|\{(.*)\}|\[(.*)\]|<(.*)>|\((.*)\))$/.exec(t);
  const list = inner ? ((inner[1] ?? inner[2] ?? inner[3] ?? inner[4] ?? inner[5]) as string) : t;
  return list.split('|').map((p) => p.trim());
}

/** A choice list left as written in the template: two or more of the allowed values joined by `|`, bracketed or not. */
export function isUnchosenChoiceList(value: string, choices: readonly string[]): boolean {
  const parts = choiceParts(value);
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

/** What a document is checked against: the template's square placeholders, its other forms and its dummies. */
export interface DocumentPlaceholderRules {
  /** `[...]` placeholders the template writes (templatePlaceholders). */
  known: ReadonlySet<string>;
  /** `{...}`, `{{ ... }}`, `<...>` placeholders the template writes. */
  texts: ReadonlySet<string>;
  /** The bracket forms the template uses. */
  forms: ReadonlySet<PlaceholderForm>;
  /** The template's all-caps dummies (ISSUE NAME, DATE RANGE, XXX), found as whole words anywhere. */
  capsDummies: RegExp | undefined;
}

/** The template's conventions as the placeholder rule applies them, read once per template. */
export function documentPlaceholderRules(template: TemplateModel): DocumentPlaceholderRules {
  return memoize(template, 'document placeholder rules', [], () => {
    const conventions = template.placeholderConventions;
    const caps = conventions.dummies.filter((d) => isAllCapsDummy(d)).sort((a, b) => b.length - a.length);
    return {
      known: knownPlaceholders(template),
      texts: new Set(conventions.texts),
      forms: new Set(conventions.forms),
      capsDummies: caps.length ? new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${caps.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu') : undefined,
    };
  });
}

export interface DocumentPlaceholder extends PlaceholderSpan {
  form: PlaceholderForm;
  /** For a choice list left in brackets (`{draft|final}`): its choices. */
  choices?: string[];
}

/** Where a span sits: alone where a value goes, first in such a place (`rest` follows it), or in running text. */
interface Position {
  kind: 'alone' | 'leading' | 'prose';
  /** After a leading span: the start of the rest of its value (up to 48 characters). */
  rest: string;
}

// Before a value on its line: indent, quote markers, a list marker and task box, heading hashes,
// emphasis, and a short `Label:` (`**Label:**`). Bounded: each part has a fixed maximum.
const VALUE_PREFIX = /^[ \t>]{0,12}(?:(?:[-*+]|\d{1,9}[.)])[ \t]{1,4}(?:\[[ xX]\][ \t]{1,4})?)?(?:#{1,6}[ \t]{1,4})?[*_]{0,3}(?:[^:|\r\n]{1,60}?:[*_]{0,3}[ \t]{0,4}[*_]{0,3})?$/;
// A prefix that opens a value: a list marker, heading hashes or a label.
const MARKED_PREFIX = /(?:^[ \t>]{0,12}(?:[-*+]|\d{1,9}[.)]|#{1,6})[ \t])|:[*_]{0,3}[ \t]{0,4}[*_]{0,3}$/;
// After a value on its line: closing emphasis, a hard break, a full stop.
const VALUE_SUFFIX = /^[*_]{0,3}[ \t]{0,8}(?:\\|<br\s{0,2}\/?>)?[ \t]{0,8}[.,;]?[ \t]{0,8}$/i;

function positionOf(text: string, lines: LineIndex, start: number, end: number, cellText: string | undefined, spanText: string): Position {
  if (cellText !== undefined) {
    const cell = cellText.replace(/^[*_]+|[*_]+$/g, '').trim();
    if (cell === spanText) return { kind: 'alone', rest: '' };
    return cell.startsWith(spanText) ? { kind: 'leading', rest: cell.slice(spanText.length, spanText.length + 48) } : { kind: 'prose', rest: '' };
  }
  const line = lines.point(start).line;
  const lineStart = lines.lineStart(line);
  if (start - lineStart > 120) return { kind: 'prose', rest: '' };
  const prefix = text.slice(lineStart, start);
  if (!VALUE_PREFIX.test(prefix)) return { kind: 'prose', rest: '' };
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const rest = text.slice(end, Math.min(lineEnd, end + 48)).replace(/\r$/, '');
  if (lineEnd - end <= 48 && VALUE_SUFFIX.test(rest)) return { kind: 'alone', rest: '' };
  // First on a line of running text (a wrapped paragraph) is not first in a value: a marker or label must open it.
  return MARKED_PREFIX.test(prefix) ? { kind: 'leading', rest } : { kind: 'prose', rest: '' };
}

/** A dummy that starts a value is one when little follows it ("YYYY-MM-DD UTC") or a separator does ("HH:MM - event"). */
function dummyStartsValue(p: Position): boolean {
  if (p.kind === 'alone') return true;
  if (p.kind === 'prose') return false;
  return /^\s*(?:[-–—:|]|$)/.test(p.rest) || p.rest.trim().split(/\s+/).length <= 2;
}

/**
 * The placeholders of `text[from, to)` (a text node of a document), judged by form, shape and
 * position (see placeholderForms.ts): template text counts anywhere; other bracketed text counts when
 * shaped like a placeholder, or when it stands alone where a value goes and reads as a description;
 * literal dummies (YYYY-MM-DD, TBD, XXX) count where a value starts. `cellText` is the plain text
 * of the enclosing table cell, if any; in the title (`inTitle`), bracketed words are the title's slot.
 */
export function scanDocumentPlaceholders(
  text: string,
  lines: LineIndex,
  from: number,
  to: number,
  rules: DocumentPlaceholderRules,
  cellText?: string,
  inTitle = false,
): DocumentPlaceholder[] {
  const source = text.slice(from, to);
  const found: DocumentPlaceholder[] = [];
  const at = (s: { start: number; end: number; text: string }) => positionOf(text, lines, from + s.start, from + s.end, cellText, s.text);

  for (const p of scanBracketPlaceholders(source, rules.known)) {
    const inner = p.text.slice(1, -1);
    if (/^\?+$/.test(inner.trim())) continue; // [?], [???]: an unknown the author marked, not a slot
    const ok = rules.known.has(p.text) || isPlaceholderShaped(inner) || (at(p).kind !== 'prose' && isValuePlaceholder(inner)) || (inTitle && /\p{L}/u.test(inner));
    if (ok) found.push({ ...p, form: 'square' });
  }
  for (const f of scanBracketForms(source)) {
    if (isEscaped(source, f.start)) continue;
    let ok = false;
    if (rules.texts.has(f.text)) ok = true;
    else if (f.form === 'mustache') ok = isMustacheCandidate(f.inner);
    else if (f.form === 'curly') {
      ok = isCurlyCandidate(f.inner) && (isPlaceholderShaped(f.inner) || (rules.forms.has('curly') && (at(f).kind !== 'prose' || isValuePlaceholder(f.inner))));
    } else if (f.form === 'angle') {
      ok = isAngleCandidate(f.inner) && (isPlaceholderShaped(f.inner) || (rules.forms.has('angle') && isValuePlaceholder(f.inner)));
    }
    if (!ok) continue;
    const choices = f.form !== 'angle' && isChoiceText(f.inner) ? f.inner.split('|').map((c) => c.trim()) : undefined;
    found.push({ start: f.start, end: f.end, text: f.text, form: f.form, ...(choices ? { choices } : {}) });
  }
  for (const d of scanDummies(source)) {
    if (/^lorem/i.test(d.text) || dummyStartsValue(at(d))) found.push({ start: d.start, end: d.end, text: d.text, form: 'dummy' });
  }
  if (rules.capsDummies) {
    for (const m of source.matchAll(new RegExp(rules.capsDummies.source, rules.capsDummies.flags))) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], form: 'dummy' });
    }
  }
  return disjointSpans(found);
}

/**
 * `<...>` written as inline HTML (remark reads `<brief description>` as a tag): the placeholder it
 * is, or undefined for real markup. `value` is the HTML node's source.
 */
export function angleHtmlPlaceholder(value: string, rules: DocumentPlaceholderRules): boolean {
  if (!/^<[^<>\r\n]+>$/.test(value)) return false;
  if (rules.texts.has(value)) return true;
  const inner = value.slice(1, -1);
  return isAngleCandidate(inner) && (isPlaceholderShaped(inner) || (rules.forms.has('angle') && isValuePlaceholder(inner)));
}
