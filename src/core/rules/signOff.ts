// sign-off: a post-mortem whose Status says it is finished (the template's last Status choice, e.g.
// Complete) is really complete: every Sign-off row named and dated, every action item owned and
// dated (and given its issue when the template's table has an issue column, as Beads Issue), at
// least one contributing factor checked. Silent before that (Draft, In Review: their gaps
// are the other rules' findings, at a lower severity).
import { plainText, type Section } from '../markdown/document';
import type { Rule, RuleContext } from './rule';
import { isUnfilled, signOffRows } from '../postmortem/signOffTable';
import { tableRows } from '../markdown/tableCells';
import { parseIsoDate } from '../postmortem/times';
import { documentChecklists, factorChecklists } from '../postmortem/checklist';
import { findActionTables, roleOf, type Role } from '../postmortem/actionItems';
import { statusKey } from '../postmortem/status';
import { shorten } from '../markdown/text';

function list(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Sign-off tables (Role | Name | Date): one finding per row with a gap, at its role. */
function checkSignOffRows(ctx: RuleContext, prefix: string): void {
  for (const { section, role, gaps } of signOffRows(ctx.doc, ctx.template, ctx.doc.lines)) {
    if (gaps.length === 0) continue;
    ctx.report({
      message: `${prefix}: ${section.title} for "${role.text}" has ${list(gaps.map((g) => `no ${g.column.toLowerCase()}`))}.`,
      start: role.textStart,
      end: role.textEnd,
    });
  }
}

function checkActionItems(ctx: RuleContext, prefix: string): void {
  for (const table of findActionTables(ctx.doc, ctx.template)) {
    const { header, body } = tableRows(ctx.doc.text, ctx.doc.lines, table.node);
    const columnOf = new Map<Role, number>();
    header?.cells.forEach((c, i) => {
      const role = roleOf(c.text);
      if (role && !columnOf.has(role)) columnOf.set(role, i);
    });
    const issueColumn = table.template?.columns.find((c) => roleOf(c) === 'issue');
    const at = (row: (typeof body)[number], role: Role) => {
      const i = columnOf.get(role);
      return i === undefined ? undefined : row.cells[i];
    };
    for (const row of body) {
      if (row.cells.every((c) => c.text === '')) continue;
      const action = at(row, 'action') ?? row.cells[0];
      const missing: string[] = [];
      if (isUnfilled(at(row, 'owner'))) missing.push('no owner');
      const due = at(row, 'due');
      if (isUnfilled(due)) missing.push('no due date');
      else if (due && !parseIsoDate(due.text)) missing.push(`no valid due date ("${due.text}")`);
      // The template's table asks for an issue (its Beads Issue column): a finished post-mortem names one (or N/A).
      if (issueColumn !== undefined && isUnfilled(at(row, 'issue'))) missing.push(`no ${issueColumn.toLowerCase().replace(/\bbeads\b/, 'Beads')}`);
      if (missing.length === 0 || !action) continue;
      ctx.report({
        message: `${prefix}: action item "${shorten(action.text || plainText(row.row))}" has ${list(missing)}.`,
        start: action.textStart,
        end: action.textEnd,
      });
    }
  }
}

function checkFactors(ctx: RuleContext, prefix: string): void {
  // Two template checklists can lead to one document section: it is reported once.
  const reported = new Set<Section>();
  for (const { checklist } of factorChecklists(ctx.template)) {
    // Factors written as prose (no checkboxes) cannot be counted: documentChecklists leaves them out.
    for (const { section, items } of documentChecklists(ctx.doc, ctx.template, checklist)) {
      if (reported.has(section) || items.some((i) => i.checked)) continue;
      reported.add(section);
      ctx.report({ message: `${prefix}: no contributing factor is checked under "${section.title}".`, start: section.start, end: section.headingEnd });
    }
  }
}

export interface SignOffOptions {
  completeStatus?: string;
}

export const signOff: Rule<SignOffOptions> = {
  id: 'sign-off',
  description: 'A post-mortem marked Complete has every sign-off named and dated, every action item owned and dated, and a contributing factor checked.',
  defaultSeverity: 'error',
  fixable: false, hasSuggestions: false,
  optionsSchema: {
    type: 'object',
    properties: {
      completeStatus: {
        type: 'string',
        pattern: '\\S',
        description: "The Status value that claims the post-mortem is finished (default: the template's last Status choice, Complete in the built-in template).",
      },
    },
    additionalProperties: false,
  },
  defaultOptions: {},
  check(ctx) {
    const option = ctx.options.completeStatus;
    const complete = typeof option === 'string' ? ctx.status?.key === statusKey(option) : ctx.status?.stage === 'complete';
    if (!ctx.status || !complete) return;
    const prefix = `Status is ${ctx.status.value}`;
    checkSignOffRows(ctx, prefix);
    checkActionItems(ctx, prefix);
    checkFactors(ctx, prefix);
  },
};
