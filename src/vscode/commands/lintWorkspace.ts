// "Lint All Post-Mortems": every post-mortem in the workspace (files matched by postmortem.files, and
// Markdown the core recognises) linted into the Problems panel, with a cancellable progress notification.
import * as vscode from 'vscode';
import { isPostmortem } from '../../core/index';
import type { ConfigFiles } from '../configFiles';
import type { DocumentConfig } from '../configFiles';
import { lintOptions, type LiveDiagnostics } from '../diagnostics';
import type { PostmortemDocuments } from '../documents';
import type { Linter } from '../linter';
import { readSettings } from '../settings';

export interface LintWorkspaceDeps {
  documents: PostmortemDocuments;
  configs: ConfigFiles;
  live: LiveDiagnostics;
  linter: Linter;
}

export interface LintWorkspaceSummary {
  files: number;
  findings: number;
  cancelled: boolean;
}

const EXCLUDE = '**/{node_modules,.git}/**';
const MAX_MARKDOWN_FILES = 20_000;

export function lintWorkspace(deps: LintWorkspaceDeps): Thenable<LintWorkspaceSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Linting post-mortems', cancellable: true },
    async (progress, token) => {
      const summary: LintWorkspaceSummary = { files: 0, findings: 0, cancelled: false };
      const candidates = await findCandidates(token);
      const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      const ignoredByConfig = new Map<string, Promise<Set<string>>>();
      const step = candidates.length ? 100 / candidates.length : 100;
      for (const { uri, matched } of candidates) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: step });
        const doc = open.get(uri.toString());
        if (doc) {
          // An open document is linted from its editor text, unsaved changes included.
          if (!deps.documents.isPostmortem(doc)) continue;
          if (await isIgnored(uri, await deps.configs.forDocument(uri), ignoredByConfig)) continue;
          const findings = await deps.live.findingsFor(doc);
          deps.live.publish(doc.uri, findings);
          summary.files++;
          summary.findings += findings.length;
          continue;
        }
        let text: string;
        try {
          text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue;
        }
        if (!matched && !isPostmortem(text)) continue;
        const resolved = await deps.configs.forDocument(uri);
        if (await isIgnored(uri, resolved, ignoredByConfig)) continue;
        const { findings } = (await deps.linter.lint(text, lintOptions(uri, resolved))).result;
        deps.live.publish(uri, findings);
        summary.files++;
        summary.findings += findings.length;
      }
      const done = `${summary.cancelled ? 'Cancelled after linting' : 'Linted'} ${summary.files} post-mortem${summary.files === 1 ? '' : 's'}: ${summary.findings} problem${summary.findings === 1 ? '' : 's'}.`;
      void vscode.window.showInformationMessage(done);
      return summary;
    },
  );
}

/** Markdown files, each marked when a postmortem.files glob matches it (the others qualify by content). */
export async function findCandidates(token: vscode.CancellationToken): Promise<{ uri: vscode.Uri; matched: boolean }[]> {
  const byUri = new Map<string, { uri: vscode.Uri; matched: boolean }>();
  for (const glob of readSettings().files) {
    for (const uri of await vscode.workspace.findFiles(glob, EXCLUDE, undefined, token)) byUri.set(uri.toString(), { uri, matched: true });
  }
  for (const uri of await vscode.workspace.findFiles('**/*.{md,markdown}', EXCLUDE, MAX_MARKDOWN_FILES, token)) {
    if (!byUri.has(uri.toString())) byUri.set(uri.toString(), { uri, matched: false });
  }
  return [...byUri.values()].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
}

/** Whether a config file's `ignore` globs match the file: globbed once per config file per run, like the CLI. */
export async function isIgnored(uri: vscode.Uri, resolved: DocumentConfig, cache: Map<string, Promise<Set<string>>>): Promise<boolean> {
  if (!resolved.configUri || resolved.ignore.length === 0) return false;
  const key = resolved.configUri.toString();
  let ignored = cache.get(key);
  if (!ignored) {
    ignored = Promise.all(resolved.ignore.map((pattern) => vscode.workspace.findFiles(pattern))).then((lists) => new Set(lists.flat().map((u) => u.toString())));
    cache.set(key, ignored);
  }
  return (await ignored).has(uri.toString());
}
