// action-items: every action item has an owner and an issue that tracks it, in any layout.
// - The template's own action tables (Action Items and its subsections in the built-in template), in a
//   document that follows the template: the template's columns, and every row an owner, a real due
//   date, an allowed status and a tracking reference.
// - Any other action-item table (any column names meaning owner, issue, due, status) and the lists and
//   task lists of action-item sections (Action Items, Follow-ups, Remediation, Next steps, "Action
//   point:"): each open item carries the parts the template's own action list names, else at least an
//   owner or an issue. Completed items are not checked. Never a fix: an owner is the author's to name.
import type { Node, Parent } from 'unist';
import { normalizeTitle } from '../markdown/document';
import { shorten } from '../markdown/text';
import { scanBracketPlaceholders } from '../template/placeholders';
import type { Rule, RuleContext } from './rule';
import { cellCount, isBlankRow, padRowFix, removeRowFix, tableRows, type CellSpan, type RowSpan } from '../markdown/tableCells';
import { parseIsoDate } from '../postmortem/times';
import { allActionTables, DEFAULT_STATUSES, roleOf, type ActionTable, type Role } from '../postmortem/actionItems';
import type { TemplateTable } from '../template/model';
import { actionSectionState, isDoneStatus, isOwnerValue, itemParts, listActionItems } from '../postmortem/actionItemLists';
import { templateActionLists, type ItemPart } from '../postmortem/actionSections';

// A tracking reference: bd://<id>, a URL, #123, org/repo#123, JIRA-123 or N/A (several may be listed).
const ISSUE_TOKEN = /^(?:bd:\/\/[\w.\-/]+|[a-z][a-z0-9+.-]*:\/\/\S+|(?:[\w.-]+\/[\w.-]+)?#\d+|[A-Z][A-Z0-9]{1,9}-\d+|n\/a)$/i;
// Under "Bug #", "Ticket No", "Issue ID" a bare number is the reference.
const NUMBER_COLUMN = /#\s*$|\b(?:number|no|id|nr)\b\.?\s*$/i;

function hasLink(node: Node): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  const children = (node as Parent).children;
  return children ? children.some(hasLink) : false;
}

function isIssueReference(cell: CellSpan, header = ''): boolean {
  if (NUMBER_COLUMN.test(header) && /^#?\d+$/.test(cell.text)) return true;
  // A link in the cell ([#12](https://...), <https://...>, a bare URL) is a reference whatever its text.
  if (hasLink(cell.cell)) return true;
  const tokens = cell.text.split(/[\s,;]+/).filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => ISSUE_TOKEN.test(t));
}

function statusKey(status: string): string {
  return status.replace(/\u2019/g, "'").trim().toLowerCase();
}

