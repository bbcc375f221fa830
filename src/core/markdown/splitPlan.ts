// The plan of a section-split parse (splitParse.ts): where the document may be cut, from a line scan
// (top-level H1/H2 headings outside front matter, fenced code and HTML blocks; big tables cut into row
// chunks), and the link and footnote definitions each piece must be parsed with.
import { TABLE_CHUNK_ROWS } from './splitConstants';

/** One piece of the document: its own text plus what is parsed around it to check and resolve it. */
export interface Piece {
  /** The section (index of its cut) the piece belongs to. */
  section: number;
  start: number;
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** Header and delimiter lines of the table this piece continues ('' when it continues none). */
  lead: string;
  /** The next section's heading lines ('' for the last section, and for a piece that ends in a table). */
  trail: string;
  /** The piece ends in a table the next piece continues: offset of its header, rows expected after it. */
  opens: { header: number; rows: number } | undefined;
  /** Rows (after the header in `lead`) the continued table must have at least, when `lead` is set. */
  continuedRows: number;
}

// ---------------------------------------------------------------------------------------------
// The plan: cuts from a line scan, big tables cut into row chunks.

interface Cut {
  start: number;
  line: number;
  /** End of the heading's last line (before its line break). */
  headingEnd: number;
}

interface BigTable {
  section: number;
  /** Line indices: header, first row, one past the last row. */
  header: number;
  firstRow: number;
  endRow: number;
}

export interface Plan {
  pieces: Piece[];
  /** Offsets of the sections' starts, by section index. */
  sectionStarts: number[];
  linkLabels: Map<string, string>;
  footnoteLabels: Map<string, string>;
}

const BLANK = /^[ \t]*$/;
const ATX_CUT = /^#{1,2}(?:[ \t]|$)/;
const ATX_ANY = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_START = /^ {0,3}</;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A line that may be a paragraph's (setext heading's) first line: nothing that opens another block. */
const PLAIN_LINE = /^ {0,3}(?![>#|<`~=\[*+-]|\d{1,9}[.)](?:[ \t]|$))\S/;

function htmlEnd(line: string): RegExp | 'blank' {
  const rest = line.trimStart();
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(rest)) return /<\/(?:script|pre|style|textarea)>/i;
  if (rest.startsWith('<!--')) return /-->/;
  if (rest.startsWith('<?')) return /\?>/;
  if (rest.startsWith('<![CDATA[')) return /\]\]>/;
  if (/^<![A-Za-z]/.test(rest)) return />/;
  return 'blank';
}

