// The document's action-item tables, read against the template: which template tables are action
// tables (an Action and an Owner column), what each column means, and the default statuses. Read by
// the action-items and sign-off rules and by the action-item snippet.
import type { Table } from 'mdast';
import { closestSection, type DocumentModel, type Section } from '../markdown/document';
import type { TemplateModel, TemplateTable } from '../template/model';
import { matchSections } from '../template/sectionMatch';
import { headerNames } from '../markdown/tableCells';
import { memoize } from '../markdown/memo';

export const DEFAULT_STATUSES = ['Open', 'In Progress', 'Done', "Won't Do"];

export type Role = 'action' | 'owner' | 'due' | 'status' | 'issue';

// Most specific first: "Action Owner" is the owner, "Issue Link" the issue.
const ROLE_WORDS: [Role, string[]][] = [
  ['issue', ['Issue', 'Ticket', 'Tracking', 'Link', 'Beads']],
  ['status', ['Status', 'State']],
  ['due', ['Due', 'Deadline']],
  ['owner', ['Owner', 'Assignee', 'Who', 'Responsible', 'DRI']],
  ['action', ['Action', 'Task', 'Follow up', 'Followup']],
];

export function roleOf(column: string): Role | undefined {
  return ROLE_WORDS.find(([, words]) => headerNames(column, words))?.[0];
}

/** Template tables with an Action and an Owner column. */
function actionTemplates(template: TemplateModel): TemplateTable[] {
  return memoize(template, 'action templates', [], () =>
    template.tables.filter((t) => {
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
  /** The template table it should look like: the one of the same section, else the first. */
  template: TemplateTable;
}

export function findActionTables(doc: DocumentModel, template: TemplateModel): ActionTable[] {
  const templates = actionTemplates(template);
  const first = templates[0];
  if (!first) return [];
  const roots = new Set(templates.map((t) => rootKey(template, t.sectionKey)));
  const rootSections = new Set<Section>();
  for (const m of matchSections(doc, template)) if (roots.has(m.template.key)) for (const s of m.found) rootSections.add(s);
  const found: ActionTable[] = [];
  for (const { node, section } of doc.tables) {
    if (!section || !closestSection(section, (s) => rootSections.has(s))) continue;
    found.push({ node, section, template: templates.find((t) => t.sectionKey === section.key) ?? first });
  }
  return found;
}
