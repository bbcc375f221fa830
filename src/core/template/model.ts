// The post-mortem template as data. Built by parsing a template's Markdown with the same parser
// the linter uses, so a team's own template drives scaffolding, snippets, rules and fixes.
import { withLineFeeds } from '../markdown/positions';
import type { ListItem } from 'mdast';
import { buildDocument, normalizeTitle, plainText, rowTexts, type Section } from '../markdown/document';
import { readFieldLines } from '../markdown/fields';
import { parseMarkdown } from '../markdown/parse';
import { choiceParts, scanBracketPlaceholders } from './placeholders';
import { isRepeatableTitle, withoutPlaceholders } from './placeholderForms';
import { readPlaceholderConventions, type PlaceholderConventions } from './templateConventions';
import builtinTemplateText from './builtin';

export interface TemplateSection {
  title: string;
  key: string;
  depth: number;
  /** Key of the enclosing section, for subsections. */
  parentKey: string | undefined;
  /** Position in template order (0-based, over all sections). */
  index: number;
  /** The section's Markdown, heading included, through its subsections (no trailing blank lines). */
  text: string;
  /** The section's own Markdown, heading included, up to its first subsection. */
  ownText: string;
  /** Keys of its direct subsections, in order. */
  childKeys: string[];
  /**
   * The heading is itself a placeholder ("### [Date and time]", "### {{ hh:mm }}", "### 1900-01-01",
   * "## Additional Sections as required"): a slot for one or more sections the author names, never a
   * section required by that title.
   */
  repeatable: boolean;
  /** The title without its placeholders and dummies ("Timeline (all times PST) DATE RANGE" -> "Timeline (all times PST)"). */
  literalTitle: string;
}

export interface SummaryField {
  label: string;
  /** camelCase property name in the metadata schema. */
  name: string;
  /** The value as the template writes it ("[INC-XXXX]", "SEV1 | SEV2 | SEV3 | SEV4"). */
  templateValue: string;
  /** Allowed values when the template offers a choice list. */
  choices: string[] | undefined;
}

export interface TemplateTable {
  sectionKey: string;
  sectionTitle: string;
  columns: string[];
  rows: string[][];
}

export interface ChecklistOption {
  /** "Detection Gap" */
  label: string;
  /** "[Monitoring didn't catch it]", when the option has a hint after a colon. */
  hint: string | undefined;
}

export interface TemplateChecklist {
  sectionKey: string;
  sectionTitle: string;
  options: ChecklistOption[];
}

export interface TemplateModel {
  source: string;
  /** H1 text, e.g. "Post-Mortem: [Incident Title]". */
  title: string;
  /** The H1 text before its first placeholder, e.g. "Post-Mortem:". */
  titlePrefix: string;
  sections: TemplateSection[];
  /** Key of the section holding the `**Label:** value` fields. */
  summarySectionKey: string | undefined;
  summaryFields: SummaryField[];
  tables: TemplateTable[];
  checklists: TemplateChecklist[];
  /** The placeholder forms, texts and literal dummies the template writes (see templateConventions.ts). */
  placeholderConventions: PlaceholderConventions;
}

/** Team templates larger than this (in UTF-16 code units) are not used: remark needs about 1.5 s for 256 KB of template and 15 s for 1 MB. */
export const MAX_TEMPLATE_SIZE = 256 * 1024;

/** Why a team template's text is not used (linting falls back to the built-in template), or undefined when it is. */
export function templateProblem(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= MAX_TEMPLATE_SIZE) return undefined;
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  return `Team template not used: it is ${kb(text.length)}, over the ${kb(MAX_TEMPLATE_SIZE)} limit (linting with the built-in template). Shorten it: move examples and guidance into a document it links to.`;
}

const sectionIdentity = (s: Section) => `${s.key}\u0000${s.parent?.key ?? ''}`;

/**
 * The sections of a template, each title once under the same parent title: a team template that
 * repeats a section (a pasted copy) keeps the first. Rules match every template section against
 * every document section of that title, so a repeated one would multiply their findings.
 */
