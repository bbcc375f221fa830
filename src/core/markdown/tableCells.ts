// Exact source spans of GFM table rows and cells, for rules that report on a cell's text and fix rows
// in place. remark keeps a row's cells as written (a short row has fewer cells, a long row more), a
// cell's position includes its leading pipe, and the last cell's includes the closing pipe.
import type { Table, TableCell, TableRow } from 'mdast';
import { endOf, normalizeTitle, plainText, startOf } from './document';
import type { LineIndex } from './positions';
import type { Fix, TextEdit } from '../types';

/** What a row fix needs of its caller (a rule's context has it): the text, its lines, an edit builder. */
/** What a fix builder needs of its caller (a rule's context has it): the document and an edit maker. */
export interface TextEditing {
  doc: { readonly text: string; readonly lines: LineIndex };
  edit(start: number, end: number, text: string): TextEdit;
}

export interface CellSpan {
  cell: TableCell;
  /** Between the cell's pipes (zero-width for `||`): where a value goes when the cell is empty. */
  innerStart: number;
  innerEnd: number;
  /** The cell's source text without the surrounding blanks; equals the inner span when the cell is blank. */
  textStart: number;
  textEnd: number;
  /** Plain text (markup flattened, entities decoded), trimmed. */
  text: string;
  /** Source between textStart and textEnd. */
  source: string;
}

export interface RowSpan {
  row: TableRow;
  /** The row's text: from its first character to the last non-blank one. */
  start: number;
  end: number;
  /** The whole source line(s) of the row, without the line break (keeps a blockquote's `>` or list indent). */
  lineStart: number;
  lineEnd: number;
  cells: CellSpan[];
}

/** Whether a header cell names one of `words`, as whole words in any case, plurals too ("Date and Time in CET" names Time). */
export function headerNames(header: string, words: readonly string[]): boolean {
  const h = ` ${normalizeTitle(header)} `;
  return normalizedWords(words).some((word) => word !== '' && (h.includes(` ${word} `) || h.includes(` ${word}s `)));
}

// Word lists are constants or options: normalise each list once, not on every header of every lint.
const normalizedLists = new Map<string, string[]>();
function normalizedWords(words: readonly string[]): string[] {
  const key = words.join('\u0000');
  let list = normalizedLists.get(key);
  if (!list) {
    if (normalizedLists.size > 64) normalizedLists.clear();
    normalizedLists.set(key, (list = words.map(normalizeTitle)));
  }
  return list;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

export function cellSpan(text: string, cell: TableCell, isLast: boolean): CellSpan {
  const from = startOf(cell);
  const innerStart = text[from] === '|' ? from + 1 : from;
  let innerEnd = Math.max(innerStart, endOf(cell));
  if (isLast) {
    while (innerEnd > innerStart && isBlank(text[innerEnd - 1])) innerEnd--;
    if (innerEnd > innerStart && text[innerEnd - 1] === '|' && !isEscaped(text, innerEnd - 1)) innerEnd--;
  }
  let textStart = innerStart;
  let textEnd = innerEnd;
  while (textStart < textEnd && isBlank(text[textStart])) textStart++;
  while (textEnd > textStart && isBlank(text[textEnd - 1])) textEnd--;
  if (textStart === textEnd) {
    textStart = innerStart;
    textEnd = innerEnd;
  }
  const source = text.slice(textStart, textEnd);
  return { cell, innerStart, innerEnd, textStart, textEnd, text: plainText(cell).trim(), source: source.trim() };
}

export function rowSpan(text: string, lines: LineIndex, row: TableRow): RowSpan {
  const start = startOf(row);
  let end = endOf(row);
  while (end > start && isBlank(text[end - 1])) end--;
  const line = lines.point(start).line;
  const endLine = lines.point(end).line;
  const cells = row.children.map((cell, i) => cellSpan(text, cell, i === row.children.length - 1));
  return { row, start, end, lineStart: lines.lineStart(line), lineEnd: lines.lineEnd(endLine), cells };
}

/** Header and body rows of a table with their spans. */
export function tableRows(text: string, lines: LineIndex, table: Table): { header: RowSpan | undefined; body: RowSpan[] } {
  const [header, ...body] = table.children;
  return {
    header: header ? rowSpan(text, lines, header) : undefined,
    body: body.map((row) => rowSpan(text, lines, row)),
  };
}

/** A row whose every cell is blank (rows a template leaves for the author, or a stray `| |`). */
export function isBlankRow(row: RowSpan): boolean {
  return row.cells.every((c) => c.text === '' && c.source === '');
}

/** Removes a row's line and its line break. */
export function removeRowFix(ctx: TextEditing, row: RowSpan): Fix {
  const next = ctx.doc.lines.point(row.lineEnd).line + 1;
  const end = next <= ctx.doc.lines.lineCount ? ctx.doc.lines.lineStart(next) : row.lineEnd;
  // The last line of the text has no line break after it: take the one before it instead.
  const start = end === row.lineEnd && row.lineStart > 0 ? row.lineStart - (ctx.doc.text[row.lineStart - 2] === '\r' ? 2 : 1) : row.lineStart;
  return { title: 'Remove the empty row', edits: [ctx.edit(start, end, '')] };
}

/** Appends empty cells to a short row, in the row's own spacing (`| a |` gets `  |`, `|a|` gets `|`). */
export function padRowFix(ctx: TextEditing, row: RowSpan, missing: number): Fix {
  const rowText = ctx.doc.text.slice(row.start, row.end);
  const spaced = !(rowText.startsWith('|') && rowText.length > 1 && !isBlank(rowText[1]));
  const closed = rowText.length > 1 && rowText.endsWith('|') && !isEscaped(ctx.doc.text, row.end - 1);
  const cell = spaced ? '  |' : '|';
  const text = (closed ? '' : spaced ? ' |' : '|') + cell.repeat(missing);
  const title = missing === 1 ? 'Add the missing cell' : `Add the ${missing} missing cells`;
  return { title, edits: [ctx.edit(row.end, row.end, text)] };
}

/** Escapes the pipes that open the cells beyond `columns`, so their text joins the last column. */
export function joinExtraCellsFix(ctx: TextEditing, row: RowSpan, columns: number): Fix | undefined {
  const edits = [];
  for (const c of row.cells.slice(columns)) {
    const at = startOf(c.cell);
    if (ctx.doc.text[at] === '|') edits.push(ctx.edit(at, at + 1, '\\|'));
  }
  if (edits.length === 0) return undefined;
  return { title: 'Escape the extra "|" so the text stays in the last column', edits };
}

/** "1 cell" / "3 cells". */
export function cellCount(n: number): string {
  return n === 1 ? '1 cell' : `${n} cells`;
}
