// The npm package as a user gets it: `npm pack`, installed offline into a fresh project, its command
// run through npx and its library loaded with require(); and installed as pre-commit installs a
// `language: node` hook (npm install -g of the packed repository into an environment of its own), with
// the hooks of .pre-commit-hooks.yaml run as pre-commit runs them. Needs the bundles (`npm run build`), which
// `npm test` builds before the unit tests; `npm pack` runs with --ignore-scripts so this test does not
// rebuild dist/ under the other test files (the prepack script is checked separately).
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { builtinTemplateText } from '../../src/core/index';
import { json, missingDetection, only, workspace } from './cliWorkspace';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const sample = join(root, 'examples', '2026-03-14-checkout-latency.md');

let temp = '';
let project = '';
let packed: { filename: string; files: { path: string }[] } | undefined;

function exec(command: string, args: string[], options: SpawnSyncOptions) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

before(() => {
  temp = mkdtempSync(join(tmpdir(), 'postmortem-package-'));
  for (const bundle of ['cli.js', 'core.js', 'core.d.ts', 'lintWorker.js']) {
    assert.ok(existsSync(join(root, 'dist', bundle)), `dist/${bundle} is missing: run \`npm run build\` first`);
  }
  // A cache of its own: with --offline, anything npm would have to download fails the install.
  const env = { ...process.env, npm_config_cache: join(temp, 'cache'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const pack = exec(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], { cwd: root, env });
  assert.equal(pack.code, 0, pack.stderr);
  packed = JSON.parse(pack.stdout)[0];
  project = join(temp, 'project');
  exec('mkdir', ['-p', project], {});
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  copyFileSync(sample, join(project, 'incident.md'));
  const install = exec(npm, ['install', '--offline', '--no-audit', '--no-fund', join(temp, packed!.filename)], { cwd: project, env });
  assert.equal(install.code, 0, install.stderr);
});

after(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('has no runtime dependencies and builds its bundles on prepack', () => {
    assert.equal(pkg.dependencies, undefined);
    assert.match(pkg.scripts.prepack, /esbuild\.mjs/);
    assert.match(pkg.scripts.prepack, /build:types/);
    assert.deepEqual(pkg.bin, { 'postmortem-kit': 'dist/cli.js', postmortem: 'dist/cli.js' });
    assert.equal(pkg.exports['.'].default, './dist/core.js');
    assert.equal(pkg.exports['.'].types, './dist/core.d.ts');
  });

  it('packs the bundles, the schemas and the docs, and no sources or source maps', () => {
    const files = packed!.files.map((f) => f.path).sort();
    for (const expected of ['dist/cli.js', 'dist/core.js', 'dist/core.d.ts', 'dist/lintWorker.js', 'package.json', 'README.md', 'LICENSE', 'schemas/postmortemrc.schema.json']) {
      assert.ok(files.includes(expected), `${expected} is not in the tarball: ${files.join(', ')}`);
    }
    assert.deepEqual(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.map')), []);
  });

  it('installs offline as one package: nothing else lands in node_modules', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(installed, ['postmortem-kit']);
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'));
    assert.deepEqual(Object.keys(lock.packages).filter(Boolean), ['node_modules/postmortem-kit']);
  });

  it('runs `npx postmortem-kit lint` (and the `postmortem` alias) from the installed package', () => {
    const env = { ...process.env, npm_config_cache: join(temp, 'cache'), npm_config_update_notifier: 'false', NO_COLOR: '1' };
    for (const bin of ['postmortem-kit', 'postmortem']) {
      const result = exec('npx', ['--offline', '--no-install', bin, 'lint', '--format', 'json', 'incident.md'], { cwd: project, env });
      assert.equal(result.code, 0, result.stderr);
      const findings = JSON.parse(result.stdout) as { file: string; ruleId: string }[];
      assert.ok(findings.length > 0);
      assert.ok(findings.every((f) => f.file === 'incident.md'));
    }
    const version = exec('npx', ['--offline', '--no-install', 'postmortem-kit', '--version'], { cwd: project, env });
    assert.equal(version.stdout.trim(), pkg.version);
  });

  it("loads the library with require('postmortem-kit'), its types beside it", () => {
    const script = "const pm = require('postmortem-kit'); const f = pm.lint(require('fs').readFileSync('incident.md', 'utf8')); console.log(JSON.stringify({ n: f.length, rules: pm.rules.length, same: require('postmortem-kit/dist/core.js') === pm }));";
    const result = exec(process.execPath, ['-e', script], { cwd: project });
    assert.equal(result.code, 0, result.stderr);
    const answer = JSON.parse(result.stdout);
    assert.ok(answer.n > 0 && answer.rules > 5 && answer.same === true, result.stdout);
    assert.ok(existsSync(join(project, 'node_modules', 'postmortem-kit', 'dist', 'core.d.ts')));
  });
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  types: string[];
  files: string;
  args?: string[];
}

describe('pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const env = () => ({ ...process.env, npm_config_cache: join(temp, 'cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' });
  /** pre-commit's node environment: the packed repository installed globally into a prefix of its own. */
  let hookBin = '';
  before(() => {
    const prefix = join(temp, 'node_env');
    const install = exec(npm, ['install', '-g', '--offline', '--prefix', prefix, join(temp, packed!.filename)], { cwd: temp, env: env() });
    assert.equal(install.code, 0, install.stderr);
    hookBin = join(prefix, 'bin');
  });

  /** What pre-commit does with a hook: keep the staged files its types and files select, append them to entry + args, run it. */
  function runHook(hook: Hook, cwd: string, staged: string[]) {
    const markdown = /\.(md|markdown|mdown|mkdn)$/;
    const selected = staged.filter((f) => (!hook.types.includes('markdown') || markdown.test(f)) && new RegExp(hook.files).test(f));
    const [command, ...entryArgs] = hook.entry.split(' ');
    const result = exec(command as string, [...entryArgs, ...(hook.args ?? []), ...selected], { cwd, env: { ...process.env, PATH: `${hookBin}:${process.env.PATH}`, NO_COLOR: '1' } });
    return { ...result, selected };
  }

  const hook = (id: string) => {
    const found = hooks.find((h) => h.id === id);
    assert.ok(found, `hook ${id}`);
    return found;
  };

  it('declares postmortem-lint and postmortem-fix as node hooks on Markdown files', () => {
    assert.deepEqual(hooks.map((h) => [h.id, h.language, h.types]), [
      ['postmortem-lint', 'node', ['markdown']],
      ['postmortem-fix', 'node', ['markdown']],
    ]);
  });

  it('postmortem-lint: only post-mortems are passed; an error fails the commit, a clean one passes', () => {
    const repo = workspace({
      '.postmortemrc.json': json(only('missing-section', 'error')),
      'docs/postmortems/2026-03-14-checkout.md': missingDetection,
      'notes/2026-db-postmortem.md': builtinTemplateText,
      'README.md': '# Not a post-mortem\n',
      'docs/postmortems/diagram.png': 'PNG',
    });
    const staged = ['README.md', 'docs/postmortems/2026-03-14-checkout.md', 'docs/postmortems/diagram.png', 'notes/2026-db-postmortem.md'];
    const failing = runHook(hook('postmortem-lint'), repo, staged);
    assert.deepEqual(failing.selected, ['docs/postmortems/2026-03-14-checkout.md', 'notes/2026-db-postmortem.md']);
    assert.equal(failing.code, 1, failing.stderr);
    assert.match(failing.stdout, /docs\/postmortems\/2026-03-14-checkout\.md\n.*error.*missing-section/);
    const passing = runHook(hook('postmortem-lint'), repo, ['notes/2026-db-postmortem.md']);
    assert.equal(passing.code, 0, passing.stderr);
  });

  it('postmortem-fix: fixes the staged post-mortems in place (pre-commit then fails the hook on the changed file)', () => {
    const path = 'incidents/2026-03-14.md';
    const repo = workspace({ '.postmortemrc.json': json(only('missing-section')), [path]: missingDetection });
    const result = runHook(hook('postmortem-fix'), repo, [path]);
    assert.equal(result.code, 0, result.stderr);
    const fixed = readFileSync(join(repo, path), 'utf8');
    assert.notEqual(fixed, missingDetection);
    assert.match(fixed, /^## Detection$/m);
    assert.equal(runHook(hook('postmortem-lint'), repo, [path]).code, 0);
  });
});
