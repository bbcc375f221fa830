// Reviewing a draft: the completion status bar item, Go to Next Placeholder, the timeline metrics
// CodeLens and Show Timeline Metrics, the metrics quick-fix seen from the status bar, Add Timeline Entry.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { applyAndRelint, codeActions, diagnosticsOf, extensionApi, fixture, openPostmortem, ours, recordLints, ruleOf, workspaceUri } from './helpers';

const DRAFT = 'timeline-review.md';
const ROOT_CAUSE_ROW = '| 09:42 | Root cause identified: index rebuild at full concurrency |\n';

function rangeOf(r: vscode.Range | undefined): number[] | undefined {
  return r && [r.start.line, r.start.character, r.end.line, r.end.character];
}

/** Resolves once the editor of uri is the active one (now or after the change event). */
function untilActive(uri: vscode.Uri): Promise<void> {
  const isActive = () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
  if (isActive()) return Promise.resolve();
  return new Promise((resolve) => {
    const subscription = vscode.window.onDidChangeActiveTextEditor(() => {
      if (!isActive()) return;
      subscription.dispose();
      resolve();
    });
  });
}

/** Applies an edit and waits for the lint of the resulting version. */
async function editAndRelint(api: PostmortemApi, doc: vscode.TextDocument, edit: vscode.WorkspaceEdit): Promise<void> {
  const lints = recordLints(api, doc.uri);
  try {
    assert.ok(await vscode.workspace.applyEdit(edit));
    await lints.until((e) => e.outcome === 'linted' && e.version === doc.version);
  } finally {
    lints.dispose();
  }
}

async function metricsLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((l) => l.command?.command === 'postmortem.showMetrics');
}

