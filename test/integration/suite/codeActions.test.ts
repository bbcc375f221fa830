// Quick-fixes run through vscode.executeCodeActionProvider + workspace.applyEdit, checked on the
// resulting text: insert section, Severity/Status choices, timeline sort and pad, disable comments,
// and source.fixAll.postmortem (also on save, and from the Ctrl+. menu).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { applyAndRelint, codeActions, diagnosticsOf, extensionApi, fixture, openPostmortem, ours, recordLints, ruleOf } from './helpers';
import { needsUi, ui } from './ui';

const FIX_ALL = 'source.fixAll.postmortem';

async function diagnosticOf(doc: vscode.TextDocument, rule: string, at?: string): Promise<vscode.Diagnostic> {
  const all = ours(await diagnosticsOf(doc.uri, (d) => ours(d).some((x) => ruleOf(x) === rule)));
  const found = all.find((d) => ruleOf(d) === rule && (at === undefined || doc.getText(d.range) === at));
  if (!found) throw new Error(`no ${rule} diagnostic${at ? ` on "${at}"` : ''}: ${all.map((d) => `${ruleOf(d)} "${doc.getText(d.range)}"`).join(', ')}`);
  return found;
}

/**
 * The quick-fixes offered at a diagnostic's range (vscode.executeCodeActionProvider passes the
 * diagnostics there to the provider, but does not return which diagnostic an action fixes).
 */
