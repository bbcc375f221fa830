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

// The layers of src/core import only downward (CONTRIBUTING.md):
//   engine -> rules -> postmortem -> template -> markdown; authoring -> postmortem / template / markdown;
//   report -> engine and below.
// types.ts (plain data) and generated/ (ajv validators) may be imported from any layer that needs them.
const LAYER_IMPORTS: Record<string, readonly string[]> = {
  markdown: ['markdown', 'types'],
  template: ['template', 'markdown', 'types'],
  postmortem: ['postmortem', 'template', 'markdown', 'types', 'generated'],
  rules: ['rules', 'postmortem', 'template', 'markdown', 'types', 'generated'],
  engine: ['engine', 'rules', 'postmortem', 'template', 'markdown', 'types', 'generated'],
  authoring: ['authoring', 'postmortem', 'template', 'markdown', 'types'],
  report: ['report', 'engine', 'rules', 'postmortem', 'template', 'markdown', 'types', 'generated'],
  generated: ['postmortem'],
};

/** The layer of a path under src/core: its first folder, "types" for types.ts, "index" for index.ts. */
function layerOf(file: string): string {
  const rel = file.slice(core.length + 1).replace(/\\/g, '/');
  if (!rel.includes('/')) return rel.replace(/\.[cm]?[jt]s$/, '');
  return rel.split('/')[0] as string;
}

function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)) specs.push(m[1] as string);
  return specs;
}

function resolveIn(file: string, spec: string): string {
  return join(file, '..', spec);
}

/** Upward imports, rules importing rules, and adapters reaching past src/core/index.ts. */
export function boundaryViolations(): string[] {
  const violations: string[] = [];
  for (const file of files(core)) {
    const from = layerOf(file);
    for (const spec of relativeImports(file)) {
      const target = resolveIn(file, spec);
      // Project data outside src/core (schemas/*.json) belongs to no layer.
      if (from === 'index' || !target.startsWith(core)) continue;
      const to = layerOf(`${target}.ts`);
      const allowed = LAYER_IMPORTS[from];
      if (!allowed) violations.push(`${file}: not in a layer folder`);
      else if (!allowed.includes(to)) violations.push(`${file} (${from}) imports ${spec} (${to})`);
      // A rule never imports another rule: shared readings live in postmortem/, the contract in rules/rule.ts.
      const fromName = file.replace(/\\/g, '/').split('/').pop() as string;
      const toName = `${target.replace(/\\/g, '/').split('/').pop()}`;
      if (from === 'rules' && to === 'rules' && fromName !== 'index.ts' && toName !== 'rule' && toName !== 'index')
        violations.push(`${file}: a rule imports another rule (${spec})`);
    }
  }
  for (const adapter of ['cli', 'vscode']) {
    for (const file of files(join(core, '..', adapter))) {
      for (const spec of relativeImports(file)) {
        const target = resolveIn(file, spec).replace(/\\/g, '/');
        if (target.includes('/src/core/') && !/\/src\/core\/index$/.test(target)) violations.push(`${file}: imports ${spec} (only src/core/index.ts is the door)`);
      }
    }
  }
  return violations;
}

it('src/core layers import only downward; a rule never imports a rule; src/cli and src/vscode use only src/core/index.ts', () => {
  assert.deepEqual(boundaryViolations(), []);
});
