// The document's action-item tables, read against the template: which template tables are action
// tables (an Action and an Owner column), what each column means, and the default statuses. Read by
// the action-items and sign-off rules and by the action-item snippet. Lists of action items are read
// in actionItemLists.ts; the sections that hold action items are found there too.
import type { Table } from 'mdast';
import { closestSection, normalizeTitle, rowTexts, type DocumentModel, type Section } from '../markdown/document';
import type { TemplateModel, TemplateTable } from '../template/model';
import { matchSections } from '../template/sectionMatch';
import { headerNames } from '../markdown/tableCells';
import { memoize } from '../markdown/memo';
import { isTimeColumnHeader } from '../template/placeholders';
import { actionSections } from './actionSections';

export const DEFAULT_STATUSES = ['Open', 'In Progress', 'Done', "Won't Do"];

export type Role = 'action' | 'owner' | 'due' | 'status' | 'issue';

// Most specific first: "Action Owner" is the owner, "Issue Link" the issue, "Tracking bug" the issue.
const ROLE_WORDS: [Role, string[]][] = [
  ['issue', ['Issue', 'Ticket', 'Tracking', 'Link', 'Beads', 'Bug', 'Jira', 'PR', 'Pull Request', 'MR', 'URL', 'Reference']],
  ['status', ['Status', 'State']],
  ['due', ['Due', 'Deadline', 'ETA', 'Target Date']],
  ['owner', ['Owner', 'Assignee', 'Assigned', 'Who', 'Responsible', 'DRI']],
  ['action', ['Action', 'Task', 'Follow up', 'Followup', 'Item', 'Todo', 'Remediation']],
];

// Short words that name a role only as the whole header ("By" is the due date, "Done By" is not).
const WHOLE_HEADERS: Record<string, Role> = { by: 'due', when: 'due', done: 'status', what: 'action', description: 'action' };

export function roleOf(column: string): Role | undefined {
  const whole = WHOLE_HEADERS[normalizeTitle(column)];
  if (whole) return whole;
  return ROLE_WORDS.find(([, words]) => headerNames(column, words))?.[0];
}

/** A timeline table (Date/Time | Who/What | Action) has an action and a who column too: it is no action table. */
function isTimelineHeader(columns: readonly string[]): boolean {
  const first = columns[0];
  return first !== undefined && roleOf(first) !== 'due' && isTimeColumnHeader(first);
}

/** Template tables with an Action and an Owner column. */
function actionTemplates(template: TemplateModel): TemplateTable[] {
  return memoize(template, 'action templates', [], () =>
    template.tables.filter((t) => {
      if (isTimelineHeader(t.columns)) return false;
      const roles = t.columns.map(roleOf);
      return roles.includes('action') && roles.includes('owner');
    }),
  );
}

/** The outermost template section holding `key` (Action Items for "Immediate (Within 1 Week)"). */
function rootKey(template: TemplateModel, key: string): string {
  let section = template.sections.find((s) => s.key === key);
  while (section?.parentKey !== undefined) {
    const parentKey: string = section.parentKey;
    section = template.sections.find((s) => s.key === parentKey);
  }
  return section?.key ?? key;
}

export interface ActionTable {
  node: Table;
  section: Section;
  /**
   * The template table it should look like (the one of the same section, else the first), when it
   * lies in the section of the template's action tables; undefined for a table found by its section's
   * words or columns alone (another layout: only its items' owners and issues are read).
   */
  template: TemplateTable | undefined;
}

/** Action tables in the sections the template's action tables belong to (what sign-off checks). */
export function findActionTables(doc: DocumentModel, template: TemplateModel): ActionTable[] {
  return allActionTables(doc, template).filter((t) => t.template !== undefined);
}

/**
 * Every action-item table: those of the template's action section, and any table of an action-item
 * section (Action Items, Follow-ups, Remediation, ...) with a column that names an action, an owner or
 * an issue. Timeline tables are never action tables.
 */
export function allActionTables(doc: DocumentModel, template: TemplateModel): ActionTable[] {
  return memoize(doc, 'action tables', [template], () => readActionTables(doc, template));
}

function readActionTables(doc: DocumentModel, template: TemplateModel): ActionTable[] {
  const templates = actionTemplates(template);
  const first = templates[0];
  const roots = new Set(templates.map((t) => rootKey(template, t.sectionKey)));
  const rootSections = new Set<Section>();
  if (first) for (const m of matchSections(doc, template)) if (roots.has(m.template.key)) for (const s of m.found) rootSections.add(s);
  const byWords = actionSections(doc, template);
  const found: ActionTable[] = [];
  for (const { node, section } of doc.tables) {
    if (!section) continue;
    const header = node.children[0];
    const columns = header ? rowTexts(header) : [];
    if (isTimelineHeader(columns)) continue;
    if (first && closestSection(section, (s) => rootSections.has(s))) {
      found.push({ node, section, template: templates.find((t) => t.sectionKey === section.key) ?? first });
      continue;
    }
    if (!closestSection(section, (s) => byWords.has(s))) continue;
    const roles = columns.map(roleOf);
    if (roles.includes('action') || roles.includes('owner') || roles.includes('issue')) found.push({ node, section, template: undefined });
  }
  return found;
}

/** The column of each role in a table's header row (the first column naming it). */
export function columnRoles(header: { cells: readonly { text: string }[] }): Map<Role, number> {
  const columnOf = new Map<Role, number>();
  header.cells.forEach((c, i) => {
    const role = roleOf(c.text);
    if (role && !columnOf.has(role)) columnOf.set(role, i);
  });
  return columnOf;
}
