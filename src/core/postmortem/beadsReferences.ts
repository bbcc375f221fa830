// Where a post-mortem names Beads issues: `bd://<id>` (this template's link form) and, for a
// repository whose issue prefixes are known, a bare `<prefix>-<id>`, in the Summary's Beads Issue
// field and in action items (the issue cell of an action-item table, the first line of a list item).
// Each action-item table row also gives what the beads rule compares (its Status cell) and what
// "Create Beads issue" needs (action, owner, due date, the issue cell). Read by the beads rule and,
// through beadsReferences(), by the editor's hover, links and quick-fix.
import { buildDocument, type DocumentModel } from '../markdown/document';
import { memoize } from '../markdown/memo';
import { parseDocumentText } from '../markdown/parse';
import { LineIndex } from '../markdown/positions';
import { tableRows, type CellSpan, type RowSpan } from '../markdown/tableCells';
import { escapeRegExp } from '../markdown/text';
import { templateFor, type TemplateModel } from '../template/model';
import { scanBracketPlaceholders } from '../template/placeholders';
import { allActionTables, columnRoles, type Role } from './actionItems';
import { listActionItems } from './actionItemLists';
import { schemaProperty } from './fieldNames';
import { fieldValue, readSummary } from './summary';

/** `bd://<prefix>-<hash>`, children `bd://<prefix>-<hash>.1`, counters `bd://<prefix>-12`. */
const LINK = /\bbd:\/\/([A-Za-z0-9][\w-]*(?:\.\d+)*)/g;

export interface BeadsReference {
  /** The issue id ("pay-412"). */
  id: string;
  /** Offsets of the reference as written ("bd://pay-412" or "pay-412"). */
  start: number;
  end: number;
  /** Whether it was written as a bd:// link (else a bare id with the repository's prefix). */
  link: boolean;
  where: 'summary' | 'action-item' | 'text';
}

/** A cell's span: its text, or where a value goes when it is empty. */
export interface CellPlace {
  text: string;
  start: number;
  end: number;
  empty: boolean;
}

/** An action-item table row, read for Beads. */
export interface BeadsActionRow {
  action: string;
  owner: string | undefined;
  due: string | undefined;
  status: CellPlace | undefined;
  /** The issue cell (Beads Issue, Issue, Ticket...); undefined when the table has none. */
  issue: CellPlace | undefined;
  /** Whether the issue cell holds no reference yet (empty, or the template's placeholder). */
  issueUnset: boolean;
  references: BeadsReference[];
  /** The row's text. */
  start: number;
  end: number;
}

export interface BeadsReading {
  summary: BeadsReference[];
  rows: BeadsActionRow[];
  /** References in list action items. */
  listItems: BeadsReference[];
  /** The Summary's Incident ID, when filled (the external ref of a created issue). */
  incidentId: string | undefined;
}

function bareIdPattern(prefixes: readonly string[]): RegExp | undefined {
  const usable = prefixes.filter((p) => /^[A-Za-z0-9][\w-]*$/.test(p));
  if (usable.length === 0) return undefined;
  return new RegExp(`(?<![\\w/.:-])(?:${usable.map(escapeRegExp).join('|')})-[A-Za-z0-9]+(?:\\.\\d+)*(?![\\w-])`, 'g');
}

