// Beads in the real editor: the beads rule's diagnostics from a repository's .beads folder (copied
// from test/fixtures/beads/repos into the workspace, so the file watcher sees it arrive and change),
// the hover on a reference, the link (a read-only view without bd; `bd show` in a terminal with bd),
// and "Create Beads issue for this action item". bd cannot be installed here: the bd tests put a FAKE
// bd (test/fixtures/beads/fake-bd/bd, replaying bd v1.0's documented show/create output) on the
// extension host's PATH, which these tests share.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { codeActions, diagnosticsOf, extensionApi, openPostmortem, ours, recordLints, ruleOf, workspaceUri } from './helpers';

/** out/integration -> the repository's test/fixtures/beads. */
const BEADS_FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'beads');
const FAKE_BD_DIR = path.join(BEADS_FIXTURES, 'fake-bd');
const drift = fs.readFileSync(path.join(BEADS_FIXTURES, 'drift.md'), 'utf8');

const doltDocument = `# Post-Mortem: Cache client rejected the new cluster

## Summary

**Incident ID:** INC-2041  
**Date:** 2026-05-10  
**Status:** In Review  
**Beads Issue:** bd://web-a1

## Action Items

| Action | Owner | Due Date | Status | Beads Issue |
|---|---|---|---|---|
| Pin the cache client | Lee Chen | 2026-06-01 | Done | bd://web-a1 |
| Add an alert on WRONGPASS | Sam Okafor | 2026-06-02 | Open | |
`;

