// Bundles: dist/extension.js (VS Code, node host) + dist/lintWorker.js (its lint worker), dist/cli.js (the `postmortem` command),
// dist/core.js (CommonJS library: lint, applyFixes, ...). `--watch` rebuilds on change, `--production` minifies.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

execFileSync(process.execPath, ['scripts/generate.mjs'], { stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The extension lints large documents in this worker thread, off the extension host's thread.
  { entryPoints: ['src/vscode/lintWorker.ts'], outfile: 'dist/lintWorker.js' },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    // tinyglobby's fdir (ESM build) calls createRequire(import.meta.url), which is empty in a CJS bundle.
    define: { 'import.meta.url': '__filename' },
  },
  { entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' },
];

// In watch mode the editor's background task (.vscode/tasks.json) waits for these two lines, printed
// once per round of rebuilds (all bundles), not once per bundle.
let building = 0;
const watchLog = {
  name: 'watch-log',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const e of result.errors) console.error(`✘ [ERROR] ${e.text} ${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}` : ''}`);
      if (--building === 0) console.log('[watch] build finished');
    });
  },
};

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b, plugins: watch ? [watchLog] : [] })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
