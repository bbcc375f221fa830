// Section-split parsing: the document cut at its top-level H1/H2 headings (and a big table cut into
// chunks of rows), each piece parsed alone and its positions shifted, gives the tree of the whole
// parse. micromark is super-linear on long documents (its event array is copied as blocks close), so
// pieces are faster, and a piece whose text did not change is not parsed again (PieceCache).
//
// Why a cut is safe: block parsing goes line by line, and a top-level heading closes every open block,
// so after it the parser is in the state it starts a document in. A line scanner proposes the cuts
// (column-1 ATX or setext H1/H2 lines outside front matter, fenced code and HTML blocks); each piece is
// parsed with the next piece's heading lines after it, and the cut is trusted only if those lines come
// back as a top-level heading there (a fence opened inside a list item fools any line scanner). What
// a cut cannot carry across is the document's link and footnote definitions: each piece is parsed
// with the document's definition labels before it (after the next heading for the first piece, which
// may hold front matter), and those parsed definitions are dropped.
import type { Definition, FootnoteDefinition, Root, RootContent, Table } from 'mdast';
import type { Node, Parent, Point, Position } from 'unist';

/** Rows of a table parsed together; a table of at least two chunks is split. */
export const TABLE_CHUNK_ROWS = 64;

/** Sections are parsed together (about four a piece) up to this length (SplitOptions.joinUpTo). */
export const MAX_JOINED_PIECE = 8 * 1024;

export interface SplitOptions {
  /** Length up to which small sections share a parse (0: every section alone, as tests check cuts). */
  joinUpTo?: number;
}

