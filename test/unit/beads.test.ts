// Beads: reading the hand-written fixture .beads folders (test/fixtures/beads/repos: a JSONL-era
// repository with a tombstone, duplicate ids and deletions.jsonl; a v1.0 Dolt export with _type lines
// and a _schema header; a Dolt repository with no export; a worktree whose .beads redirects), and the
// beads rule's findings on test/fixtures/beads/drift.md with that data.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BeadsFinder, locateBeads, parseIssuesJsonl, readBeadsRepository } from '../../src/beads/index';
import { lint, type BeadsData, type BeadsIssue } from '../../src/core/index';
import { drifts, issueState, itemState, statusFor, type WorkState } from '../../src/core/postmortem/beadsStatus';
import { fixtureText } from '../fixtureFiles';

const repos = join(__dirname, '..', 'fixtures', 'beads', 'repos');
const drift = fixtureText(join(__dirname, '..', 'fixtures', 'beads', 'drift.md'));
const NOW = new Date('2026-05-12T08:00:00Z');

function repository(name: string) {
  const location = locateBeads(join(repos, name));
  assert.ok(location, `${name} has a .beads folder`);
  return readBeadsRepository(location, NOW);
}

function beadsFindings(text: string, beads: BeadsData | undefined) {
  return lint(text, beads ? { beads } : {}).filter((f) => f.ruleId === 'beads');
}

