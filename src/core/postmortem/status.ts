// The review workflow: a post-mortem's Status (Draft -> In Review -> Complete) decides how strict
// the lint is. The status is read from the Summary field or the front matter's `status:`.
import type { Paragraph } from 'mdast';
import type { DocumentModel } from '../markdown/document';
import { readFieldLines, type FieldLine } from '../markdown/fields';
import type { TemplateModel } from '../template/model';
import type { PostmortemConfig, SeverityOrOff } from '../types';

export type Strictness = Record<string, Record<string, SeverityOrOff>>;

/** Default severities by Status for the rules whose weight depends on how finished the document is. */
export const DEFAULT_STRICTNESS: Strictness = {
  draft: { placeholder: 'info', 'missing-section': 'info', 'empty-section': 'info' },
  'in review': { placeholder: 'warning', 'missing-section': 'warning', 'empty-section': 'warning' },
  complete: { placeholder: 'error', 'missing-section': 'error', 'empty-section': 'error', 'sign-off': 'error' },
};

/** The status key (see DocumentStatus.key) of a post-mortem that claims to be finished. */
export const COMPLETE_STATUS_KEY = 'complete';

export interface DocumentStatus {
  /** As written ("In Review"). */
  value: string;
  /** Lower-cased, spaces collapsed ("in review"): the key into the strictness table. */
  key: string;
  start: number;
  end: number;
}

function statusKey(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

const FRONT_MATTER_STATUS = /^status:[ \t]*["']?([^"'\r\n#]*?)["']?[ \t]*$/im;

/** The `status:` of a front matter block whose value starts at `base` in the document. */
function frontMatterStatus(value: string, base: number): DocumentStatus | undefined {
  const m = FRONT_MATTER_STATUS.exec(value);
  if (!m || !m[1]) return undefined;
  const start = base + m.index + m[0].indexOf(m[1]);
  return { value: m[1], key: statusKey(m[1]), start, end: start + m[1].length };
}

/** A Status field line's value; a choice list left from the template ("Draft | Complete") says none. */
function fieldStatus(fields: readonly FieldLine[]): DocumentStatus | undefined {
  const field = fields.find((f) => f.name === 'status');
  if (!field || !field.value || field.value.includes('|')) return undefined;
  return { value: field.value, key: statusKey(field.value), start: field.valueStart, end: field.valueEnd };
}

export function readStatus(doc: DocumentModel, template: TemplateModel): DocumentStatus | undefined {
  const fm = doc.frontmatter;
  if (fm?.position) {
    // yaml node value starts after the opening "---" line.
    const found = frontMatterStatus(fm.value, doc.text.indexOf(fm.value, fm.position.start.offset));
    if (found) return found;
  }
  const summary = template.summarySectionKey
    ? doc.sections.find((s) => s.key === template.summarySectionKey)
    : undefined;
  const nodes = summary ? summary.nodes : doc.tree.children;
  return fieldStatus(readFieldLines(doc.text, nodes));
}

/** How much of a document scanStatus reads: a Summary sits in the first lines. */
export const STATUS_SCAN_LENGTH = 64 * 1024;

/**
 * The Status of a document that is not parsed (over the size limit, or too slow to parse), read
 * from its first STATUS_SCAN_LENGTH characters only: the front matter's `status:`, else the first
 * `**Status:** value` line, as readStatus reads them. Code blocks are not told apart: a document
 * nobody could lint is better taken at its word.
 */
export function scanStatus(text: string): DocumentStatus | undefined {
  let head = text.length > STATUS_SCAN_LENGTH ? text.slice(0, STATUS_SCAN_LENGTH) : text;
  if (head.length < text.length) head = head.slice(0, Math.max(0, head.lastIndexOf('\n')));
  const open = /^---[ \t]*\r?\n/.exec(head);
  if (open) {
    const close = /^---[ \t]*$/m.exec(head.slice(open[0].length));
    if (close) {
      const found = frontMatterStatus(head.slice(open[0].length, open[0].length + close.index), open[0].length);
      if (found) return found;
    }
  }
  // Field lines are read line by line from a paragraph's extent: the head stands in for one.
  const paragraph: Paragraph = { type: 'paragraph', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: head.length } } };
  return fieldStatus(readFieldLines(head, [paragraph]));
}

/** The severity table for a status: the config's `strictness` (false: none) or the default. */
export function strictnessFor(status: DocumentStatus | undefined, config: PostmortemConfig | undefined): Record<string, SeverityOrOff> {
  if (!status || config?.strictness === false) return {};
  const table = config?.strictness ?? DEFAULT_STRICTNESS;
  for (const [name, severities] of Object.entries(table)) if (statusKey(name) === status.key) return severities;
  return {};
}
