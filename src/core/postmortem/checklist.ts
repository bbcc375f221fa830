// Task-list checklists ("- [ ] Detection Gap: [Monitoring didn't catch it]") and `Label: text` list
// entries as written in the document, read from the source so that labels and boxes have exact offsets.
import type { List, ListItem } from 'mdast';
import type { DocumentModel, Section } from '../markdown/document';
import { memoize } from '../markdown/memo';
import { endOf, normalizeTitle, startOf } from '../markdown/document';
import { templatePlaceholders } from '../template/placeholders';
import { matchSections } from '../template/sectionMatch';
import type { TemplateChecklist, TemplateModel } from '../template/model';

export interface LabelSpan {
  label: string;
  /** Offsets of the label text, without its markup (`**`, `[]`). */
  start: number;
  end: number;
  /** Offsets of what follows the colon, trimmed (start === end when nothing does); undefined without a colon. */
  after: { start: number; end: number } | undefined;
}

export interface ChecklistItem {
  item: ListItem;
  checked: boolean;
  label: LabelSpan;
  /** Offsets of the item's text (its first paragraph), after the box. */
  textStart: number;
  textEnd: number;
  /** Offsets of the `[ ]` / `[x]` box. */
  boxStart: number;
  boxEnd: number;
}

// `**Label**:`, `__Label__:`, `**Label:**`, `[Label]:`, `Label:`. The colon ends the label only when
// followed by a space or the end of the line, so "14:32" and URLs do not split. Labels are bounded
// (a longer one is prose, not a label), which also keeps a failed match linear on long lines.
const LABEL_FORMS: { re: RegExp; offset: number }[] = [
  { re: /^(\*\*|__)([^\r\n]{1,100}?)\1[ \t]{0,20}:(?=\s|$)/, offset: 2 },
  { re: /^(\*\*|__)([^\r\n]{1,100}?):\1(?=\s|$)/, offset: 2 },
  { re: /^(\[)([^\[\]\r\n]{1,100})\][ \t]{0,20}:(?=\s|$)/, offset: 1 },
  { re: /^()([^:\r\n*_\[\]`]{1,100}?)[ \t]{0,20}:(?=\s|$)/, offset: 0 },
];

const MAX_LABEL_LENGTH = 80;

// The marker and the box of a task-list item: "- [x] ", "1. [ ] ".
const TASK_ITEM_START = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[[ \txX]\][ \t]*/;

/** The end of the line that starts at `from` (LF, CRLF or a lone CR), not past `to`. */
export function lineEndAt(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return to;
}

/**
 * Reads `Label: text` at `from` (one line). With `requireColon` false, a line without a label form
 * is all label (a checklist option without hint), minus surrounding `**`.
 */
export function readLabel(text: string, from: number, lineEnd: number, requireColon: boolean): LabelSpan | undefined {
  const line = text.slice(from, lineEnd);
  for (const form of LABEL_FORMS) {
    const m = form.re.exec(line);
    if (!m) continue;
    const raw = m[2] as string;
    const lead = raw.length - raw.trimStart().length;
    const label = raw.trim();
    if (!label || label.length > MAX_LABEL_LENGTH) return undefined;
    const start = from + form.offset + lead;
    let afterStart = from + m[0].length;
    while (afterStart < lineEnd && /\s/.test(text[afterStart] as string)) afterStart++;
    let afterEnd = lineEnd;
    while (afterEnd > afterStart && /\s/.test(text[afterEnd - 1] as string)) afterEnd--;
    return { label, start, end: start + label.length, after: { start: afterStart, end: afterEnd } };
  }
  if (requireColon) return undefined;
  const raw = line.trimEnd();
  const bold = /^(\*\*|__)(.+)\1$/.exec(raw.trim());
  const inner = bold ? (bold[2] as string) : raw;
  const lead = line.indexOf(inner) + (inner.length - inner.trimStart().length);
  const label = inner.trim();
  if (!label) return undefined;
  return { label, start: from + lead, end: from + lead + label.length, after: undefined };
}

/** Lists of the document by section, built in one pass over doc.lists (once per document). */
export function listsBySection(doc: DocumentModel): Map<Section, List[]> {
  return memoize(doc, 'lists by section', [], () => groupLists(doc));
}

function groupLists(doc: DocumentModel): Map<Section, List[]> {
  const bySection = new Map<Section, List[]>();
  for (const { node, section } of doc.lists) {
    if (!section) continue;
    const lists = bySection.get(section);
    if (lists) lists.push(node);
    else bySection.set(section, [node]);
  }
  return bySection;
}

/**
 * The document's answers to a template checklist: each matching section with its task items.
 * Sections without task items are left out: their author answered in prose, nothing to count.
 */
export function documentChecklists(
  doc: DocumentModel,
  template: TemplateModel,
  checklist: TemplateChecklist,
): { section: Section; items: ChecklistItem[] }[] {
  const sections = matchSections(doc, template).find((m) => m.template.key === checklist.sectionKey)?.found ?? [];
  const lists = listsBySection(doc);
  return sections
    .map((section) => ({ section, items: readChecklist(doc.text, lists.get(section) ?? []) }))
    .filter((c) => c.items.length > 0);
}

/** The task-list items of a section's lists (nested lists included), in document order. */
export function readChecklist(text: string, lists: readonly List[]): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const list of lists) {
    for (const item of list.children) {
      if (item.checked !== true && item.checked !== false) continue;
      const paragraph = item.children[0];
      if (!paragraph || paragraph.type !== 'paragraph') continue;
      // Read the box from the source: the paragraph's position includes it when its text starts with markup.
      const itemStart = startOf(item);
      const paragraphEnd = endOf(paragraph);
      const box = TASK_ITEM_START.exec(text.slice(itemStart, lineEndAt(text, itemStart, paragraphEnd)));
      if (!box) continue;
      const boxStart = itemStart + (box[1] as string).length;
      const textStart = itemStart + box[0].length;
      let textEnd = lineEndAt(text, textStart, paragraphEnd);
      while (textEnd > textStart && (text[textEnd - 1] === ' ' || text[textEnd - 1] === '\t')) textEnd--;
      const label = readLabel(text, textStart, textEnd, false);
      if (!label) continue;
      items.push({ item, checked: item.checked, label, textStart, textEnd, boxStart, boxEnd: boxStart + 3 });
    }
  }
  return items;
}

/** `Label: text` entries of the plain (non-task) lists among a section's own top-level nodes. */
export function readLabelledEntries(text: string, section: Section): LabelSpan[] {
  const entries: LabelSpan[] = [];
  for (const node of section.nodes) {
    if (node.type !== 'list') continue;
    if (node.children.some((item) => item.checked === true || item.checked === false)) continue;
    for (const item of node.children) {
      const itemStart = startOf(item);
      const itemEnd = endOf(item);
      const lineEnd = lineEndAt(text, itemStart, itemEnd);
      const marker = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/.exec(text.slice(itemStart, lineEnd));
      if (!marker) continue;
      const entry = readLabel(text, itemStart + marker[0].length, lineEnd, true);
      if (entry) entries.push(entry);
    }
  }
  return entries;
}

/** Key used to compare labels: case, punctuation and spacing do not matter ("code defect"). */
export function labelKey(label: string): string {
  return normalizeTitle(label);
}

const LISTED_OPTIONS = 12;

/** The options' labels for a message, once per checklist: "A, B, C" (a long list ends in "and N more"). */
export function optionList(items: readonly ChecklistItem[]): string {
  const labels = items.slice(0, LISTED_OPTIONS).map((i) => i.label.label);
  const more = items.length - labels.length;
  return more > 0 ? `${labels.join(', ')} and ${more} more` : labels.join(', ');
}

export interface FactorChecklist {
  checklist: TemplateChecklist;
  /** Bracketed placeholders of the template, so its own "- [Factor 1]: [Explanation]" entries are recognised. */
  placeholders: Set<string>;
}

// Which checklists this rule checks, without naming any section: those whose template section
// also has a plain list of `Name: explanation` entries after the options (the Details list of
// "Contributing Factors"). A checklist that stands alone ("How Was It Detected?") is not one.
export function factorChecklists(template: TemplateModel): FactorChecklist[] {
  return memoize(template, 'factor checklists', [], () => {
    const placeholders = templatePlaceholders(template.source);
    return template.checklists
      .filter((checklist) => {
        const ownText = template.sections.find((s) => s.key === checklist.sectionKey)?.ownText ?? '';
        return ownText.split(/\r?\n/).some((line) => /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?!\[[ xX]\][ \t])\S[^:]{0,80}:(?:[ \t]|$)/.test(line));
      })
      .map((checklist) => ({ checklist, placeholders }));
  });
}
