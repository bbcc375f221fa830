// Compiles the integration suite (test/integration/suite/*.ts) to out/integration/*.js, one CommonJS
// file per module, so mocha loads each test file and they share helpers.js. `vscode` and `mocha`
// are resolved at run time (the extension host provides vscode; mocha comes from node_modules).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'test/integration/suite';
rmSync('out/integration', { recursive: true, force: true });
await esbuild.build({
  entryPoints: readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)),
  outdir: 'out/integration',
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
