// What counts as unfilled template text inside a run of Markdown source. Shared by the template
// model (which placeholders the template has) and the `placeholder` rule (which are left).

export interface PlaceholderSpan {
  /** Offsets into the scanned source (add the run's base offset). */
  start: number;
  end: number;
  text: string;
}

// `[...]` with no nested brackets, on one line. Exclusions are decided in isBracketPlaceholder.
const BRACKETS = /\[([^\[\]\r\n]+)\]/g;

function isBracketPlaceholder(source: string, start: number, end: number, inner: string): boolean {
  if (start > 0 && source[start - 1] === '\\') return false; // escaped \[
  if (source[end - 2] === '\\') return false; // escaped \]
  const before = start > 0 ? (source[start - 1] as string) : '';
  if (/[\p{L}\p{N}_\]\)!]/u.test(before)) return false; // array[0], ![alt], ][...
  const after = source[end] ?? '';
  if (after === '(' || after === '[' || after === ':') return false; // link syntax that did not resolve, definitions
  if (/^\^/.test(inner)) return false; // footnote reference
  if (/^[ xX]$/.test(inner)) return false; // task-list checkbox
  if (!/\p{L}|[%$#?]/u.test(inner)) return false; // [1], [14:32], [2021-05-09]: citations and filled times
  return true;
}

/** Bracketed placeholders such as `[Name]`, `[INC-XXXX]`, `[X minutes]`, `[bd://xxx]`. */
export function scanBracketPlaceholders(source: string): PlaceholderSpan[] {
  const found: PlaceholderSpan[] = [];
  BRACKETS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BRACKETS.exec(source))) {
    const start = m.index;
    const end = start + m[0].length;
    if (isBracketPlaceholder(source, start, end, m[1] as string)) found.push({ start, end, text: m[0] });
  }
  return found;
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
