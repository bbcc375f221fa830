// The npm package as a user gets it: `npm pack`, installed offline into a fresh project, its command
// run through npx and its library loaded with require(). Needs the bundles (`npm run build`), which
// `npm test` builds before the unit tests; `npm pack` runs with --ignore-scripts so this test does not
// rebuild dist/ under the other test files (the prepack script is checked separately).
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

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
