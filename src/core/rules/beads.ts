// beads: the document's Beads references against the repository's issues (LintOptions.beads, read by
// src/beads from .beads/ or `bd show`). A reference to an issue that does not exist, when the data is
// authoritative; otherwise one note that the export is missing or old, with the command that refreshes
// it. An action item whose Status disagrees with its issue (postmortem/beadsStatus.ts), with a
// suggestion setting the Status cell to what Beads says. Silent when no Beads data is given.
import type { BeadsData, BeadsIssue } from '../types';
import { shorten } from '../markdown/text';
import { allReferences, readBeadsReferences, type BeadsActionRow, type BeadsReference } from '../postmortem/beadsReferences';
import { drifts, issueState, itemState, statusFor } from '../postmortem/beadsStatus';
import { parseIsoDate } from '../postmortem/times';
import type { Rule, RuleContext } from './rule';

const HOUR_MS = 3_600_000;

/** "3 hours", "12 days": the age of an export. */
function age(ms: number): string {
  const hours = Math.floor(ms / HOUR_MS);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

function timeOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** Why existence is not checked, when the export is missing or older than maxExportAgeHours; undefined when it is recent. */
function exportProblem(data: BeadsData, maxHours: number): string | undefined {
  const refresh = `run \`${data.refreshCommand}\` (or put bd on PATH) to check them`;
  const exported = timeOf(data.exportedAt);
  if (exported === undefined) return `Beads references are not checked: the issues are kept in Beads' database and ${data.location} (its export) is missing; ${refresh}.`;
  const ms = (timeOf(data.readAt) ?? exported) - exported;
  if (ms <= maxHours * HOUR_MS) return undefined;
  return `Beads references are not checked: the issues are kept in Dolt and the export ${data.location} is ${age(ms)} old; ${refresh}.`;
}

function checkExists(ctx: RuleContext, data: BeadsData, ref: BeadsReference): void {
  const written = ctx.doc.text.slice(ref.start, ref.end);
  if (data.issues[ref.id]) return;
  const deleted = data.deleted.includes(ref.id);
  ctx.report({
    message: deleted ? `Beads issue ${written} was deleted (${data.location}).` : `Beads issue ${written} does not exist (${data.location}).`,
    start: ref.start,
    end: ref.end,
  });
}

function issueWords(issue: BeadsIssue): string {
  if (issue.status !== 'closed') return `is ${issue.status.replace(/_/g, ' ')}`;
  const date = issue.closedAt && parseIsoDate(issue.closedAt.slice(0, 10)) ? ` on ${issue.closedAt.slice(0, 10)}` : '';
  const reason = issue.closeReason ? ` ("${shorten(issue.closeReason)}")` : '';
  return `was closed${date}${reason}`;
}

function checkDrift(ctx: RuleContext, data: BeadsData, row: BeadsActionRow): void {
  const status = row.status;
  if (!status || status.empty || row.references.length !== 1) return;
  const ref = row.references[0] as BeadsReference;
  const issue = data.issues[ref.id];
  const item = itemState(status.text);
  const beads = issue ? issueState(issue) : undefined;
  if (!issue || !item || !beads || !drifts(item, beads)) return;
  const value = statusFor(beads);
  const from = data.source === 'export' ? ` (export of ${data.exportedAt?.slice(0, 10) ?? 'unknown date'})` : '';
  const name = row.action ? `Action item "${shorten(row.action)}"` : 'Action item';
  ctx.report({
    message: `${name} is ${status.text} but its Beads issue ${ctx.doc.text.slice(ref.start, ref.end)} ${issueWords(issue)}${from}: expected ${value}.`,
    start: status.start,
    end: status.end,
    suggestions: [{ title: `Set Status to ${value} (as Beads says)`, edits: [ctx.edit(status.start, status.end, value)] }],
  });
}

export interface BeadsOptions {
  maxExportAgeHours: number;
}

export const beads: Rule<BeadsOptions> = {
  id: 'beads',
  description: "Beads references (bd://<id> in the Summary and action items) name issues that exist, and each action item's Status agrees with its Beads issue; runs where the repository's .beads data is found.",
  defaultSeverity: 'warning',
  fixable: false,
  hasSuggestions: true,
  optionsSchema: {
    type: 'object',
    properties: {
      maxExportAgeHours: {
        type: 'number',
        minimum: 0,
        description: 'A Dolt repository\'s export (.beads/issues.jsonl) older than this many hours gets one note asking to refresh it.',
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { maxExportAgeHours: 24 },
  check(ctx) {
    const data = ctx.beads;
    if (!data) return;
    const reading = readBeadsReferences(ctx.doc, ctx.template, data.prefixes);
    const references = allReferences(reading);
    const first = references[0];
    if (!first) return;
    if (data.authoritative) {
      for (const ref of references) checkExists(ctx, data, ref);
    } else {
      const hours = ctx.options.maxExportAgeHours;
      const problem = exportProblem(data, typeof hours === 'number' && hours >= 0 ? hours : 24);
      if (problem) ctx.report({ message: problem, start: first.start, end: first.end, severity: 'info' });
    }
    for (const row of reading.rows) checkDrift(ctx, data, row);
  },
};