function checkRow(ctx: RuleContext, row: RowSpan, columnOf: Map<Role, number>, statuses: readonly string[], headers: readonly string[]): void {
  const cell = (role: Role): CellSpan | undefined => {
    const i = columnOf.get(role);
    return i === undefined ? undefined : row.cells[i];
  };
  // A cell still holding the template's "[Name]" or "[bd://xxx]" is the placeholder rule's finding.
  const isPlaceholder = (c: CellSpan) => scanBracketPlaceholders(c.source).length > 0;
  const actionText = cell('action')?.text ?? '';
  const item = actionText ? `Action item "${shorten(actionText)}"` : 'Action item';

  const owner = cell('owner');
  if (owner && owner.text === '' && owner.source === '') {
    ctx.report({ message: `${item} has no owner: name the person or team responsible.`, start: owner.innerStart, end: owner.innerEnd });
  }

  const due = cell('due');
  if (due && !isPlaceholder(due)) {
    if (due.text === '' && due.source === '') {
      ctx.report({ message: `${item} has no due date: expected YYYY-MM-DD.`, start: due.innerStart, end: due.innerEnd });
    } else if (!parseIsoDate(due.text)) {
      const shape = /^\d{4}-\d{2}-\d{2}$/.test(due.text);
      ctx.report({
        message: shape ? `Due date "${due.text}" is not a real calendar date: expected YYYY-MM-DD.` : `Due date "${due.text}" is not a date: expected YYYY-MM-DD.`,
        start: due.textStart,
        end: due.textEnd,
      });
    }
  }

  const status = cell('status');
  if (status && !isPlaceholder(status) && !statuses.some((s) => statusKey(s) === statusKey(status.text))) {
    const empty = status.text === '' && status.source === '';
    const start = empty ? status.innerStart : status.textStart;
    const end = empty ? status.innerEnd : status.textEnd;
    ctx.report({
      message: empty
        ? `${item} has no status: expected one of ${statuses.join(', ')}.`
        : `Status "${status.text}" is not allowed: expected one of ${statuses.join(', ')}.`,
      start,
      end,
      suggestions: statuses.map((s) => ({ title: `Set Status to ${s}`, edits: [ctx.edit(start, end, empty ? ` ${s} ` : s)] })),
    });
  }

  const issue = cell('issue');
  if (issue && !isPlaceholder(issue) && !isIssueReference(issue, headers[columnOf.get('issue') ?? -1])) {
    const empty = issue.text === '' && issue.source === '';
    ctx.report({
      message: empty
        ? `${item} has no issue: expected bd://<id>, a URL, #123, JIRA-123 or N/A.`
        : `Issue "${issue.text}" is not a tracking reference: expected bd://<id>, a URL, #123, JIRA-123 or N/A.`,
      start: empty ? issue.innerStart : issue.textStart,
      end: empty ? issue.innerEnd : issue.textEnd,
    });
  }
}

function columnRoles(header: RowSpan): Map<Role, number> {
  const columnOf = new Map<Role, number>();
  header.cells.forEach((c, i) => {
    const role = roleOf(c.text);
    if (role && !columnOf.has(role)) columnOf.set(role, i);
  });
  return columnOf;
}

function checkTable(ctx: RuleContext, table: ActionTable & { template: TemplateTable }, statuses: readonly string[]): void {
  const { header, body } = tableRows(ctx.doc.text, ctx.doc.lines, table.node);
  if (!header) return;
  const columnOf = columnRoles(header);
  const headerKeys = header.cells.map((c) => normalizeTitle(c.text));
  // Columns the template's table has: by role when they have one, else by name.
  const missing = table.template.columns.filter((column) => {
    const role = roleOf(column);
    return role ? !columnOf.has(role) : !headerKeys.includes(normalizeTitle(column));
  });
  if (missing.length) {
    const names = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]} columns` : `${missing[0]} column`;
    ctx.report({
      message: `Action-item table is missing the ${names}: expected "${table.template.columns.join(' | ')}".`,
      start: header.start,
      end: header.end,
    });
  }
  const columns = header.cells.length;
  // A table of blank rows only was never filled in: the slots of a template, not leftover rows.
  const allBlank = body.every(isBlankRow);
  for (const row of body) {
    if (isBlankRow(row)) {
      if (allBlank) continue;
      ctx.report({ message: 'Action-item row is empty: fill it in or remove it.', start: row.start, end: row.end, fix: removeRowFix(ctx, row) });
      continue;
    }
    if (row.cells.length < columns) {
      ctx.report({
        message: `Row has ${cellCount(row.cells.length)}, expected ${columns} (${header.cells.map((c) => c.text).join(' | ')}).`,
        start: row.start,
        end: row.end,
        fix: padRowFix(ctx, row, columns - row.cells.length),
      });
    }
    checkRow(ctx, row, columnOf, statuses, header.cells.map((c) => c.text));
  }
}

const PART_NAMES: Record<ItemPart, string> = { owner: 'an owner', issue: 'an issue link', due: 'a due date', status: 'a status' };

function list(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** One finding for an item short of what it must carry: the template's parts, else an owner or an issue. */
function checkParts(ctx: RuleContext, title: string, parts: Set<ItemPart>, required: readonly ItemPart[], start: number, end: number): void {
  const item = title ? `Action item "${shorten(title)}"` : 'Action item';
  if (required.length === 0) {
    if (parts.has('owner') || parts.has('issue')) return;
    ctx.report({
      message: `${item} has no owner and no issue link: name who owns it (@handle or name) or link the issue that tracks it.`,
      start,
      end,
    });
    return;
  }
  const missing = required.filter((p) => !parts.has(p));
  if (missing.length === 0) return;
  ctx.report({
    message: `${item} has no ${list(missing.map((p) => PART_NAMES[p].replace(/^an? /, '')))}: the template's action items carry ${list(required.map((p) => PART_NAMES[p]))}.`,
    start,
    end,
  });
}

