// The `postmortem` command, through run() on temporary folders (and once through the built dist/cli.js).
// Tests build their own situations (a missing section, a config that turns every other rule off), so
// they hold whatever rules exist.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import packageJson from '../../package.json';
import { builtinTemplateText, DEFAULT_MAX_DOCUMENT_SIZE, lint, rules } from '../../src/core/index';
import type { Finding } from '../../src/core/types';
import { cli, json, missingDetection, only, withoutSection, workspace, type CliResult } from './cliWorkspace';

const repoRoot = join(__dirname, '..', '..');

describe('postmortem: usage', () => {
  it('--help prints usage and exit codes on stdout, exit 0', () => {
    const r = cli(tmpdir(), '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: postmortem lint/);
    assert.match(r.stdout, /Exit codes:/);
    assert.equal(r.stderr, '');
  });

  it('--version prints the version of package.json', () => {
    const r = cli(tmpdir(), '--version');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${packageJson.version}\n`);
  });

  it('-h and -v are --help and --version; --help wins over a command and its arguments', () => {
    assert.deepEqual(cli(tmpdir(), '-h'), cli(tmpdir(), '--help'));
    assert.deepEqual(cli(tmpdir(), '-v'), cli(tmpdir(), '--version'));
    assert.deepEqual(cli(tmpdir(), 'lint', '--format', 'xml', '--help', 'nope.md'), cli(tmpdir(), '--help'));
  });

  it('a usage error: the problem and a pointer to --help on stderr, nothing on stdout', () => {
    assert.deepEqual(cli(tmpdir(), 'lint'), {
      code: 2,
      stdout: '',
      stderr: 'postmortem: no files given: name files, folders or globs to lint\nRun "postmortem --help" for usage.\n',
    });
  });

  for (const [name, argv, expected] of [
    ['no command', [], /missing command/],
    ['an unknown command', ['check', 'a.md'], /unknown command "check"/],
    ['lint without files', ['lint'], /no files given/],
    ['an unknown option', ['lint', '--colour', 'a.md'], /Unknown option '--colour'/],
    ['an unknown format', ['lint', '--format', 'xml', 'a.md'], /unknown format "xml": expected one of stylish, compact, json, sarif, github, junit, codequality, text/],
    ['an option of "new" with lint', ['lint', '--severity', 'SEV1', 'a.md'], /^postmortem: --title, --severity, --date, --id, --dir and --name go with "new"\n/],
    ['an option of "new" with metrics', ['metrics', '--dir', 'docs', 'a.md'], /^postmortem: --title, --severity, --date, --id, --dir and --name go with "new"\n/],
    ['an option of "lint" with metrics', ['metrics', '--status-gate', 'a.md'], /^postmortem: --fix, --status-gate, --timeout, --concurrency, --no-gitignore and --stdin-filename go with "lint"\n/],
    ['metrics without files', ['metrics'], /^postmortem: no files given: name files, folders or globs to measure\n/],
    ['a format metrics does not have', ['metrics', '-f', 'sarif', 'a.md'], /^postmortem: unknown format "sarif" for metrics: expected text or json\n/],
    ['an option without its value', ['lint', 'a.md', '--config'], /^postmortem: Option '-c, --config <value>' argument missing\n/],
  ] as const) {
    it(`${name}: exit 2 with a message on stderr`, () => {
      const r = cli(tmpdir(), ...argv);
      assert.equal(r.code, 2);
      assert.match(r.stderr, expected);
      assert.equal(r.stdout, '');
    });
  }
});

describe('postmortem lint: files, folders, globs', () => {
  it('a file that does not exist: exit 2 naming it', () => {
    const root = workspace({ 'a.md': builtinTemplateText });
    const r = cli(root, 'lint', 'a.md', 'missing/nope.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\/nope\.md: no such file or folder/);
    assert.equal(r.stdout, '', 'nothing is linted when an argument is wrong');
  });

  it('a glob or a folder that matches nothing: exit 2', () => {
    const root = workspace({ 'docs/readme.txt': 'not markdown' });
    const glob = cli(root, 'lint', 'incidents/**/*.md');
    assert.equal(glob.code, 2);
    assert.match(glob.stderr, /incidents\/\*\*\/\*\.md: no file matches this glob/);
    const folder = cli(root, 'lint', 'docs');
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /docs: folder contains no \.md file/);
  });

  it('a folder expands to **/*.md, skipping node_modules and hidden folders; a glob is relative to cwd', () => {
    const root = workspace({
      '.postmortemrc.json': json(only('missing-section')),
      'pm/2026/a.md': missingDetection,
      'pm/b.md': missingDetection,
      'pm/notes.txt': missingDetection,
      'pm/node_modules/dep/README.md': missingDetection,
      'pm/.git/info.md': missingDetection,
      'pm/.vscode-test/extensions/readme.md': missingDetection,
      'other/c.md': missingDetection,
    });
    const files = (r: CliResult) => [...new Set((JSON.parse(r.stdout) as Finding[]).map((f) => f.file))];
    const folder = cli(root, 'lint', '--format', 'json', 'pm');
    assert.equal(folder.code, 0);
    assert.deepEqual(files(folder), ['pm/2026/a.md', 'pm/b.md']);
    const glob = cli(join(root, 'pm'), 'lint', '--format', 'json', '*.md', '../other/*.md', '.vscode-test/**/*.md');
    assert.deepEqual(files(glob), ['b.md', '../other/c.md', '.vscode-test/extensions/readme.md']);
  });

  it('a file named twice (directly and through a glob) is linted once', () => {
    const root = workspace({ '.postmortemrc.json': json(only('missing-section')), 'a.md': missingDetection });
    const r = cli(root, 'lint', '--format', 'json', 'a.md', '*.md', '.');
    assert.equal((JSON.parse(r.stdout) as Finding[]).length, 1);
    assert.match(r.stderr, /in 1 file\n$/);
  });
});

describe('postmortem lint: output formats', () => {
  const config = only('missing-section');

  it('compact: file:line:col severity ruleId message on stdout (path relative, forward slashes), summary on stderr', () => {
    const root = workspace({ '.postmortemrc.json': json(config), 'team/pm.md': missingDetection });
    const r = cli(root, 'lint', '--format', 'compact', 'team');
    assert.deepEqual(cli(root, 'lint', '--format', 'text', 'team'), r, 'text is the former name of compact');
    const expected = lint(missingDetection, { file: 'team/pm.md', config });
    assert.equal(expected.length, 1);
    const f = expected[0] as Finding;
    assert.equal(r.stdout, `team/pm.md:${f.line}:${f.column} warning missing-section ${f.message}\n`);
    assert.match(f.message, /Missing section "## Detection"/);
    assert.equal(r.stderr, '0 errors, 1 warning, 0 info in 1 file\n');
    assert.equal(r.code, 0);
  });

  it('json: the exact Finding objects of the core', () => {
    const root = workspace({ '.postmortemrc.json': json(config), 'a.md': missingDetection, 'b.md': builtinTemplateText });
    const r = cli(root, 'lint', '--format', 'json', 'a.md', 'b.md');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), [
      ...lint(missingDetection, { file: 'a.md', config }),
      ...lint(builtinTemplateText, { file: 'b.md', config }),
    ]);
  });

  it('--quiet: errors only, no summary', () => {
    const root = workspace({
      '.postmortemrc.json': json(only('missing-section', 'error')),
      'errors/a.md': missingDetection,
      'warnings/.postmortemrc.json': json(config),
      'warnings/b.md': missingDetection,
    });
    const r = cli(root, 'lint', '--format', 'compact', '--quiet', '.');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^errors\/a\.md:\d+:\d+ error missing-section /);
    assert.equal(r.stdout.split('\n').length, 2, 'one line: the warning of b.md is not shown');
    assert.equal(r.stderr, '');
  });

  describe('sarif', () => {
    const schemaPath = join(repoRoot, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // The schema's language pattern is not a valid Unicode-mode regex: compile patterns without the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    const assertValidSarif = (log: unknown) => {
      const ok = validate(log);
      assert.ok(ok, `SARIF 2.1.0 schema errors:\n${JSON.stringify(validate.errors, null, 2)}`);
    };

    it('the validator rejects a log that breaks the schema (so a pass means something)', () => {
      assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    });

    it('is valid SARIF 2.1.0 with rules, levels, regions, fixes and a %SRCROOT%-relative location', () => {
      const cfg = only('missing-section', 'info');
      const text = withoutSection('Timeline', missingDetection);
      const root = workspace({ '.postmortemrc.json': json(cfg), 'post mortems/checkout ü.md': text });
      const r = cli(root, 'lint', '--format', 'sarif', 'post mortems');
      assert.equal(r.code, 0);
      const log = JSON.parse(r.stdout) as Sarif.Log;
      assertValidSarif(log);

      const findings = lint(text, { file: 'post mortems/checkout ü.md', config: cfg });
      assert.equal(findings.length, 2);
      const sarifRun = log.runs[0] as Sarif.Run;
      const driver = sarifRun.tool.driver;
      assert.equal(driver.name, 'postmortem');
      assert.equal(driver.version, packageJson.version);
      assert.ok(driver.informationUri);
      const ids = (driver.rules ?? []).map((d) => d.id);
      for (const id of [...rules.map((x) => x.id), 'config', 'document-size', 'internal-error']) assert.ok(ids.includes(id), `driver rule ${id}`);
      for (const d of driver.rules ?? []) {
        assert.ok(d.shortDescription?.text && d.fullDescription?.text, `${d.id} has descriptions`);
        assert.match(d.helpUri ?? '', new RegExp(`#rule-${d.id}$`));
        assert.ok(['error', 'warning', 'note'].includes(d.defaultConfiguration?.level ?? ''));
      }
      assert.deepEqual(sarifRun.originalUriBaseIds?.['%SRCROOT%']?.uri, `file://${root}/`);

      const results = sarifRun.results ?? [];
      assert.equal(results.length, findings.length);
      results.forEach((res, i) => {
        const f = findings[i] as Finding;
        assert.equal(res.ruleId, 'missing-section');
        assert.equal(driver.rules?.[res.ruleIndex as number]?.id, 'missing-section');
        assert.equal(res.level, 'note', 'info -> note');
        assert.equal(res.message.text, f.message);
        const loc = res.locations?.[0]?.physicalLocation;
        assert.deepEqual(loc?.artifactLocation, { uri: 'post%20mortems/checkout%20%C3%BC.md', uriBaseId: '%SRCROOT%' });
        assert.deepEqual(loc?.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
        const edit = f.fix?.edits[0];
        assert.ok(edit, 'missing-section findings carry a fix');
        const replacement = res.fixes?.[0]?.artifactChanges[0]?.replacements[0];
        assert.equal(res.fixes?.[0]?.description?.text, f.fix?.title);
        assert.deepEqual(replacement, {
          deletedRegion: {
            startLine: edit.range.start.line,
            startColumn: edit.range.start.column,
            endLine: edit.range.end.line,
            endColumn: edit.range.end.column,
          },
          insertedContent: { text: edit.text },
        });
      });
    });

    it('maps error and warning levels, and stays valid SARIF when a config is broken (exit 2)', () => {
      const root = workspace({
        '.postmortemrc.json': json(only('missing-section', 'error')),
        'a/a.md': missingDetection,
        'b/.postmortemrc.json': json(only('missing-section', 'warning')),
        'b/b.md': missingDetection,
        'c/.postmortemrc.json': '{ "rules": ',
        'c/c.md': missingDetection,
      });
      const r = cli(root, 'lint', '--format', 'sarif', '.');
      assert.equal(r.code, 2);
      const log = JSON.parse(r.stdout) as Sarif.Log;
      assertValidSarif(log);
      const sarifRun = log.runs[0] as Sarif.Run;
      assert.deepEqual(
        (sarifRun.results ?? []).map((x) => [x.locations?.[0]?.physicalLocation?.artifactLocation?.uri, x.level]),
        [
          ['a/a.md', 'error'],
          ['b/b.md', 'warning'],
        ],
      );
      const invocation = sarifRun.invocations?.[0];
      assert.equal(invocation?.executionSuccessful, false);
      assert.match(invocation?.toolExecutionNotifications?.[0]?.message.text ?? '', /c\/\.postmortemrc\.json:\d+:\d+: not valid JSON/);
    });
  });
});

