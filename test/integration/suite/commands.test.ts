// Commands: New Post-Mortem (argument form: untitled until saved, never overwrites, snippet tab stops), Insert Section...
// (argument form), Lint All Post-Mortems (files never opened land in the Problems panel).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { diagnosticsOf, exists, extensionApi, fixture, openPostmortem, ours, readText, recordLints, ruleOf, workspaceUri } from './helpers';

suite('Commands', () => {
  let api: PostmortemApi;

  suiteSetup(async () => {
    api = await extensionApi();
  });

  test('New Post-Mortem twice with the same title: untitled documents that save to free names (the first unchanged), answers filled, Tab walks the placeholders', async () => {
    const args = { title: 'Database failover stalled', severity: 'SEV2', date: '2024-05-01', incidentId: 'INC-3001' };
    const intended = workspaceUri('docs', 'postmortems', '2024-05-01-database-failover-stalled.md');
    const first = await vscode.commands.executeCommand<vscode.Uri>('postmortem.new', args);
    assert.equal(first?.scheme, 'untitled');
    assert.equal(first.path, intended.path, 'the untitled document knows where it will be saved');
    assert.equal(await exists(intended), false, 'nothing is written before the first save');

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), first.toString());
    const firstText = editor?.document.getText() ?? '';
    assert.match(firstText, /^# Post-Mortem: Database failover stalled\n/);
    assert.match(firstText, /\*\*Incident ID:\*\* INC-3001 {2}\n\*\*Date:\*\* 2024-05-01 {2}\n/);
    assert.match(firstText, /\*\*Severity:\*\* SEV2 {2}\n/);
    // Snippet mode: the first remaining placeholder is selected, and Tab moves to the next one.
    const firstStop = editor?.document.getText(editor.selection);
    assert.equal(firstStop, '[X hours Y minutes]');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(editor?.document.getText(editor.selection), '[bd://issue-id or N/A]');

    const lints = recordLints(api, intended);
    const linted = lints.until((e) => e.outcome === 'linted');
    await vscode.commands.executeCommand('workbench.action.files.save');
    await linted;
    lints.dispose();
    const savedFirst = await readText(intended);
    assert.equal(savedFirst, firstText, 'the first save writes the document to its path');

    const second = await vscode.commands.executeCommand<vscode.Uri>('postmortem.new', args);
    assert.equal(second?.path, workspaceUri('docs', 'postmortems', '2024-05-01-database-failover-stalled-2.md').path);
    assert.equal(await readText(intended), savedFirst, 'the first file is unchanged');
    const secondDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === second.toString());
    assert.equal(secondDoc?.getText(), firstText);
    const secondDiagnostics = await diagnosticsOf(second, (d) => ours(d).some((x) => ruleOf(x) === 'placeholder'));
    assert.ok(ours(secondDiagnostics).some((d) => ruleOf(d) === 'placeholder'), 'the new document is linted');
    // A third while the second is still unsaved: the second's path is taken too.
    const third = await vscode.commands.executeCommand<vscode.Uri>('postmortem.new', args);
    assert.equal(third?.path, workspaceUri('docs', 'postmortems', '2024-05-01-database-failover-stalled-3.md').path);
    for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('New Post-Mortem: folders are created on the first save; a call without a title or with no calendar date is refused', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('postmortem.new', { title: 'Queue backlog', date: '2024-06-30', directory: 'reviews/2024/q2' });
    const target = workspaceUri('reviews', '2024', 'q2', '2024-06-30-queue-backlog.md');
    assert.equal(created?.path, target.path);
    assert.equal(await exists(workspaceUri('reviews')), false, 'no folder before the save');
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.match(await readText(target), /^# Post-Mortem: Queue backlog\n/);
    assert.equal(await vscode.commands.executeCommand('postmortem.new', { title: '  ', date: '2024-06-30' }), undefined);
    assert.equal(await vscode.commands.executeCommand('postmortem.new', { title: 'Bad date', date: '2024-02-30' }), undefined);
    assert.equal(await exists(workspaceUri('docs', 'postmortems', '2024-02-30-bad-date.md')), false);
  });

  test('Insert Section... inserts a missing template section at its template position', async () => {
    const { doc } = await openPostmortem(api, fixture('missing-detection.md'), 'insert-command.md');
    const inserted = await vscode.commands.executeCommand<string>('postmortem.insertSection', { section: 'Detection' });
    assert.equal(inserted, 'Detection');
    assert.equal(doc.getText(), fixture('missing-detection.fixed.md'));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 96, 'the cursor is on the new heading');
    assert.equal(await vscode.commands.executeCommand('postmortem.insertSection', { section: 'Detection' }), undefined, 'nothing left to insert');
  });

  test('Lint All Post-Mortems puts files that were never opened into the Problems panel, and only post-mortems', async () => {
    const neverOpened = workspaceUri('docs', 'postmortems', '2024-01-08-search-latency.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === neverOpened.toString()));
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean }>('postmortem.lintWorkspace');
    assert.equal(summary?.cancelled, false);
    assert.ok((summary?.files ?? 0) >= 3, JSON.stringify(summary));
    const diagnostics = ours(await diagnosticsOf(neverOpened, (d) => d.length > 0));
    assert.deepEqual(
      diagnostics.filter((d) => ruleOf(d) === 'missing-section').map((d) => [d.message, d.range.start.line]),
      [['Missing section "## Lessons Learned" (expected before "Appendix").', 179]],
    );
    const skipped = [workspaceUri('README.md'), workspaceUri('docs', 'guide.md'), workspaceUri('teams', 'payments', 'archive', '2019-11-02-legacy-gateway.md')];
    for (const uri of skipped) assert.deepEqual(vscode.languages.getDiagnostics(uri), [], uri.path);
  });
});
