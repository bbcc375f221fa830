// Shareable configuration (src/config, used by the CLI and the editor): .postmortemrc.json with comments,
// .postmortemrc.yaml, package.json "postmortem", extends (a path or an npm package with its template),
// overrides by glob, and errors as file:line:column; through the CLI and through the asynchronous reader
// the editor uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinTemplateText, validateConfig } from '../../src/core/index';
import { configForFile, ConfigError, findConfig, loadConfig, mergeRules, runAsync, runSync, type ResolvedConfig } from '../../src/config/configLoader';
import { globMatcher } from '../../src/config/glob';
import { cli, json, missingDetection, only, workspace } from './cliWorkspace';

/** An in-memory file system: path -> text. */
function memory(files: Record<string, string>) {
  return (path: string) => files[path];
}
const load = (files: Record<string, string>, path: string): ResolvedConfig => runSync(loadConfig(path, (p) => p), memory(files));
const loadError = (files: Record<string, string>, path: string): ConfigError => {
  try {
    load(files, path);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('expected a ConfigError');
};
/** Severities by rule id of the CLI's JSON output. */
const severities = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as { file: string; ruleId: string; severity: string }[]).map((f) => [`${f.file} ${f.ruleId}`, f.severity]));

describe('config files: formats', () => {
  it('.postmortemrc.json may hold comments; a syntax error is file:line:column', () => {
    const resolved = load({ '/p/.postmortemrc.json': '{\n  // the team agreed\n  "rules": { "blameless": "off" /* for now */ }\n}\n' }, '/p/.postmortemrc.json');
    assert.deepEqual(resolved.config, { rules: { blameless: 'off' } });
    const error = loadError({ '/p/.postmortemrc.json': '{\n  "rules": {\n    "blameless": "off",\n  }\n}\n' }, '/p/.postmortemrc.json');
    assert.equal(error.message, '/p/.postmortemrc.json:4:3: not valid JSON: property name expected');
    assert.deepEqual(error.problem?.at, { line: 4, column: 3 });
  });

  it('.postmortemrc.yaml, with its errors as file:line:column', () => {
    const resolved = load({ '/p/.postmortemrc.yaml': '# shared\nrules:\n  blameless: off\n  metrics:\n    options: { toleranceMinutes: 5 }\n' }, '/p/.postmortemrc.yaml');
    assert.deepEqual(resolved.config, { rules: { blameless: 'off', metrics: { options: { toleranceMinutes: 5 } } } });
    const error = loadError({ '/p/.postmortemrc.yaml': 'rules:\n  blameless: off\n bad: [\n' }, '/p/.postmortemrc.yaml');
    assert.match(error.message, /^\/p\/\.postmortemrc\.yaml:\d+:\d+: not valid YAML: /);
  });

  it('the "postmortem" key of package.json; a package.json without one is passed over', () => {
    const files = {
      '/repo/package.json': JSON.stringify({ name: 'docs', postmortem: { rules: { blameless: 'off' } } }),
      '/repo/docs/package.json': JSON.stringify({ name: 'inner' }),
    };
    assert.equal(runSync(findConfig('/repo/docs', undefined), memory(files)), '/repo/package.json');
    assert.deepEqual(load(files, '/repo/package.json').config, { rules: { blameless: 'off' } });
    // In one folder, .postmortemrc.* comes before package.json.
    assert.equal(runSync(findConfig('/repo', undefined), memory({ ...files, '/repo/.postmortemrc.yaml': 'rules: {}\n' })), '/repo/.postmortemrc.yaml');
  });

  it('schema errors name the file and the setting, also inside an override', () => {
    assert.match(loadError({ '/p/.postmortemrc.json': json({ rules: { timeline: 'loud' } }) }, '/p/.postmortemrc.json').message, /^\/p\/\.postmortemrc\.json: invalid configuration: rules\.timeline\b/);
    assert.match(loadError({ '/p/.postmortemrc.json': json({ overrides: [{ files: '*.md', rules: { timeline: 'loud' } }] }) }, '/p/.postmortemrc.json').message, /invalid configuration: overrides\[0\]\.rules\.timeline\b/);
    assert.match(loadError({ '/p/.postmortemrc.json': json({ overrides: [{ rules: {} }] }) }, '/p/.postmortemrc.json').message, /overrides\[0\]: must have "files"/);
  });
});

