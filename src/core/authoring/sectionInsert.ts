// The template sections a document lacks, each with the edit that inserts it at its template
// position: what "Insert Section..." offers. Same placement as the missing-section fix.
import { buildDocument } from '../markdown/document';
import { parseDocumentText } from '../markdown/parse';
import { closingBlockFirst, isBeforeOpenBlock, openBlockAtEnd } from '../markdown/openBlocks';
import { detectEol, LineIndex, shiftRange } from '../markdown/positions';
import { missingSections, sectionInsertion } from '../template/sectionMatch';
import { templateFor } from '../template/model';
import type { TextEdit } from '../types';

export interface SectionInsertion {
  title: string;
  depth: number;
  /** Title of the enclosing template section, for subsections. */
  parentTitle: string | undefined;
  edit: TextEdit;
}

/** Offsets are those of the text as given (a byte-order mark included); see lintDocument. */
export function missingSectionInsertions(given: string, templateText?: string): SectionInsertion[] {
  const { text, tree, bom } = parseDocumentText(given);
  const template = templateFor(templateText);
  const lines = new LineIndex(text);
  const doc = buildDocument(text, tree, lines);
  const eol = detectEol(given);
  const open = openBlockAtEnd(text, tree);
  const insertions: SectionInsertion[] = [];
  for (const m of missingSections(doc, template)) {
    const t = m.template;
    const insertion = sectionInsertion(doc, template, t, eol);
    let edit: TextEdit | undefined = { range: lines.range(insertion.offset, insertion.offset), text: insertion.text };
    // The user asked for the section: at the end of a document inside an unclosed block, close it first.
    if (open) {
      const fix = { title: t.title, edits: [edit] };
      edit = isBeforeOpenBlock(fix, open) ? edit : closingBlockFirst(fix, open, text, eol)?.edits[0];
    }
    if (!edit) continue;
    const parent = t.parentKey === undefined ? undefined : template.sections.find((s) => s.key === t.parentKey);
    insertions.push({
      title: t.title,
      depth: t.depth,
      parentTitle: parent?.title,
      edit: bom ? { range: shiftRange(edit.range, bom), text: edit.text } : edit,
    });
  }
  return insertions;
}
