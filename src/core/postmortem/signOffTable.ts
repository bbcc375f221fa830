// The document's Sign-off tables, read once for the two rules that check them: `placeholder` (the
// cells the template leaves for the author, while the post-mortem is being written) and `sign-off`
// (every row named and dated, once its Status says Complete). A Sign-off table is a template table
// whose rows leave cells empty (Role | Name | Date); the document's is the table in the same section
// with the same columns.
import { endOf, normalizeTitle, rowTexts, type DocumentModel, type Section } from '../markdown/document';
import { memoize } from '../markdown/memo';
import { knownPlaceholders, scanBracketPlaceholders } from '../template/placeholders';
import type { LineIndex } from '../markdown/positions';
import { tableRows, type CellSpan, type RowSpan } from '../markdown/tableCells';
import type { TemplateModel } from '../template/model';

export interface SignOffGap {
  /** The template's column ("Name") and its index (1 or more). */
  column: string;
  index: number;
  /** The document's cell; undefined when the row stops short of the column. */
  cell: CellSpan | undefined;
  /** Where a value goes: inside the cell, or the end of a short row. */
  start: number;
  end: number;
}

export interface SignOffRow {
  section: Section;
  row: RowSpan;
  /** The first cell (the role), never empty. */
  role: CellSpan;
  /** The template's row for this role, when it has one and this is the document's first row for it. */
  templateRow: readonly string[] | undefined;
  /** The columns after the role that are empty or still hold a placeholder, in column order. */
  gaps: SignOffGap[];
}

/** Empty, or still a bracketed placeholder ("[Name]"); `known`: the template's own placeholders. */
export function isUnfilled(cell: CellSpan | undefined, known?: ReadonlySet<string>): boolean {
  return !cell || cell.text === '' || scanBracketPlaceholders(cell.source, known).length > 0;
}

/**
 * Every row with a role in the document's Sign-off tables. Template tables of one section with the
 * same columns count once (their rows together), so no document row is read twice.
 */
export function signOffRows(doc: DocumentModel, template: TemplateModel, lines: LineIndex): SignOffRow[] {
  return memoize(doc, 'sign-off rows', [template], () => readSignOffRows(doc, template, lines));
}

function readSignOffRows(doc: DocumentModel, template: TemplateModel, lines: LineIndex): SignOffRow[] {
  const columnsKey = (columns: readonly string[]) => columns.map(normalizeTitle).join('|');
  const tables = new Map<string, { sectionKey: string; columns: string[]; rows: Map<string, string[]> }>();
  for (const t of template.tables) {
    if (!t.rows.some((row) => row[0] && t.columns.some((_, j) => j > 0 && !row[j]))) continue;
    const key = `${t.sectionKey}\u0000${columnsKey(t.columns)}`;
    const table = tables.get(key) ?? { sectionKey: t.sectionKey, columns: t.columns, rows: new Map<string, string[]>() };
    tables.set(key, table);
    for (const row of t.rows) {
      const label = normalizeTitle(row[0] ?? '');
      if (label && !table.rows.has(label)) table.rows.set(label, row);
    }
  }

  const found: SignOffRow[] = [];
  const known = knownPlaceholders(template);
  if (tables.size > 0) {
    for (const { node, section } of doc.tables) {
      if (!section) continue;
      const header = node.children[0];
      if (!header) continue;
      const table = tables.get(`${section.key}\u0000${columnsKey(rowTexts(header))}`);
      if (!table) continue;
      const seen = new Set<string>();
      for (const row of tableRows(doc.text, lines, node).body) {
        const role = row.cells[0];
        if (!role || role.text === '') continue;
        const label = normalizeTitle(role.text);
        const templateRow = seen.has(label) ? undefined : table.rows.get(label);
        seen.add(label);
        const gaps: SignOffGap[] = [];
        table.columns.forEach((column, j) => {
          if (j === 0) return;
          const cell = row.cells[j];
          if (!isUnfilled(cell, known)) return;
          const rowEnd = endOf(row.row);
          gaps.push({ column, index: j, cell, start: cell ? cell.innerStart : rowEnd, end: cell ? cell.innerEnd : rowEnd });
        });
        found.push({ section, row, role, templateRow, gaps });
      }
    }
  }
  return found;
}
