// Live diagnostics: which documents are linted, exact ranges (LF, CRLF, non-ASCII), rule ids, docs
// links and severities, lint on type (debounced) or on save, cleared on close.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { codeActions, diagnosticsOf, extensionApi, fixture, openPostmortem, ours, recordLints, ruleOf, setSetting, summarize, workspaceUri } from './helpers';

async function eventuallyTrue(check: () => boolean): Promise<void> {
  if (check()) return;
  await new Promise<void>((resolve) => {
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!check()) return;
      sub.dispose();
      resolve();
    });
  });
}

suite('Live diagnostics', () => {
  let api: PostmortemApi;

  suiteSetup(async () => {
    api = await extensionApi();
  });

  test('a complete post-mortem gets no diagnostics', async () => {
    const { doc, event } = await openPostmortem(api, fixture('complete.md'), 'complete.md');
    assert.equal(event.findings, 0);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri), []);
  });

  test('a missing section: rule id, source, README link, severity and exact range', async () => {
    const { doc } = await openPostmortem(api, fixture('missing-detection.md'), 'missing-detection.md');
    const diagnostics = ours(await diagnosticsOf(doc.uri, (d) => d.length > 0));
    assert.deepEqual(diagnostics.map(summarize), [
      // Status: Complete makes missing sections errors.
      { rule: 'missing-section', range: [96, 0, 96, 11], severity: 'Error', message: 'Missing section "## Detection" (expected before "Response").' },
    ]);
    assert.equal(doc.lineAt(96).text, '## Response');
    const code = diagnostics[0]?.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'missing-section');
    assert.equal(code.target.toString(), 'postmortem-rule:/missing-section.md');
  });

  test('a rule link opens that rule\'s documentation from the packaged README, rendered in the Markdown preview', async () => {
    const { doc } = await openPostmortem(api, fixture('missing-detection.md'), 'rule-link.md');
    const diagnostic = ours(await diagnosticsOf(doc.uri, (d) => d.length > 0))[0];
    const target = (diagnostic?.code as { target: vscode.Uri }).target;
    const page = await vscode.workspace.openTextDocument(target);
    assert.match(page.getText(), /^# Postmortem Kit: `missing-section`\n\n### `missing-section`\n\n\S/, 'the heading, then the README text');
    assert.ok(!page.getText().includes('### `section-order`'), 'only that rule');
    // What clicking the link does: open the target.
    const preview = new Promise<vscode.Tab>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
        if (!tab) return;
        sub.dispose();
        resolve(tab);
      });
    });
    await vscode.commands.executeCommand('vscode.open', target);
    const tab = await preview;
    assert.match(tab.label, /missing-section/);
    const rawTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'postmortem-rule');
    await eventuallyTrue(() => rawTabs().length === 0);
    await vscode.window.tabGroups.close(tab);
  });

  test('a CRLF document gets the same ranges', async () => {
    const { doc } = await openPostmortem(api, fixture('missing-detection.md').replace(/\n/g, '\r\n'), 'crlf.md');
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    const diagnostics = ours(await diagnosticsOf(doc.uri, (d) => d.length > 0));
    assert.deepEqual(diagnostics.map((d) => summarize(d).range), [[96, 0, 96, 11]]);
  });

  test('columns count UTF-16 code units after non-ASCII text', async () => {
    const text = fixture('complete.md').replace('**Author:** Dana Okafor', '**Author:** Zoë 🚀 [Name]');
    const { doc } = await openPostmortem(api, text, 'non-ascii.md');
    const placeholders = ours(await diagnosticsOf(doc.uri, (d) => d.length > 0)).filter((d) => ruleOf(d) === 'placeholder');
    assert.deepEqual(placeholders.map((d) => summarize(d).range), [[11, 19, 11, 25]]);
    assert.equal(doc.getText(placeholders[0]?.range), '[Name]');
  });

  test('Markdown that is no post-mortem gets nothing: README.md, a guide', async () => {
    for (const file of ['README.md', 'docs/guide.md']) {
      const uri = workspaceUri(...file.split('/'));
      const lints = recordLints(api, uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const event = await lints.until(() => true);
      lints.dispose();
      assert.equal(event.outcome, 'ignored', file);
      assert.deepEqual(vscode.languages.getDiagnostics(uri), [], file);
      const actions = await codeActions(uri, new vscode.Range(0, 0, doc.lineCount, 0));
      assert.deepEqual(actions.filter((a) => /postmortem|post-mortem/i.test(`${a.title} ${a.kind?.value}`)).map((a) => a.title), [], file);
    }
  });

  test('a post-mortem outside the globs is recognised by its H1 or its front matter', async () => {
    for (const file of ['notes/cache-stampede-review.md', 'notes/frontmatter-review.md']) {
      const uri = workspaceUri(...file.split('/'));
      const lints = recordLints(api, uri);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const event = await lints.until((e) => e.outcome === 'linted');
      lints.dispose();
      assert.ok((event.findings ?? 0) > 0, file);
      const rules = new Set(ours(await diagnosticsOf(uri, (d) => d.length > 0)).map(ruleOf));
      assert.ok(rules.has('missing-section'), `${file}: ${[...rules].join(', ')}`);
    }
  });

  test('lints as you type, once per pause (debounced), and publishes the latest version', async () => {
    await setSetting('lint.debounceMs', 1000);
    try {
      const { doc, editor } = await openPostmortem(api, fixture('complete.md'), 'typing.md');
      const lints = recordLints(api, doc.uri);
      const line = doc.lineAt(11);
      assert.equal(line.text, '**Author:** Dana Okafor  ');
      const start = line.text.indexOf('Dana Okafor');
      await editor.edit((e) => e.replace(new vscode.Range(11, start, 11, start + 'Dana Okafor'.length), ''));
      for (const ch of '[Name]') await editor.edit((e) => e.insert(doc.lineAt(11).range.end.translate(0, -2), ch));
      const final = doc.version;
      const linted = await lints.until((e) => e.outcome === 'linted' && e.version === final);
      lints.dispose();
      assert.deepEqual(lints.events.filter((e) => e.outcome === 'linted').map((e) => e.version), [final], 'one lint after the pause');
      assert.equal(linted.findings, 1);
      const diagnostics = ours(await diagnosticsOf(doc.uri, (d) => d.length > 0));
      assert.deepEqual(diagnostics.map((d) => [ruleOf(d), doc.getText(d.range)]), [['placeholder', '[Name]']]);
    } finally {
      await setSetting('lint.debounceMs', undefined);
    }
  });

  test('with lint.run = onSave, a change is linted when saved, not before', async () => {
    await setSetting('lint.run', 'onSave');
    await setSetting('lint.debounceMs', 0);
    try {
      const { doc, editor } = await openPostmortem(api, fixture('complete.md'), 'on-save.md');
      const lints = recordLints(api, doc.uri);
      const started: number[] = [];
      const startSubscription = api.onDidStartLint((e) => {
        if (e.uri.toString() === doc.uri.toString()) started.push(e.version);
      });
      await editor.edit((e) => e.insert(new vscode.Position(12, 0), '**Reviewers:** [Names]  \n'));
      // A round-trip through the workbench: with onType and no debounce, the lint would have started by now.
      await vscode.workspace.fs.stat(doc.uri);
      assert.deepEqual(started, []);
      assert.deepEqual(ours(vscode.languages.getDiagnostics(doc.uri)), []);
      await doc.save();
      await lints.until((e) => e.outcome === 'linted' && e.version === doc.version);
      startSubscription.dispose();
      lints.dispose();
      assert.deepEqual(started, [doc.version]);
      assert.ok(ours(vscode.languages.getDiagnostics(doc.uri)).length > 0);
    } finally {
      await setSetting('lint.run', undefined);
      await setSetting('lint.debounceMs', undefined);
    }
  });

  test('closing the document clears its diagnostics', async () => {
    // Opened the way a user opens it (vscode.open): documents opened through the API
    // (openTextDocument) are kept alive by the workbench for minutes after their editor closes.
    const uri = workspaceUri('docs', 'postmortems', 'close-me.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(fixture('missing-detection.md')));
    const lints = recordLints(api, uri);
    await vscode.commands.executeCommand('vscode.open', uri);
    await lints.until((e) => e.outcome === 'linted');
    lints.dispose();
    assert.equal(ours(await diagnosticsOf(uri, (d) => d.length > 0)).length, 1);
    const closed = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.toString() !== uri.toString()) return;
        subscription.dispose();
        resolve();
      });
    });
    const cleared = diagnosticsOf(uri, (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await cleared;
  });
});