suite('Timeline review', () => {
  let api: PostmortemApi;

  suiteSetup(async () => {
    api = await extensionApi();
  });

  test('the status bar shows how complete the active post-mortem is; hidden for other Markdown', async () => {
    const { doc } = await openPostmortem(api, fixture(DRAFT), 'status.md');
    assert.deepEqual(api.statusBar(), {
      text: '$(checklist) Post-mortem 96% · 3 placeholders',
      tooltip: "Filled: 125 of 130 (the template's placeholders, fields, table cells, checklists and sections)\nSections filled: 27 of 29\nPlaceholders left: 3\nProblems: 0 errors, 1 warning, 3 info\nClick to go to the next placeholder.",
    });

    // Filling the Verification placeholder fills a section: the next lint result updates the item.
    const verification = new vscode.Range(141, 0, 141, 36);
    assert.equal(doc.getText(verification), '[How did we confirm the fix worked?]');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, verification, 'Latency stayed under 300 ms for an hour after the pause.');
    await editAndRelint(api, doc, edit);
    assert.equal(api.statusBar()?.text, '$(checklist) Post-mortem 97% · 2 placeholders');

    const readme = workspaceUri('README.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(readme));
    await untilActive(readme);
    assert.equal(api.statusBar(), undefined, 'README.md is no post-mortem');

    await vscode.window.showTextDocument(doc);
    await untilActive(doc.uri);
    assert.equal(api.statusBar()?.text, '$(checklist) Post-mortem 97% · 2 placeholders', 'back on the post-mortem');
  });

  test('Fill Summary Duration from the timeline (metrics quick-fix): the text, then the status bar', async () => {
    const original = fixture(DRAFT);
    const { doc } = await openPostmortem(api, original, 'metrics-fix.md');
    const metrics = ours(await diagnosticsOf(doc.uri, (d) => ours(d).some((x) => ruleOf(x) === 'metrics'))).find((d) => ruleOf(d) === 'metrics');
    assert.ok(metrics);
    assert.deepEqual(rangeOf(metrics.range), [6, 14, 6, 33]);
    const actions = await codeActions(doc.uri, metrics.range, vscode.CodeActionKind.QuickFix.value);
    const fill = actions.find((a) => a.title === 'Fill Summary Duration from the timeline: 1 hour 16 minutes');
    assert.ok(fill, JSON.stringify(actions.map((a) => a.title)));
    await applyAndRelint(api, doc, fill);
    assert.equal(doc.getText(), original.replace('**Duration:** [X hours Y minutes]  ', '**Duration:** 1 hour 16 minutes  '));
    assert.deepEqual(api.statusBar(), {
      text: '$(checklist) Post-mortem 96% · 2 placeholders',
      tooltip: "Filled: 126 of 130 (the template's placeholders, fields, table cells, checklists and sections)\nSections filled: 27 of 29\nPlaceholders left: 2\nProblems: 0 errors, 0 warnings, 2 info\nClick to go to the next placeholder.",
    });
  });

  test('Go to Next Placeholder selects each placeholder in turn, wraps around, and says when none is left', async () => {
    const { doc, editor } = await openPostmortem(api, fixture(DRAFT), 'next-placeholder.md');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const visited: [number[] | undefined, string][] = [];
    for (let i = 0; i < 4; i++) {
      const range = await vscode.commands.executeCommand<vscode.Range>('postmortem.nextPlaceholder');
      assert.deepEqual(rangeOf(editor.selection), rangeOf(range));
      visited.push([rangeOf(editor.selection), doc.getText(editor.selection)]);
    }
    assert.deepEqual(visited, [
      [[6, 14, 6, 33], '[X hours Y minutes]'],
      [[141, 0, 141, 36], '[How did we confirm the fix worked?]'],
      [[187, 2, 187, 17], '[Improvement 1]'],
      [[6, 14, 6, 33], '[X hours Y minutes]'],
    ]);

    // From a bare cursor: the next placeholder at or after it.
    editor.selection = new vscode.Selection(100, 3, 100, 3);
    await vscode.commands.executeCommand('postmortem.nextPlaceholder');
    assert.deepEqual(rangeOf(editor.selection), [141, 0, 141, 36]);

    const complete = await openPostmortem(api, fixture('complete.md'), 'no-placeholder.md');
    complete.editor.selection = new vscode.Selection(3, 0, 3, 0);
    assert.equal(await vscode.commands.executeCommand('postmortem.nextPlaceholder'), undefined);
    assert.deepEqual(rangeOf(complete.editor.selection), [3, 0, 3, 0], 'the cursor stays where it was');
  });

  test('the Timeline heading carries a CodeLens with TTD, TTA, TTM, TTR; it follows edits; none without metrics', async () => {
    const { doc } = await openPostmortem(api, fixture(DRAFT), 'lens.md');
    const [lens, ...more] = await metricsLenses(doc.uri);
    assert.ok(lens?.command);
    assert.equal(more.length, 0);
    assert.equal(lens.command.title, 'TTD 11 min · TTA 6 min · TTM 40 min · TTR 52 min');
    assert.equal(doc.lineAt(lens.range.start.line).text, '## Timeline');
    assert.equal(lens.range.start.line, 42);
    assert.equal(
      lens.command.tooltip,
      [
        'Time to Detection (TTD): 11 minutes (start->detected: 09:14 -> 09:25)',
        'Time to Acknowledgment (TTA): 6 minutes (detected->acknowledged: 09:25 -> 09:31)',
        'Time to Mitigation (TTM): 40 minutes (start->mitigated: 09:14 -> 09:54)',
        'Time to Resolution (TTR): 52 minutes (start->restored: 09:14 -> 10:06)',
        'Duration: 1 hour 16 minutes (start->closed: 09:14 -> 10:30)',
        'Duration of Impact: 52 minutes (start->restored: 09:14 -> 10:06)',
      ].join('\n'),
    );
    assert.equal(lens.command.arguments?.[0]?.toString(), doc.uri.toString());

    // An earlier mitigation: the next lint result moves TTM.
    const mitigation = new vscode.Range(52, 2, 52, 7);
    assert.equal(doc.getText(mitigation), '09:54');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, mitigation, '09:44');
    // 09:44 now sits after 09:42 and before 10:06: still in order.
    await editAndRelint(api, doc, edit);
    assert.equal((await metricsLenses(doc.uri))[0]?.command?.title, 'TTD 11 min · TTA 6 min · TTM 30 min · TTR 52 min');

    const undated = await openPostmortem(api, fixture(DRAFT).replace(/^\| \d\d:\d\d \|/gm, '| HH:MM |'), 'lens-none.md');
    assert.deepEqual(await metricsLenses(undated.doc.uri), [], 'a timeline without times gives no metric');
  });

  test('Show Timeline Metrics selects the timeline rows a metric comes from', async () => {
    const { doc, editor } = await openPostmortem(api, fixture(DRAFT), 'show-metrics.md');
    const ttm = await vscode.commands.executeCommand<{ name: string; minutes: number; from: { line: number }; to: { line: number } }>('postmortem.showMetrics', { metric: 'ttm' });
    assert.deepEqual([ttm?.name, ttm?.minutes, ttm?.from.line, ttm?.to.line], ['ttm', 40, 49, 53]);
    assert.deepEqual(rangeOf(editor.selection), [48, 0, 52, doc.lineAt(52).text.length]);
    assert.equal(doc.getText(editor.selection).split('\n').at(-1), '| 09:54 | Mitigation applied: index rebuild paused |');
  });

  test('Add Timeline Entry inserts a row stamped with the given time at its chronological place (LF and CRLF)', async () => {
    for (const eol of ['\n', '\r\n']) {
      const original = fixture(DRAFT).replace(/\n/g, eol);
      const { doc, editor } = await openPostmortem(api, original, 'add-entry.md');
      const time = await vscode.commands.executeCommand<string>('postmortem.addTimelineEntry', { now: '2024-04-18T09:47:30Z' });
      assert.equal(time, '09:47');
      const row = ROOT_CAUSE_ROW.replace('\n', eol);
      assert.equal(doc.getText(), original.replace(row, `${row}| 09:47 |  |${eol}`));
      assert.equal(doc.lineAt(52).text, '| 09:47 |  |');
      assert.deepEqual(rangeOf(editor.selection), [52, 10, 52, 10], 'the cursor is in the event cell');
    }
  });

  test('Add Timeline Entry says so when there is no timeline table, and changes nothing', async () => {
    const draft = fixture(DRAFT);
    const table = /\| Time \| Event \|\n[^]*?\| 10:30 \| Incident closed \|\n/.exec(draft)?.[0];
    assert.ok(table);
    const withoutTable = draft.replace(table, '');
    const { doc } = await openPostmortem(api, withoutTable, 'no-table.md');
    assert.equal(await vscode.commands.executeCommand('postmortem.addTimelineEntry', { now: '2024-04-18T09:47:30Z' }), undefined);
    assert.equal(doc.getText(), withoutTable);
    assert.equal(doc.isDirty, false);
  });
});