/** The references in text[start, end): bd:// links, then bare ids outside them. */
export function referencesIn(text: string, start: number, end: number, prefixes: readonly string[], where: BeadsReference['where']): BeadsReference[] {
  const slice = text.slice(start, end);
  const found: BeadsReference[] = [];
  for (const m of slice.matchAll(LINK)) found.push({ id: m[1] as string, start: start + m.index, end: start + m.index + m[0].length, link: true, where });
  const bare = bareIdPattern(prefixes);
  if (bare) {
    for (const m of slice.matchAll(bare)) {
      const at = start + m.index;
      if (found.some((r) => r.link && at >= r.start && at < r.end)) continue;
      found.push({ id: m[0], start: at, end: at + m[0].length, link: false, where });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function place(cell: CellSpan | undefined): CellPlace | undefined {
  if (!cell) return undefined;
  const empty = cell.text === '' && cell.source === '';
  return empty ? { text: '', start: cell.innerStart, end: cell.innerEnd, empty } : { text: cell.text, start: cell.textStart, end: cell.textEnd, empty };
}

function filled(cell: CellSpan | undefined): string | undefined {
  return cell && cell.text !== '' && scanBracketPlaceholders(cell.source).length === 0 ? cell.text : undefined;
}

function readRows(doc: DocumentModel, template: TemplateModel, prefixes: readonly string[]): BeadsActionRow[] {
  const rows: BeadsActionRow[] = [];
  for (const table of allActionTables(doc, template)) {
    const { header, body } = tableRows(doc.text, doc.lines, table.node);
    if (!header) continue;
    const columnOf = columnRoles(header);
    const at = (row: RowSpan, role: Role) => {
      const i = columnOf.get(role);
      return i === undefined ? undefined : row.cells[i];
    };
    for (const row of body) {
      const actionCell = at(row, 'action') ?? row.cells[0];
      if (!actionCell || actionCell.text === '') continue;
      const issueCell = at(row, 'issue');
      const references = issueCell ? referencesIn(doc.text, issueCell.textStart, issueCell.textEnd, prefixes, 'action-item') : [];
      const unset = issueCell !== undefined && references.length === 0 && (issueCell.text === '' || scanBracketPlaceholders(issueCell.source).length > 0);
      rows.push({
        action: filled(actionCell) ?? '',
        owner: filled(at(row, 'owner')),
        due: filled(at(row, 'due')),
        status: place(at(row, 'status')),
        issue: place(issueCell),
        issueUnset: unset,
        references,
        start: row.start,
        end: row.end,
      });
    }
  }
  return rows;
}

/** The Beads references of a document and its action-item rows. */
export function readBeadsReferences(doc: DocumentModel, template: TemplateModel, prefixes: readonly string[]): BeadsReading {
  return memoize(doc, 'beads references', [template, prefixes.join(' ')], () => {
    const fields = readSummary(doc, template).fields;
    const summary: BeadsReference[] = [];
    let incidentId: string | undefined;
    for (const field of fields) {
      const property = schemaProperty(field.name, template);
      if (property === 'beadsIssue') summary.push(...referencesIn(doc.text, field.valueStart, field.valueEnd, prefixes, 'summary'));
      if (property === 'incidentId' && incidentId === undefined) {
        const value = fieldValue(field);
        if (value.text !== '' && scanBracketPlaceholders(value.text).length === 0) incidentId = value.text;
      }
    }
    const listItems = listActionItems(doc, template).flatMap((item) => referencesIn(doc.text, item.start, item.end, prefixes, 'action-item'));
    return { summary, rows: readRows(doc, template, prefixes), listItems, incidentId };
  });
}

/** Every reference the reading holds, in document order. */
export function allReferences(reading: BeadsReading): BeadsReference[] {
  return [...reading.summary, ...reading.rows.flatMap((r) => r.references), ...reading.listItems].sort((a, b) => a.start - b.start);
}

/** A document's Beads references, read from its text: offsets of the text as given (a byte-order mark included). */
export interface BeadsDocumentReferences extends BeadsReading {
  /** Every reference: the Summary's, the action items', and bd:// links anywhere else. */
  references: BeadsReference[];
}

function shifted<T extends { start: number; end: number }>(value: T, by: number): T {
  return { ...value, start: value.start + by, end: value.end + by };
}

/** readBeadsReferences on a text (for the editor's hover, links and quick-fix, and the CLI's `bd show`). */
export function beadsReferences(given: string, templateText?: string, prefixes: readonly string[] = []): BeadsDocumentReferences {
  const { text, tree, bom } = parseDocumentText(given);
  const doc = buildDocument(text, tree, new LineIndex(text));
  const reading = readBeadsReferences(doc, templateFor(templateText), prefixes);
  const read = allReferences(reading);
  const elsewhere = referencesIn(text, 0, text.length, [], 'text').filter((r) => !read.some((k) => k.start === r.start));
  const references = [...read, ...elsewhere].sort((a, b) => a.start - b.start);
  const move = (r: BeadsReference) => shifted(r, bom);
  return {
    summary: reading.summary.map(move),
    listItems: reading.listItems.map(move),
    rows: reading.rows.map((row) => ({
      ...shifted(row, bom),
      status: row.status && shifted(row.status, bom),
      issue: row.issue && shifted(row.issue, bom),
      references: row.references.map(move),
    })),
    incidentId: reading.incidentId,
    references: references.map(move),
  };
}

/**
 * The ids a text names, by its bd:// links and bare ids with a prefix anywhere, without parsing it:
 * what to ask `bd show` about before a lint (asking about an id outside the checked places is harmless).
 */
export function scanBeadsIds(text: string, prefixes: readonly string[]): string[] {
  return [...new Set(referencesIn(text, 0, text.length, prefixes, 'text').map((r) => r.id))];
}