export function distinctSections(sections: readonly Section[]): Section[] {
  const seen = new Set<string>();
  return sections.filter((s) => {
    const id = sectionIdentity(s);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function buildTemplateModel(text: string): TemplateModel {
  // A team template saved with lone CRs reads like one with LFs (its offsets are never reported).
  const source = withLineFeeds(text);
  const doc = buildDocument(source, parseMarkdown(source));
  const kept = distinctSections(doc.sections);
  const keptSet = new Set(kept);
  // A repeated section's subsections count for the one kept: they share its identity.
  const childKeys = new Map<string, Set<string>>();
  for (const s of doc.sections) {
    const id = sectionIdentity(s);
    const keys = childKeys.get(id) ?? new Set<string>();
    for (const c of s.children) keys.add(c.key);
    childKeys.set(id, keys);
  }
  // Tables and checklists of a dropped repeat would be matched as often as it was repeated.
  const inKeptSection = ({ section }: { section: Section | undefined }) => !section || keptSet.has(section);

  const trimSlice = (a: number, b: number) => source.slice(a, b).trimEnd();
  const placeholderConventions = readPlaceholderConventions(doc);
  const dummies = new Set(placeholderConventions.dummies);
  const sections: TemplateSection[] = kept.map((s, index) => ({
    title: s.title,
    key: s.key,
    depth: s.depth,
    parentKey: s.parent?.key,
    index,
    text: trimSlice(s.start, s.end),
    ownText: trimSlice(s.start, s.contentEnd),
    childKeys: [...(childKeys.get(sectionIdentity(s)) ?? [])],
    repeatable: isRepeatableTitle(s.title, dummies),
    literalTitle: withoutPlaceholders(s.title, dummies),
  }));

  let summarySectionKey: string | undefined;
  let summaryFields: SummaryField[] = [];
  for (const s of doc.sections) {
    const lines = readFieldLines(source, s.nodes);
    if (lines.length === 0) continue;
    summarySectionKey = s.key;
    summaryFields = lines.map((f) => {
      const parts = choiceParts(f.value);
      const isChoice = parts.length >= 2 && parts.every((p) => p.length > 0 && scanBracketPlaceholders(p).length === 0);
      return { label: f.label, name: f.name, templateValue: f.value, choices: isChoice ? parts : undefined };
    });
    break;
  }

  const tables: TemplateTable[] = doc.tables.filter(inKeptSection).map(({ node, section }) => {
    const [header, ...rows] = node.children;
    return {
      sectionKey: section?.key ?? '',
      sectionTitle: section?.title ?? '',
      columns: header ? rowTexts(header) : [],
      rows: rows.map(rowTexts),
    };
  });

  const checklists: TemplateChecklist[] = [];
  for (const { node, section } of doc.lists.filter(inKeptSection)) {
    const items = node.children.filter((i: ListItem) => i.checked === false || i.checked === true);
    if (items.length === 0) continue;
    checklists.push({
      sectionKey: section?.key ?? '',
      sectionTitle: section?.title ?? '',
      options: items.map((item) => splitOption(plainText(item).trim())),
    });
  }

  const title = doc.titleText;
  const firstPlaceholder = scanBracketPlaceholders(title)[0];
  const titlePrefix = (firstPlaceholder ? title.slice(0, firstPlaceholder.start) : title).trim();

  return { source, title, titlePrefix, sections, summarySectionKey, summaryFields, tables, checklists, placeholderConventions };
}

/** "Detection Gap: [Monitoring didn't catch it]" -> label and hint. */
export function splitOption(text: string): ChecklistOption {
  const colon = text.indexOf(':');
  if (colon < 0) return { label: text.trim(), hint: undefined };
  return { label: text.slice(0, colon).trim(), hint: text.slice(colon + 1).trim() || undefined };
}

let builtin: TemplateModel | undefined;

/** The template shipped with Postmortem Kit (src/core/template/postmortem-template.md). */
export function builtinTemplate(): TemplateModel {
  builtin ??= buildTemplateModel(builtinTemplateText);
  return builtin;
}

const cache = new Map<string, TemplateModel>();

/** Template models are cached by their text: lint is called on every keystroke. A template over MAX_TEMPLATE_SIZE gives the built-in one (see templateProblem). */
export function templateFor(text: string | undefined): TemplateModel {
  if (text === undefined || text === builtinTemplateText || templateProblem(text) !== undefined) return builtinTemplate();
  let model = cache.get(text);
  if (!model) {
    model = buildTemplateModel(text);
    if (cache.size > 8) cache.clear();
    cache.set(text, model);
  }
  return model;
}

export function sectionByKey(template: TemplateModel, key: string): TemplateSection | undefined {
  return template.sections.find((s) => s.key === key);
}

export { normalizeTitle, builtinTemplateText };
