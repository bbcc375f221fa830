// The status bar item and the keybinding as a user presses them (the focus lands in the editor, so
// typing replaces the placeholder), the keybinding checked against every default binding of this
// workbench, and Add Timeline Entry asking for the time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { extensionApi, fixture, openPostmortem, recordLints } from './helpers';
import { eventually, needsUi, QUICK_INPUT, QUICK_INPUT_MESSAGE, quickInputTitled, runFromPalette, typeIntoQuickInput, ui } from './ui';

const STATUS_ITEM = '.statusbar-item:has-text("Post-mortem") .statusbar-item-label';
const KEY = { linux: 'ctrl+k .', mac: 'cmd+k .' };

interface PackageKeybinding {
  command: string;
  key: string;
  mac?: string;
}

function selectedText(editor: vscode.TextEditor): string {
  return editor.document.getText(editor.selection);
}

suite('Editor UI (driven through the UI)', () => {
  let api: PostmortemApi;

  suiteSetup(async () => {
    api = await extensionApi();
  });

  test('clicking the status bar item selects the next placeholder and gives the editor the focus: typing replaces it', async function () {
    needsUi(this);
    const { doc, editor } = await openPostmortem(api, fixture('several-problems.md'), 'status-click.md');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // Focus away from the editor first, as a user who was in the Explorer.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await ui.waitFor(STATUS_ITEM);
    await ui.click(STATUS_ITEM);
    const placeholder = await eventually('the selected placeholder', async () => selectedText(editor), (t) => t.length > 0);
    assert.match(placeholder, /^\[.*\]$|\|/, `a placeholder is selected: ${placeholder}`);
    const at = editor.selection.start;
    const lints = recordLints(api, doc.uri);
    await ui.type('Filled by typing');
    await eventually('the typed text', async () => doc.getText(new vscode.Range(at, at.translate(0, 16))), (t) => t === 'Filled by typing');
    lints.dispose();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the keybinding (Ctrl+K .) is no default binding of this workbench, and pressing it goes to the next placeholder', async function () {
    const manifest = vscode.extensions.getExtension('postmortem-kit.postmortem-kit')?.packageJSON as { contributes: { keybindings: PackageKeybinding[] } };
    const ours = manifest.contributes.keybindings.find((k) => k.command === 'postmortem.nextPlaceholder');
    assert.deepEqual([ours?.key, ours?.mac], [KEY.linux, KEY.mac]);
    // The workbench's default keybindings (this platform, in the browser), as Preferences: Open Default Keyboard Shortcuts (JSON) shows them.
    const defaults = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const text = defaults.getText();
    const keys = [...text.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].map((m) => ({ key: m[1] as string, command: m[2] as string }));
    assert.ok(keys.length > 500, `the defaults list was read (${keys.length} bindings)`);
    assert.ok(keys.some((k) => k.key === 'ctrl+alt+n' && k.command === 'workbench.action.files.newUntitledFile'), 'the old binding is New Untitled File here');
    const clashes = keys.filter((k) => k.command !== 'postmortem.nextPlaceholder' && (k.key === KEY.linux || k.key.startsWith(`${KEY.linux} `)));
    assert.deepEqual(clashes, []);

    needsUi(this);
    const { editor } = await openPostmortem(api, fixture('several-problems.md'), 'keybinding.md');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await ui.press('ControlOrMeta+K');
    await ui.press('Period');
    const placeholder = await eventually('the selected placeholder', async () => selectedText(editor), (t) => t.length > 0);
    assert.ok(placeholder.length > 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('Add Timeline Entry from the palette asks for the time (prefilled with the incident Date and UTC now) and inserts the row in order', async function () {
    needsUi(this);
    const { doc, editor } = await openPostmortem(api, fixture('timeline-review.md'), 'ask-time.md');
    await runFromPalette('Post-Mortem: Add Timeline Entry');
    await quickInputTitled('Add Timeline Entry');
    const prefilled = await ui.inputValue(`${QUICK_INPUT} .quick-input-box input`);
    assert.match(prefilled, /^2024-04-18 \d\d:\d\d$/, 'the incident date and a time');
    const now = new Date();
    const behind = (now.getUTCHours() * 60 + now.getUTCMinutes() - (Number(prefilled.slice(11, 13)) * 60 + Number(prefilled.slice(14))) + 1440) % 1440;
    assert.ok(behind <= 2, `the time is UTC now (${now.toISOString()}): ${prefilled}`);
    await typeIntoQuickInput('9:3');
    await eventually('the time message', () => ui.texts(QUICK_INPUT_MESSAGE), (m) => (m[0] ?? '').startsWith('Expected HH:MM'));
    await typeIntoQuickInput('2024-04-18 09:36');
    await ui.press('Enter');
    await eventually('the new row', async () => doc.lineAt(51).text, (t) => t === '| 09:36 |  |');
    assert.equal(doc.lineAt(50).text, '| 09:31 | Incident declared, on-call responded |');
    assert.equal(doc.lineAt(52).text, '| 09:42 | Root cause identified: index rebuild at full concurrency |');
    // The command moves the cursor after its edit: wait for it (it runs from the palette, not awaited here).
    await eventually('the cursor in the event cell', async () => [editor.selection.active.line, editor.selection.active.character], (p) => p[0] === 51 && p[1] === 10);
    await ui.type('Rollback started');
    await eventually('typed into the event cell', async () => doc.lineAt(51).text, (t) => t === '| 09:36 | Rollback started |');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Add Timeline Entry with a time of day alone puts it on the incident Date', async () => {
    const { doc } = await openPostmortem(api, fixture('timeline-review.md'), 'time-of-day.md');
    assert.equal(await vscode.commands.executeCommand<string>('postmortem.addTimelineEntry', { time: '10:12' }), '10:12');
    assert.equal(doc.lineAt(54).text, '| 10:12 |  |');
    assert.equal(await vscode.commands.executeCommand('postmortem.addTimelineEntry', { time: '2024-02-30 10:12' }), undefined, 'not a calendar date');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
