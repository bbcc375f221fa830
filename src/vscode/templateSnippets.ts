// Section snippets from the template that applies to the document: a completion provider in
// post-mortems, fed by the same template model as Insert Section... (buildSnippets). The static
// snippets file (snippets/postmortem.code-snippets) already holds the built-in template's, so a
// document under the built-in template gets nothing more from here; one under a team template gets
// the team's sections. Markdown has quick suggestions off: Ctrl+Space lists them.
import * as vscode from 'vscode';
import { buildSnippets, templateFor } from '../core/index';
import type { ConfigFiles } from './configFiles';
import type { PostmortemDocuments } from './documents';

type SnippetDefinition = ReturnType<typeof buildSnippets>[string];

export class TemplateSnippets implements vscode.CompletionItemProvider {
  /** By template text: building the snippets parses the template once. */
  private readonly cache = new Map<string, SnippetDefinition[]>();

  constructor(
    private readonly documents: PostmortemDocuments,
    private readonly configs: ConfigFiles,
  ) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    if (!this.documents.isPostmortem(doc)) return [];
    const { templateText } = await this.configs.forDocument(doc.uri);
    if (templateText === undefined || token.isCancellationRequested) return [];
    const line = doc.lineAt(position.line).text.slice(0, position.character);
    // The prefix being typed ("pm-ti"): what the items replace.
    const typed = /[\w-]*$/.exec(line)?.[0] ?? '';
    const range = new vscode.Range(position.translate(0, -typed.length), position);
    return this.snippets(templateText).map((s) => {
      const item = new vscode.CompletionItem({ label: s.prefix, description: 'team template' }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(s.body.join('\n'));
      item.detail = s.description;
      item.documentation = new vscode.MarkdownString().appendCodeblock(previewText(s.body), 'markdown');
      item.range = range;
      // Before the built-in template's snippets of the same prefix.
      item.sortText = `0${s.prefix}`;
      return item;
    });
  }

  private snippets(templateText: string): SnippetDefinition[] {
    let snippets = this.cache.get(templateText);
    if (!snippets) {
      snippets = Object.values(buildSnippets(templateFor(templateText)));
      if (this.cache.size > 8) this.cache.clear();
      this.cache.set(templateText, snippets);
    }
    return snippets;
  }
}

/** A snippet body as the text it inserts: tab stops show their defaults, choices their first value. */
function previewText(body: readonly string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^|]*?)(?:,[^|]*)?\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
