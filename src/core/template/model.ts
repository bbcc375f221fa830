// The post-mortem template as data. Built by parsing a template's Markdown with the same parser
// the linter uses, so a team's own template drives scaffolding, snippets, rules and fixes.
import type { ListItem } from 'mdast';
import { buildDocument, normalizeTitle, plainText, rowTexts, type Section } from '../document';
import { readFieldLines } from '../fields';
import { parseMarkdown } from '../parse';
import { scanBracketPlaceholders } from '../placeholders';
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
}

export function buildTemplateModel(source: string): TemplateModel {
  const doc = buildDocument(source, parseMarkdown(source));
  const sectionIndex = new Map<Section, number>();
  doc.sections.forEach((s, i) => sectionIndex.set(s, i));

  const trimSlice = (a: number, b: number) => source.slice(a, b).trimEnd();
  const sections: TemplateSection[] = doc.sections.map((s, index) => ({
    title: s.title,
    key: s.key,
    depth: s.depth,
    parentKey: s.parent?.key,
    index,
    text: trimSlice(s.start, s.end),
    ownText: trimSlice(s.start, s.contentEnd),
    childKeys: s.children.map((c) => c.key),
  }));

  let summarySectionKey: string | undefined;
  let summaryFields: SummaryField[] = [];
  for (const s of doc.sections) {
    const lines = readFieldLines(source, s.nodes);
    if (lines.length === 0) continue;
    summarySectionKey = s.key;
    summaryFields = lines.map((f) => {
      const parts = f.value.split('|').map((p) => p.trim());
      const isChoice = parts.length >= 2 && parts.every((p) => p.length > 0 && scanBracketPlaceholders(p).length === 0);
      return { label: f.label, name: f.name, templateValue: f.value, choices: isChoice ? parts : undefined };
    });
    break;
  }

  const tables: TemplateTable[] = doc.tables.map(({ node, section }) => {
    const [header, ...rows] = node.children;
    return {
      sectionKey: section?.key ?? '',
      sectionTitle: section?.title ?? '',
      columns: header ? rowTexts(header) : [],
      rows: rows.map(rowTexts),
    };
  });

  const checklists: TemplateChecklist[] = [];
  for (const { node, section } of doc.lists) {
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

  return { source, title, titlePrefix, sections, summarySectionKey, summaryFields, tables, checklists };
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

/** Template models are cached by their text: lint is called on every keystroke. */
export function templateFor(text: string | undefined): TemplateModel {
  if (text === undefined || text === builtinTemplateText) return builtinTemplate();
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
