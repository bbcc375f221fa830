// The GitHub Action in a simulated runner: a git repository with a pull request's two commits, the event
// payload, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, and the inputs as INPUT_* variables. Checked:
// the annotations (workflow commands, only on changed lines), the job summary table, the outputs, the
// report file, and action.yml itself (node20, dist/cli.js, the inputs the code reads).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { isActionRun, runAction } from '../../src/cli/action';
import { lint } from '../../src/core/index';
import { json, missingDetection, only, workspace, write } from './cliWorkspace';

const root = join(__dirname, '..', '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> };
const config = only('missing-section', 'error');
const draft = missingDetection.replace('**Status:** Draft | In Review | Complete', '**Status:** Draft');

/** A repository whose pull request adds b.md and retitles a.md (its finding is on an unchanged line). */
function pullRequest() {
  const repo = workspace({ '.postmortemrc.json': json(config), 'docs/a.md': draft });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' }).trim();
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD');
  write(repo, 'docs/a.md', draft.replace(/^# .*$/m, '# Post-Mortem: Checkout latency'));
  write(repo, 'docs/b.md', draft);
  git('add', '.');
  git('commit', '-qm', 'head');
  const head = git('rev-parse', 'HEAD');
  const event = write(repo, '.github-event.json', JSON.stringify({ pull_request: { base: { sha: base }, head: { sha: head } } }));
  const summary = write(repo, '.summary.md', '');
  const outputs = write(repo, '.outputs', '');
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_PATH: event,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
    INPUT_GLOBS: 'docs/**/*.md\n!docs/archive/**',
    INPUT_CONFIG: '',
    'INPUT_STATUS-GATE': 'false',
    INPUT_FIX: 'false',
    INPUT_FORMAT: 'compact',
    INPUT_OUTPUT: '',
  };
  return { repo, env, summary, outputs };
}

function runIn(cwd: string, env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = runAction(env, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('GitHub Action', () => {
  it('annotates the findings on the changed lines, prints the report, writes the summary table and the outputs', () => {
    const { repo, env, summary, outputs } = pullRequest();
    const r = runIn(repo, env);
    assert.equal(r.code, 1, r.stderr);
    const [finding] = lint(draft, { file: 'docs/b.md', config });
    assert.ok(finding);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.deepEqual(annotations, [
      `::error file=docs/b.md,line=${finding.line},endLine=${finding.endLine},col=${finding.column},endColumn=${finding.endColumn},title=postmortem missing-section::${finding.message}`,
    ]);
    // The report (compact) has both files' findings; only the annotation is limited to the changed lines.
    assert.match(r.stdout, /^docs\/a\.md:\d+:1 error missing-section /m);
    assert.match(r.stdout, /^docs\/b\.md:\d+:1 error missing-section /m);
    const table = readFileSync(summary, 'utf8');
    assert.match(table, /^### postmortem: 2 errors, 0 warnings, 0 info in 2 files\n\n\| Post-mortem \| Status \| Errors \| Warnings \| Info \|\n/);
    assert.match(table, /^\| `docs\/a\.md` \| Draft \| 1 \| 0 \| 0 \|$/m);
    assert.match(table, /^\| `docs\/b\.md` \| Draft \| 1 \| 0 \| 0 \|$/m);
    assert.equal(readFileSync(outputs, 'utf8'), 'errors=2\nwarnings=0\ninfo=0\nfiles=2\nstatus-gate-failures=0\n');
  });

  it('with status-gate Draft post-mortems do not fail the step; the table gets a gate column', () => {
    const { repo, env, summary } = pullRequest();
    const r = runIn(repo, { ...env, 'INPUT_STATUS-GATE': 'true' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(summary, 'utf8'), /^\| `docs\/a\.md` \| Draft \| 1 \| 0 \| 0 \| ✅ \|$/m);
  });

  it('writes the report to output (SARIF for code scanning) even when the step fails, annotating all findings without an event', () => {
    const { repo, env } = pullRequest();
    const r = runIn(repo, { ...env, INPUT_FORMAT: 'sarif', INPUT_OUTPUT: 'postmortems.sarif', GITHUB_EVENT_PATH: join(repo, 'missing.json') });
    assert.equal(r.code, 1);
    const sarif = JSON.parse(readFileSync(join(repo, 'postmortems.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].results.length, 2);
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('::error ')).length, 2);
  });

  it('rejects bad inputs with an error annotation and exit 2', () => {
    const { repo, env } = pullRequest();
    const r = runIn(repo, { ...env, INPUT_FORMAT: 'xml', INPUT_FIX: 'yes', INPUT_GLOBS: ' ' });
    assert.equal(r.code, 2);
    assert.deepEqual(r.stdout.split('\n').filter(Boolean).map((l) => l.replace(/::.*$/, '').replace(/^::error title=postmortem/, '')), ['', '', '']);
    assert.match(r.stdout, /input format: "xml"/);
    assert.match(r.stdout, /input fix: "yes"/);
    assert.match(r.stdout, /input globs/);
  });

  it('with fix, fixes the files in the workspace and reports what remains', () => {
    const { repo, env } = pullRequest();
    const r = runIn(repo, { ...env, INPUT_FIX: 'true' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(readFileSync(join(repo, 'docs/b.md'), 'utf8'), /^## Detection$/m);
  });

  it('action.yml runs the bundled CLI with node20, declares the inputs the code reads and the outputs it sets', () => {
    assert.equal(action.runs.using, 'node20');
    assert.equal(action.runs.main, 'dist/cli.js');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fix', 'format', 'globs', 'output', 'status-gate']);
    assert.deepEqual(Object.keys(action.outputs).sort(), ['errors', 'files', 'info', 'status-gate-failures', 'warnings']);
    assert.equal(action.inputs['status-gate']?.default, 'false');
    assert.equal(isActionRun([], { GITHUB_ACTIONS: 'true', 'INPUT_STATUS-GATE': 'false' }), true);
    assert.equal(isActionRun(['lint', '.'], { GITHUB_ACTIONS: 'true', 'INPUT_STATUS-GATE': 'false' }), false, 'the CLI run inside a workflow stays the CLI');
  });

  it('the built dist/cli.js, started as the runner starts it (node, no arguments, INPUT_* set), runs the action', { skip: !existsSync(join(root, 'dist/cli.js')) && 'dist/cli.js is not built (npm run build)' }, () => {
    const { repo, env, summary } = pullRequest();
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [`INPUT_${name.toUpperCase()}`, spec.default ?? '']));
    const result = spawnSync(process.execPath, [join(root, action.runs.main)], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, ...inputs, ...env, INPUT_FORMAT: 'stylish', INPUT_GLOBS: 'docs' } });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^::error file=docs\/b\.md,/m);
    assert.doesNotMatch(result.stdout, /^::error file=docs\/a\.md,/m);
    assert.ok(result.stdout.includes('\u001b[4mdocs/a.md'), 'the log gets colours');
    assert.match(readFileSync(summary, 'utf8'), /in 2 files/);
    writeFileSync(summary, '');
  });
});