export function planPieces(text: string, joinUpTo: number): Plan {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineCount = text.endsWith('\n') || text.length === 0 ? starts.length - 1 : starts.length;
  const lineText = (k: number) => {
    let end = k + 1 < starts.length ? (starts[k + 1] as number) - 1 : text.length;
    if (text.charCodeAt(end - 1) === 13) end--;
    return text.slice(starts[k], end);
  };
  const lineEnd = (k: number) => (starts[k] as number) + lineText(k).length;

  const cuts: Cut[] = [];
  const tables: BigTable[] = [];
  let k = 0;
  if (/^---[ \t]*$/.test(lineText(0))) {
    let close = 1;
    while (close < lineCount && !/^---[ \t]*$/.test(lineText(close))) close++;
    k = close < lineCount ? close + 1 : lineCount;
  }
  let fence: { char: string; length: number } | undefined;
  let html: RegExp | 'blank' | undefined;
  // A paragraph may start here (after a blank line or a heading), and where the current one started.
  let boundary = true;
  let paragraph: number | undefined;
  for (; k < lineCount; k++) {
    const line = lineText(k);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]?.[0] === fence.char && (close[1]?.length ?? 0) >= fence.length) fence = undefined;
      continue;
    }
    if (html) {
      if (html === 'blank' ? BLANK.test(line) : html.test(line)) {
        boundary = html === 'blank';
        html = undefined;
      }
      continue;
    }
    if (BLANK.test(line)) {
      boundary = true;
      paragraph = undefined;
      continue;
    }
    const open = FENCE.exec(line);
    if (open && !(open[1]?.[0] === '`' && open[2]?.includes('`'))) {
      fence = { char: open[1]?.[0] as string, length: open[1]?.length as number };
      boundary = false;
      paragraph = undefined;
      continue;
    }
    if (HTML_START.test(line)) {
      const end = htmlEnd(line);
      if (end === 'blank' || !end.test(line.slice(line.indexOf('<') + 1))) html = end;
      boundary = false;
      paragraph = undefined;
      continue;
    }
    if (ATX_CUT.test(line)) {
      cuts.push({ start: starts[k] as number, line: k + 1, headingEnd: lineEnd(k) });
      boundary = true;
      paragraph = undefined;
      continue;
    }
    if (ATX_ANY.test(line)) {
      boundary = true;
      paragraph = undefined;
      continue;
    }
    if (paragraph !== undefined && SETEXT_UNDERLINE.test(line)) {
      cuts.push({ start: starts[paragraph] as number, line: paragraph + 1, headingEnd: lineEnd(k) });
      boundary = true;
      paragraph = undefined;
      continue;
    }
    if (boundary && line.startsWith('|') && k + 2 < lineCount && DELIMITER_ROW.test(lineText(k + 1)) && lineText(k + 1).includes('|')) {
      let endRow = k + 2;
      while (endRow < lineCount && lineText(endRow).startsWith('|')) endRow++;
      if (endRow - (k + 2) >= 2 * TABLE_CHUNK_ROWS) tables.push({ section: cuts.length, header: k, firstRow: k + 2, endRow });
      k = endRow - 1;
      boundary = false;
      paragraph = undefined;
      continue;
    }
    // A setext heading's text: plain lines from a boundary on (anything else may be a lazy continuation).
    if (boundary) paragraph = PLAIN_LINE.test(line) ? k : undefined;
    else if (paragraph !== undefined && !PLAIN_LINE.test(line)) paragraph = undefined;
    boundary = false;
  }

  // Sections: [0, first cut) when not empty, then one per cut. Table chunks only after the first section.
  const sectionStarts: number[] = [];
  const sectionLines: number[] = [];
  const headingEnds: number[] = [];
  if (!cuts.length || (cuts[0] as Cut).start > 0) {
    sectionStarts.push(0);
    sectionLines.push(1);
    headingEnds.push(0);
  }
  const tableSection = cuts.length && (cuts[0] as Cut).start > 0 ? 1 : 0;
  for (const c of cuts) {
    sectionStarts.push(c.start);
    sectionLines.push(c.line);
    headingEnds.push(c.headingEnd);
  }
  const tableOf = new Map<number, BigTable>();
  for (const t of tables) {
    const section = t.section - 1 + tableSection;
    if (section > 0 && !tableOf.has(section)) tableOf.set(section, t);
  }
  const pieces: Piece[] = [];
  for (let s = 0; s < sectionStarts.length; s++) {
    const start = sectionStarts[s] as number;
    const end = s + 1 < sectionStarts.length ? (sectionStarts[s + 1] as number) : text.length;
    const trail = s + 1 < sectionStarts.length ? text.slice(end, headingEnds[s + 1]) : '';
    const table = tableOf.get(s);
    if (!table) {
      const previous = pieces[pieces.length - 1];
      if (previous && joinsPrevious(text, previous, start, end, joinUpTo)) {
        previous.end = end;
        previous.trail = trail;
      } else pieces.push({ section: s, start, end, line: sectionLines[s] as number, lead: '', trail, opens: undefined, continuedRows: 0 });
      continue;
    }
    const lead = text.slice(starts[table.header], starts[table.firstRow]);
    const header = starts[table.header] as number;
    let from = start;
    let fromLine = sectionLines[s] as number;
    let row = table.firstRow;
    let continued = 0;
    while (table.endRow - row >= 2 * TABLE_CHUNK_ROWS) {
      row += TABLE_CHUNK_ROWS;
      const to = starts[row] as number;
      pieces.push({
        section: s,
        start: from,
        end: to,
        line: fromLine,
        lead: from === start ? '' : lead,
        trail: '',
        opens: { header: from === start ? header : -1, rows: TABLE_CHUNK_ROWS },
        continuedRows: continued,
      });
      continued = TABLE_CHUNK_ROWS;
      from = to;
      fromLine = row + 1;
    }
    pieces.push({ section: s, start: from, end, line: fromLine, lead, trail, opens: undefined, continuedRows: table.endRow - row });
  }
  const { links, footnotes } = definitionCandidates(text);
  return { pieces, sectionStarts, linkLabels: links, footnoteLabels: footnotes };
}

