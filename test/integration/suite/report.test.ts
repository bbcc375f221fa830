// "Post-Mortem: Show Incident Report" in the real VS Code: the workspace's post-mortems read in the lint
// workers, the report in a webview tab (no script: its CSP allows only a nonce'd style), each incident
// a command URI back to its document, which opens it at its line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './helpers';

interface ShowReportResult {
  files: string[];
  html: string;
  panel: vscode.WebviewPanel;
}

/** The report's tabs: webview tabs of its view type (the workbench may prefix it, "mainThreadWebview-"). */
function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('postmortem.report'));
}

/** Resolves once the tab model says `count` report tabs are open (the workbench updates it after the panel call returns). */
function untilReportTabs(count: number): Promise<void> {
  return new Promise((resolve) => {
    if (reportTabs().length === count) return resolve();
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (reportTabs().length !== count) return;
      listener.dispose();
      resolve();
    });
  });
}

const describeTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .map((t) => `${t.label} (${t.input instanceof vscode.TabInputWebview ? `webview ${t.input.viewType}` : (t.input as { constructor?: { name?: string } } | undefined)?.constructor?.name})`)
    .join(', ');

suite('Incident report', () => {
  suiteSetup(async () => {
    await extensionApi();
  });

  test('Show Incident Report opens the report in a webview, each incident linking back to its document', async () => {
    const result = await vscode.commands.executeCommand<ShowReportResult>('postmortem.showReport', { by: 'severity', today: '2026-05-01' });
    assert.ok(result, 'the command answers with what it showed');
    assert.ok(result.files.includes('docs/postmortems/2024-01-08-search-latency.md'), `the workspace's post-mortem is in the report: ${result.files.join(', ')}`);
    await untilReportTabs(1);
    assert.equal(reportTabs().length, 1, `one Incident Report tab among ${describeTabs()}`);
    assert.equal(reportTabs()[0]?.label, 'Incident Report');
    assert.equal(result.panel.webview.options.enableScripts, false);

    const { html } = result;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; style-src 'nonce-[0-9a-f]{32}'; img-src data:$/);
    assert.doesNotMatch(html, /<script/i);
    assert.ok((html.match(/<svg class="chart"/g) ?? []).length >= 7, 'the charts are there');
    assert.match(html, /INC-2041/);

    // The link of the search-latency incident: a command URI only postmortem.openReportIncident may run.
    const links = [...html.matchAll(/<a href="(command:postmortem\.openReportIncident\?[^"]+)">/g)].map((m) => (m[1] as string).replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))));
    const link = links.find((l) => decodeURIComponent(l).includes('2024-01-08-search-latency.md'));
    assert.ok(link, `a link to the document among ${links.length}`);
    const args = JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))) as [string, number];
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('postmortem.openReportIncident', ...args);
    assert.ok(editor?.document.uri.path.endsWith('/docs/postmortems/2024-01-08-search-latency.md'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());

    // Run again: the same tab shows the new report.
    const again = await vscode.commands.executeCommand<ShowReportResult>('postmortem.showReport', { by: 'month', today: '2026-05-01' });
    assert.equal(again.panel, result.panel, 'the same panel');
    assert.match(again.html, /Month 2024-03/);
    await untilReportTabs(1);
    assert.equal(reportTabs().length, 1);
    result.panel.dispose();
    await untilReportTabs(0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
