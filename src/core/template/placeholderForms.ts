// The ways templates write "fill this in", and how to tell them from ordinary text by their shape:
// `[...]`, `{...}`, `{{ ... }}`, `<...>` and literal dummies (YYYY-MM-DD, DD/MM/YYYY, HH:MM, XXX,
// TBD, ISSUE NAME, Lorem ipsum). A template's own placeholders are learned from its text (see
// templateConventions); in a document, bracketed text counts when the template writes it, when it
// stands alone where a value goes, or when it is shaped like a placeholder; prose in brackets
// ("a [retroactive] lgtm", [sic], [Sen Lu]) does not.

export type PlaceholderForm = 'square' | 'curly' | 'mustache' | 'angle' | 'dummy';

export interface FormSpan {
  form: PlaceholderForm;
  /** Offsets into the scanned source. */
  start: number;
  end: number;
  /** The whole text, brackets included: "{brief description}". */
  text: string;
  /** The text inside the brackets (the whole text for a dummy). */
  inner: string;
}

// One line, no nesting. `{{ x }}` is tried before `{x}`; the single-brace pattern refuses a brace next to another.
const MUSTACHE = /\{\{([^{}\r\n]+)\}\}/g;
const CURLY = /(?<!\{)\{([^{}\r\n]+)\}(?!\})/g;
const ANGLE = /<([^<>\r\n]+)>/g;

/** Words that name what goes in a slot: "[Name]", "{brief description}", "<ticket link>", "[X minutes]". */
const SLOT_WORDS = new Set(
  (
    'name names title date dates time times timestamp datetime number count owner owners assignee author description ' +
    'explanation details summary link links url id tbd tbc todo tba fixme placeholder specify insert describe ' +
    'describing explain list enter add provide fill replace who when where what why how lorem ' +
    'event events action actions value values cause reason impact role severity duration ' +
    'metric component lesson factor ticket step question answer something'
  ).split(' '),
);

/** Words with which a prompt or instruction begins: "[Describe the impact]", "[What should have alerted us?]". */
const PROMPT_START = /^(?:what|how|why|when|where|who|which|did|does|do|was|were|is|are|can|could|should|describe|list|add|insert|enter|explain|include|specify|summari[sz]e|provide|write|give|link|paste|note)\b/i;

/** Literal date and time dummies: YYYY-MM-DD, 20xx-MM-DD, DD/MM/YYYY, MM/DD/YYYY, HH:MM(:SS), hh:mm. */
const DATE_DUMMY = /\b(?:(?:YYYY|[12][09]XX)[-/.]MM[-/.]DD(?:[ T]+HH:MM(?::SS)?)?|DD[-/.]MM[-/.]YYYY|MM[-/.]DD[-/.]YYYY|HH:MM(?::SS)?)\b/gi;
/** Dates nobody had an incident on, written as dummies: 1900-01-01, 0000-00-00, 1970-01-01. */
const DUMMY_DATE = /\b(?:1900-01-01|0000-00-00|1970-01-01)\b/g;
/** TBD and its kin, and runs of X as a number or code (INC-XXXX, XXX), and Lorem ipsum text. */
const WORD_DUMMY = /\b(?:TBD|TBC|TBA|TODO|FIXME|X{3,}|Lorem ipsum(?: dolor)?)\b/g;

/** Every `[...]`, `{...}`, `{{...}}` and `<...>` of a one-line-or-more source, in order (candidates only). */
export function scanBracketForms(source: string): FormSpan[] {
  const found: FormSpan[] = [];
  const add = (re: RegExp, form: PlaceholderForm) => {
    const r = new RegExp(re.source, re.flags);
    let m: RegExpExecArray | null;
    while ((m = r.exec(source))) found.push({ form, start: m.index, end: m.index + m[0].length, text: m[0], inner: m[1] as string });
  };
  add(MUSTACHE, 'mustache');
  add(CURLY, 'curly');
  add(ANGLE, 'angle');
  return found.sort((a, b) => a.start - b.start);
}

/** Literal dummies in a source: YYYY-MM-DD, HH:MM, DD/MM/YYYY, 1900-01-01, TBD, XXX, Lorem ipsum. */
export function scanDummies(source: string): FormSpan[] {
  const found: FormSpan[] = [];
  for (const re of [DATE_DUMMY, DUMMY_DATE, WORD_DUMMY]) {
    const r = new RegExp(re.source, re.flags);
    let m: RegExpExecArray | null;
    while ((m = r.exec(source))) found.push({ form: 'dummy', start: m.index, end: m.index + m[0].length, text: m[0], inner: m[0] });
  }
  return disjointSpans(found);
}

