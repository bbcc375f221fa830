// Configuration: the nearest .postmortemrc.json (watched), a broken one (one diagnostic on the file,
// lint with defaults), the postmortem.rules setting winning over the file, and the file's JSON schema.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { diagnosticsOf, extensionApi, ours, readText, recordLints, ruleOf, setSetting, workspaceUri } from './helpers';

const CONFIG = ['teams', 'payments', '.postmortemrc.json'];
const INCIDENT = ['teams', 'payments', 'incidents', '2024-02-01-card-declines.md'];

function missingSectionSeverity(uri: vscode.Uri): vscode.DiagnosticSeverity | undefined {
  return ours(vscode.languages.getDiagnostics(uri)).find((d) => ruleOf(d) === 'missing-section')?.severity;
}

suite('Configuration', () => {
  let api: PostmortemApi;
  let incident: vscode.Uri;
  let config: vscode.Uri;
  let original: string;

  suiteSetup(async () => {
    api = await extensionApi();
    incident = workspaceUri(...INCIDENT);
    config = workspaceUri(...CONFIG);
    original = await readText(config);
    const lints = recordLints(api, incident);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(incident));
    await lints.until((e) => e.outcome === 'linted');
    lints.dispose();
  });

  /** Rewrites the config file and waits until the incident shows the expected missing-section severity. */
  async function writeConfig(text: string, severity: vscode.DiagnosticSeverity): Promise<void> {
    const settled = diagnosticsOf(incident, () => missingSectionSeverity(incident) === severity);
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
    await settled;
  }

  test('the nearest .postmortemrc.json applies (missing-section: info)', async () => {
    const d = await diagnosticsOf(incident, () => missingSectionSeverity(incident) !== undefined);
    assert.equal(missingSectionSeverity(incident), vscode.DiagnosticSeverity.Information, JSON.stringify(ours(d).map((x) => x.message)));
  });

  test("files matched by the config's ignore globs get nothing", async () => {
    const archived = workspaceUri('teams', 'payments', 'archive', '2019-11-02-legacy-gateway.md');
    const lints = recordLints(api, archived);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(archived));
    const event = await lints.until(() => true);
    lints.dispose();
    assert.equal(event.outcome, 'ignored');
    assert.deepEqual(vscode.languages.getDiagnostics(archived), []);
  });

  test('a broken config file gets one diagnostic, and documents lint with defaults until it is fixed', async () => {
    try {
      const invalid = '{\n  "rules": {\n    "missing-section": "loud"\n  }\n}\n';
      const flagged = diagnosticsOf(config, (d) => d.length === 1 && d[0]?.message.startsWith('Invalid .postmortemrc.json') === true);
      await writeConfig(invalid, vscode.DiagnosticSeverity.Error);
      const [problem] = await flagged;
      assert.equal(problem?.source, 'postmortem');
      assert.equal(problem?.code, 'config');
      assert.match(problem?.message ?? '', /missing-section/);

      const notJson = diagnosticsOf(config, (d) => d.length === 1 && d[0]?.message.includes('is not valid JSON') === true);
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{\n  "rules": {\n'));
      const [syntax] = await notJson;
      assert.equal(syntax?.range.start.line, 2, 'points at the end of the truncated file');
      assert.equal(missingSectionSeverity(incident), vscode.DiagnosticSeverity.Error);
    } finally {
      const cleared = diagnosticsOf(config, (d) => d.length === 0);
      await writeConfig(original, vscode.DiagnosticSeverity.Information);
      await cleared;
    }
  });

  test('the postmortem.rules setting wins over the config file, rule by rule', async () => {
    const warning = diagnosticsOf(incident, () => missingSectionSeverity(incident) === vscode.DiagnosticSeverity.Warning);
    await setSetting('rules', { 'missing-section': 'warning' });
    try {
      await warning;
    } finally {
      const back = diagnosticsOf(incident, () => missingSectionSeverity(incident) === vscode.DiagnosticSeverity.Information);
      await setSetting('rules', undefined);
      await back;
    }
  });

  test('.postmortemrc.json is validated by its JSON schema while editing (jsonValidation)', async () => {
    const uri = workspaceUri('schema-check', '.postmortemrc.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{\n  "rules": {\n    "timeline": "loud"\n  }\n}\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const fromSchema = await diagnosticsOf(uri, (d) => d.some((x) => x.source !== 'postmortem'));
    const schemaProblem = fromSchema.find((x) => x.source !== 'postmortem');
    assert.equal(doc.getText(schemaProblem?.range), '"loud"', JSON.stringify(fromSchema.map((x) => `${x.source}: ${x.message}`)));
  });
});