async function fixesFor(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return codeActions(doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

function titled(actions: readonly vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

suite('Quick-fixes', () => {
  let api: PostmortemApi;

  suiteSetup(async () => {
    api = await extensionApi();
  });

  test('Insert section "Detection" inserts the template section at its template position (LF and CRLF)', async () => {
    for (const eol of ['\n', '\r\n']) {
      const { doc } = await openPostmortem(api, fixture('missing-detection.md').replace(/\n/g, eol), 'insert-section.md');
      const diagnostic = await diagnosticOf(doc, 'missing-section');
      const actions = await fixesFor(doc, diagnostic);
      assert.deepEqual(actions.map((a) => a.title), ['Insert section "Detection"', 'Disable postmortem/missing-section for this line', 'Fix all auto-fixable post-mortem problems']);
      const insert = titled(actions, 'Insert section "Detection"');
      assert.equal(insert.kind?.value, 'quickfix');
      assert.equal(insert.isPreferred, true);
      const event = await applyAndRelint(api, doc, insert);
      assert.equal(doc.getText(), fixture('missing-detection.fixed.md').replace(/\n/g, eol));
      assert.ok(!ours(vscode.languages.getDiagnostics(doc.uri)).some((d) => ruleOf(d) === 'missing-section'), `after the fix: ${event.findings} findings`);
    }
  });

  test('Set Severity and Set Status offer every allowed value; the chosen one replaces the choice list', async () => {
    const original = fixture('several-problems.md');
    const { doc } = await openPostmortem(api, original, 'choices.md');

    const severity = await diagnosticOf(doc, 'placeholder', 'SEV1 | SEV2 | SEV3 | SEV4');
    assert.deepEqual([severity.range.start.line, severity.range.start.character, severity.range.end.character], [7, 14, 39]);
    const severityFixes = (await fixesFor(doc, severity)).filter((a) => a.title.startsWith('Set '));
    assert.deepEqual(severityFixes.map((a) => a.title), ['Set Severity to SEV1', 'Set Severity to SEV2', 'Set Severity to SEV3', 'Set Severity to SEV4']);
    assert.ok(severityFixes.every((a) => !a.isPreferred), 'no choice is preferred over another');
    await applyAndRelint(api, doc, titled(severityFixes, 'Set Severity to SEV2'));
    const afterSeverity = original.replace('**Severity:** SEV1 | SEV2 | SEV3 | SEV4  ', '**Severity:** SEV2  ');
    assert.equal(doc.getText(), afterSeverity);

    const status = await diagnosticOf(doc, 'placeholder', 'Draft | In Review | Complete');
    const statusFixes = (await fixesFor(doc, status)).filter((a) => a.title.startsWith('Set '));
    assert.deepEqual(statusFixes.map((a) => a.title), ['Set Status to Draft', 'Set Status to In Review', 'Set Status to Complete']);
    await applyAndRelint(api, doc, titled(statusFixes, 'Set Status to In Review'));
    assert.equal(doc.getText(), afterSeverity.replace('**Status:** Draft | In Review | Complete  ', '**Status:** In Review  '));
  });

  test('Sort the timeline rows by time; Add the missing cell', async () => {
    const original = fixture('several-problems.md');
    const { doc } = await openPostmortem(api, original, 'timeline.md');
    const early = '| 14:06 | Incident declared, severity SEV2 assigned |';
    const late = '| 14:09 | Investigation started in the incident channel |';

    const order = await diagnosticOf(doc, 'timeline', '14:06');
    assert.deepEqual([order.range.start.line, order.range.start.character, order.range.end.line, order.range.end.character], [51, 2, 51, 7]);
    const sort = titled(await fixesFor(doc, order), 'Sort the timeline rows by time');
    assert.equal(sort.isPreferred, true);
    await applyAndRelint(api, doc, sort);
    const sorted = original.replace(`${late}\n${early}`, `${early}\n${late}`);
    assert.equal(doc.getText(), sorted);

    const shortRow = await diagnosticOf(doc, 'timeline', '| 15:12 |');
    assert.equal(shortRow.message, 'Row has 1 cell, expected 2 (Time | Event).');
    const pad = titled(await fixesFor(doc, shortRow), 'Add the missing cell');
    assert.equal(pad.isPreferred, true);
    await applyAndRelint(api, doc, pad);
    assert.equal(doc.getText(), sorted.replace('| 15:12 |\n', '| 15:12 |  |\n'));
  });

  test('Correct a duration from the timeline (metrics)', async () => {
    const original = fixture('several-problems.md');
    const { doc } = await openPostmortem(api, original, 'metrics.md');
    // 1 hour 20 minutes is no span between two rows of the timeline: a disagreement under every reading.
    const duration = await diagnosticOf(doc, 'metrics', '1 hour 20 minutes');
    assert.deepEqual([duration.range.start.line, duration.range.start.character, duration.range.end.line, duration.range.end.character], [6, 14, 6, 31]);
    const correct = titled(await fixesFor(doc, duration), 'Correct Summary Duration from the timeline: 1 hour 7 minutes');
    // A correction replaces the author's value: a suggestion, never the preferred (auto-applied) fix.
    assert.equal(correct.isPreferred, false);
    await applyAndRelint(api, doc, correct);
    assert.equal(doc.getText(), original.replace('**Duration:** 1 hour 20 minutes  ', '**Duration:** 1 hour 7 minutes  '));
  });

  test('Disable postmortem/RULE for this line inserts a disable-next-line comment; in a table, around the table', async () => {
    const original = fixture('several-problems.md');
    const { doc } = await openPostmortem(api, original, 'disable.md');

    const missing = await diagnosticOf(doc, 'missing-section', '## Response');
    await applyAndRelint(api, doc, titled(await fixesFor(doc, missing), 'Disable postmortem/missing-section for this line'));
    const withComment = original.replace('\n## Response\n', '\n<!-- postmortem-disable-next-line missing-section -->\n## Response\n');
    assert.equal(doc.getText(), withComment);
    const left = ours(vscode.languages.getDiagnostics(doc.uri)).filter((d) => ruleOf(d) === 'missing-section').map((d) => d.message);
    assert.deepEqual(left, ['Missing section "### Verification" (expected in "Resolution").']);

    const order = await diagnosticOf(doc, 'timeline', '14:06');
    await applyAndRelint(api, doc, titled(await fixesFor(doc, order), 'Disable postmortem/timeline for this table'));
    const table = /\| Time \| Event \|\n[^]*?\| 15:12 \|\n/.exec(withComment)?.[0] ?? '';
    assert.ok(table.length > 0);
    assert.equal(doc.getText(), withComment.replace(table, `<!-- postmortem-disable timeline -->\n${table.slice(0, -1)}\n<!-- postmortem-enable timeline -->\n`));
    assert.deepEqual(ours(vscode.languages.getDiagnostics(doc.uri)).filter((d) => ruleOf(d) === 'timeline'), []);
  });

  test('source.fixAll.postmortem applies every safe fix, again until none is left (like postmortem --fix)', async () => {
    const { doc } = await openPostmortem(api, fixture('several-problems.md'), 'fix-all.md');
    const actions = await codeActions(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), FIX_ALL);
    const fixAll = actions.filter((a) => a.kind?.value === FIX_ALL);
    assert.equal(fixAll.length, 1, JSON.stringify(actions.map((a) => `${a.kind?.value}: ${a.title}`)));
    await applyAndRelint(api, doc, fixAll[0] as vscode.CodeAction);
    assert.equal(doc.getText(), fixture('several-problems.fixed.md'));
    const again = await codeActions(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), FIX_ALL);
    assert.deepEqual(again.filter((a) => a.kind?.value === FIX_ALL), [], 'nothing fixable is left');
  });

  test('Ctrl+. offers "Fix all auto-fixable post-mortem problems" as a quick-fix, and choosing it in the menu applies every safe fix', async function () {
    const { doc, editor } = await openPostmortem(api, fixture('several-problems.md'), 'fix-all-menu.md');
    const missing = await diagnosticOf(doc, 'missing-section');
    const offered = titled(await codeActions(doc.uri, missing.range, vscode.CodeActionKind.QuickFix.value), 'Fix all auto-fixable post-mortem problems');
    assert.equal(offered.kind?.value, 'quickfix');

    needsUi(this);
    editor.selection = new vscode.Selection(missing.range.start, missing.range.start);
    await vscode.window.showTextDocument(doc);
    const lints = recordLints(api, doc.uri);
    await ui.press('ControlOrMeta+Period');
    const row = '.action-widget .monaco-list-row:has-text("Fix all auto-fixable post-mortem problems")';
    await ui.waitFor(row);
    await ui.click(row);
    await lints.until((e) => e.outcome === 'linted' && doc.getText() === fixture('several-problems.fixed.md') && e.version === doc.version);
    lints.dispose();
    assert.equal(doc.getText(), fixture('several-problems.fixed.md'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('source.fixAll.postmortem runs on save through editor.codeActionsOnSave', async () => {
    const markdown = vscode.workspace.getConfiguration('', { languageId: 'markdown' });
    await markdown.update('editor.codeActionsOnSave', { [FIX_ALL]: 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const { doc, editor } = await openPostmortem(api, fixture('several-problems.md'), 'fix-on-save.md');
      await vscode.window.showTextDocument(editor.document);
      const lints = recordLints(api, doc.uri);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await lints.until((e) => e.outcome === 'linted' && e.version === doc.version);
      lints.dispose();
      assert.equal(doc.isDirty, false);
      assert.equal(doc.getText(), fixture('several-problems.fixed.md'));
    } finally {
      await markdown.update('editor.codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });
});