describe('postmortem lint: exit codes', () => {
  it('0 when the findings are warnings or info', () => {
    const root = workspace({ '.postmortemrc.json': json(only('missing-section', 'warning')), 'a.md': missingDetection });
    const r = cli(root, 'lint', 'a.md');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^a\.md\n +\d+:1 +warning +Missing section "## Detection".* +missing-section\n\n$/);
  });

  it('0 when there is no finding at all', () => {
    const root = workspace({ '.postmortemrc.json': json(only('missing-section', 'error')), 'a.md': builtinTemplateText });
    const r = cli(root, 'lint', 'a.md');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '0 errors, 0 warnings, 0 info in 1 file\n');
  });

  it('1 when a finding has error severity', () => {
    const root = workspace({ '.postmortemrc.json': json(only('missing-section', 'error')), 'a.md': missingDetection });
    const r = cli(root, 'lint', '-f', 'compact', 'a.md');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^a\.md:\d+:\d+ error missing-section Missing section "## Detection"/);
    assert.equal(r.stderr, '1 error, 0 warnings, 0 info in 1 file\n');
  });
});

describe('postmortem lint: configuration', () => {
  it('each file uses the nearest .postmortemrc.json above it; --config overrides discovery', () => {
    const root = workspace({
      '.postmortemrc.json': json(only('missing-section', 'error')),
      'incidents/2026/deep/a.md': missingDetection,
      'team/.postmortemrc.json': json(only('missing-section', 'info')),
      'team/deep/b.md': missingDetection,
      'custom.json': json(only('missing-section', 'warning')),
    });
    const severities = (r: CliResult) => (JSON.parse(r.stdout) as Finding[]).map((f) => `${f.file} ${f.severity}`);
    const discovered = cli(root, 'lint', '--format', 'json', '.');
    assert.equal(discovered.code, 1);
    assert.deepEqual(severities(discovered), ['incidents/2026/deep/a.md error', 'team/deep/b.md info']);
    const explicit = cli(join(root, 'team'), 'lint', '--format', 'json', '--config', '../custom.json', '..');
    assert.equal(explicit.code, 0);
    assert.deepEqual(severities(explicit), ['../incidents/2026/deep/a.md warning', 'deep/b.md warning']);
  });

  it('a config that is not JSON: exit 2 naming the file', () => {
    const root = workspace({ 'pm/.postmortemrc.json': '{ "rules": { "missing-section": "off", } }', 'pm/a.md': missingDetection });
    const r = cli(root, 'lint', 'pm');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^postmortem: pm\/\.postmortemrc\.json:1:40: not valid JSON: property name expected$/m);
    assert.equal(r.stdout, '', 'the file under the broken config is not linted');
  });

  it('a config that breaks the schema: exit 2 naming the file and the problem', () => {
    const root = workspace({
      'a/.postmortemrc.json': '["missing-section"]',
      'a/a.md': missingDetection,
      'b/.postmortemrc.json': json({ rules: { 'missing-section': 'loud' } }),
      'b/b.md': missingDetection,
    });
    const r = cli(root, 'lint', 'a', 'b');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^postmortem: a\/\.postmortemrc\.json: invalid configuration: .+/m);
    assert.match(r.stderr, /^postmortem: b\/\.postmortemrc\.json: invalid configuration: .*rules\.missing-section\b.+/m);
    assert.equal(r.stdout, '');
  });

  it('--config naming a missing file: exit 2', () => {
    const root = workspace({ 'a.md': missingDetection });
    const r = cli(root, 'lint', '--config', 'nope.json', 'a.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.json: cannot read the config file \(ENOENT\)/);
  });

  it('ignore: globs relative to the config file skip files (named files get a note)', () => {
    const root = workspace({
      '.postmortemrc.json': json(only('missing-section')),
      'pm/.postmortemrc.json': json(only('missing-section', 'warning', { ignore: ['drafts/**', 'old.md'] })),
      'pm/drafts/wip.md': missingDetection,
      'pm/old.md': missingDetection,
      'pm/drafts.md': missingDetection,
      'drafts/outside.md': missingDetection,
    });
    const r = cli(root, 'lint', '--format', 'json', 'pm/old.md', '.');
    assert.equal(r.code, 0);
    assert.deepEqual([...new Set((JSON.parse(r.stdout) as Finding[]).map((f) => f.file))], ['drafts/outside.md', 'pm/drafts.md']);
    assert.match(r.stderr, /old\.md: skipped, ignored by pm\/\.postmortemrc\.json/);
    assert.match(r.stderr, /in 2 files\n$/);
  });

  it('template: a team template (relative to the config file) drives the rules', () => {
    const template = '# Post-Mortem: [Title]\n\n## What Happened\n\nText.\n\n## Follow-ups\n\nText.\n';
    const root = workspace({
      'team/.postmortemrc.json': json(only('missing-section', 'warning', { template: '../templates/team.md' })),
      'templates/team.md': template,
      'team/a.md': '# Post-Mortem: Outage\n\n## What Happened\n\nThe database filled up.\n',
    });
    const r = cli(root, 'lint', '--format', 'json', 'team/a.md');
    assert.equal(r.code, 0);
    const messages = (JSON.parse(r.stdout) as Finding[]).map((f) => f.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0] as string, /Missing section "## Follow-ups"/);
  });

  it('template that cannot be read: exit 2 naming the config and the template', () => {
    const root = workspace({ '.postmortemrc.json': json({ template: 'templates/missing.md' }), 'a.md': missingDetection });
    const r = cli(root, 'lint', 'a.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.postmortemrc\.json: template "templates\/missing\.md" cannot be read \(templates\/missing\.md: ENOENT\)/);
  });
});

