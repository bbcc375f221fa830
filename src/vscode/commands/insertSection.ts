// "Insert Section...": a quick pick of the template sections the current document lacks; the pick is
// inserted at its template position (the same edit as the missing-section fix).
import * as vscode from 'vscode';
import { type SectionInsertion } from '../../core/index';
import { postmortemEditor } from '../activePostmortem';
import type { ConfigFiles } from '../configFiles';
import { toPosition, toWorkspaceEdit } from '../convert';
import type { Linter } from '../linter';

export interface InsertSectionArgs {
  /** Title of the section to insert (asks nothing then). */
  section?: string;
}

/** Returns the inserted section's title, or undefined when nothing was inserted. */
export async function insertSection(deps: { configs: ConfigFiles; linter: Linter }, args?: InsertSectionArgs): Promise<string | undefined> {
  const active = postmortemEditor('Insert Section', 'markdown');
  if (!active) return undefined;
  const { editor, document: doc } = active;
  const { templateText } = await deps.configs.forDocument(doc.uri);
  // Parsing a large document takes seconds: done in the worker, like the lint.
  const { result: missing } = await deps.linter.missingSections(doc.getText(), templateText);
  if (missing.length === 0) {
    void vscode.window.showInformationMessage('Insert Section: every section of the template is already there.');
    return undefined;
  }

  let chosen: SectionInsertion | undefined;
  if (args?.section !== undefined) {
    const wanted = args.section.trim().toLowerCase();
    chosen = missing.find((m) => m.title.toLowerCase() === wanted);
    if (!chosen) {
      void vscode.window.showErrorMessage(`Insert Section: "${args.section}" is not a missing template section (missing: ${missing.map((m) => m.title).join(', ')}).`);
      return undefined;
    }
  } else {
    const picked = await vscode.window.showQuickPick(
      missing.map((m) => ({ label: `${'#'.repeat(m.depth)} ${m.title}`, ...(m.parentTitle ? { description: `in ${m.parentTitle}` } : {}), insertion: m })),
      { title: 'Insert Section', placeHolder: 'Template sections missing from this post-mortem' },
    );
    chosen = picked?.insertion;
  }
  if (!chosen) return undefined;
  if (!active.unchanged()) return undefined;
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(doc.uri, [chosen.edit])))) return undefined;
  // Reveal the new heading: the insertion starts with blank lines when it follows other content.
  const leadingBreaks = (/^(?:\r?\n)*/.exec(chosen.edit.text)?.[0] ?? '').split('\n').length - 1;
  const heading = toPosition(chosen.edit.range.start).translate(leadingBreaks, 0);
  const at = new vscode.Position(heading.line, leadingBreaks > 0 ? 0 : heading.character);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return chosen.title;
}
