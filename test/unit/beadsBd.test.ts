// The `bd` path, tested with a FAKE bd (test/fixtures/beads/fake-bd/bd, a Node script put on PATH
// here): the real binary cannot be installed on these machines. The fake replays bd v1.0's documented
// output shapes: `bd show <id...> --json` prints an array (exit 1 and {"error": ...} when an id is not
// found), `bd create ... --json` prints the created issue. It logs every call's arguments and cwd.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BeadsFinder, createArguments, createIssue, findBd, readShowAnswer, showIssue, showIssuesSync } from '../../src/beads/index';
import { lint } from '../../src/core/index';
import { fixtureText } from '../fixtureFiles';
import { cli } from './cliWorkspace';

const fixtures = join(__dirname, '..', 'fixtures', 'beads');
const fakeBinDir = join(fixtures, 'fake-bd');
const drift = fixtureText(join(fixtures, 'drift.md'));

const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A Dolt repository with no export (as test/fixtures/beads/repos/dolt-no-export) whose fake bd knows `issues`. */
function doltRepository(issues: object[]): string {
  const root = mkdtempSync(join(tmpdir(), 'pmk-fake-bd-'));
  temps.push(root);
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, '.beads', 'dolt'), { recursive: true });
  mkdirSync(join(root, 'docs'));
  copyFileSync(join(fixtures, 'repos', 'dolt-no-export', '.beads', 'metadata.json'), join(root, '.beads', 'metadata.json'));
  writeFileSync(join(root, '.beads', 'config.yaml'), 'issue-prefix: pay\n');
  writeFileSync(join(root, '.beads', 'fake-bd.json'), JSON.stringify(issues));
  writeFileSync(join(root, 'docs', 'pm.md'), drift);
  return root;
}

const calls = (root: string) =>
  readFileSync(join(root, '.beads', 'fake-bd.log'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { args: string[] }).args);

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, PATH: `${fakeBinDir}${delimiter}${process.env['PATH'] ?? ''}`, ...extra });

const known = [
  { id: 'pay-312', title: 'Switch the client to ACL auth', status: 'closed', priority: 1, issue_type: 'task', closed_at: '2024-03-20T16:30:00Z', close_reason: 'Fixed' },
  { id: 'pay-313', title: 'Add a probe that reads a key', status: 'open', priority: 2, issue_type: 'task', assignee: 'sam' },
  { id: 'pay-311', title: 'The incident', status: 'closed', priority: 0, issue_type: 'bug' },
];