/** One piece of the document: its own text plus what is parsed around it to check and resolve it. */
interface Piece {
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

/** What a parsed piece holds that the document's definitions could change. */
interface PieceReading {
  nodes: RootContent[];
  start: Point;
  end: Point;
  /** Identifiers of link and footnote definitions, with their labels as written. */
  definitions: Map<string, string>;
  footnotes: Map<string, string>;
  /** Identifiers the piece's references resolved to. */
  references: Set<string>;
  /** A text holds "]" (a reference that did not resolve) or an image (its alt flattens references). */
  unresolved: boolean;
  /** Where the nodes are now (the cached reading is moved in place when its piece moves). */
  at: { offset: number; line: number };
  /** The lint that last used it (a second use in one lint gets a copy). */
  generation: number;
}

export interface PieceCache {
  readings: Map<string, PieceReading>;
  generation: number;
}

export function createPieceCache(): PieceCache {
  return { readings: new Map(), generation: 0 };
}

class Unsplittable extends Error {}

/**
 * The tree of `text` (no byte-order mark: the caller drops it, as micromark does), equal to
 * `parse(text)` positions included. With a cache, pieces parsed by an earlier call are reused.
 */
export function splitParse(text: string, parse: (text: string) => Root, cache?: PieceCache, options: SplitOptions = {}): Root {
  if (text.charCodeAt(0) === 0xfeff) return parse(text);
  const plan = planPieces(text, options.joinUpTo ?? MAX_JOINED_PIECE);
  if (plan.pieces.length < 2) return parse(text);
  const store = cache ?? createPieceCache();
  store.generation++;
  // Without a cache nothing is kept: a piece's reading lives as long as the tree.
  const used = cache ? new Map<string, PieceReading>() : undefined;
  try {
    return assemble(text, plan, parse, store, used);
  } catch (error) {
    if (!(error instanceof Unsplittable)) throw error;
    return parse(text);
  } finally {
    if (cache && used) cache.readings = used;
  }
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

interface Plan {
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

function planPieces(text: string, joinUpTo: number): Plan {
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
function definitionCandidates(text: string): { links: Map<string, string>; footnotes: Map<string, string> } {
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

interface Definitions {
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
function definitionText(definitions: Definitions, piece: string, own: Definitions | undefined): { text: string; count: number } {
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

// ---------------------------------------------------------------------------------------------
// Parsing the pieces and putting their nodes together.

function assemble(text: string, plan: Plan, parse: (text: string) => Root, cache: PieceCache, used: Map<string, PieceReading> | undefined): Root {
  let pieces = plan.pieces;
  let definitions: Definitions = { links: plan.linkLabels, footnotes: plan.footnoteLabels };
  const first = readPieces(text, pieces, definitions, parse, cache, used);
  let list = first.list;
  if (first.failedSection !== undefined) {
    // A cut that did not hold: everything from that section on is one piece, parsed to the end.
    const section = first.failedSection;
    if (section === 0) throw new Unsplittable();
    const start = plan.sectionStarts[section] as number;
    const kept = pieces.filter((p) => p.section < section);
    list = list.slice(0, kept.length);
    pieces = [...kept, { section, start, end: text.length, line: lineOf(text, start), lead: '', trail: '', opens: undefined, continuedRows: 0 }];
    const rest = readPieces(text, pieces.slice(kept.length), definitions, parse, cache, used);
    if (rest.failedSection !== undefined) throw new Unsplittable();
    list.push(...rest.list);
  }

  // The definitions the pieces hold, against those they were parsed with.
  const links = new Map<string, string>();
  const footnotes = new Map<string, string>();
  for (const r of list) {
    for (const [id, label] of r.definitions) if (!links.has(id)) links.set(id, label);
    for (const [id, label] of r.footnotes) if (!footnotes.has(id)) footnotes.set(id, label);
  }
  const missed = [...links.keys()].some((id) => !plan.linkLabels.has(id)) || [...footnotes.keys()].some((id) => !plan.footnoteLabels.has(id));
  const spurious = new Set([...plan.linkLabels.keys()].filter((id) => !links.has(id)));
  for (const id of plan.footnoteLabels.keys()) if (!footnotes.has(id)) spurious.add(id);
  if (missed || spurious.size) {
    definitions = { links, footnotes };
    const again = pieces.map((p, i) => {
      const r = list[i] as PieceReading;
      return (missed && r.unresolved) || (spurious.size > 0 && (r.unresolved || [...r.references].some((id) => spurious.has(id))));
    });
    const redone = readPieces(text, pieces, definitions, parse, cache, used, again, list);
    if (redone.failedSection !== undefined) throw new Unsplittable();
    list = redone.list;
  }

  const children: RootContent[] = [];
  let open: Table | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    const nodes = (list[i] as PieceReading).nodes;
    let from = 0;
    if (piece.lead) {
      const continued = nodes[0] as Table;
      if (!open) throw new Unsplittable();
      open.children.push(...continued.children.slice(1));
      (open.position as Position).end = { ...(continued.position as Position).end };
      from = 1;
      if (piece.opens) continue;
      open = undefined;
    }
    for (let j = from; j < nodes.length; j++) children.push(nodes[j] as RootContent);
    if (piece.opens) {
      const table = children.pop() as Table;
      open = { ...table, children: [...table.children], position: { start: { ...(table.position as Position).start }, end: { ...(table.position as Position).end } } };
      children.push(open);
    }
  }
  const head = list[0] as PieceReading;
  const last = list[list.length - 1] as PieceReading;
  return { type: 'root', children, position: { start: { ...head.start }, end: { ...last.end } } };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Every piece's reading (or only those `again` marks, the others kept from `before`). */
function readPieces(
  text: string,
  pieces: readonly Piece[],
  definitions: Definitions,
  parse: (text: string) => Root,
  cache: PieceCache,
  used: Map<string, PieceReading> | undefined,
  again?: readonly boolean[],
  before?: readonly PieceReading[],
): { list: PieceReading[]; failedSection?: number } {
  const list: PieceReading[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    if (again && before && !again[i]) {
      list.push(before[i] as PieceReading);
      continue;
    }
    const reading = readPiece(text, piece, definitions, parse, cache, used);
    if (!reading) return { list, failedSection: piece.section };
    list.push(reading);
  }
  return { list };
}

function readPiece(
  text: string,
  piece: Piece,
  definitions: Definitions,
  parse: (text: string) => Root,
  cache: PieceCache,
  used: Map<string, PieceReading> | undefined,
  trustOwn = true,
): PieceReading | undefined {
  const firstPiece = piece.start === 0;
  const written = text.slice(piece.start, piece.end);
  const ownLabels = trustOwn && (definitions.links.size || definitions.footnotes.size) ? definitionCandidates(written) : undefined;
  const defined = definitionText(definitions, piece.lead + written, ownLabels);
  const before = firstPiece ? '' : defined.text + piece.lead;
  const after = firstPiece && piece.trail && defined.count ? `\n\n${defined.text}` : '';
  const input = before + written + piece.trail + after;
  const key = input;
  const cached = cache.readings.get(key);
  if (cached) {
    const reading = cached.generation === cache.generation ? copyReading(cached) : cached;
    reading.generation = cache.generation;
    moveReading(reading, piece.start, piece.line);
    used?.set(key, reading);
    return reading;
  }
  const tree = parse(input);
  const nodes = tree.children;
  // Definitions parsed before the piece, then the piece, then the next heading and definitions after it.
  const lead = firstPiece ? 0 : defined.count;
  const trailing = after ? defined.count : 0;
  for (let i = 0; i < lead; i++) if (!isDefinition(nodes[i])) throw new Unsplittable();
  for (let i = nodes.length - trailing; i < nodes.length; i++) if (!isDefinition(nodes[i])) throw new Unsplittable();
  const own = nodes.slice(lead, nodes.length - trailing);
  const contentEnd = before.length + (piece.end - piece.start);
  if (piece.trail) {
    const heading = own.pop();
    if (!heading || heading.type !== 'heading' || startOffset(heading) !== contentEnd || endOffset(heading) !== contentEnd + piece.trail.length) return undefined;
  }
  if (piece.lead) {
    const table = own[0];
    const leadStart = before.length - piece.lead.length;
    if (!table || table.type !== 'table' || startOffset(table) !== leadStart || table.children.length < 1 + piece.continuedRows) return undefined;
    if (piece.opens && (own.length !== 1 || table.children.length !== 1 + piece.opens.rows)) return undefined;
  } else if (piece.opens) {
    const table = own[own.length - 1];
    const header = before.length + piece.opens.header - piece.start;
    if (!table || table.type !== 'table' || startOffset(table) !== header || table.children.length !== 1 + piece.opens.rows) return undefined;
  }
  const prefixLines = countLines(before);
  const reading: PieceReading = {
    nodes: own,
    start: { ...(tree.position as Position).start },
    end: { ...(tree.position as Position).end },
    definitions: new Map(),
    footnotes: new Map(),
    references: new Set(),
    unresolved: false,
    at: { offset: before.length, line: prefixLines + 1 },
    generation: cache.generation,
  };
  for (const node of own) readNode(node, reading);
  // A line of its own that looked like a definition and was not one: parse again with the document's.
  const { definitions: found, footnotes: foundNotes } = reading;
  if (ownLabels && ([...ownLabels.links.keys()].some((id) => !found.has(id)) || [...ownLabels.footnotes.keys()].some((id) => !foundNotes.has(id)))) {
    return readPiece(text, piece, definitions, parse, cache, used, false);
  }
  moveReading(reading, piece.start, piece.line);
  used?.set(key, reading);
  return reading;
}

function isDefinition(node: RootContent | undefined): boolean {
  return node !== undefined && (node.type === 'definition' || node.type === 'footnoteDefinition');
}

function startOffset(node: Node): number | undefined {
  return node.position?.start.offset;
}

function endOffset(node: Node): number | undefined {
  return node.position?.end.offset;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Collects the definitions, references and unresolved brackets of a node and its descendants. */
function readNode(node: Node, reading: PieceReading): void {
  switch (node.type) {
    case 'text':
      if ((node as Node & { value: string }).value.includes(']')) reading.unresolved = true;
      return;
    case 'image':
    case 'imageReference':
      reading.unresolved = true;
      break;
    case 'definition': {
      const d = node as Definition;
      if (!reading.definitions.has(d.identifier)) reading.definitions.set(d.identifier, (d.label ?? d.identifier).replace(/\s+/g, ' ').trim());
      break;
    }
    case 'footnoteDefinition': {
      const d = node as FootnoteDefinition;
      if (!reading.footnotes.has(d.identifier)) reading.footnotes.set(d.identifier, d.label ?? d.identifier);
      break;
    }
    default:
      break;
  }
  if (node.type === 'linkReference' || node.type === 'imageReference' || node.type === 'footnoteReference') {
    reading.references.add((node as Node & { identifier: string }).identifier);
  }
  const children = (node as Parent).children;
  if (children) for (const child of children) readNode(child, reading);
}

/** Moves a reading's positions so that its piece starts at `offset`, `line` of the document. */
function moveReading(reading: PieceReading, offset: number, line: number): void {
  const byOffset = offset - reading.at.offset;
  const byLine = line - reading.at.line;
  if (byOffset === 0 && byLine === 0) return;
  for (const node of reading.nodes) moveNode(node, byOffset, byLine);
  movePoint(reading.start, byOffset, byLine);
  movePoint(reading.end, byOffset, byLine);
  reading.at = { offset, line };
}

function movePoint(point: Point, byOffset: number, byLine: number): void {
  point.line += byLine;
  if (point.offset !== undefined) point.offset += byOffset;
}

function moveNode(node: Node, byOffset: number, byLine: number): void {
  const position = node.position;
  if (position) {
    movePoint(position.start, byOffset, byLine);
    movePoint(position.end, byOffset, byLine);
  }
  const children = (node as Parent).children;
  if (children) for (const child of children) moveNode(child, byOffset, byLine);
}

function copyReading(reading: PieceReading): PieceReading {
  return {
    ...reading,
    nodes: structuredClone(reading.nodes),
    start: { ...reading.start },
    end: { ...reading.end },
    at: { ...reading.at },
  };
}