describe('config files: extends and overrides', () => {
  it('extends a relative path: its rules first (a severity alone keeps its options), its template relative to itself', () => {
    const files = {
      '/org/base.json': json({ template: 'templates/team.md', rules: { metrics: { severity: 'error', options: { toleranceMinutes: 5 } }, blameless: 'off' }, ignore: ['archive/**'] }),
      '/repo/.postmortemrc.json': json({ extends: '../org/base.json', rules: { metrics: 'warning', timeline: 'info' } }),
    };
    const resolved = load(files, '/repo/.postmortemrc.json');
    assert.deepEqual(resolved.config.rules, { metrics: { severity: 'warning', options: { toleranceMinutes: 5 } }, blameless: 'off', timeline: 'info' });
    assert.deepEqual(resolved.template, { base: '/org', value: 'templates/team.md' });
    assert.deepEqual(resolved.ignore, [{ base: '/org', value: ['archive/**'] }]);
    assert.deepEqual(resolved.sources, ['/repo/.postmortemrc.json', '/org/base.json']);
  });

  it('extends an npm package: node_modules/<name> above the config, its config file; a cycle or a missing package is an error', () => {
    const files = {
      '/repo/node_modules/@acme/postmortem-preset/package.json': json({ name: '@acme/postmortem-preset' }),
      '/repo/node_modules/@acme/postmortem-preset/.postmortemrc.yaml': 'template: template.md\nrules:\n  blameless: error\n',
      '/repo/docs/.postmortemrc.json': json({ extends: '@acme/postmortem-preset' }),
    };
    const resolved = load(files, '/repo/docs/.postmortemrc.json');
    assert.deepEqual(resolved.template, { base: '/repo/node_modules/@acme/postmortem-preset', value: 'template.md' });
    assert.deepEqual(resolved.config.rules, { blameless: 'error' });
    assert.match(loadError({ '/r/.postmortemrc.json': json({ extends: 'missing-preset' }) }, '/r/.postmortemrc.json').message, /package "missing-preset" is not installed/);
    const cycle = { '/r/a.json': json({ extends: './b.json' }), '/r/b.json': json({ extends: './a.json' }) };
    assert.match(loadError(cycle, '/r/a.json').message, /extends itself \(\/r\/a\.json -> \/r\/b\.json -> \/r\/a\.json\)/);
  });

  it('overrides apply, in order, to the files their globs match (relative to the config file)', () => {
    const resolved = load(
      {
        '/repo/.postmortemrc.json': json({
          rules: { blameless: 'info' },
          overrides: [
            { files: 'docs/postmortems/2026/**', rules: { blameless: 'error' }, template: 'strict.md' },
            { files: ['*.draft.md'], rules: { blameless: 'off' } },
          ],
        }),
      },
      '/repo/.postmortemrc.json',
    );
    assert.deepEqual(configForFile(resolved, '/repo/docs/postmortems/2026/03/a.md').config.rules, { blameless: 'error' });
    assert.deepEqual(configForFile(resolved, '/repo/docs/postmortems/2026/03/a.md').template, { base: '/repo', value: 'strict.md' });
    assert.deepEqual(configForFile(resolved, '/repo/docs/postmortems/2026/b.draft.md').config.rules, { blameless: 'off' });
    assert.deepEqual(configForFile(resolved, '/repo/docs/postmortems/2025/a.md').config.rules, { blameless: 'info' });
    assert.equal(configForFile(resolved, '/elsewhere/docs/postmortems/2026/a.md').config.rules?.blameless, 'info');
  });

  it('globs: ** across folders, * and ? within a name, {a,b}, classes; a name-only glob at any depth', () => {
    const cases: [string, string, boolean][] = [
      ['docs/**', 'docs/a/b.md', true],
      ['docs/**/*.md', 'docs/a.md', true],
      ['docs/*.md', 'docs/a/b.md', false],
      ['*.md', 'deep/down/x.md', true],
      ['20??/*.{md,markdown}', '2026/x.markdown', true],
      ['[0-9]*.md', 'a.md', false],
      ['docs/a.md', 'docs/a.md', true],
      ['./docs/a.md', 'docs/a.md', true],
    ];
    assert.deepEqual(cases.map(([glob, path]) => globMatcher(glob)(path)), cases.map(([, , expected]) => expected));
  });

  it('mergeRules: objects merge their options, a later object replaces a severity', () => {
    assert.deepEqual(mergeRules({ a: 'off', b: { options: { x: 1 } } }, { a: { severity: 'error' }, b: { options: { y: 2 } } }), { a: { severity: 'error' }, b: { options: { x: 1, y: 2 } } });
  });

  it('the asynchronous reader (the editor\'s) gives what the synchronous one (the CLI\'s) gives', async () => {
    const files = {
      '/org/base.yaml': 'rules:\n  blameless: off\n',
      '/repo/.postmortemrc.json': json({ extends: '../org/base.yaml', overrides: [{ files: '**', rules: { timeline: 'info' } }] }),
    };
    const read = memory(files);
    const asynchronous = await runAsync(loadConfig('/repo/.postmortemrc.json', (p) => p), async (p) => read(p));
    assert.deepEqual(asynchronous, load(files, '/repo/.postmortemrc.json'));
  });

  it('every config the loader accepts passes the core validator once extends and overrides are resolved', () => {
    const resolved = load({ '/p/.postmortemrc.json': json({ extends: './b.json', rules: { metrics: 'info' } }), '/p/b.json': json({ strictness: false }) }, '/p/.postmortemrc.json');
    assert.deepEqual(validateConfig(resolved.config).errors, []);
  });
});

