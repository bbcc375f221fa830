// "Post-Mortem: Use as Team Template" as a user runs it: the Command Palette on an open post-mortem of
// the team's own layout, the save-path input (a taken path refused as typed), the template written and
// opened, .postmortemrc.json created naming it (then the document follows its template), and an
// existing .postmortemrc.json with comments changed only in its "template" key. Nothing is overwritten.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, exists, extensionApi, ours, readText, ruleOf, workspaceUri } from './helpers';
import { activeEditorFor, eventually, needsUi, QUICK_INPUT, QUICK_INPUT_MESSAGE, quickInputTitled, runFromPalette, typeIntoQuickInput, ui } from './ui';

const SOURCE = workspaceUri('team-template-it', '2025-06-01-queue-backlog.md');
const CONFIG = workspaceUri('.postmortemrc.json');
const FIRST = workspaceUri('team-template-it', 'TEMPLATE.md');
const SECOND = workspaceUri('team-template-it', 'TEMPLATE-2.md');

const written = [
  '# Post-Mortem: Queue backlog',
  '',
  'Created By: Sam Ortiz',
  'Last Modified: 2025-06-03',
  '',
  '## Summary',
  '',
  'Orders waited up to 40 minutes in the queue.',
  '',
  '## Impact',
  '',
  'Checkout confirmations were delayed for 12% of orders.',
  '',
  '## Timeline',
  '',
  '* [13:20] Deploy 88 raised the batch size',
  '* [13:41] Queue depth alert fired',
  '',
  '## Lessons learned',
  '',
  '### What went well',
  '',
  '- The alert fired within minutes',
  '',
  '### What went poorly',
  '',
  '- The rollback took 20 minutes',
  '',
  '## Action items',
  '',
  '- Cap the batch size (@sam, #88)',
  '',
].join('\n');

const derived = [
  '# Post-Mortem: [Incident Title]',
  '',
  'Created By: [Created By]  ',
  'Last Modified: [Last Modified]',
  '',
  '## Summary',
  '',
  '[Describe]',
  '',
  '## Impact',
  '',
  '[Describe]',
  '',
  '## Timeline',
  '',
  '- [HH:MM] [Event]',
  '',
  '## Lessons learned',
  '',
  '### What went well',
  '',
  '- [Item]',
  '',
  '### What went poorly',
  '',
  '- [Item]',
  '',
  '## Action items',
  '',
  '- [Item]',
  '',
].join('\n');

const STRUCTURAL = ['template-fit', 'missing-section', 'section-order', 'metadata'];
const structural = (d: readonly vscode.Diagnostic[]) => ours(d).filter((x) => STRUCTURAL.includes(ruleOf(x)));

/** Runs the command from the palette on the active editor and saves the template at `path`. */
async function useAsTeamTemplate(path: string): Promise<vscode.TextEditor> {
  await runFromPalette('Post-Mortem: Use as Team Template');
  await quickInputTitled('Use as Team Template');
  await typeIntoQuickInput(path);
  await ui.press('Enter');
  await ui.waitFor(QUICK_INPUT, 'hidden');
  return activeEditorFor((d) => d.uri.path.endsWith(`/${path}`));
}

suite('Use as Team Template (driven through the UI)', () => {
  suiteSetup(async () => {
    await extensionApi();
    await vscode.workspace.fs.writeFile(SOURCE, new TextEncoder().encode(written));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [CONFIG, FIRST, SECOND, SOURCE]) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
  });

  test('from the palette: suggests a path, refuses a taken one, writes and opens the template, creates .postmortemrc.json; the document then follows it', async function () {
    needsUi(this);
    assert.equal(await exists(CONFIG), false, 'the workspace has no root config to start with');
    const doc = await vscode.workspace.openTextDocument(SOURCE);
    await vscode.window.showTextDocument(doc);
    const before = structural(await diagnosticsOf(SOURCE, (d) => structural(d).length > 0));
    assert.deepEqual(before.map(ruleOf), ['template-fit'], 'with the built-in template it does not follow the layout');

    await runFromPalette('Post-Mortem: Use as Team Template');
    await quickInputTitled('Use as Team Template');
    assert.equal(await ui.inputValue(`${QUICK_INPUT} .quick-input-box input`), 'docs/postmortems/TEMPLATE.md', 'the default sits with the post-mortems');
    // A file that exists is refused as it is typed.
    await typeIntoQuickInput('docs/guide.md');
    const [taken] = await eventually('the taken-path message', () => ui.texts(QUICK_INPUT_MESSAGE), (m) => (m[0] ?? '').includes('already exists'));
    assert.equal(taken, 'docs/guide.md already exists, and a template is never written over a file: choose another name.');
    await ui.press('Enter');
    await quickInputTitled('Use as Team Template');
    await typeIntoQuickInput('team-template-it/TEMPLATE.md');
    await ui.press('Enter');
    await ui.waitFor(QUICK_INPUT, 'hidden');

    const editor = await activeEditorFor((d) => d.uri.path === FIRST.path);
    assert.equal(editor.document.getText(), derived);
    assert.equal(await readText(FIRST), derived);
    assert.deepEqual(JSON.parse(await readText(CONFIG)), { template: 'team-template-it/TEMPLATE.md' });
    assert.equal(await readText(SOURCE), written, 'the source is not touched');

    // The config is watched: the document is relinted against its own template, quiet on structure.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('postmortem.lintDocument', SOURCE);
    const after = await diagnosticsOf(SOURCE, (d) => structural(d).length === 0);
    assert.deepEqual(structural(after), []);
  });

  test('an existing .postmortemrc.json with comments: only its "template" key changes; the earlier template stays on disk', async function () {
    needsUi(this);
    const config = '{\n  // The payments team\'s settings\n  "rules": { "blameless": "off" },\n  "template": "team-template-it/TEMPLATE.md"\n}\n';
    await vscode.workspace.fs.writeFile(CONFIG, new TextEncoder().encode(config));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(SOURCE));

    const editor = await useAsTeamTemplate('team-template-it/TEMPLATE-2.md');
    assert.equal(editor.document.uri.path, SECOND.path);
    assert.equal(await readText(CONFIG), config.replace('"team-template-it/TEMPLATE.md"', '"team-template-it/TEMPLATE-2.md"'));
    assert.equal(await readText(FIRST), derived, 'the earlier template is left as it was');
    assert.equal(await readText(SECOND), derived);
  });
});
