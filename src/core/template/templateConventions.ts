// What a template teaches about its placeholders: which bracket forms it writes ({...}, {{ ... }},
// <...>, [...]), the placeholder texts themselves, and its literal dummies (YYYY-MM-DD, XXX, ISSUE
// NAME, 1900-01-01). Read from the template's parsed text (code, links and comments excluded), so
// a document written from it is checked for the same forms.
import type { Nodes } from 'mdast';
import { endOf, startOf, type DocumentModel } from '../markdown/document';
import { ALL_CAPS_PHRASE, isAllCapsDummy, isAngleCandidate, isCurlyCandidate, isMustacheCandidate, scanBracketForms, scanDummies, type PlaceholderForm } from './placeholderForms';

export interface PlaceholderConventions {
  /** The bracket forms the template writes its placeholders in ('square' for `[...]`...). */
  forms: PlaceholderForm[];
  /** Placeholders in `{...}`, `{{ ... }}` and `<...>` as the template writes them ("{brief description}"). */
  texts: string[];
  /** Literal dummies the template writes: "YYYY-MM-DD", "XXX", "ISSUE NAME", "1900-01-01". */
  dummies: string[];
}

const SQUARE = /(?<![\p{L}\p{N}_\]\)!\\])\[[^\[\]\r\n]*\p{L}[^\[\]\r\n]*\](?![(\[])/u;

/** The placeholder conventions of a template, from its document model (built from its source). */
export function readPlaceholderConventions(doc: DocumentModel): PlaceholderConventions {
  const forms = new Set<PlaceholderForm>();
  const texts = new Set<string>();
  const dummies = new Set<string>();
  const source = doc.text;

  const read = (from: number, to: number, capsToo = true) => {
    const piece = source.slice(from, to);
    if (SQUARE.test(piece)) forms.add('square');
    for (const f of scanBracketForms(piece)) {
      if (f.form === 'angle' && !isAngleCandidate(f.inner)) continue;
      if (f.form === 'curly' && !isCurlyCandidate(f.inner)) continue;
      if (f.form === 'mustache' && !isMustacheCandidate(f.inner)) continue;
      forms.add(f.form);
      texts.add(f.text);
    }
    for (const d of scanDummies(piece)) {
      forms.add('dummy');
      dummies.add(d.text);
    }
    for (const m of capsToo ? piece.matchAll(new RegExp(ALL_CAPS_PHRASE.source, 'g')) : []) {
      if (!isAllCapsDummy(m[0])) continue;
      forms.add('dummy');
      dummies.add(m[0]);
    }
  };

  for (const run of doc.textRuns) read(run.start, run.end);
  // Headings are not text runs; `<Name>` parses as inline HTML.
  const visit = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'link' || node.type === 'definition') return;
    if (node.type === 'heading') {
      // An all-caps H1 is a dummy (# ISSUE NAME); an all-caps section heading is a section's name.
      for (const child of node.children) if (child.type === 'text') read(startOf(child), endOf(child), node.depth === 1);
    }
    if (node.type === 'html' && !node.value.startsWith('<!--') && /^<[^<>\r\n]+>$/.test(node.value)) {
      const inner = node.value.slice(1, -1);
      if (isAngleCandidate(inner)) {
        forms.add('angle');
        texts.add(node.value);
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const node of doc.tree.children) visit(node);

  return { forms: [...forms], texts: [...texts], dummies: [...dummies] };
}
