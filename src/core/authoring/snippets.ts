// The Markdown snippets of Postmortem Kit, built from a template model (snippets/postmortem.code-snippets
// is generated from the built-in template by scripts/generate-snippets.mjs): the whole document, one
// snippet per section and subsection, and rows for the timeline, the action items and the
// contributing-factor details.
import { scanBracketPlaceholders, scanTimePlaceholders } from '../template/placeholders';
import { DEFAULT_STATUSES } from '../postmortem/actionItems';
import { scaffoldSnippet, slugify } from './scaffold';
import { choiceStop, renderSnippet, tabStop } from '../markdown/snippetSyntax';
import { sectionByKey, type TemplateChecklist, type TemplateModel, type TemplateTable } from '../template/model';
import { templateSlots } from '../template/slots';
import { headerNames } from '../markdown/tableCells';
import { templateTimelineTable } from '../template/timelineColumns';

/** One entry of a .code-snippets file. */
export interface SnippetDefinition {
  scope: string;
  prefix: string;
  description: string;
  /** The snippet's lines (VS Code joins them with the editor's line break). */
  body: string[];
}

/** The statuses the action-items rule allows by default; a new item starts with the first. */
export const DEFAULT_ACTION_ITEM_STATUSES: readonly string[] = DEFAULT_STATUSES;

export function buildSnippets(template: TemplateModel): Record<string, SnippetDefinition> {
  const snippets: Record<string, SnippetDefinition> = {};
  const prefixes = new Set<string>();
  const add = (name: string, prefix: string, description: string, body: string) => {
    let unique = prefix;
    for (let n = 2; prefixes.has(unique); n++) unique = `${prefix}-${n}`;
    prefixes.add(unique);
    let key = name;
    for (let n = 2; key in snippets; n++) key = `${name} (${n})`;
    snippets[key] = { scope: 'markdown', prefix: unique, description, body: body.split(/\r?\n/) };
  };

  add('Post-mortem document', 'postmortem', 'New post-mortem document', scaffoldSnippet(template, { title: '' }));

  const { slots, sectionSpans } = templateSlots(template);
  const slugs = template.sections.map((s) => slugify(s.title));
  for (const section of template.sections) {
    const span = sectionSpans[section.index];
    if (!span) continue;
    const parent = section.parentKey === undefined ? undefined : sectionByKey(template, section.parentKey);
    const slug = slugs[section.index] || `section-${section.index + 1}`;
    // Two sections of the same title ("Notes" under two parents) are told apart by their parent.
    const shared = slugs.filter((s) => s === slug).length > 1;
    const prefix = shared && parent ? `pm-${slugify(parent.title)}-${slug}` : `pm-${slug}`;
    const heading = `${'#'.repeat(section.depth)} ${section.title}`;
    const description = parent
      ? `Post-mortem subsection "${heading}" (in "${parent.title}")`
      : `Post-mortem section "${heading}"`;
    const name = `Post-mortem section: ${parent ? `${parent.title} > ` : ''}${section.title}`;
    add(name, prefix, description, renderSnippet(template.source, span.start, span.end, slots));
  }

  const timeline = timelineRow(template);
  if (timeline) add('Post-mortem timeline row', 'pm-timeline-row', `A row of the "${timeline.table.sectionTitle}" table (for the current UTC time: Post-Mortem: Add Timeline Entry)`, timeline.body);
  const action = actionItemRow(template);
  if (action) {
    const parentKey = sectionByKey(template, action.table.sectionKey)?.parentKey;
    const where = (parentKey !== undefined && sectionByKey(template, parentKey)?.title) || action.table.sectionTitle;
    add('Post-mortem action item', 'pm-action-item', `An action item: a row for the tables in "${where}"`, action.body);
  }
  const factor = contributingFactor(template);
  if (factor) add('Post-mortem contributing factor', 'pm-contributing-factor', `A "${factor.checklist.sectionTitle}" detail: factor and explanation`, factor.body);
  return snippets;
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A cell's default when the template has nothing better: the column name as a placeholder, so an unfilled cell is flagged. */
function columnPlaceholder(index: number, column: string, position: number): string {
  return tabStop(index, `[${column || `Column ${position + 1}`}]`);
}

/** The timeline table as the timeline rule reads it: the template table whose first column is a time. */
function timelineRow(template: TemplateModel): { table: TemplateTable; body: string } | undefined {
  const table = templateTimelineTable(template);
  if (!table) return undefined;
  // The template's own time placeholder ("HH:MM"): snippet variables give only local time, and
  // timelines are kept in UTC ("Add Timeline Entry" stamps the current UTC time).
  const format = scanTimePlaceholders(table.rows[0]?.[0] ?? '')[0]?.text ?? 'HH:MM';
  const cells = table.columns.map((column, i) => (i === 0 ? tabStop(1, format) : columnPlaceholder(i + 1, column, i)));
  return { table, body: tableRow(cells) };
}

/** The first template table with an Action and an Owner column, as the action-items rule reads them. */
function actionItemRow(template: TemplateModel): { table: TemplateTable; body: string } | undefined {
  const table = template.tables.find(
    (t) => t.columns.some((c) => headerNames(c, ['Action', 'Task'])) && t.columns.some((c) => headerNames(c, ['Owner', 'Assignee'])),
  );
  if (!table) return undefined;
  const cells = table.columns.map((column, i) => {
    if (!headerNames(column, ['Status', 'State'])) return columnPlaceholder(i + 1, column, i);
    // The template's own starting status first (a team may write "To Do"), then the usual ones.
    const written = table.rows[0]?.[i] ?? '';
    const own = written && scanBracketPlaceholders(written).length === 0 ? [written] : [];
    return choiceStop(i + 1, [...new Set([...own, ...DEFAULT_ACTION_ITEM_STATUSES])]);
  });
  return { table, body: tableRow(cells) };
}

// A details line after the checklist, "- [Factor 1]: [Explanation]" or "- Name: explanation": what
// makes a checklist one of contributing factors (the contributing-factors rule reads it so too).
const DETAILS_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?!\[[ xX]\][ \t])\S[^:\r\n]{0,80}:(?:[ \t]+(.*))?$/m;

function contributingFactor(template: TemplateModel): { checklist: TemplateChecklist; body: string } | undefined {
  for (const checklist of template.checklists) {
    if (checklist.options.length === 0) continue;
    // Sections are known by key only: two sections of the same title both count.
    const details = template.sections
      .filter((s) => s.key === checklist.sectionKey)
      .map((s) => DETAILS_LINE.exec(s.ownText))
      .find((m) => m !== null);
    if (!details) continue;
    // The details line's own placeholder names the explanation ("[Explanation]").
    const explanation = scanBracketPlaceholders(details[1] ?? '')[0]?.text ?? '[Explanation]';
    const labels = checklist.options.map((o) => o.label);
    return { checklist, body: `- ${choiceStop(1, labels)}: ${tabStop(2, explanation)}` };
  }
  return undefined;
}
