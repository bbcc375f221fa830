// Where and how a document writes its metadata, whichever layout its team uses: field lines and
// key/value tables under the title and in the Summary section (markdown/fields.ts), and a heading per
// field (`## Date` over a one-line value). The template's own layout (how its Summary writes a field)
// is read here too, so a missing field is inserted the way the template writes it.
import type { RootContent } from 'mdast';
import { endOf, isHtmlComment, startOf, type DocumentModel, type Section } from '../markdown/document';
import { readFieldLines, type FieldLayout, type FieldLine } from '../markdown/fields';
import { memoize } from '../markdown/memo';
import type { TemplateModel } from '../template/model';
import { canonicalFieldName, isTemplateFieldLabel, metadataFieldName } from './fieldNames';

/** A heading's value longer than this is a section of prose ("## Impact" and a paragraph), not a field. */
const MAX_HEADING_VALUE = 160;

/** The nodes between the title (or the front matter) and the first section: "Created by: X  \nDate: Y". */
function preamble(doc: DocumentModel): RootContent[] {
  const first = doc.sections[0]?.start ?? doc.text.length;
  return doc.tree.children.filter((n) => startOf(n) < first && n.type !== 'heading' && n.type !== 'yaml');
}

/** A section that is a field: its title names a template field, and it holds one short line and no subsection. */
function headingField(doc: DocumentModel, template: TemplateModel, section: Section): FieldLine | undefined {
  if (section.children.length > 0 || !isTemplateFieldLabel(section.title, template)) return undefined;
  if (template.sections.some((t) => t.key === section.key)) return undefined;
  const content = section.nodes.filter((n) => !isHtmlComment(n));
  const [value] = content;
  if (content.length !== 1 || value?.type !== 'paragraph') return undefined;
  const start = startOf(value);
  let end = endOf(value);
  while (end > start && /\s/.test(doc.text[end - 1] as string)) end--;
  const text = doc.text.slice(start, end);
  if (text.includes('\n') || text.length > MAX_HEADING_VALUE) return undefined;
  return {
    label: section.title,
    name: section.title,
    value: text,
    valueStart: start,
    valueEnd: end,
    labelStart: section.start,
    labelEnd: section.headingEnd,
    layout: 'heading',
  };
}

/**
 * The document's metadata fields, in document order: the lines and tables of its Summary section, or
 * when that has none (or there is no Summary section) those under its title ("Created by: X" above a
 * Summary of prose); and the sections that are a field each. Each is named by the template field its
 * label names (canonicalFieldName).
 */
export function readMetadataFields(doc: DocumentModel, template: TemplateModel, summary: Section | undefined): FieldLine[] {
  const reading = { isLabel: (label: string) => metadataFieldName(label, template) !== undefined };
  const inSummary = summary ? readFieldLines(doc.text, summary.nodes, reading) : [];
  const lines = inSummary.length > 0 ? inSummary : readFieldLines(doc.text, preamble(doc), reading);
  const headings = doc.sections.flatMap((s) => headingField(doc, template, s) ?? []);
  return [...lines, ...headings]
    .sort((a, b) => a.labelStart - b.labelStart)
    .map((f) => ({ ...f, name: canonicalFieldName(f.label, template) }));
}

export interface TemplateFieldLayout {
  layout: FieldLayout;
  /** What stands before the label on its line: "- " for list items, "" otherwise. */
  prefix: string;
}

/**
 * How the template writes its Summary fields: `**Label:** value` (the built-in template), `Label: value`
 * lines, list items, or rows of a key/value table; read from the line of its first field.
 */
export function templateFieldLayout(template: TemplateModel): TemplateFieldLayout {
  return memoize(template, 'field layout', [], () => {
    const first = template.summaryFields[0];
    const section = template.sections.find((s) => s.key === template.summarySectionKey);
    const bold: TemplateFieldLayout = { layout: 'bold', prefix: '' };
    if (!first || !section) return bold;
    const line = section.ownText.split('\n').find((l) => l.includes(first.label));
    if (line === undefined) return bold;
    if (/^\s*\|/.test(line)) return { layout: 'table', prefix: '' };
    const prefix = /^[ \t]*(?:[-*+][ \t]+)?/.exec(line)?.[0] ?? '';
    const rest = line.slice(prefix.length);
    return { layout: rest.startsWith('**') || rest.startsWith('__') ? 'bold' : 'line', prefix };
  });
}

/** A field as the template's layout writes it: `**Severity:** SEV2`, `Severity: SEV2`, `| Severity | SEV2 |`. */
export function writeField(layout: TemplateFieldLayout, label: string, value: string): string {
  const tail = value ? ` ${value}` : '';
  switch (layout.layout) {
    case 'table':
      return `| ${label} | ${value} |`;
    case 'line':
      return `${layout.prefix}${label}:${tail}`;
    default:
      return `${layout.prefix}**${label}:**${tail}`;
  }
}
