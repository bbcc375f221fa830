// The Summary: the document's section matching the template's Summary section, and the metadata
// fields a reader finds there in any common layout (postmortem/metadataLayouts.ts): `**Label:** value`
// and `Label: value` lines, key/value tables, a heading per field, and the lines under the title.
// Each field is named as the template field its label names ("Date/time" -> date). Status, metrics,
// metadata, placeholder and sign-off all find the Summary here.
import type { RootContent } from 'mdast';
import type { DocumentModel, Section } from '../markdown/document';
import type { FieldLine } from '../markdown/fields';
import { memoize } from '../markdown/memo';
import type { TemplateModel } from '../template/model';
import { matchedSection } from '../template/sectionMatch';
import { readMetadataFields } from './metadataLayouts';

export interface Summary {
  /** The document's Summary section (matched as every template section is); undefined when it has none. */
  section: Section | undefined;
  /** The Summary section's own nodes; without a Summary section, the document's top-level nodes. */
  nodes: readonly RootContent[];
  /** Its fields in document order: under the title, in the Summary section, and headings that name a field. */
  fields: FieldLine[];
}

export function readSummary(doc: DocumentModel, template: TemplateModel): Summary {
  return memoize(doc, 'summary', [template], () => {
    const section = template.summarySectionKey === undefined ? undefined : matchedSection(doc, template, template.summarySectionKey);
    const nodes = section ? section.nodes : doc.tree.children;
    return { section, nodes, fields: readMetadataFields(doc, template, section) };
  });
}

export interface FieldValue {
  /** The value inside its markup, trimmed ("INC-1" of `[INC-1](https://...)`); empty when there is none. */
  text: string;
  /** Offsets of the inner value in the document. */
  start: number;
  end: number;
}

/** A field's value inside markup wrapped round the whole of it: `INC-1`, **SEV2**, [INC-1](https://...), <bd://x>. */
export function fieldValue(field: FieldLine): FieldValue {
  const raw = field.value;
  let start = 0;
  let end = raw.length;
  for (;;) {
    const s = raw.slice(start, end);
    const wrapped = /^(\*\*|__|\*|_|`+)(?=\S)([^]*\S)\1$/.exec(s);
    const link = /^\[([^\]]+)\]\([^)]*\)$/.exec(s);
    const autolink = /^<([^<>\s]+)>$/.exec(s);
    if (wrapped) {
      const width = (wrapped[1] as string).length;
      start += width;
      end -= width;
    } else if (link) {
      start += 1;
      end = start + (link[1] as string).length;
    } else if (autolink) {
      start += 1;
      end -= 1;
    } else {
      return { text: raw.slice(start, end).trim(), start: field.valueStart + start, end: field.valueStart + end };
    }
  }
}