describe('postmortem lint --fix', () => {
  const config = only('missing-section');

  it('writes only the files that change (mode kept, no temp file left); the result relints without the fixed finding', () => {
    const root = workspace({ '.postmortemrc.json': json(config), 'pm/broken.md': missingDetection, 'pm/clean.md': builtinTemplateText });
    const broken = join(root, 'pm/broken.md');
    const clean = join(root, 'pm/clean.md');
    chmodSync(broken, 0o640);
    const cleanBefore = statSync(clean);
    const before = lint(missingDetection, { config });
    assert.ok(before.some((f) => f.fix), 'the situation has a fixable finding');

    const r = cli(root, 'lint', '--fix', 'pm');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '', 'nothing left to report');
    assert.equal(r.stderr, '0 errors, 0 warnings, 0 info in 2 files (1 file fixed)\n');

    const fixed = readFileSync(broken, 'utf8');
    assert.notEqual(fixed, missingDetection);
    assert.match(fixed, /^## Detection$/m);
    assert.deepEqual(lint(fixed, { config }), []);
    assert.equal(statSync(broken).mode & 0o777, 0o640);
    const cleanAfter = statSync(clean);
    assert.equal(cleanAfter.mtimeMs, cleanBefore.mtimeMs, 'the unchanged file is not rewritten');
    assert.equal(cleanAfter.ino, cleanBefore.ino);
    assert.deepEqual(readdirSync(join(root, 'pm')).sort(), ['broken.md', 'clean.md']);
  });

  it('fixes a symlinked file in its target, leaving the link in place', () => {
    const root = workspace({ '.postmortemrc.json': json(config), 'real/pm.md': missingDetection });
    symlinkSync('real/pm.md', join(root, 'link.md'));
    const r = cli(root, 'lint', '--fix', 'link.md');
    assert.equal(r.code, 0);
    assert.ok(lstatSync(join(root, 'link.md')).isSymbolicLink());
    assert.match(readFileSync(join(root, 'real/pm.md'), 'utf8'), /^## Detection$/m);
    assert.deepEqual(readdirSync(join(root, 'real')), ['pm.md']);
  });

  it('keeps CRLF line endings and the byte-order mark', () => {
    const crlf = '\uFEFF' + missingDetection.replace(/\n/g, '\r\n');
    const root = workspace({ '.postmortemrc.json': json(config), 'a.md': crlf });
    const r = cli(root, 'lint', '--fix', 'a.md');
    assert.equal(r.code, 0);
    const fixed = readFileSync(join(root, 'a.md'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFF# Post-Mortem'), 'BOM kept');
    assert.match(fixed, /\r\n## Detection\r\n/);
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF introduced');
  });

  it('reports the findings that remain, at their positions in the fixed file', () => {
    // An empty section cannot be fixed by a machine; the missing "## Impact" above it can, and shifts it down.
    const cfg = only('missing-section', 'warning');
    cfg.rules = { ...cfg.rules, 'empty-section': 'error' };
    const text = withoutSection('Impact').replace("[What should have alerted us but didn't?]\n\n", '');
    const root = workspace({ '.postmortemrc.json': json(cfg), 'a.md': text });
    const before = lint(text, { file: 'a.md', config: cfg });
    assert.deepEqual(before.map((f) => f.ruleId).sort(), ['empty-section', 'missing-section']);

    const r = cli(root, 'lint', '--fix', '--format', 'json', 'a.md');
    assert.equal(r.code, 1);
    const fixed = readFileSync(join(root, 'a.md'), 'utf8');
    const remaining = JSON.parse(r.stdout) as Finding[];
    assert.deepEqual(remaining, lint(fixed, { file: 'a.md', config: cfg }));
    assert.deepEqual(remaining.map((f) => f.ruleId), ['empty-section']);
    const headingLine = fixed.slice(0, fixed.indexOf('### Detection Gaps')).split('\n').length;
    assert.equal(remaining[0]?.line, headingLine);
    assert.ok(headingLine > (before.find((f) => f.ruleId === 'empty-section')?.line ?? Infinity), 'the position moved with the fix');
  });

  it('does not write a file that is not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(missingDetection), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]);
    const root = workspace({ '.postmortemrc.json': json(config), 'a.md': bytes });
    const r = cli(root, 'lint', '--fix', 'a.md');
    assert.equal(r.code, 0);
    assert.deepEqual(readFileSync(join(root, 'a.md')), bytes);
    assert.match(r.stderr, /a\.md: not fixed, the file is not valid UTF-8/);
    assert.match(r.stdout, /missing-section/);
  });
});

describe('postmortem lint: bad input never crashes', () => {
  it('a binary file is skipped with a note; an empty file is linted', () => {
    const root = workspace({
      '.postmortemrc.json': json(only('missing-section')),
      'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]),
      'empty.md': '',
    });
    const r = cli(root, 'lint', '--format', 'json', 'image.md', 'empty.md');
    assert.equal(r.code, 0);
    assert.match(r.stderr, /image\.md: skipped, binary file/);
    const findings = JSON.parse(r.stdout) as Finding[];
    // An empty document is a post-mortem not yet started: every template section is missing.
    assert.ok(findings.length > 0 && findings.every((f) => f.file === 'empty.md' && f.ruleId === 'missing-section'));
    assert.match(r.stderr, /in 1 file\n$/);
  });

  it('a document over the size limit gets a document-size finding', () => {
    const row = '| 10:00 | Checkout latency rose on the payment service |\n';
    const huge = builtinTemplateText + row.repeat(Math.ceil(DEFAULT_MAX_DOCUMENT_SIZE / row.length) + 1);
    const root = workspace({ 'huge.md': huge });
    const r = cli(root, 'lint', '--format', 'json', 'huge.md');
    assert.equal(r.code, 0);
    const findings = JSON.parse(r.stdout) as Finding[];
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['document-size'],
    );
  });

  it('CRLF and non-ASCII documents: positions match the core', () => {
    const text = ('# Post-Mortem: Zahlungsausfall — Köln\n\nÜbersicht 🚨\n').replace(/\n/g, '\r\n');
    const root = workspace({ '.postmortemrc.json': json(only('missing-section')), 'a.md': text });
    const r = cli(root, 'lint', '--format', 'json', 'a.md');
    assert.deepEqual(JSON.parse(r.stdout), lint(text, { file: 'a.md', config: only('missing-section') }));
  });

  it('a named file that cannot be read (a symlink loop): exit 2 naming it and the reason', () => {
    const root = workspace({ '.postmortemrc.json': json(only('missing-section')), 'b.md': missingDetection });
    symlinkSync('loop.md', join(root, 'loop.md'));
    const r = cli(root, 'lint', 'loop.md', 'b.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /loop\.md: cannot read \(ELOOP\)/);
  });

  it('an unwritable file under --fix: exit 2, the remaining findings still reported', { skip: process.getuid?.() === 0 && 'root can write anywhere' }, () => {
    const root = workspace({ '.postmortemrc.json': json(only('missing-section')), 'ro/a.md': missingDetection });
    chmodSync(join(root, 'ro'), 0o555);
    try {
      const r = cli(root, 'lint', '--fix', 'ro/a.md');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /ro\/a\.md: cannot write the fixes \(EACCES\)/);
      assert.match(r.stdout, /missing-section/);
    } finally {
      chmodSync(join(root, 'ro'), 0o755);
    }
  });
});

describe('postmortem lint --timeout', () => {
  // remark needs minutes for this (the emphasis runs are re-read for every new delimiter).
  const slow = (status: string) => `# Post-Mortem: Slow\n\n## Summary\n\n**Status:** ${status}\n\n${'*a'.repeat(50_000)}\n`;

  it('a file that takes longer gets one lint-timeout error, promptly, and the next file is linted', () => {
    const root = workspace({ '.postmortemrc.json': json(only('missing-section')), 'a-slow.md': slow('Draft'), 'b.md': missingDetection });
    const started = performance.now();
    const r = cli(root, 'lint', '--format', 'compact', '--timeout', '3', 'a-slow.md', 'b.md');
    const seconds = (performance.now() - started) / 1000;
    assert.ok(seconds < 20, `took ${seconds.toFixed(1)} s`);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(
      r.stdout,
      'a-slow.md:1:1 error lint-timeout Post-mortem not linted: it took longer than 3 s to parse. Large nested lists or long runs of brackets or emphasis make Markdown slow to parse; split the document.\n' +
        'b.md:1:1 warning missing-section Missing section "## Detection" (expected before "Response").\n'.replace('1:1', `${lint(missingDetection, { config: only('missing-section') })[0]?.line}:1`),
    );
    assert.match(r.stderr, /1 error, 1 warning, 0 info in 2 files\n$/);
  });

  it('with --status-gate, a Complete file out of time fails (it could not be verified), a Draft one does not', () => {
    const root = workspace({ 'complete.md': slow('Complete'), 'draft.md': slow('Draft') });
    const r = cli(root, 'lint', '--status-gate', '--timeout', '0.5', 'complete.md', 'draft.md');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /status gate: complete\.md: Status is Complete but it could not be verified: it was not linted within 0\.5 s\n/);
    assert.doesNotMatch(r.stderr, /status gate: draft\.md/);
  });

  it('a file within the timeout: the same findings as without a worker (--timeout 0)', () => {
    const root = workspace({ 'a.md': missingDetection });
    const inWorker = cli(root, 'lint', '--format', 'json', 'a.md');
    const inProcess = cli(root, 'lint', '--format', 'json', '--timeout', '0', 'a.md');
    assert.equal(inWorker.stdout, inProcess.stdout);
    assert.equal(inWorker.code, inProcess.code);
    assert.deepEqual(JSON.parse(inWorker.stdout), lint(missingDetection, { file: 'a.md' }));
  });

  it('--timeout must be a number of seconds, and goes with lint only', () => {
    const root = workspace({ 'a.md': missingDetection });
    for (const bad of ['soon', '-1', '', '1e9']) {
      const r = cli(root, 'lint', `--timeout=${bad}`, 'a.md');
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /invalid --timeout/);
    }
    assert.equal(cli(root, 'metrics', '--timeout', '5', 'a.md').code, 2);
  });
});