function beadsDiagnostics(uri: vscode.Uri, ready: (messages: string[]) => boolean): Promise<string[]> {
  const messages = (d: vscode.Diagnostic[]) => ours(d).filter((x) => ruleOf(x) === 'beads').map((x) => x.message);
  return diagnosticsOf(uri, (d) => ready(messages(d))).then(messages);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

function at(doc: vscode.TextDocument, text: string): vscode.Position {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is in the document`);
  return doc.positionAt(offset + 1);
}

async function linkAt(doc: vscode.TextDocument, text: string): Promise<vscode.DocumentLink> {
  const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
  const link = links.find((l) => doc.getText(l.range) === text);
  assert.ok(link?.target, `a link on ${text} among ${links.map((l) => doc.getText(l.range)).join(', ')}`);
  return link;
}

/** Runs a command: URI as the editor does when the link is followed. */
async function follow(link: vscode.DocumentLink): Promise<void> {
  const target = link.target as vscode.Uri;
  assert.equal(target.scheme, 'command');
  await vscode.commands.executeCommand(target.path, ...(JSON.parse(decodeURIComponent(target.query)) as unknown[]));
}

suite('Beads', () => {
  let api: PostmortemApi;
  const savedPath = process.env['PATH'];

  suiteSetup(async () => {
    api = await extensionApi();
    fs.cpSync(path.join(BEADS_FIXTURES, 'repos', 'jsonl-era', '.beads'), workspaceUri('beads-jsonl', '.beads').fsPath, { recursive: true });
  });

  teardown(() => {
    process.env['PATH'] = savedPath;
  });

  test('Beads diagnostics from .beads/issues.jsonl, re-read when it changes; the hover shows the issue', async () => {
    const { doc } = await openPostmortem(api, drift, 'drift.md', 'beads-jsonl/docs');
    const first = await beadsDiagnostics(doc.uri, (m) => m.length >= 10);
    assert.ok(first.includes('Beads issue bd://pay-315 was deleted (.beads/issues.jsonl).'), first.join('\n'));
    assert.ok(first.some((m) => m.startsWith('Action item "Add a probe that reads a key" is Done but its Beads issue bd://pay-313 is open')));

    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at(doc, 'bd://pay-312')));
    for (const part of ['**pay-312** Switch the client to ACL auth', 'Status: closed', 'Priority: P1', 'Type: task', 'Assignee: priya', 'Closed 2024-03-20: Fixed in client 4.2', 'From `.beads/issues.jsonl`']) {
      assert.ok(hover.includes(part), `hover has "${part}":\n${hover}`);
    }

    // The issue is closed in Beads (a line appended, as after a git pull): the watcher re-reads the file and the drift goes.
    const lints = recordLints(api, doc.uri);
    try {
      const closed = '{"id":"pay-313","title":"Add a probe that reads a key","status":"closed","priority":2,"issue_type":"task","updated_at":"2024-03-30T10:00:00Z","closed_at":"2024-03-30T10:00:00Z","close_reason":"Probe added"}\n';
      fs.appendFileSync(workspaceUri('beads-jsonl', '.beads', 'issues.jsonl').fsPath, closed);
      const after = await beadsDiagnostics(doc.uri, (m) => m.length > 0 && !m.some((x) => x.includes('bd://pay-313')));
      assert.equal(after.length, first.length - 1);
    } finally {
      lints.dispose();
    }
  });

  test('Beads link without bd: a read-only view of the issue', async () => {
    const { doc } = await openPostmortem(api, drift, 'link.md', 'beads-jsonl/docs');
    await follow(await linkAt(doc, 'bd://pay-318'));
    const view = vscode.window.activeTextEditor?.document;
    assert.equal(view?.uri.scheme, 'postmortem-beads');
    const text = view?.getText() ?? '';
    assert.ok(text.includes('**pay-318** Canary the cache upgrade'), text);
    assert.ok(text.includes("Closed 2024-03-26: wontfix: the cluster is managed by the vendor now (won't do)"), text);
  });

  test('Beads with a fake bd on PATH: answers for a Dolt repository, the link runs bd show, and Create Beads issue fills the cell', async () => {
    process.env['PATH'] = `${FAKE_BD_DIR}${path.delimiter}${savedPath ?? ''}`;
    const beadsDir = workspaceUri('beads-dolt', '.beads').fsPath;
    fs.mkdirSync(path.join(beadsDir, 'dolt'), { recursive: true });
    fs.writeFileSync(path.join(beadsDir, 'config.yaml'), 'issue-prefix: web\n');
    fs.writeFileSync(path.join(beadsDir, 'fake-bd.json'), JSON.stringify([{ id: 'web-a1', title: 'Pin the cache client', status: 'in_progress', priority: 1, issue_type: 'task', assignee: 'lee' }]));
    fs.writeFileSync(path.join(beadsDir, 'metadata.json'), '{"database":"dolt","backend":"dolt"}');

    const { doc } = await openPostmortem(api, doltDocument, 'dolt.md', 'beads-dolt/docs');
    // bd is asked in the background; its answer lints the document again.
    const messages = await beadsDiagnostics(doc.uri, (m) => m.some((x) => x.includes('bd://web-a1 is in progress')));
    assert.deepEqual(messages, ['Action item "Pin the cache client" is Done but its Beads issue bd://web-a1 is in progress: expected In Progress.']);

    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at(doc, 'bd://web-a1 |')));
    assert.ok(hover.includes('**web-a1** Pin the cache client') && hover.includes('From `bd show`'), hover);

    await follow(await linkAt(doc, 'bd://web-a1'));
    assert.ok(vscode.window.terminals.some((t) => t.name === 'bd show web-a1'), vscode.window.terminals.map((t) => t.name).join(', '));

    const row = doc.lineAt(at(doc, 'Add an alert on WRONGPASS').line).range;
    const actions = await codeActions(doc.uri, row, vscode.CodeActionKind.QuickFix.value);
    const create = actions.find((a) => a.title === 'Create Beads issue for this action item');
    assert.ok(create?.command, actions.map((a) => a.title).join(', '));
    // Not offered on a row that has its issue.
    const pinned = await codeActions(doc.uri, doc.lineAt(at(doc, 'Pin the cache client |').line).range, vscode.CodeActionKind.QuickFix.value);
    assert.equal(pinned.some((a) => a.title === 'Create Beads issue for this action item'), false);

    const id = await vscode.commands.executeCommand<string>(create.command.command, ...(create.command.arguments ?? []));
    assert.equal(id, 'web-fk2');
    assert.ok(doc.getText().includes('| Add an alert on WRONGPASS | Sam Okafor | 2026-06-02 | Open | bd://web-fk2 |'), doc.getText());
    const log = fs.readFileSync(path.join(beadsDir, 'fake-bd.log'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { args: string[] }).args);
    assert.deepEqual(log.find((args) => args[0] === 'create'), ['create', 'Add an alert on WRONGPASS', '--json', '-t', 'task', '-p', '2', '-a', 'Sam Okafor', '--due', '2026-06-02', '-l', 'postmortem', '--external-ref', 'INC-2041']);
    for (const t of vscode.window.terminals.filter((t) => t.name.startsWith('bd show'))) t.dispose();
  });
});