describe('config files through the CLI', () => {
  it('a YAML preset from node_modules with its own template, overrides stricter for 2026, comments in the JSON', () => {
    const teamTemplate = builtinTemplateText.replace('## Detection', '## Detection\n\n### Pager Notes\n\nWho was paged.');
    const root = workspace({
      'node_modules/@acme/pm-preset/package.json': json({ name: '@acme/pm-preset', version: '1.0.0' }),
      'node_modules/@acme/pm-preset/.postmortemrc.yaml': `template: team.md\nrules:\n${Object.entries(only('missing-section').rules ?? {}).map(([id, s]) => `  ${id}: ${s}`).join('\n')}\n`,
      'node_modules/@acme/pm-preset/team.md': teamTemplate,
      '.postmortemrc.json': `{\n  // one preset for every team\n  "extends": "@acme/pm-preset",\n  "overrides": [{ "files": "docs/2026/**", "rules": { "missing-section": "error" } }]\n}\n`,
      'docs/2025/a.md': builtinTemplateText,
      'docs/2026/b.md': missingDetection,
      'docs/2026/c.md': teamTemplate,
    });
    const r = cli(root, 'lint', '-f', 'json', 'docs');
    assert.equal(r.code, 1, r.stderr);
    const found = severities(r.stdout);
    assert.equal(found['docs/2025/a.md missing-section'], 'warning', 'the preset\'s template asks for Pager Notes');
    assert.equal(found['docs/2026/b.md missing-section'], 'error');
    assert.equal(found['docs/2026/c.md missing-section'], undefined, 'the preset\'s template is the one used: its own text lacks nothing');
    const messages = (JSON.parse(r.stdout) as { file: string; message: string }[]).filter((f) => f.file === 'docs/2025/a.md').map((f) => f.message);
    assert.ok(messages.some((m) => m.includes('Pager Notes')), `the template's extra subsection is required: ${messages.join(' | ')}`);
  });

  it('a broken config: exit 2 with file:line:column', () => {
    const root = workspace({ 'pm/.postmortemrc.yaml': 'rules:\n  - [\n', 'pm/a.md': missingDetection });
    const r = cli(root, 'lint', 'pm');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^postmortem: pm\/\.postmortemrc\.yaml:\d+:\d+: not valid YAML: /m);
  });
});

describe('the JSON Schema describes extends and overrides', () => {
  it('schemas/postmortemrc.schema.json has extends (a string or strings) and overrides (files + rules, strictness, template)', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'postmortemrc.schema.json'), 'utf8'));
    assert.deepEqual(schema.properties.extends.anyOf, [{ type: 'string' }, { type: 'array', items: { type: 'string' } }]);
    assert.deepEqual(schema.properties.overrides.items.required, ['files']);
    assert.deepEqual(Object.keys(schema.properties.overrides.items.properties).sort(), ['files', 'rules', 'strictness', 'template']);
    assert.equal(schema.properties.overrides.items.properties.rules.$ref, '#/properties/rules');
  });
});
