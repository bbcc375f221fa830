// The integration suite on a machine with internet access: @vscode/test-cli downloads desktop VS Code
// (@vscode/test-electron) and runs out/integration/*.test.js in its extension host. Build first:
//   npm run build && node test/integration/build.mjs && npx vscode-test
// Offline (no VS Code download possible), `npm run test:integration` runs the same suite in code-server.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The tests create and change files, so they get a copy of the fixture workspace.
const root = mkdtempSync(join(tmpdir(), 'postmortem-it-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));
const workspace = join(root, 'workspace');
cpSync('test/integration/workspace', workspace, { recursive: true });
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(
  join(workspace, '.vscode', 'settings.json'),
  JSON.stringify({ 'chat.disableAIFeatures': true, 'workbench.editor.enablePreview': false, 'git.enabled': false, 'files.autoSave': 'off' }, null, 2),
);

export default defineConfig({
  label: 'integration',
  files: 'out/integration/*.test.js',
  workspaceFolder: workspace,
  version: 'stable',
  mocha: { ui: 'tdd', timeout: 60_000 },
});
