// New Post-Mortem as a user runs it: the Command Palette, the four QuickInput steps (typed, Back,
// Escape), "Decide later", a date that is not a calendar date, the first save, and "Don't Save";
// diagnostics leave the Problems panel when a document's last tab closes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { diagnosticsOf, exists, extensionApi, fixture, openPostmortem, ours, readText, ruleOf, workspaceUri } from './helpers';
import { activeEditorFor, eventually, needsUi, QUICK_INPUT, QUICK_INPUT_BACK, QUICK_INPUT_MESSAGE, quickInputTitled, runFromPalette, typeIntoQuickInput, ui } from './ui';

function inputValue(): Promise<string> {
  return ui.inputValue(`${QUICK_INPUT} .quick-input-box input`);
}

suite('New Post-Mortem wizard (driven through the UI)', () => {
  let api: PostmortemApi;

  suiteSetup(async () => {
    api = await extensionApi();
  });

  test('palette, Back keeps the answers, 2026-02-30 is not a calendar date, Decide later keeps the choice list (reported), written on the first save', async function () {
    needsUi(this);
    await runFromPalette('Post-Mortem: New Post-Mortem');
    await quickInputTitled('New Post-Mortem (1/4)');
    await ui.type('Wizard outage');
    await ui.press('Enter');
    await quickInputTitled('New Post-Mortem (2/4)');
    await ui.type('Decide later');
    await ui.press('Enter');

    await quickInputTitled('New Post-Mortem (3/4)');
    await typeIntoQuickInput('2026-02-30');
    const [message] = await eventually('the date message', () => ui.texts(QUICK_INPUT_MESSAGE), (m) => (m[0] ?? '').includes('not a calendar date'));
    assert.equal(message, '2026-02-30 is not a calendar date: February 2026 has 28 days.');
    await ui.press('Enter');
    await quickInputTitled('New Post-Mortem (3/4)');

    // Back to the severity, forward again: the date typed is still there.
    await ui.click(QUICK_INPUT_BACK);
    await quickInputTitled('New Post-Mortem (2/4)');
    assert.deepEqual(await ui.texts(`${QUICK_INPUT} .monaco-list-row.focused .label-name`), ['Decide later'], 'the earlier answer is the active item');
    await ui.press('Enter');
    await quickInputTitled('New Post-Mortem (3/4)');
    assert.equal(await inputValue(), '2026-02-30');
    await typeIntoQuickInput('2026-02-28');
    await ui.press('Enter');
    await quickInputTitled('New Post-Mortem (4/4)');
    await ui.type('INC-4242');
    await ui.press('Enter');

    const intended = workspaceUri('docs', 'postmortems', '2026-02-28-wizard-outage.md');
    const editor = await activeEditorFor((d) => d.uri.path === intended.path);
    const doc = editor.document;
    // The editor opens before the template snippet is inserted.
    await eventually('the scaffold', async () => doc.getText(), (t) => t.length > 0);
    assert.equal(doc.isUntitled, true);
    assert.equal(await exists(intended), false, 'nothing on disk before the save');
    assert.match(doc.getText(), /\*\*Incident ID:\*\* INC-4242 {2}\n\*\*Date:\*\* 2026-02-28 {2}\n/);
    assert.match(doc.getText(), /\*\*Severity:\*\* SEV1 \| SEV2 \| SEV3 \| SEV4 {2}\n/, 'Decide later leaves the choice list');
    const severity = ours(await diagnosticsOf(doc.uri, (d) => ours(d).some((x) => doc.getText(x.range) === 'SEV1 | SEV2 | SEV3 | SEV4')));
    assert.equal(ruleOf(severity.find((x) => doc.getText(x.range) === 'SEV1 | SEV2 | SEV3 | SEV4') as vscode.Diagnostic), 'placeholder');

    // Escape leaves snippet mode; the choice list is still there, and Ctrl+S writes the file.
    await ui.press('Escape');
    await ui.press('ControlOrMeta+S');
    const saved = await eventually('the saved file', () => readText(intended).catch(() => ''), (t) => t.length > 0);
    assert.match(saved, /\*\*Severity:\*\* SEV1 \| SEV2 \| SEV3 \| SEV4 {2}\n/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('Escape keeps the answers for the next run; "Don\'t Save" leaves no file and no problems', async function () {
    needsUi(this);
    await runFromPalette('Post-Mortem: New Post-Mortem');
    await quickInputTitled('New Post-Mortem (1/4)');
    await ui.type('Abandoned draft');
    await ui.press('Enter');
    await quickInputTitled('New Post-Mortem (2/4)');
    await ui.press('Escape');
    await ui.waitFor(QUICK_INPUT, 'hidden');

    await runFromPalette('Post-Mortem: New Post-Mortem');
    await quickInputTitled('New Post-Mortem (1/4)');
    assert.equal(await inputValue(), 'Abandoned draft', 'the title typed before Escape');
    await ui.press('Enter');
    await quickInputTitled('New Post-Mortem (2/4)');
    await ui.type('SEV3');
    await ui.press('Enter');
    await quickInputTitled('New Post-Mortem (3/4)');
    await typeIntoQuickInput('2024-07-01');
    await ui.press('Enter');
    await quickInputTitled('New Post-Mortem (4/4)');
    await ui.press('Enter');

    const intended = workspaceUri('docs', 'postmortems', '2024-07-01-abandoned-draft.md');
    const editor = await activeEditorFor((d) => d.uri.path === intended.path);
    const uri = editor.document.uri;
    await eventually('the scaffold', async () => editor.document.getText(), (t) => t.length > 0);
    assert.match(editor.document.getText(), /\*\*Severity:\*\* SEV3 {2}\n/);
    assert.ok(ours(await diagnosticsOf(uri, (d) => ours(d).length > 0)).length > 0, 'linted while open');
    // "Don't Save": revert and close, as the dialog's button does.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.deepEqual(ours(await diagnosticsOf(uri, (d) => ours(d).length === 0)), []);
    assert.equal(await exists(intended), false);
    assert.equal(await exists(workspaceUri('docs', 'postmortems')), true, 'the folder was there before');
  });

  test('closing the last tab of a post-mortem clears its problems at once; showing it again lints it again', async () => {
    const { doc } = await openPostmortem(api, fixture('several-problems.md'), 'closed-tab.md');
    assert.ok(ours(vscode.languages.getDiagnostics(doc.uri)).length > 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.deepEqual(ours(await diagnosticsOf(doc.uri, (d) => ours(d).length === 0)), []);
    await vscode.window.showTextDocument(doc);
    assert.ok(ours(await diagnosticsOf(doc.uri, (d) => ours(d).length > 0)).length > 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