describe('examples/', () => {
  it('the sample post-mortem has findings to show but no error-severity one (exit 0)', () => {
    const r = cli(repoRoot, 'lint', '--format', 'json', 'examples/2026-03-14-checkout-latency.md');
    const findings = JSON.parse(r.stdout) as Finding[];
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`),
      [],
    );
    assert.ok(findings.length > 0, 'the deliberate leftovers are reported');
    assert.equal(r.code, 0);
  });
});

describe('dist/cli.js (the built command)', () => {
  const bin = join(repoRoot, 'dist', 'cli.js');
  it('runs as a program: shebang, --version, lint with exit code and JSON output', { skip: !existsSync(bin) && 'dist/cli.js is not built (npm run build)' }, () => {
    assert.ok(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'));
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    assert.equal(version.stdout, `${packageJson.version}\n`);
    const root = workspace({ '.postmortemrc.json': json(only('missing-section', 'error')), 'pm/a.md': missingDetection });
    const r = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', 'pm'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as Finding[];
    assert.deepEqual(
      findings.map((f) => [f.file, f.ruleId, f.severity]),
      [['pm/a.md', 'missing-section', 'error']],
    );
    assert.equal(r.stderr, '1 error, 0 warnings, 0 info in 1 file\n');
  });
});

describe('postmortem lint --status-gate and postmortem metrics', () => {
  const example = readFileSync(join(repoRoot, 'examples', '2026-03-14-checkout-latency.md'), 'utf8');
  const asStatus = (status: string) => example.replace(/\*\*Status:\*\* [A-Za-z ]+?(?= {2}\n|\n)/, `**Status:** ${status}`);

  it('fails only for a Complete post-mortem with error-severity findings', () => {
    assert.match(asStatus('Complete'), /\*\*Status:\*\* Complete/);
    const root = workspace({ 'complete.md': asStatus('Complete'), 'draft.md': asStatus('Draft'), 'bad-draft.md': asStatus('Draft').replace(/\*\*Date:\*\* \S+/, '**Date:** 2026-02-30') });
    // Without the gate, the draft's invalid date (metadata: error) fails the run too.
    assert.equal(cli(root, 'lint', 'bad-draft.md').code, 1);
    const draftsOnly = cli(root, 'lint', '--status-gate', 'draft.md', 'bad-draft.md');
    assert.equal(draftsOnly.code, 0, draftsOnly.stderr);
    const gated = cli(root, 'lint', '-f', 'compact', '--status-gate', 'complete.md', 'draft.md');
    assert.equal(gated.code, 1);
    assert.match(gated.stderr, /status gate: complete\.md: Status is Complete but \d+ errors remain/);
    assert.doesNotMatch(gated.stderr, /status gate: draft\.md/);
    // The Complete checks are errors there: sign-off rows and placeholders.
    assert.match(gated.stdout, /^complete\.md:\d+:\d+ error sign-off Status is Complete: Sign-off for "Engineering Lead" has no name and no date\.$/m);
  });

  it('a Complete post-mortem that is complete passes the gate', () => {
    const done = asStatus('Complete')
      .replace('[Link to traces]', '[traces](https://tracing.example.com/checkout)')
      .replace(/\| Engineering Lead \|[^\n]*/, '| Engineering Lead | Ana Lima | 2026-03-20 |')
      .replace(/\| Product Owner \|[^\n]*/, '| Product Owner | Joe Park | 2026-03-20 |');
    const root = workspace({ 'done.md': done });
    const result = cli(root, 'lint', '--status-gate', 'done.md');
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });

  it('a Complete post-mortem over the size limit fails the gate: it could not be verified', () => {
    const row = '| 10:00 | Checkout latency rose on the payment service |\n';
    const padding = row.repeat(Math.ceil(DEFAULT_MAX_DOCUMENT_SIZE / row.length) + 1);
    const root = workspace({ 'huge-complete.md': asStatus('Complete') + padding, 'huge-draft.md': asStatus('Draft') + padding });
    const gated = cli(root, 'lint', '--status-gate', 'huge-complete.md', 'huge-draft.md');
    assert.equal(gated.code, 1, gated.stderr);
    assert.match(gated.stderr, /status gate: huge-complete\.md: Status is Complete but it could not be verified: it is over the size limit and was not linted\n/);
    assert.doesNotMatch(gated.stderr, /huge-draft\.md/);
    // Without the gate it stays a warning (document-size), as before.
    assert.equal(cli(root, 'lint', 'huge-complete.md').code, 0);
  });

  it('metrics prints the derived durations with their rows, as text and JSON', () => {
    const root = workspace({ 'pm.md': example });
    const text = cli(root, 'metrics', 'pm.md');
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^pm\.md \(Status: In Review\)$/m);
    assert.match(text.stdout, /^ {2}TTD +11 minutes +13:55 ".*" \(line 52\) -> 14:06 ".*" \(line 53\)$/m);
    const parsed = JSON.parse(cli(root, 'metrics', '--format', 'json', 'pm.md').stdout) as { file: string; metrics: { name: string; minutes: number }[] }[];
    assert.equal(parsed[0]?.file, 'pm.md');
    assert.deepEqual(
      Object.fromEntries((parsed[0]?.metrics ?? []).map((m) => [m.name, m.minutes])),
      { ttd: 11, tta: 5, ttm: 67, ttr: 86, duration: 135, impactDuration: 86 },
    );
  });

  it('metrics: a file named on the command line is measured even when its config ignores it; a broken config: exit 2, the other files still measured', () => {
    const root = workspace({
      'team/.postmortemrc.json': json({ ignore: ['old.md'] }),
      'team/old.md': example,
      'broken/.postmortemrc.json': '{ not json',
      'broken/pm.md': example,
      'pm.md': example,
    });
    assert.doesNotMatch(cli(root, 'metrics', 'team').stdout, /old\.md/, 'found through the folder: skipped');
    assert.match(cli(root, 'metrics', 'team/old.md').stdout, /^team\/old\.md \(Status: In Review\)$/m);
    const broken = cli(root, 'metrics', 'broken/pm.md', 'pm.md');
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^postmortem: broken\/\.postmortemrc\.json:\d+:\d+: not valid JSON/);
    assert.match(broken.stdout, /^pm\.md \(Status: In Review\)$/m);
    assert.doesNotMatch(broken.stdout, /broken\/pm\.md/);
  });

  it('metrics: no timeline, bad format, missing file', () => {
    const root = workspace({ 'notes.md': '# Post-Mortem: x\n\nNo timeline yet.\n' });
    assert.match(cli(root, 'metrics', 'notes.md').stdout, /no timeline table/);
    assert.equal(cli(root, 'metrics', '--format', 'sarif', 'notes.md').code, 2);
    assert.equal(cli(root, 'metrics', 'nope.md').code, 2);
  });
});

describe('postmortem new', () => {
  it('writes the template with the answers, and never overwrites: the second gets -2', () => {
    const root = workspace();
    const first = cli(root, 'new', '--severity', 'SEV2', '--date', '2026-03-14', '--id', 'INC-2041', 'Checkout latency after deploy 412');
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, 'docs/postmortems/2026-03-14-checkout-latency-after-deploy-412.md\n');
    const path = join(root, 'docs/postmortems/2026-03-14-checkout-latency-after-deploy-412.md');
    const text = readFileSync(path, 'utf8');
    assert.match(text, /^# Post-Mortem: Checkout latency after deploy 412$/m);
    assert.match(text, /^\*\*Severity:\*\* SEV2 {2}$/m);
    assert.match(text, /^\*\*Incident ID:\*\* INC-2041 {2}$/m);
    assert.match(text, /^\*\*Status:\*\* Draft {2}$/m);
    const second = cli(root, 'new', '--title', 'Checkout latency after deploy 412', '--date', '2026-03-14');
    assert.equal(second.stdout, 'docs/postmortems/2026-03-14-checkout-latency-after-deploy-412-2.md\n');
    assert.equal(readFileSync(path, 'utf8'), text, 'the first file is unchanged');
    // The new document lints with no structural findings.
    const structural = lint(text).filter((f) => ['missing-section', 'section-order', 'duplicate-section', 'empty-section'].includes(f.ruleId));
    assert.deepEqual(structural, []);
  });

  it('uses the team template named by the config, and its own severities', () => {
    const root = workspace({
      '.postmortemrc.json': json({ template: 'TEMPLATE.md' }),
      'TEMPLATE.md': '# Incident: [Title]\n\n## Summary\n\n**Severity:** P1 | P2 | P3\n\n## What happened\n\n[Story]\n',
    });
    assert.equal(cli(root, 'new', '--severity', 'SEV2', 'x').code, 2);
    const made = cli(root, 'new', '--severity', 'P2', '--dir', 'incidents', '--name', '{slug}.md', 'DB failover');
    assert.equal(made.code, 0, made.stderr);
    assert.equal(readFileSync(join(root, 'incidents', 'db-failover.md'), 'utf8'), '# Incident: DB failover\n\n## Summary\n\n**Severity:** P2\n\n## What happened\n\n[Story]\n');
  });

  it('refuses a missing title or an impossible date', () => {
    const root = workspace();
    assert.equal(cli(root, 'new').code, 2);
    assert.match(cli(root, 'new', '--date', '2026-02-30', 'x').stderr, /"2026-02-30" is not a date/);
    assert.deepEqual(readdirSync(root), []);
  });
});
