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
import { MAX_JOINED_PIECE } from './splitConstants';
import { definitionCandidates, definitionText, planPieces, type Definitions, type Piece, type Plan } from './splitPlan';

export { MAX_JOINED_PIECE, TABLE_CHUNK_ROWS } from './splitConstants';
export { identifierOf } from './splitPlan';

export interface SplitOptions {
  /** Length up to which small sections share a parse (0: every section alone, as tests check cuts). */
  joinUpTo?: number;
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

