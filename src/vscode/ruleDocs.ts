// Rule documentation, rendered, offline and in the browser: a diagnostic's rule link opens
// postmortem-rule:/<rule>.md, a read-only document holding that rule's section of the packaged README
// (the .vsix ships it as readme.md), and shows it in the built-in Markdown preview in place of the raw text.
import * as vscode from 'vscode';
import type { RuleDocs } from './convert';

export const RULE_DOCS_SCHEME = 'postmortem-rule';
const README_NAMES = ['README.md', 'readme.md'];

export class RuleDocumentation implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readme: Promise<string> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.scheme === RULE_DOCS_SCHEME) void this.render(editor.document.uri);
      }),
    );
  }

  /** Where a rule's link points. */
  readonly link: RuleDocs = (ruleId) => vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${ruleId}.md` });

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ruleId = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    return ruleSection(await this.readmeText(), ruleId);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Shows the rule's page as a Markdown preview, and closes the raw text the link opened. */
  private async render(uri: vscode.Uri): Promise<void> {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    const raw = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    if (raw.length) await vscode.window.tabGroups.close(raw);
  }

  private readmeText(): Promise<string> {
    this.readme ??= (async () => {
      for (const name of README_NAMES) {
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, name)));
        } catch {
          // The next spelling.
        }
      }
      this.readme = undefined;
      return '';
    })();
    return this.readme;
  }
}

/**
 * A rule's documentation from the README: from its `<a id="rule-ID">` anchor to the next rule's
 * anchor or the next `##` heading; for a finding id documented inline, the paragraph naming it.
 */
export function ruleSection(readme: string, ruleId: string): string {
  const title = `# Postmortem Kit: \`${ruleId}\`\n\n`;
  const anchor = readme.indexOf(`<a id="rule-${ruleId}"></a>`);
  if (anchor < 0) return `${title}No documentation was found for this rule in the extension's README.\n`;
  const after = readme.slice(anchor);
  const own = /^<a id="[^"]+"><\/a>\s*\n#{2,4} /.test(after);
  if (own) {
    const body = after.replace(/^<a id="[^"]+"><\/a>\s*\n/, '');
    const end = body.slice(1).search(/\n<a id="rule-|\n## |\n<a id="[^"]+"><\/a>\s*\n#{2,3} /);
    return `${title}${(end < 0 ? body : body.slice(0, end + 1)).trim()}\n`;
  }
  const start = readme.lastIndexOf('\n\n', anchor) + 2;
  const stop = readme.indexOf('\n\n', anchor);
  return `${title}${readme.slice(start, stop < 0 ? undefined : stop).trim()}\n`;
}
