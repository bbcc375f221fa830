// The review workflow: a post-mortem's Status (Draft -> In Review -> Complete) decides how strict
// the lint is. The status is read from the Summary field or the front matter's `status:`.
import type { DocumentModel } from './document';
import { readFieldLines } from './fields';
import type { TemplateModel } from './template/model';
import type { PostmortemConfig, SeverityOrOff } from './types';

export type Strictness = Record<string, Record<string, SeverityOrOff>>;

/** Default severities by Status for the rules whose weight depends on how finished the document is. */
export const DEFAULT_STRICTNESS: Strictness = {
  draft: { placeholder: 'info', 'missing-section': 'info', 'empty-section': 'info' },
  'in review': { placeholder: 'warning', 'missing-section': 'warning', 'empty-section': 'warning' },
  complete: { placeholder: 'error', 'missing-section': 'error', 'empty-section': 'error', 'sign-off': 'error' },
};

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

export function readStatus(doc: DocumentModel, template: TemplateModel): DocumentStatus | undefined {
  const fm = doc.frontmatter;
  if (fm?.position) {
    const m = /^status:[ \t]*["']?([^"'\r\n#]*?)["']?[ \t]*$/im.exec(fm.value);
    if (m && m[1]) {
      // yaml node value starts after the opening "---" line.
      const base = doc.text.indexOf(fm.value, fm.position.start.offset);
      const start = base + m.index + m[0].indexOf(m[1]);
      return { value: m[1], key: statusKey(m[1]), start, end: start + m[1].length };
    }
  }
  const summary = template.summarySectionKey
    ? doc.sections.find((s) => s.key === template.summarySectionKey)
    : undefined;
  const nodes = summary ? summary.nodes : doc.tree.children;
  const field = readFieldLines(doc.text, nodes).find((f) => f.name === 'status');
  if (!field || !field.value || field.value.includes('|')) return undefined;
  return { value: field.value, key: statusKey(field.value), start: field.valueStart, end: field.valueEnd };
}

/** The severity table for a status: the config's `strictness` (false: none) or the default. */
export function strictnessFor(status: DocumentStatus | undefined, config: PostmortemConfig | undefined): Record<string, SeverityOrOff> {
  if (!status || config?.strictness === false) return {};
  const table = config?.strictness ?? DEFAULT_STRICTNESS;
  for (const [name, severities] of Object.entries(table)) if (statusKey(name) === status.key) return severities;
  return {};
}
