// dist/core.d.ts (package.json "types", built from src/core/index.ts by `npm run build`) is what a
// library user's TypeScript sees: it must stand alone (no @types/mdast or unist installed) and type a
// typical use of the library under strict settings.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const declarations = join(root, 'dist', 'core.d.ts');

describe('dist/core.d.ts', () => {
  it('is built and named by package.json "types"', () => {
    assert.ok(existsSync(declarations), 'dist/core.d.ts is missing: run `npm run build` first');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { types?: string };
    assert.equal(manifest.types, 'dist/core.d.ts');
  });

  it('types a library caller with nothing else installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postmortem-types-'));
    try {
      writeFileSync(join(dir, 'core.d.ts'), readFileSync(declarations));
      writeFileSync(
        join(dir, 'use.ts'),
        [
          "import { lint, lintDocument, fixAll, type Finding, type LintResult } from './core';",
          "const findings: Finding[] = lint('# Post-Mortem: Example\\n', { file: 'x.md' });",
          "const result: LintResult = lintDocument('# Post-Mortem: Example\\n');",
          'const lines: number[] = findings.map((f) => f.line);',
          'const fixed: string = fixAll(\'x\').text;',
          'const names: string[] = result.metrics.metrics.map((m) => m.name);',
          'export { lines, fixed, names };',
          '',
        ].join('\n'),
      );
      const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
      const compilerOptions = { noEmit: true, strict: true, exactOptionalPropertyTypes: true, types: [], target: 'ES2022', module: 'commonjs', skipLibCheck: false };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
      const args = [tsc, '-p', dir];
      try {
        execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        assert.fail(`tsc rejected a typical caller:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
