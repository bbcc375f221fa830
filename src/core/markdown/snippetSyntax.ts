// VS Code snippet syntax (the TextMate-style grammar of `SnippetString` and .code-snippets bodies):
// literal text must escape `$`, `}` and `\`; choice elements escape `,`, `|` and `\`.

export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

export function escapeSnippetChoice(text: string): string {
  return text.replace(/[\\,|]/g, '\\$&');
}

/** `${index:default}` (the default is literal text), or `${index}` when there is no default. */
export function tabStop(index: number, defaultText: string): string {
  return defaultText ? `\${${index}:${escapeSnippetText(defaultText)}}` : `\${${index}}`;
}

/** `${index|a,b|}`: the first choice is what the snippet inserts. */
export function choiceStop(index: number, choices: readonly string[]): string {
  return `\${${index}|${choices.map(escapeSnippetChoice).join(',')}|}`;
}

/** A stretch of source that becomes a tab stop: its own text as the default, or a choice list. */
export interface SnippetSlot {
  start: number;
  end: number;
  /** Present for a choice list; the source text is then replaced by the choices. */
  choices?: readonly string[] | undefined;
}

/** A stretch of source replaced by fixed text (an answer). */
export interface SnippetFill {
  start: number;
  end: number;
  text: string;
}

type Piece = { kind: 'slot'; slot: SnippetSlot } | { kind: 'fill'; fill: SnippetFill };

/** Fills and slots in source order; a slot overlapping a fill gives way to it. */
function pieces(from: number, to: number, slots: readonly SnippetSlot[], fills: readonly SnippetFill[]): Piece[] {
  const inRange = <T extends { start: number; end: number }>(x: T) => x.start >= from && x.end <= to;
  const sortedFills = fills.filter(inRange).sort((a, b) => a.start - b.start || a.end - b.end);
  const overlapsFill = (s: SnippetSlot) => sortedFills.some((f) => s.start < f.end && f.start < s.end);
  const all: Piece[] = [
    ...sortedFills.map((fill): Piece => ({ kind: 'fill', fill })),
    ...slots.filter((s) => inRange(s) && !overlapsFill(s)).map((slot): Piece => ({ kind: 'slot', slot })),
  ];
  const start = (p: Piece) => (p.kind === 'fill' ? p.fill.start : p.slot.start);
  const end = (p: Piece) => (p.kind === 'fill' ? p.fill.end : p.slot.end);
  all.sort((a, b) => start(a) - start(b) || end(a) - end(b));
  const kept: Piece[] = [];
  let cursor = from;
  for (const p of all) {
    if (start(p) < cursor) continue;
    kept.push(p);
    cursor = end(p);
  }
  return kept;
}

/**
 * source[from, to) as a snippet body: fills as literal text, slots as tab stops numbered from
 * `firstIndex` in source order, everything else escaped.
 */
export function renderSnippet(
  source: string,
  from: number,
  to: number,
  slots: readonly SnippetSlot[],
  fills: readonly SnippetFill[] = [],
  firstIndex = 1,
): string {
  let out = '';
  let cursor = from;
  let index = firstIndex;
  for (const p of pieces(from, to, slots, fills)) {
    if (p.kind === 'fill') {
      out += escapeSnippetText(source.slice(cursor, p.fill.start)) + escapeSnippetText(p.fill.text);
      cursor = p.fill.end;
      continue;
    }
    const { slot } = p;
    out += escapeSnippetText(source.slice(cursor, slot.start));
    out += slot.choices ? choiceStop(index++, slot.choices) : tabStop(index++, source.slice(slot.start, slot.end));
    cursor = slot.end;
  }
  return out + escapeSnippetText(source.slice(cursor, to));
}

/** source[from, to) with the fills applied: the plain-text twin of renderSnippet. */
export function renderText(source: string, from: number, to: number, fills: readonly SnippetFill[] = []): string {
  let out = '';
  let cursor = from;
  for (const p of pieces(from, to, [], fills)) {
    if (p.kind !== 'fill') continue;
    out += source.slice(cursor, p.fill.start) + p.fill.text;
    cursor = p.fill.end;
  }
  return out + source.slice(cursor, to);
}