describe('reading .beads/issues.jsonl', () => {
  const { data, backend, problems } = repository('jsonl-era');

  it('a JSONL-era repository is authoritative, with its prefix from config.yaml', () => {
    assert.equal(backend, 'jsonl');
    assert.equal(data.authoritative, true);
    assert.equal(data.source, 'jsonl');
    assert.equal(data.location, '.beads/issues.jsonl');
    assert.deepEqual(data.prefixes, ['pay']);
    assert.deepEqual(problems, []);
  });

  it('keeps the latest updated_at of a duplicated id, and the later line on a tie', () => {
    assert.equal(data.issues['pay-314']?.status, 'closed', 'the later line is also the newer one');
    assert.equal(data.issues['pay-319']?.status, 'in_progress', 'the later line is older: the earlier one stays');
    assert.equal(data.issues['pay-320']?.title, 'Tie: second line');
  });

  it('leaves tombstones and deletions.jsonl out, and remembers them as deleted', () => {
    assert.equal(data.issues['pay-315'], undefined);
    assert.equal(data.issues['pay-316'], undefined);
    assert.deepEqual([...data.deleted].sort(), ['pay-315', 'pay-316']);
  });

  it('keeps custom statuses and the fields a hover shows', () => {
    assert.equal(data.issues['pay-a3f8e9.1']?.status, 'review');
    assert.deepEqual(data.issues['pay-312'], {
      id: 'pay-312',
      title: 'Switch the client to ACL auth',
      status: 'closed',
      priority: 1,
      issueType: 'task',
      assignee: 'priya',
      updatedAt: '2024-03-20T16:30:00Z',
      closedAt: '2024-03-20T16:30:00Z',
      closeReason: 'Fixed in client 4.2',
      dueAt: '2024-03-21T00:00:00Z',
      labels: ['postmortem'],
    });
  });

  it('a v1.0 export: _type issue lines only, the _schema header and memories skipped; Dolt, so not authoritative', () => {
    const v1 = repository('v1-export');
    assert.equal(v1.backend, 'dolt');
    assert.deepEqual(Object.keys(v1.data.issues), ['ops-7c1', 'ops-7c2', 'ops-7c3']);
    assert.equal(v1.data.authoritative, false);
    assert.equal(v1.data.source, 'export');
    assert.ok(v1.data.exportedAt, 'the export has an age');
    assert.deepEqual(v1.data.prefixes, ['ops']);
    assert.deepEqual(v1.problems, []);
  });

  it('a Dolt repository with no export has no issues and no export date', () => {
    const dolt = repository('dolt-no-export');
    assert.equal(dolt.backend, 'dolt');
    assert.deepEqual(dolt.data.issues, {});
    assert.equal(dolt.data.exportedAt, undefined);
    assert.equal(dolt.data.refreshCommand, 'bd export -o .beads/issues.jsonl');
  });

  it('follows .beads/redirect (relative to the worktree) to the main checkout', () => {
    const location = locateBeads(join(repos, 'worktree'));
    assert.equal(location?.dir, join(repos, 'jsonl-era', '.beads'));
    assert.equal(location?.redirectedFrom, join(repos, 'worktree', '.beads'));
    assert.equal(location?.root, join(repos, 'worktree'));
  });

  it('BEADS_DIR wins over the search, and a configured folder over the search', () => {
    const fromEnv = locateBeads(join(repos, 'jsonl-era'), { env: { BEADS_DIR: join(repos, 'v1-export', '.beads') } });
    assert.equal(fromEnv?.dir, join(repos, 'v1-export', '.beads'));
    assert.equal(fromEnv?.via, 'BEADS_DIR');
    const fromSetting = locateBeads(join(repos, 'jsonl-era'), { directory: '../dolt-no-export' });
    assert.equal(fromSetting?.dir, join(repos, 'dolt-no-export', '.beads'));
    assert.equal(fromSetting?.via, 'setting');
  });

  it('the search stops at the repository root', () => {
    const root = mkdtempSync(join(tmpdir(), 'pmk-beads-'));
    try {
      mkdirSync(join(root, '.beads'));
      mkdirSync(join(root, 'repo', '.git'), { recursive: true });
      mkdirSync(join(root, 'repo', 'docs'));
      assert.equal(locateBeads(join(root, 'repo', 'docs')), undefined);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('bad lines are problems, not crashes', () => {
    const file = parseIssuesJsonl('{"id":"a-1","title":"ok","status":"open"}\nnot json\n[1]\n{"title":"no id"}\n', '{oops\n');
    assert.deepEqual([...file.issues.keys()], ['a-1']);
    assert.deepEqual(file.problems, ['issues.jsonl line 2: not JSON', 'issues.jsonl line 3: not an object', 'issues.jsonl line 4: no id', 'deletions.jsonl line 1: not JSON']);
  });
});

describe('the Status drift table', () => {
  const issue = (status: string, closeReason?: string): BeadsIssue => ({ id: 'x-1', title: 't', status, ...(closeReason ? { closeReason } : {}) });
  const cases: [string, BeadsIssue, boolean][] = [
    ['Done', issue('open'), true],
    ['Done', issue('in_progress'), true],
    ['Done', issue('blocked'), true],
    ['Done', issue('closed', 'Fixed'), false],
    ['Done', issue('closed', 'wontfix'), true],
    ['Open', issue('closed', 'Fixed'), true],
    ['In Progress', issue('closed'), true],
    ['Open', issue('closed', 'canceled'), true],
    ['Open', issue('open'), false],
    ['In Progress', issue('blocked'), false],
    ["Won't Do", issue('closed', 'Shipped'), true],
    ["Won't Do", issue('closed', 'Rejected by the team'), false],
    ["Won't Do", issue('open'), false],
  ];
  for (const [item, beads, expected] of cases) {
    it(`${item} vs ${beads.status}${beads.closeReason ? ` (${beads.closeReason})` : ''}: ${expected ? 'drift' : 'agrees'}`, () => {
      const state = itemState(item) as WorkState;
      const other = issueState(beads) as WorkState;
      assert.equal(drifts(state, other), expected);
    });
  }
  it('deferred, pinned, hooked and custom statuses say nothing', () => {
    for (const status of ['deferred', 'pinned', 'hooked', 'review']) assert.equal(issueState(issue(status)), undefined);
  });
  it('abandoned and rejected close reasons mean Won\'t Do; the suggested values come from the action-item statuses', () => {
    assert.equal(issueState(issue('closed', 'abandoned')), "won't do");
    assert.equal(statusFor("won't do"), "Won't Do");
    assert.equal(statusFor('done'), 'Done');
    assert.equal(statusFor('in progress'), 'In Progress');
    assert.equal(statusFor('blocked'), 'Open');
  });
});

describe('rule beads', () => {
  it('is silent without Beads data', () => {
    assert.deepEqual(beadsFindings(drift, undefined), []);
  });

  it('with authoritative data: unknown and deleted references, and every Status drift with its suggestion', () => {
    const findings = beadsFindings(drift, repository('jsonl-era').data);
    const shown = findings.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.severity} ${f.message}${f.suggestions ? ` [${f.suggestions.map((s) => s.title).join('; ')}]` : ''}`);
    assert.deepEqual(shown, [
      '156:60-64 warning Action item "Add a probe that reads a key" is Done but its Beads issue bd://pay-313 is open: expected Open. [Set Status to Open (as Beads says)]',
      '157:58-62 warning Action item "Rotate the cache credentials" is Open but its Beads issue bd://pay-314 was closed on 2024-03-24 ("Rotated"): expected Done. [Set Status to Done (as Beads says)]',
      '158:60-72 warning Beads issue bd://pay-315 was deleted (.beads/issues.jsonl).',
      '159:72-84 warning Beads issue bd://pay-316 was deleted (.beads/issues.jsonl).',
      '165:58-66 warning Action item "Write the upgrade runbook" is Won\'t Do but its Beads issue bd://pay-317 was closed on 2024-03-25 ("Runbook merged"): expected Done. [Set Status to Done (as Beads says)]',
      '166:54-58 warning Action item "Canary the cache upgrade" is Done but its Beads issue bd://pay-318 was closed on 2024-03-26 ("wontfix: the cluster is managed by the …"): expected Won\'t Do. [Set Status to Won\'t Do (as Beads says)]',
      '167:58-62 warning Action item "Document the auth handshake" is Done but its Beads issue bd://pay-319 is in progress: expected In Progress. [Set Status to In Progress (as Beads says)]',
      '168:55-59 warning Action item "Harden the cache client" is Done but its Beads issue bd://pay-a3f8e9 is blocked: expected Open. [Set Status to Open (as Beads says)]',
      '170:57-64 warning Beads issue pay-999 does not exist (.beads/issues.jsonl).',
      '176:81-85 warning Action item "Review release notes in the upgrade che…" is Open but its Beads issue bd://pay-320 was closed on 2024-03-20 ("Done"): expected Done. [Set Status to Done (as Beads says)]',
    ]);
  });

  it('a suggestion changes only the Status cell, and the drift is gone after it', () => {
    const beads = repository('jsonl-era').data;
    const first = beadsFindings(drift, beads)[0];
    const fix = first?.suggestions?.[0];
    assert.ok(fix);
    const edit = fix.edits[0];
    assert.ok(edit);
    assert.equal(drift.slice(edit.range.start.offset, edit.range.end.offset), 'Done');
    const fixed = drift.slice(0, edit.range.start.offset) + edit.text + drift.slice(edit.range.end.offset);
    assert.equal(beadsFindings(fixed, beads).some((f) => f.message === first.message), false);
  });

  it('a Dolt export: no unknown-reference findings; one note when it is missing, with the refresh command', () => {
    const findings = beadsFindings(drift, repository('dolt-no-export').data);
    assert.deepEqual(
      findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`),
      ["10:18 info Beads references are not checked: the issues are kept in Beads' database and .beads/issues.jsonl (its export) is missing; run `bd export -o .beads/issues.jsonl` (or put bd on PATH) to check them."],
    );
  });

  it('an old export gets one note with its age; a recent one none', () => {
    const root = mkdtempSync(join(tmpdir(), 'pmk-beads-'));
    try {
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, '.beads'));
      writeFileSync(join(root, '.beads', 'metadata.json'), '{"backend":"dolt"}');
      writeFileSync(join(root, '.beads', 'issues.jsonl'), '{"_type":"issue","id":"pay-312","title":"t","status":"open"}\n');
      const old = new Date(NOW.getTime() - 12 * 24 * 3_600_000);
      utimesSync(join(root, '.beads', 'issues.jsonl'), old, old);
      const stale = readBeadsRepository(locateBeads(root) as NonNullable<ReturnType<typeof locateBeads>>, NOW).data;
      const notes = beadsFindings(drift, stale).filter((f) => f.severity === 'info');
      assert.deepEqual(notes.map((f) => f.message), ["Beads references are not checked: the issues are kept in Dolt and the export .beads/issues.jsonl is 12 days old; run `bd export -o .beads/issues.jsonl` (or put bd on PATH) to check them."]);
      // The drift against the export is still reported, saying which export it read.
      assert.ok(beadsFindings(drift, stale).some((f) => f.message.includes('bd://pay-312 is open (export of ')));
      const recent = { ...stale, exportedAt: new Date(NOW.getTime() - 3_600_000).toISOString() };
      assert.equal(beadsFindings(drift, recent).filter((f) => f.severity === 'info').length, 0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the Summary field and list action items are read too; bare ids only with a known prefix', () => {
    const text = drift
      .replace('**Beads Issue:** bd://pay-311', '**Beads Issue:** bd://pay-404')
      .replace('## Prevention', '## Follow-ups\n\n- Review retry budgets (@sam, bd://pay-405)\n- Audit the pool size (@lee, pay-406)\n\n## Prevention');
    const beads = repository('jsonl-era').data;
    const unknown = beadsFindings(text, beads).filter((f) => f.message.includes('does not exist')).map((f) => f.message);
    assert.deepEqual(unknown, [
      'Beads issue bd://pay-404 does not exist (.beads/issues.jsonl).',
      'Beads issue pay-999 does not exist (.beads/issues.jsonl).',
      'Beads issue bd://pay-405 does not exist (.beads/issues.jsonl).',
      'Beads issue pay-406 does not exist (.beads/issues.jsonl).',
    ]);
    const noPrefix = beadsFindings(text, { ...beads, prefixes: [] }).filter((f) => f.message.includes('does not exist')).map((f) => f.message);
    assert.equal(noPrefix.some((m) => m.includes('pay-999') || m.includes('pay-406')), false);
  });

  it('travels to a worker thread with the lint options (the CLI path)', async () => {
    const { WorkerLinter } = await import('../../src/cli/lintInWorker');
    const linter = new WorkerLinter(30_000, 1);
    const answer = linter.call('lint', [drift, { beads: repository('jsonl-era').data }]);
    assert.equal(answer.kind, 'done');
    if (answer.kind === 'done') assert.equal(answer.result.findings.filter((f) => f.ruleId === 'beads').length, 10);
  });

  it('BeadsFinder: a document in a redirected worktree gets the main checkout\'s issues', () => {
    const finder = new BeadsFinder({ env: {}, useBd: false });
    const found = finder.forDocument(join(repos, 'worktree', 'docs', 'pm.md'), drift);
    assert.equal(found.data?.authoritative, true);
    assert.equal(found.data?.location, '../jsonl-era/.beads/issues.jsonl');
  });
});

describe('sign-off and Beads issues', () => {
  it('a Complete post-mortem whose action item has no Beads issue gets a sign-off finding', () => {
    const text = drift.replace('**Status:** In Review', '**Status:** Complete').replace('| Open | bd://pay-314 |', '| Open | |');
    const messages = lint(text).filter((f) => f.ruleId === 'sign-off').map((f) => f.message);
    assert.ok(messages.includes('Status is Complete: action item "Rotate the cache credentials" has no Beads issue.'), messages.join('\n'));
    const na = lint(text.replace('| Open | |', '| Open | N/A |')).filter((f) => f.ruleId === 'sign-off').map((f) => f.message);
    assert.equal(na.some((m) => m.includes('Rotate the cache credentials')), false);
  });
});

describe('what a document is given', () => {
  it('only the issues its text names (the data is copied to a lint worker per document)', () => {
    const finder = new BeadsFinder({ env: {}, useBd: false });
    const found = finder.forDocument(join(repos, 'jsonl-era', 'docs', 'pm.md'), 'See bd://pay-312, pay-315 and bd://pay-404.');
    assert.deepEqual(Object.keys(found.data?.issues ?? {}), ['pay-312']);
    assert.deepEqual(found.data?.deleted, ['pay-315']);
  });
});
