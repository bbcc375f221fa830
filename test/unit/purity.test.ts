// src/core must run in a web worker: no `vscode`, no Node built-ins.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { it } from 'node:test';

const core = join(__dirname, '..', '..', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.[cm]?[jt]s$/.test(f) ? [p] : [];
  });
}

it('src/core imports neither vscode nor Node built-ins', () => {
  const banned = new Set(['vscode', ...builtinModules]);
  const offenders: string[] = [];
  const all = files(core);
  assert.ok(all.length > 10, 'found the core sources');
  for (const file of all) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
      const spec = m[1] as string;
      if (spec.startsWith('node:') || banned.has(spec) || banned.has(spec.split('/')[0] as string)) offenders.push(`${file}: ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});
