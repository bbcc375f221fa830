// The template sections a document lacks, each with the edit that inserts it at its template
// position: what "Insert Section..." offers. Same placement as the missing-section fix.
import { buildDocument } from './document';
import { parseMarkdown } from './parse';
import { detectEol, LineIndex } from './positions';
import { missingSections, sectionInsertion } from './sectionMatch';
import { templateFor } from './template/model';
import type { TextEdit } from './types';

export interface SectionInsertion {
  title: string;
  depth: number;
  /** Title of the enclosing template section, for subsections. */
  parentTitle: string | undefined;
  edit: TextEdit;
}

export function missingSectionInsertions(text: string, templateText?: string): SectionInsertion[] {
  const template = templateFor(templateText);
  const lines = new LineIndex(text);
  const doc = buildDocument(text, parseMarkdown(text), lines);
  const eol = detectEol(text);
  return missingSections(doc, template).map((m) => {
    const t = m.template;
    const insertion = sectionInsertion(doc, template, t, eol);
    const parent = t.parentKey === undefined ? undefined : template.sections.find((s) => s.key === t.parentKey);
    return {
      title: t.title,
      depth: t.depth,
      parentTitle: parent?.title,
      edit: { range: lines.range(insertion.offset, insertion.offset), text: insertion.text },
    };
  });
}