/** A table of another layout (Task | Who | Bug): each open row has what an item must carry. */
function checkOtherTable(ctx: RuleContext, table: ActionTable, required: readonly ItemPart[]): void {
  const { completed, tracked } = actionSectionState(ctx.doc, ctx.template, table.section);
  if (completed) return;
  const { header, body } = tableRows(ctx.doc.text, ctx.doc.lines, table.node);
  if (!header) return;
  const columnOf = columnRoles(header);
  const at = (row: RowSpan, role: Role) => {
    const i = columnOf.get(role);
    return i === undefined ? undefined : row.cells[i];
  };
  const filled = (c: CellSpan | undefined) => c !== undefined && c.text !== '' && scanBracketPlaceholders(c.source).length === 0;
  for (const row of body) {
    if (isBlankRow(row)) continue;
    const action = at(row, 'action') ?? row.cells[0];
    if (!action || action.text === '' || /^~~.*~~$/.test(action.source.trim())) continue;
    const status = at(row, 'status');
    if (status && isDoneStatus(status.text)) continue;
    const parts = itemParts(ctx.doc, action.cell, action.source, undefined);
    if (tracked) parts.add('issue');
    const owner = at(row, 'owner');
    if (owner && filled(owner) && isOwnerValue(owner.text)) parts.add('owner');
    const issue = at(row, 'issue');
    if (issue && filled(issue) && isIssueReference(issue, header.cells[columnOf.get('issue') ?? -1]?.text)) parts.add('issue');
    if (filled(at(row, 'due'))) parts.add('due');
    if (filled(status)) parts.add('status');
    checkParts(ctx, action.text, parts, required, action.textStart, action.textEnd);
  }
}

export interface ActionItemsOptions {
  statuses: string[];
}

export const actionItems: Rule<ActionItemsOptions> = {
  id: 'action-items',
  description: 'Every open action item, in a table or a list, has an owner and an issue link (and what the template\'s items carry); the template\'s action tables have its columns, and every row an owner, a real due date, an allowed status and a tracking reference.',
  defaultSeverity: 'warning',
  fixable: true,
  hasSuggestions: true,
  optionsSchema: {
    type: 'object',
    properties: {
      statuses: {
        type: 'array',
        items: { type: 'string' },
        minItems: 1,
        description: 'Allowed values of the Status column (compared case-insensitively).',
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { statuses: [...DEFAULT_STATUSES] },
  check(ctx) {
    const option = ctx.options.statuses;
    const statuses =
      Array.isArray(option) && option.length > 0 && option.every((s) => typeof s === 'string') ? (option as string[]) : DEFAULT_STATUSES;
    // The parts the template's own action list gives every item (none: an owner or an issue will do).
    const required = templateActionLists(ctx.template)[0]?.parts ?? [];
    for (const table of allActionTables(ctx.doc, ctx.template)) {
      if (table.template && ctx.followsTemplate) checkTable(ctx, { ...table, template: table.template }, statuses);
      else checkOtherTable(ctx, table, required);
    }
    for (const item of listActionItems(ctx.doc, ctx.template)) checkParts(ctx, item.title, item.parts, required, item.start, item.end);
  },
};