/**
 * Whether a section is parsed with the piece before it: a parse has a fixed cost, so small sections go
 * together, ending where a heading line's hash says (not where a length runs out), so that an edit
 * moves no piece boundary but those of the sections it touches.
 */
function joinsPrevious(text: string, previous: Piece, start: number, end: number, joinUpTo: number): boolean {
  if (previous.opens || previous.lead || previous.end !== start) return false;
  if (end - previous.start > joinUpTo) return false;
  let hash = 0;
  for (let i = start; i < text.length && text.charCodeAt(i) !== 10; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return (hash & 3) !== 0;
}

/** Micromark's normalizeIdentifier, lower-cased as mdast's `identifier`. */
export function identifierOf(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();
}

/**
 * Labels of the lines that look like definitions (a quick scan, checked against the parsed
 * definitions afterwards: a piece is parsed again when the guess was wrong for it).
 */
export function definitionCandidates(text: string): { links: Map<string, string>; footnotes: Map<string, string> } {
  const links = new Map<string, string>();
  const footnotes = new Map<string, string>();
  const candidate = /^(?:[ \t>]|[-+*][ \t]|\d{1,9}[.)][ \t])*\[((?:[^\\\[\]\n]|\\.){1,999})\]:/gm;
  for (const m of text.matchAll(candidate)) {
    const label = (m[1] as string).replace(/[\t\r ]+/g, ' ').trim();
    if (!label) continue;
    if (label.startsWith('^')) {
      const name = label.slice(1);
      if (name && !/\s/.test(name)) footnotes.set(identifierOf(name), name);
    } else links.set(identifierOf(label), label);
  }
  return { links, footnotes };
}

export interface Definitions {
  links: Map<string, string>;
  footnotes: Map<string, string>;
}

/** What a piece's brackets could refer to: identifiers of every `[...]` in it ("^x" as a footnote's). */
function bracketLabels(piece: string): Set<string> {
  const labels = new Set<string>();
  if (!piece.includes(']')) return labels;
  for (const m of piece.matchAll(/\[((?:[^\\\[\]]|\\.){1,999})\]/g)) {
    const label = m[1] as string;
    for (const written of label.includes('\\|') ? [label, label.replace(/\\\|/g, '|')] : [label]) {
      labels.add(identifierOf(written));
      if (written.startsWith('^')) labels.add(`^${identifierOf(written.slice(1))}`);
    }
  }
  return labels;
}

/**
 * Definition lines to parse with a piece, only those its brackets could use and it does not seem to
 * define itself (`own`, checked once it is parsed): links, then each footnote after a blank line.
 */
export function definitionText(definitions: Definitions, piece: string, own: Definitions | undefined): { text: string; count: number } {
  if (!definitions.links.size && !definitions.footnotes.size) return { text: '', count: 0 };
  const used = bracketLabels(piece);
  if (own) {
    for (const id of own.links.keys()) used.delete(id);
    for (const id of own.footnotes.keys()) used.delete(`^${id}`);
  }
  let text = '';
  let count = 0;
  for (const [id, label] of definitions.links) {
    if (!used.has(id)) continue;
    text += `[${label}]: x\n`;
    count++;
  }
  for (const [id, label] of definitions.footnotes) {
    if (!used.has(`^${id}`)) continue;
    text += `\n[^${label}]: x\n`;
    count++;
  }
  return { text: text ? `${text}\n` : '', count };
}
