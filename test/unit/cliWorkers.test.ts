// Many files are linted in several worker threads (--concurrency): the same report, in the same order,
// as with one; a file out of time in one worker does not hold up the others.
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { parseConcurrency } from '../../src/cli/args';
import { WorkerLinter } from '../../src/cli/lintInWorker';
import { builtinTemplateText } from '../../src/core/index';
import { cli, json, missingDetection, only, workspace } from './cliWorkspace';

const slow = `# Post-Mortem: Slow\n\n## Summary\n\n**Status:** Draft\n\n${'*a'.repeat(50_000)}\n`;

describe('postmortem lint --concurrency', () => {
  it('a worker per 4 files, at most --concurrency; auto is os.availableParallelism()', () => {
    assert.equal(parseConcurrency(undefined), availableParallelism());
    assert.equal(parseConcurrency('auto'), availableParallelism());
    assert.equal(parseConcurrency('0'), undefined);
    assert.deepEqual([1, 4, 5, 12, 100].map((n) => new WorkerLinter(1000, 3).workersFor(n)), [1, 1, 2, 3, 3]);
  });

  it('12 files over 3 workers: the report of one worker, byte for byte, in the order of the arguments', () => {
    const files: Record<string, string> = { '.postmortemrc.json': json(only('missing-section')) };
    for (let i = 0; i < 12; i++) files[`pm-${String(i).padStart(2, '0')}.md`] = i % 3 === 0 ? builtinTemplateText : missingDetection.replace('# Post-Mortem: [Incident Title]', `# Post-Mortem: Incident ${i}`);
    const root = workspace(files);
    const one = cli(root, 'lint', '-f', 'json', '--concurrency', '1', '.');
    const three = cli(root, 'lint', '-f', 'json', '--concurrency', '3', '.');
    assert.equal(one.code, 0, one.stderr);
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.stderr, one.stderr);
    const order = [...new Set((JSON.parse(three.stdout) as { file: string }[]).map((f) => f.file))];
    assert.deepEqual(order, [...order].sort());
    assert.equal(order.length, 8);
  });

  it('a file out of time gets its lint-timeout error; the files after it are linted by the other workers', () => {
    const files: Record<string, string> = { '.postmortemrc.json': json(only('missing-section')), 'a-slow.md': slow };
    for (let i = 0; i < 7; i++) files[`b-${i}.md`] = missingDetection;
    const root = workspace(files);
    const started = performance.now();
    const r = cli(root, 'lint', '-f', 'compact', '--concurrency', '2', '--timeout', '2', '.');
    assert.ok(performance.now() - started < 60_000);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.match(lines[0] ?? '', /^a-slow\.md:1:1 error lint-timeout /);
    assert.deepEqual(lines.slice(1).map((l) => l.split(':')[0]), Array.from({ length: 7 }, (_, i) => `b-${i}.md`));
    assert.equal(r.code, 1);
  });
});
