// Section snippets from the template that applies: a team template's sections are offered (Ctrl+Space)
// in its post-mortems; a post-mortem under the built-in template keeps the static snippets only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { extensionApi, fixture, openPostmortem, workspaceUri } from './helpers';
import { eventually, needsUi, ui } from './ui';

const TEAM_DOC = `# Incident Review: Card declines

## Overview

**Severity:** P2  
**Date:** 2024-03-02  

Card payments were declined for 20 minutes.

`;

async function completions(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  return list?.items ?? [];
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const fromTeam = (item: vscode.CompletionItem) => typeof item.label !== 'string' && item.label.description === 'team template';

suite('Snippets from the template that applies', () => {
  let api: PostmortemApi;

  suiteSetup(async () => {
    api = await extensionApi();
  });

  test('a team template\'s sections are completion items in its post-mortems, and Ctrl+Space inserts one', async function () {
    // git keeps no empty folder: the team's post-mortems folder is made here.
    await vscode.workspace.fs.createDirectory(workspaceUri('teams', 'sre', 'postmortems'));
    const { doc, editor } = await openPostmortem(api, TEAM_DOC, 'team-snippets.md', 'teams/sre/postmortems');
    const end = new vscode.Position(doc.lineCount - 1, 0);
    const team = (await completions(doc, end)).filter(fromTeam);
    const sections = team.map(labelOf).filter((l) => l.startsWith('pm-') && !l.includes('row') && !l.includes('item'));
    assert.deepEqual(sections.sort(), ['pm-customer-impact', 'pm-follow-ups', 'pm-overview', 'pm-timeline']);
    const impact = team.find((i) => labelOf(i) === 'pm-customer-impact');
    assert.equal((impact?.insertText as vscode.SnippetString | undefined)?.value, '## Customer Impact\n\n${1:[Who was affected, and how]}');
    assert.ok(!team.some((i) => labelOf(i) === 'pm-detection'), 'no built-in section the team template lacks');

    needsUi(this);
    editor.selection = new vscode.Selection(end, end);
    await vscode.window.showTextDocument(doc);
    await ui.type('pm-customer');
    await ui.press('Control+Space');
    const row = '.suggest-widget .monaco-list-row:has-text("pm-customer-impact")';
    await ui.waitFor(row);
    await ui.press('Enter');
    await eventually('the inserted section', async () => doc.getText(), (t) => t.endsWith('## Customer Impact\n\n[Who was affected, and how]'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a post-mortem under the built-in template gets no items from the provider (the static snippets cover it)', async () => {
    const { doc } = await openPostmortem(api, fixture('several-problems.md'), 'builtin-snippets.md');
    const items = await completions(doc, new vscode.Position(doc.lineCount - 1, 0));
    assert.deepEqual(items.filter(fromTeam).map(labelOf), []);
    assert.ok(items.some((i) => labelOf(i) === 'pm-detection'), 'the static snippets are there');
  });
});