describe('bd on PATH (a fake bd)', () => {
  it('is found on PATH, and not without it', () => {
    assert.equal(findBd(env()), join(fakeBinDir, 'bd'));
    assert.equal(findBd({ PATH: tmpdir() }), undefined);
  });

  it('show: an array when every id exists; exit 1 with {"error"} when one does not', async () => {
    const root = doltRepository(known);
    assert.deepEqual(showIssuesSync(join(fakeBinDir, 'bd'), ['pay-312', 'pay-313'], root, env()), {
      issues: [
        { id: 'pay-312', title: 'Switch the client to ACL auth', status: 'closed', priority: 1, issueType: 'task', closedAt: '2024-03-20T16:30:00Z', closeReason: 'Fixed' },
        { id: 'pay-313', title: 'Add a probe that reads a key', status: 'open', priority: 2, issueType: 'task', assignee: 'sam' },
      ],
    });
    const answer = await showIssue(join(fakeBinDir, 'bd'), 'pay-999', root, env());
    assert.deepEqual(answer, { kind: 'not-found', error: 'no issue found matching "pay-999"' });
    // One id not found fails the whole call: each id is then asked alone.
    const some = showIssuesSync(join(fakeBinDir, 'bd'), ['pay-312', 'pay-999'], root, env());
    assert.deepEqual('issues' in some ? some.issues.map((i) => i.id) : some, ['pay-312']);
    assert.deepEqual(calls(root).slice(-3), [
      ['show', 'pay-312', 'pay-999', '--json'],
      ['show', 'pay-312', '--json'],
      ['show', 'pay-999', '--json'],
    ]);
  });

  it('a broken bd is an error, not "not found"', () => {
    assert.deepEqual(readShowAnswer(2, '', 'Error: failed to open database\n'), { kind: 'failed', error: 'Error: failed to open database' });
    assert.deepEqual(readShowAnswer(0, 'not json', ''), { kind: 'failed', error: 'bd show printed no JSON' });
  });

  it('a Dolt repository with bd: its answers are authoritative for the referenced ids', () => {
    const root = doltRepository(known);
    const finder = new BeadsFinder({ env: env() });
    const found = finder.forDocument(join(root, 'docs', 'pm.md'), drift);
    assert.equal(found.data?.source, 'bd');
    assert.equal(found.data?.authoritative, true);
    assert.deepEqual(Object.keys(found.data?.issues ?? {}).sort(), ['pay-311', 'pay-312', 'pay-313']);
    // bd ran in the repository.
    const log = readFileSync(join(root, '.beads', 'fake-bd.log'), 'utf8');
    assert.ok(log.split('\n').filter(Boolean).every((l) => (JSON.parse(l) as { cwd: string }).cwd === root));
    const findings = lint(drift, found.data ? { beads: found.data } : {}).filter((f) => f.ruleId === 'beads');
    assert.ok(findings.some((f) => f.message === 'Beads issue bd://pay-314 does not exist (bd show).'));
    assert.ok(findings.some((f) => f.message.startsWith('Action item "Add a probe that reads a key" is Done but its Beads issue bd://pay-313 is open')));
    assert.equal(findings.some((f) => f.severity === 'info'), false);
  });

  it('a failing bd: one note, and the export (here: none) is used', () => {
    const root = doltRepository(known);
    const finder = new BeadsFinder({ env: env({ FAKE_BD_FAIL: '1' }) });
    const found = finder.forDocument(join(root, 'docs', 'pm.md'), drift);
    assert.equal(found.data?.source, 'export');
    assert.deepEqual(found.notes, ['Beads: bd show failed (Error: failed to open database: dolt server not running); using .beads/issues.jsonl']);
  });

  it('postmortem lint asks bd for the references of each file', () => {
    const root = doltRepository(known);
    const saved = process.env['PATH'];
    process.env['PATH'] = env()['PATH'];
    try {
      const result = cli(root, 'lint', '--format', 'json', 'docs/pm.md');
      const findings = (JSON.parse(result.stdout) as { ruleId: string; message: string }[]).filter((f) => f.ruleId === 'beads');
      assert.ok(findings.some((f) => f.message === 'Beads issue pay-999 does not exist (bd show).'), result.stderr);
    } finally {
      process.env['PATH'] = saved;
    }
  });

  it('create: the action as title, Owner as assignee, Due Date, label postmortem, the Incident ID as external ref', async () => {
    const root = doltRepository(known);
    const issue = { title: 'Add a probe that reads a key', assignee: 'Sam Okafor', due: '2024-03-21', labels: ['postmortem'], externalRef: 'INC-2041' };
    assert.deepEqual(createArguments(issue), ['create', 'Add a probe that reads a key', '--json', '-t', 'task', '-p', '2', '-a', 'Sam Okafor', '--due', '2024-03-21', '-l', 'postmortem', '--external-ref', 'INC-2041']);
    const created = await createIssue(join(fakeBinDir, 'bd'), issue, root, env());
    assert.ok('issue' in created, JSON.stringify(created));
    assert.equal(created.issue.id, 'pay-fk4');
    assert.equal(created.issue.externalRef, 'INC-2041');
    assert.deepEqual(calls(root).at(-1), createArguments(issue));
    const failed = await createIssue(join(fakeBinDir, 'bd'), issue, root, env({ FAKE_BD_FAIL: '1' }));
    assert.deepEqual(failed, { error: 'Error: failed to open database: dolt server not running' });
  });
});