/** Spans in source order, none overlapping: of overlapping spans the first (and longest) is kept. */
export function disjointSpans<T extends { start: number; end: number }>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let cursor = -1;
  for (const s of sorted) {
    if (s.start < cursor) continue;
    out.push(s);
    cursor = s.end;
  }
  return out;
}

/** Runs of all-caps words (ISSUE NAME, DATE RANGE, CVE-YEAR-ABCDEF), the candidates of isAllCapsDummy. */
export const ALL_CAPS_PHRASE = /\b[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*(?: [A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*)*\b/g;

const words = (inner: string): string[] => inner.split(/[^\p{L}\p{N}$%#?]+/u).filter(Boolean);

/**
 * Whether bracketed text is shaped like a placeholder wherever it is written: it names a slot (Name,
 * Date, Number, Title, TBD, description...), holds a variable (X minutes, $X, INC-XXXX, bd://xxx),
 * is a prompt or instruction (What should have alerted us?, Describe the impact), offers a choice
 * (draft|final, Yes/No), gives an example (e.g.) or is an all-caps dummy (ISSUE NAME).
 */
export function isPlaceholderShaped(inner: string): boolean {
  const text = inner.trim();
  if (!/\p{L}/u.test(text)) return /[%$#]/.test(text); // [%], [$], [#]; [?], [???], [1] and [...] are not slots
  const ws = words(text);
  if (ws.some((w) => SLOT_WORDS.has(w.toLowerCase()))) return true;
  if (ws.some((w) => /^(?:[XYN]|\$X|\$?X{2,}|x{3,})$/.test(w) || /X{3,}|x{3,}/.test(w))) return true;
  if (/\b(?:e\.g|i\.e)\b\.?/i.test(text)) return true;
  if (PROMPT_START.test(text) && (text.endsWith('?') || ws.length >= 2)) return true;
  if (isChoiceText(text)) return true;
  if (/\byes\s*\/\s*no\b/i.test(text)) return true;
  return false;
}

/** A choice list written inside brackets: `draft|final`, `Draft | In Review | Complete`. */
export function isChoiceText(inner: string): boolean {
  const parts = inner.split('|').map((p) => p.trim());
  return parts.length >= 2 && parts.every((p) => /^[\p{L}\p{N}][\p{L}\p{N} ._/-]{0,30}$/u.test(p));
}

/**
 * Whether bracketed text standing alone where a value goes (a field value, a table cell, a list item,
 * a heading, a paragraph of its own) is a slot: shaped like one, or a description in words ("[brief
 * description of the impact]", "[retroactive]"). Capitalised words alone are a name or a tag ([Sen Lu]).
 */
export function isValuePlaceholder(inner: string): boolean {
  if (isPlaceholderShaped(inner)) return true;
  return words(inner).some((w) => /^\p{Ll}{2,}$/u.test(w));
}

/** HTML element names: `<br>`, `<details>` are markup, never a `<placeholder>`. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b bdi bdo big blockquote body br button caption center cite code col colgroup dd del details dfn ' +
    'dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd ' +
    'label legend li link main map mark meta meter nav nobr noscript object ol optgroup option output p param picture pre progress q rp rt ' +
    'ruby s samp script section select small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th ' +
    'thead time title tr track tt u ul var video wbr'
  ).split(' '),
);

/** Whether `<inner>` could be a placeholder rather than markup, an autolink or a comparison. */
export function isAngleCandidate(inner: string): boolean {
  const text = inner.trim();
  if (!/\p{L}/u.test(text) || /^[/!?]/.test(text) || /[="'`]/.test(text)) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || /@/.test(text)) return false; // <https://...>, <mailto:...>, <a@b.c>
  const first = (/^[A-Za-z][A-Za-z0-9-]*/.exec(text)?.[0] ?? '').toLowerCase();
  return !HTML_ELEMENTS.has(first);
}

/** Whether `{{ inner }}` is a template variable rather than data: words, not quoted strings or assignments. */
export function isMustacheCandidate(inner: string): boolean {
  return /\p{L}/u.test(inner) && !/["'=;]/.test(inner);
}

/** Whether curly-bracket text could be a placeholder rather than code or data (`{"a": 1}`, `{.items[*]}`). */
export function isCurlyCandidate(inner: string): boolean {
  const text = inner.trim();
  return /\p{L}/u.test(text) && !/["':;=()[\]\\$.]/.test(text.replace(/\.$/, ''));
}

/**
 * Whether a whole text (a heading, a list item) is nothing but a placeholder or a dummy: "[Date and
 * time]", "{{ hh:mm }}", "1900-01-01", "YYYY-MM-DD HH:MM", "ISSUE NAME", "<Service name>". Markup
 * (emphasis, a trailing colon) is ignored. `known` holds the template's dummies (all-caps phrases).
 */
export function isWholePlaceholder(text: string, known?: ReadonlySet<string>): boolean {
  let t = text.replace(/[*_`]/g, '').trim();
  if (t.endsWith(':') || (t.endsWith('.') && !t.endsWith('..'))) t = t.slice(0, -1).trimEnd();
  if (!t) return false;
  if (known?.has(t)) return true;
  const bracket = /^(?:\{\{([^{}]+)\}\}|\[([^\[\]]+)\]|\{([^{}]+)\}|<([^<>]+)>)$/.exec(t);
  if (bracket) {
    const inner = (bracket[1] ?? bracket[2] ?? bracket[3] ?? bracket[4]) as string;
    return /\p{L}/u.test(inner) || /[%$#]/.test(inner);
  }
  const dummies = scanDummies(t);
  if (dummies.length > 0 && t.replace(new RegExp(dummies.map((d) => escapeRegExp(d.text)).join('|'), 'g'), '').replace(/[\s,/+-]+/g, '') === '')
    return true;
  return isAllCapsDummy(t);
}

/** All-caps words that name a slot rather than an acronym: ISSUE NAME, DATE RANGE, INCIDENT TITLE, CVE-YEAR-ABCDEF. */
export function isAllCapsDummy(text: string): boolean {
  const t = text.trim();
  if (!/^[A-Z][A-Z0-9 _+-]*[A-Z0-9]$/.test(t) && !/^[A-Z]$/.test(t)) return false;
  const ws = t.split(/[^A-Z0-9]+/).filter(Boolean);
  if (ws.some((w) => /^(?:ABCDEF|X{3,}|Y{3,}|Z{3,}|N{3,})$/.test(w))) return true;
  // One word is a dummy only when it can be nothing else (an ID or a SUMMARY heading is real text).
  if (ws.length === 1) return /^(?:NAME|TITLE|DATE|YEAR)$/.test(ws[0] as string);
  return ws.some((w) => /^(?:NAME|TITLE|DATE|TIME|YEAR|MONTH|DAY|NUMBER|DESCRIPTION|RANGE|OWNER|AUTHOR)$/.test(w));
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Additional Sections as required", "Other sections (optional)": a slot for sections of the author's own. */
const MORE_SECTIONS = /^(?:additional|other|further|more|extra|your own|any other)\b[^]{0,20}\bsections?\b/i;

/**
 * Whether a template heading is a slot for one or more entries rather than a section of that title:
 * its text is a placeholder ("[Date and time]", "{{ hh:mm }}", "1900-01-01") or it asks for
 * sections of the author's own ("Additional Sections as required").
 */
export function isRepeatableTitle(title: string, known?: ReadonlySet<string>): boolean {
  return isWholePlaceholder(title, known) || MORE_SECTIONS.test(title.trim());
}

/** A text with its placeholders and dummies taken out: "Timeline (all times PST) DATE RANGE" -> "Timeline (all times PST)". */
export function withoutPlaceholders(text: string, known?: ReadonlySet<string>): string {
  const cut: { start: number; end: number }[] = [];
  for (const f of scanBracketForms(text)) {
    if (f.form === 'angle' ? isAngleCandidate(f.inner) : f.form === 'mustache' ? isMustacheCandidate(f.inner) : isCurlyCandidate(f.inner)) cut.push(f);
  }
  const square = /\[([^\[\]\r\n]*\p{L}[^\[\]\r\n]*)\]/gu;
  for (const m of text.matchAll(square)) cut.push({ start: m.index, end: m.index + m[0].length });
  for (const d of scanDummies(text)) cut.push(d);
  if (known) {
    for (const m of text.matchAll(new RegExp(ALL_CAPS_PHRASE.source, 'g'))) {
      if (known.has(m[0]) && isAllCapsDummy(m[0])) cut.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  if (cut.length === 0) return text.trim();
  cut.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const c of cut) {
    if (c.start < cursor) {
      cursor = Math.max(cursor, c.end);
      continue;
    }
    out += text.slice(cursor, c.start);
    cursor = c.end;
  }
  out += text.slice(cursor);
  // Token by token (linear on any input): one space between words, none before punctuation.
  let result = out.split(/\s+/).filter(Boolean).join(' ').replace(/ ([.,;:)])/g, '$1').replace(/\( ?\)/g, '');
  const edge = /[\s:,;.\-–—]/;
  let a = 0;
  let b = result.length;
  while (a < b && edge.test(result[a] as string)) a++;
  while (b > a && edge.test(result[b - 1] as string) && result[b - 1] !== '.') b--;
  result = result.slice(a, b);
  return result.split(/\s+/).filter(Boolean).join(' ');
}
