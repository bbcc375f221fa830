// Which files `postmortem lint` reads: patterns expanded together with `!` negation, .gitignore and
// .postmortemignore, --no-gitignore, and standard input (`-`, --stdin-filename, --fix to stdout).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinTemplateText, lint } from '../../src/core/index';
import { cli, cliWith, json, missingDetection, only, workspace } from './cliWorkspace';

const config = json(only('missing-section'));
/** The files a run reported, from its JSON output. */
const filesOf = (stdout: string) => [...new Set((JSON.parse(stdout) as { file: string }[]).map((f) => f.file))];

describe('postmortem lint: patterns expanded together', () => {
  it('"!glob" removes what it matches from every other argument (the issue\'s example exits 0, not 2)', () => {
    const root = workspace({ '.postmortemrc.json': config, 'docs/a.md': missingDetection, 'docs/archive/old.md': missingDetection, 'docs/team/b.md': missingDetection });
    const r = cli(root, 'lint', '-f', 'json', 'docs/**/*.md', '!docs/archive/**');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(filesOf(r.stdout), ['docs/a.md', 'docs/team/b.md']);
    // A negation applies to folders and named files too, wherever it stands among the arguments.
    const folder = cli(root, 'lint', '-f', 'json', '!docs/team/*.md', 'docs', 'docs/team/b.md');
    assert.deepEqual(filesOf(folder.stdout), ['docs/a.md', 'docs/archive/old.md']);
    assert.match(folder.stderr, /docs\/team\/b\.md: skipped, matched by a "!" pattern/);
  });

  it('a pattern that matches nothing is still an error; one whose files are all negated is not', () => {
    const root = workspace({ '.postmortemrc.json': config, 'docs/a.md': missingDetection });
    assert.equal(cli(root, 'lint', 'docs/**/*.txt', '!docs/a.md').code, 2);
    const r = cli(root, 'lint', 'docs/**/*.md', '!docs/**');
    assert.equal(r.code, 0);
    assert.match(r.stderr, /no file linted: every file matched is ignored or skipped/);
  });
});

describe('postmortem lint: .gitignore and .postmortemignore', () => {
  const repository = () => {
    const root = workspace({
      '.postmortemrc.json': config,
      '.gitignore': 'build/\n*.generated.md\n',
      'docs/a.md': missingDetection,
      'docs/x.generated.md': missingDetection,
      'build/report.md': missingDetection,
      'docs/keep/.gitignore': '!*.generated.md\n',
      'docs/keep/y.generated.md': missingDetection,
    });
    mkdirSync(join(root, '.git'));
    return root;
  };

  it('honours .gitignore files up to the repository root, a deeper "!" re-including', () => {
    const root = repository();
    const r = cli(root, 'lint', '-f', 'json', '.');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(filesOf(r.stdout), ['docs/a.md', 'docs/keep/y.generated.md']);
    // Run from a sub-folder, the root's .gitignore still applies.
    assert.deepEqual(filesOf(cli(join(root, 'docs'), 'lint', '-f', 'json', '.').stdout), ['a.md', 'keep/y.generated.md']);
  });

  it('a named file that is ignored gets a note; --no-gitignore lints everything', () => {
    const root = repository();
    const named = cli(root, 'lint', '-f', 'json', 'docs/a.md', 'build/report.md');
    assert.deepEqual(filesOf(named.stdout), ['docs/a.md']);
    assert.match(named.stderr, /build\/report\.md: skipped, ignored by \.gitignore/);
    const all = cli(root, 'lint', '-f', 'json', '--no-gitignore', '.');
    assert.deepEqual(filesOf(all.stdout), ['build/report.md', 'docs/a.md', 'docs/keep/y.generated.md', 'docs/x.generated.md']);
  });

  it('.postmortemignore applies with or without --no-gitignore', () => {
    const root = repository();
    const ignoreFile = join(root, 'docs', '.postmortemignore');
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(ignoreFile, 'a.md\n');
    assert.deepEqual(filesOf(cli(root, 'lint', '-f', 'json', '.').stdout), ['docs/keep/y.generated.md']);
    assert.deepEqual(filesOf(cli(root, 'lint', '-f', 'json', '--no-gitignore', '.').stdout), ['build/report.md', 'docs/keep/y.generated.md', 'docs/x.generated.md']);
  });
});

describe('postmortem lint: standard input', () => {
  const stdin = (text: string) => ({ readStdin: () => new TextEncoder().encode(text) });

  it('"-" lints standard input, named by --stdin-filename, with the config found from that name', () => {
    const root = workspace({ 'team/.postmortemrc.json': json(only('missing-section', 'error')) });
    const r = cliWith(stdin(missingDetection), root, 'lint', '-f', 'json', '--stdin-filename', 'team/new.md', '-');
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), lint(missingDetection, { file: 'team/new.md', config: only('missing-section', 'error') }));
    const unnamed = cliWith(stdin(builtinTemplateText), root, 'lint', '-f', 'compact', '-');
    assert.match(unnamed.stdout, /^<stdin>:\d+:\d+ /);
  });

  it('--fix with standard input prints the fixed text on stdout and the findings on stderr, writing no file', () => {
    const root = workspace({ '.postmortemrc.json': config });
    const r = cliWith(stdin(missingDetection), root, 'lint', '--fix', '-f', 'compact', '--stdin-filename', 'pm.md', '-');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## Detection$/m);
    assert.deepEqual(lint(r.stdout, { config: only('missing-section') }), []);
    assert.doesNotMatch(r.stderr, /missing-section/);
    assert.deepEqual(readFileSync(join(root, '.postmortemrc.json'), 'utf8'), config);
  });

  it('--stdin-filename without "-" is a usage error', () => {
    const root = workspace({ 'a.md': missingDetection });
    const r = cliWith(stdin(''), root, 'lint', '--stdin-filename', 'x.md', 'a.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--stdin-filename names standard input/);
  });
});
