// action-items: every action-item table has the template's columns (Action, Owner, Due Date, Status,
// an issue), and every row an owner, a real due date, an allowed status and a tracking reference.
// Action-item tables are the tables under the template section holding the tables with Action and
// Owner columns (Action Items and its subsections in the built-in template).
import type { Node, Parent } from 'unist';
import { normalizeTitle } from '../markdown/document';
import { shorten } from '../markdown/text';
import { scanBracketPlaceholders } from '../template/placeholders';
import type { Rule, RuleContext } from './rule';
import { cellCount, isBlankRow, padRowFix, removeRowFix, tableRows, type CellSpan, type RowSpan } from '../markdown/tableCells';
import { parseIsoDate } from '../postmortem/times';
import { DEFAULT_STATUSES, findActionTables, roleOf, type ActionTable, type Role } from '../postmortem/actionItems';

// A tracking reference: bd://<id>, a URL, #123 or N/A (several may be listed).
const ISSUE_TOKEN = /^(?:bd:\/\/[\w.\-/]+|[a-z][a-z0-9+.-]*:\/\/\S+|#\d+|n\/a)$/i;

function hasLink(node: Node): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  const children = (node as Parent).children;
  return children ? children.some(hasLink) : false;
}

function isIssueReference(cell: CellSpan): boolean {
  // A link in the cell ([#12](https://...), <https://...>, a bare URL) is a reference whatever its text.
  if (hasLink(cell.cell)) return true;
  const tokens = cell.text.split(/[\s,;]+/).filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => ISSUE_TOKEN.test(t));
}

function statusKey(status: string): string {
  return status.replace(/\u2019/g, "'").trim().toLowerCase();
}

function checkRow(ctx: RuleContext, row: RowSpan, columnOf: Map<Role, number>, statuses: readonly string[]): void {
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
  if (issue && !isPlaceholder(issue) && !isIssueReference(issue)) {
    const empty = issue.text === '' && issue.source === '';
    ctx.report({
      message: empty
        ? `${item} has no issue: expected bd://<id>, a URL, #123 or N/A.`
        : `Issue "${issue.text}" is not a tracking reference: expected bd://<id>, a URL, #123 or N/A.`,
      start: empty ? issue.innerStart : issue.textStart,
      end: empty ? issue.innerEnd : issue.textEnd,
    });
  }
}

function checkTable(ctx: RuleContext, table: ActionTable, statuses: readonly string[]): void {
  const { header, body } = tableRows(ctx.doc.text, ctx.doc.lines, table.node);
  if (!header) return;
  const columnOf = new Map<Role, number>();
  header.cells.forEach((c, i) => {
    const role = roleOf(c.text);
    if (role && !columnOf.has(role)) columnOf.set(role, i);
  });
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
  for (const row of body) {
    if (isBlankRow(row)) {
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
    checkRow(ctx, row, columnOf, statuses);
  }
}

export interface ActionItemsOptions {
  statuses: string[];
}

export const actionItems: Rule<ActionItemsOptions> = {
  id: 'action-items',
  description: 'Action-item tables have Action, Owner, Due Date, Status and issue columns, and every row an owner, a real due date, an allowed status and a tracking reference.',
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
    for (const table of findActionTables(ctx.doc, ctx.template)) checkTable(ctx, table, statuses);
  },
};
