// `npm run screenshots`: the README's pictures, taken in the real workbench of the offline harness
// (code-server + Chromium) by driving it as a user does. Run as the harness's tests module: run()
// takes each picture into POSTMORTEM_SCREENSHOTS_DIR and resolves; any failure fails the run.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, fixture, openPostmortem, ours, diagnosticsOf, ruleOf } from '../suite/helpers';
import { quickInputTitled, runFromPalette, ui } from '../suite/ui';

const OUT = process.env['POSTMORTEM_SCREENSHOTS_DIR'] ?? path.resolve('images');
const shot = (name: string) => ui.screenshot(path.join(OUT, name));
const settle = () => new Promise((r) => setTimeout(r, 800));

async function closeAll(): Promise<void> {
  await ui.press('Escape');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function run(): Promise<void> {
  const api = await extensionApi();
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');

  // 1. The New Post-Mortem wizard, at its severity step.
  await runFromPalette('Post-Mortem: New Post-Mortem');
  await quickInputTitled('New Post-Mortem (1/4)');
  await ui.type('Checkout API returned 500s after a config push');
  await ui.press('Enter');
  await quickInputTitled('New Post-Mortem (2/4)');
  await settle();
  await shot('new-postmortem-wizard.png');
  await ui.press('Escape');

  // 2. Diagnostics in the editor and the Problems panel, with the quick-fix menu on the Severity choice list.
  const { doc, editor } = await openPostmortem(api, fixture('several-problems.md'), 'checkout-latency.md');
  const severity = ours(await diagnosticsOf(doc.uri, (d) => ours(d).some((x) => ruleOf(x) === 'placeholder'))).find((d) => doc.getText(d.range).startsWith('SEV1 |'));
  if (!severity) throw new Error('no Severity diagnostic to show');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(severity.range.start, severity.range.start);
  editor.revealRange(severity.range, vscode.TextEditorRevealType.AtTop);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await settle();
  await ui.press('ControlOrMeta+Period');
  await ui.waitFor('.action-widget .monaco-list-row:has-text("Set Severity to SEV2")');
  await settle();
  await shot('quick-fixes-and-problems.png');
  await ui.press('Escape');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await closeAll();

  // 3. The status bar and the Timeline CodeLens, with the metrics pick open.
  const review = await openPostmortem(api, fixture('timeline-review.md'), 'search-latency.md');
  const heading = review.doc.getText().split('\n').findIndex((l) => l.startsWith('## Timeline'));
  review.editor.revealRange(new vscode.Range(heading, 0, heading, 0), vscode.TextEditorRevealType.AtTop);
  await ui.waitFor('.codelens-decoration:has-text("TTD")');
  await runFromPalette('Post-Mortem: Show Timeline Metrics');
  await ui.waitFor('.quick-input-widget .monaco-list-row');
  await settle();
  await shot('status-bar-codelens-metrics.png');
  await ui.press('Escape');
  await closeAll();
}
