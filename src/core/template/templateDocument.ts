// Whether a document is itself a template rather than a post-mortem: the team's template file, a file
// named as a template, or a document whose title is still a placeholder of another template ("# Title",
// "# ISSUE NAME", "# Incident title - DD/MM/YYYY"). Its placeholders, empty cells and empty sections
// are intended: the rules that would report them stay quiet on it.
import { normalizeTitle, type DocumentModel } from '../markdown/document';
import { memoize } from '../markdown/memo';
import { builtinTemplate, type TemplateModel } from './model';
import { isAllCapsDummy, withoutPlaceholders } from './placeholderForms';

export interface TemplateDocumentOptions {
  /** The document's file name or path, when known: "TEMPLATE.md", "docs/postmortem-template.md". */
  fileName?: string | undefined;
}

/** Words a template's own title is made of: "Incident Title", "Postmortem Template", "Title (incident #)". */
const TITLE_WORDS = new Set(
  (
    'incident incidents issue outage event problem post mortem postmortem postmortems review report rca root cause analysis ' +
    'template title name number no nr id for the of a an and summary short brief descriptive sample example date'
  ).split(' '),
);
/** At least one of these says the title is a stand-in: "Incident Title", "Postmortem Template", "ISSUE NAME". */
const STAND_IN_WORDS = new Set(['template', 'title', 'name']);

const titleWords = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Whether an H1 is a template's title rather than a real one: nothing but a placeholder, a dummy, or
 * words that name a title ("Title", "Incident Title", "Postmortem Template", "ISSUE NAME",
 * "Incident title - DD/MM/YYYY", "Post-Mortem: [Incident Title]"). "Incident Report" is a title.
 */
export function isPlaceholderTitle(title: string, template?: TemplateModel): boolean {
  const text = title.trim();
  if (!text) return false;
  if (isAllCapsDummy(text)) return true;
  const known = template ? new Set(template.placeholderConventions.dummies) : undefined;
  const rest = withoutPlaceholders(text, known);
  const ws = titleWords(rest);
  if (!ws.every((w) => TITLE_WORDS.has(w))) return false;
  return rest !== text || ws.some((w) => STAND_IN_WORDS.has(w));
}

const plain = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trimEnd();
const sameText = (a: string, b: string) => a.length <= 2 * b.length + 8 && b.length <= 2 * a.length + 8 && plain(a) === plain(b);

/** A file name that says it is a template: TEMPLATE.md, postmortem-template.md, pm_template.md. */
export function isTemplateFileName(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return /(?:^|[^a-z])templates?(?:[^a-z]|$)/i.test(base);
}

/**
 * Whether the document is a template rather than a post-mortem:
 * - its text is the configured team template (the template file itself, opened or linted);
 * - its file name says template (when `fileName` is given);
 * - its H1 is a placeholder title (isPlaceholderTitle) other than the configured template's own: a
 *   draft written from the configured template keeps that title until it is filled, and is checked.
 * A copy of the built-in template is a draft to fill in (the built-in template is no file of the team's): checked.
 */
export function isTemplateDocument(doc: DocumentModel, template: TemplateModel, options: TemplateDocumentOptions = {}): boolean {
  if (options.fileName !== undefined && isTemplateFileName(options.fileName)) return true;
  return memoize(doc, 'template document', [template], () => {
    if (template !== builtinTemplate() && sameText(doc.text, template.source)) return true;
    const title = doc.titleText;
    if (!isPlaceholderTitle(title, template)) return false;
    return normalizeTitle(title) !== normalizeTitle(template.title);
  });
}
