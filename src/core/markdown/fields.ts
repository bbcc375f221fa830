// Label/value fields as documents write them, read from the source so value ranges are exact:
// `**Label:** value` and `**Label**: value` lines (also as list items), plain `Label: value` lines
// (several on one line when separated by `<br>`), and two-column key/value tables. Which labels name
// which metadata is the post-mortem layer's business (postmortem/fieldNames.ts).
import type { RootContent, Table } from 'mdast';
import { endOf, normalizeTitle, startOf } from './document';
import { cellSpan } from './tableCells';

/** How a field is written: a bold label, a plain `Label:` line, a table row, or a heading of its own. */
export type FieldLayout = 'bold' | 'line' | 'table' | 'heading';

export interface FieldLine {
  label: string;
  /** camelCase property name: "Incident ID" -> incidentId (postmortem/summary.ts puts the template's name here). */
  name: string;
  value: string;
  /** Offsets of the value (trimmed; empty value: start === end, where a value goes). */
  valueStart: number;
  valueEnd: number;
  /** Offsets of the label including its markup (`**Label:**`, the label cell, the heading). */
  labelStart: number;
  labelEnd: number;
  layout: FieldLayout;
}

const BOLD_FIELD = /^(\*\*|__)([^*_\r\n]+?)(:?)\1(:?)[ \t]*/;
/** A plain label: starts with a letter, a few words; `:` then a blank or the end (not "http://", "12:45"). */
const PLAIN_FIELD = /^(\p{L}[\p{L}\p{N} \t'’()&/+#.-]{0,47}?)[ \t]*:(?=[ \t]|$)[ \t]*/u;
/** What stands before a field on its line: indentation, a list bullet or number, a task box. */
export const FIELD_LINE_PREFIX = /^[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/;
const BREAK_TAG = /<br[ \t]*\/?>/gi;
/** A plain line's value longer than this is prose ("Action point: create a list where ..."), not a field. */
const MAX_PLAIN_VALUE = 160;
const MAX_LABEL_WORDS = 6;

export function fieldName(label: string): string {
  const words = label
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words
    .map((w, i) => (i === 0 ? w.toLowerCase() : (w[0] as string).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

/** Whether text reads as a label: a few words starting with a letter, no sentence punctuation. */
export function looksLikeLabel(label: string): boolean {
  const text = label.trim();
  if (!text || text.length > 48 || !/^\p{L}/u.test(text) || /[.!?;,]$/.test(text)) return false;
  const words = text.split(/\s+/);
  return words.length <= MAX_LABEL_WORDS;
}

/** A value with its trailing layout removed: hard breaks ("  ", "\"), CR. */
function valueSpan(line: string, from: number, to: number): { start: number; end: number } {
  let end = to;
  while (end > from && /\s/.test(line[end - 1] as string)) end--; // a /[ \t]+$/ regex is quadratic on long blank runs
  if (line[end - 1] === '\\') {
    end--;
    while (end > from && /\s/.test(line[end - 1] as string)) end--;
  }
  let start = from;
  while (start < end && /[ \t]/.test(line[start] as string)) start++;
  return { start, end };
}

/** The field whose label (markup included) is `line[at, labelEnd)` and whose value follows from `valueFrom` to `to`. */
function fieldAt(line: string, base: number, label: string, at: number, labelEnd: number, valueFrom: number, to: number, layout: FieldLayout): FieldLine {
  const v = valueSpan(line, valueFrom, to);
  return {
    label,
    name: fieldName(label),
    value: line.slice(v.start, v.end),
    valueStart: base + v.start,
    valueEnd: base + v.end,
    labelStart: base + at,
    labelEnd: base + labelEnd,
    layout,
  };
}

/** One field in `line[from, to)` (a whole line or a `<br>`-separated part), at document offset `base`. */
function readSegment(line: string, from: number, to: number, base: number): FieldLine | undefined {
  let at = from;
  while (at < to && /[ \t]/.test(line[at] as string)) at++;
  const segment = line.slice(at, to);
  const bold = BOLD_FIELD.exec(segment);
  if (bold && (bold[3] || bold[4])) {
    return fieldAt(line, base, (bold[2] as string).trim(), at, at + bold[0].trimEnd().length, at + bold[0].length, to, 'bold');
  }
  if (bold) return undefined;
  const m = PLAIN_FIELD.exec(segment);
  if (!m || !looksLikeLabel(m[1] as string)) return undefined;
  const field = fieldAt(line, base, (m[1] as string).trim(), at, at + m[0].trimEnd().length, at + m[0].length, to, 'line');
  return field.value.length > MAX_PLAIN_VALUE ? undefined : field;
}

/** The fields of one line at `base`: its `<br>`-separated parts, each a field or not. */
function readLine(line: string, base: number): { fields: FieldLine[]; prose: boolean } {
  const prefix = (FIELD_LINE_PREFIX.exec(line) as RegExpExecArray)[0].length;
  const cuts: number[] = [];
  if (line.includes('<')) for (const m of line.matchAll(BREAK_TAG)) cuts.push(m.index);
  const fields: FieldLine[] = [];
  let prose = false;
  let from = prefix;
  for (const cut of [...cuts, line.length]) {
    const field = readSegment(line, from, cut, base);
    if (field) fields.push(field);
    else if (line.slice(from, cut).trim()) prose = true;
    from = cut;
    if (cut < line.length) from += (/^<br[ \t]*\/?>/i.exec(line.slice(cut, cut + 8)) as RegExpExecArray)[0].length;
  }
  return { fields, prose };
}

/** The lines of `text[from, to)`, each with its start offset (LF, CRLF and CR line breaks). */
function* linesOf(text: string, from: number, to: number): Generator<{ line: string; start: number }> {
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    yield { line: text.slice(lineStart, lineEnd), start: lineStart };
    lineStart = lineEnd + 1;
  }
}

/**
 * Field lines of `text[from, to)`. A plain `Label: value` line counts in a list item, or in a block
 * whose every line is a field (`Created by: X  \nDate: Y`): "Note: we then restarted it,\nand ..." is prose.
 */
function readBlock(text: string, from: number, to: number, eachLine: boolean): FieldLine[] {
  const lines = [...linesOf(text, from, to)].map(({ line, start }) => readLine(line, start));
  const allFields = lines.every((l) => !l.prose);
  return lines.flatMap((l) => (eachLine || allFields ? l.fields : l.fields.filter((f) => f.layout === 'bold')));
}

/** Header words of a key/value table's first and second column. */
const KEY_HEADERS = ['field', 'key', 'name', 'property', 'item', 'attribute', 'metadata', 'label', 'detail', 'info', 'summary'];
const VALUE_HEADERS = ['value', 'values', 'details', 'detail', 'description', 'info', 'information', 'data', 'answer', 'entry'];

function keyValueRows(text: string, table: Table, isLabel: ((label: string) => boolean) | undefined): FieldLine[] {
  const rows = table.children;
  if (rows.length === 0 || rows.some((r) => r.children.length > 2) || (rows[0] as (typeof rows)[0]).children.length !== 2) return [];
  const read = rows.map((row) => {
    const label = cellSpan(text, row.children[0] as (typeof row.children)[0], false);
    const value = row.children[1] ? cellSpan(text, row.children[1], true) : undefined;
    return { label, value };
  });
  const [header, ...body] = read as [(typeof read)[0], ...typeof read];
  const keyHeader = KEY_HEADERS.includes(normalizeTitle(header.label.text)) && VALUE_HEADERS.includes(normalizeTitle(header.value?.text ?? ''));
  // A table without such a header is key/value when its first column names fields (the header row is one of them).
  const named = isLabel ? read.filter((r) => looksLikeLabel(r.label.text) && isLabel(r.label.text)).length : 0;
  const headerless = !keyHeader && named >= 2 && read.every((r) => looksLikeLabel(r.label.text) || r.label.text === '');
  if (!keyHeader && !headerless) return [];
  return (headerless ? read : body).flatMap(({ label, value }) => {
    if (!looksLikeLabel(label.text)) return [];
    const v = value ?? { textStart: label.innerEnd, textEnd: label.innerEnd, innerStart: label.innerEnd, innerEnd: label.innerEnd, source: '' };
    const empty = v.source === '';
    // An empty cell's value goes after the blank that follows its pipe.
    const at = empty ? Math.min(v.innerStart + 1, v.innerEnd) : v.textStart;
    return [
      {
        label: label.text,
        name: fieldName(label.text),
        value: empty ? '' : text.slice(v.textStart, v.textEnd),
        valueStart: empty ? at : v.textStart,
        valueEnd: empty ? at : v.textEnd,
        labelStart: label.textStart,
        labelEnd: label.textEnd,
        layout: 'table' as const,
      },
    ];
  });
}

export interface FieldReading {
  /** Which labels name fields (the template's, by normalised words): lets a table without a key/value header count. */
  isLabel?: (label: string) => boolean;
}

/** Field lines in the paragraphs, lists and key/value tables among `nodes` (code blocks are skipped). */
export function readFieldLines(text: string, nodes: readonly RootContent[], reading: FieldReading = {}): FieldLine[] {
  const fields: FieldLine[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph' || node.type === 'list') {
      fields.push(...readBlock(text, startOf(node), endOf(node), node.type === 'list'));
    } else if (node.type === 'table') {
      fields.push(...keyValueRows(text, node, reading.isLabel));
    }
  }
  return fields;
}

/** Field lines of plain text that is not parsed (a document's head read for its Status): every line on its own. */
export function scanFieldLines(text: string): FieldLine[] {
  return readBlock(text, 0, text.length, true);
}
