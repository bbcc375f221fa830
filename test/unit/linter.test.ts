// The extension's worker pool (src/vscode/linter.ts) outside VS Code: it needs only worker_threads.
// The worker is bundled here as esbuild.mjs bundles dist/lintWorker.js.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { builtinTemplateText, lint } from '../../src/core/index';
import { LINT_TIME_BUDGET_MS, Linter, SMALL_DOCUMENT_LENGTH, timeBudgetMs } from '../../src/vscode/linter';

const repoRoot = join(__dirname, '..', '..');
const folder = mkdtempSync(join(tmpdir(), 'postmortem-linter-'));
const script = join(folder, 'lintWorker.js');

before(async () => {
  await esbuild.build({ entryPoints: [join(repoRoot, 'src/vscode/lintWorker.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
});
after(() => rmSync(folder, { recursive: true, force: true }));

// remark needs minutes for this: every `*` is a delimiter re-read against the ones before it.
const slow = `# Post-Mortem: Slow\n\n## Summary\n\n**Status:** Complete\n\n${'*a'.repeat(50_000)}\n`;

async function withLinter(budgetMs: number, use: (linter: Linter) => Promise<void>): Promise<void> {
  const linter = new Linter(script, budgetMs);
  try {
    await use(linter);
  } finally {
    linter.dispose();
  }
}

describe('Linter: a time budget per request', () => {
  it('10 s, and 5 s per megabyte beyond 2 MB (a 4 MB post-mortem, the size limit, needs about 8 s)', () => {
    assert.equal(LINT_TIME_BUDGET_MS, 10_000);
    assert.equal(timeBudgetMs(100 * 1024), 10_000);
    assert.equal(timeBudgetMs(2 * 1024 * 1024), 10_000);
    assert.equal(timeBudgetMs(4 * 1024 * 1024), 20_000);
    assert.equal(timeBudgetMs(100 * 1024, 3000), 3000);
  });

  it('a lint past the budget gives one lint-timeout finding, promptly; the next lint gets a fresh worker', () =>
    withLinter(5000, async (linter) => {
      const started = performance.now();
      const timedOut = await linter.lint(slow, { file: 'slow.md' });
      const seconds = (performance.now() - started) / 1000;
      assert.ok(seconds < 20, `took ${seconds.toFixed(1)} s`);
      assert.deepEqual(
        timedOut.result.findings.map((f) => [f.file, f.ruleId, f.severity, f.line, f.message]),
        [['slow.md', 'lint-timeout', 'error', 1, 'Post-mortem not linted: it took longer than 5 s to parse. Large nested lists or long runs of brackets or emphasis make Markdown slow to parse; split the document.']],
      );
      assert.equal(timedOut.result.status?.value, 'Complete', 'the Status is read from the first lines');
      assert.equal(timedOut.result.completion.findings.error, 1);

      // Same lane (both large): queued behind nothing now, linted in a new worker.
      const large = builtinTemplateText + '\n' + 'Plain notes about the incident.\n'.repeat(Math.ceil(SMALL_DOCUMENT_LENGTH / 30));
      assert.ok(large.length > SMALL_DOCUMENT_LENGTH);
      const linted = await linter.lint(large, { file: 'large.md' });
      assert.equal(linted.where, 'worker');
      assert.deepEqual(linted.result.findings, lint(large, { file: 'large.md' }));
    }));

  it('a request queued behind one that times out gets its own budget', () =>
    withLinter(5000, async (linter) => {
      const large = builtinTemplateText + '\n' + 'Plain notes.\n'.repeat(Math.ceil(SMALL_DOCUMENT_LENGTH / 13));
      const [first, second] = await Promise.all([linter.lint(slow, { file: 'slow.md' }), linter.lint(large, { file: 'large.md' })]);
      assert.deepEqual(first.result.findings.map((f) => f.ruleId), ['lint-timeout']);
      assert.deepEqual(second.result.findings, lint(large, { file: 'large.md' }));
    }));

  it('fix-all past the budget leaves the text as it is, with the lint-timeout finding', () =>
    withLinter(3000, async (linter) => {
      const { result } = await linter.fixAll(slow, { file: 'slow.md' });
      assert.equal(result.text, slow);
      assert.deepEqual(result.findings.map((f) => f.ruleId), ['lint-timeout']);
    }));
});
