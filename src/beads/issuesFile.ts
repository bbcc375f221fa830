// Reading `.beads/issues.jsonl` (and `deletions.jsonl`): one JSON object per line. v1.0 exports mark
// issues with `"_type": "issue"` and hold other `_type` lines (memories, ...) and an optional `_schema`
// header line; older files hold `"status": "tombstone"` records. After a git merge an id can be on
// several lines: the latest `updated_at` wins, the later line on a tie. A line that is not an issue
// object is counted as a problem, never a crash.
import type { BeadsIssue } from '../core/index';

export interface IssuesFile {
  issues: Map<string, BeadsIssue>;
  /** Ids of tombstones and of deletions.jsonl records. */
  deleted: Set<string>;
  /** Lines that could not be read ("line 7: not JSON"). */
  problems: string[];
}

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A JSONL record (or a `bd show --json` element) as a BeadsIssue; undefined when it has no id. */
export function toIssue(record: Json): BeadsIssue | undefined {
  const id = str(record['id']);
  if (!id) return undefined;
  const issue: BeadsIssue = { id, title: str(record['title']) ?? '', status: str(record['status']) ?? 'open' };
  if (typeof record['priority'] === 'number') issue.priority = record['priority'];
  const optional: [keyof BeadsIssue, string][] = [
    ['issueType', 'issue_type'],
    ['assignee', 'assignee'],
    ['updatedAt', 'updated_at'],
    ['closedAt', 'closed_at'],
    ['closeReason', 'close_reason'],
    ['dueAt', 'due_at'],
    ['externalRef', 'external_ref'],
  ];
  for (const [key, field] of optional) {
    const value = str(record[field]);
    if (value !== undefined) (issue as unknown as Json)[key] = value;
  }
  if (Array.isArray(record['labels'])) issue.labels = record['labels'].filter((l): l is string => typeof l === 'string');
  return issue;
}

function parseLines(text: string, each: (record: Json, line: number) => void, problems: string[], name: string): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${name} line ${i + 1}: not JSON`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${name} line ${i + 1}: not an object`);
      return;
    }
    each(value as Json, i + 1);
  });
}

/** Whether `a` (updated_at) is later than `b`; a missing or unreadable time is the earliest. */
function later(a: string | undefined, b: string | undefined): boolean {
  const ta = a ? Date.parse(a) : NaN;
  const tb = b ? Date.parse(b) : NaN;
  if (Number.isNaN(tb)) return true;
  if (Number.isNaN(ta)) return false;
  return ta >= tb;
}

export function parseIssuesJsonl(text: string, deletionsText = '', name = 'issues.jsonl'): IssuesFile {
  const issues = new Map<string, BeadsIssue>();
  const tombstones = new Map<string, string | undefined>();
  const problems: string[] = [];
  parseLines(
    text,
    (record, line) => {
      const type = record['_type'];
      // A v1.0 export's other records (memories, ...) and the _schema header are not issues.
      if ((type !== undefined && type !== 'issue') || '_schema' in record) return;
      const issue = toIssue(record);
      if (!issue) {
        problems.push(`${name} line ${line}: no id`);
        return;
      }
      const current = issues.get(issue.id);
      const tombstone = tombstones.get(issue.id);
      const seen = current?.updatedAt ?? tombstone;
      if ((current || tombstones.has(issue.id)) && !later(issue.updatedAt, seen)) return;
      if (issue.status === 'tombstone') {
        issues.delete(issue.id);
        tombstones.set(issue.id, issue.updatedAt);
      } else {
        tombstones.delete(issue.id);
        issues.set(issue.id, issue);
      }
    },
    problems,
    name,
  );
  const deleted = new Set(tombstones.keys());
  parseLines(
    deletionsText,
    (record) => {
      const id = str(record['id']);
      if (id && !issues.has(id)) deleted.add(id);
    },
    problems,
    'deletions.jsonl',
  );
  return { issues, deleted, problems };
}
