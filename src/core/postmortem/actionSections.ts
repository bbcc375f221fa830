// The sections that hold action items, found by their words whatever the template calls them
// (Action Items, Action points, Follow-ups, Remediation, Next steps, Corrective actions, ...) or by the
// template section they match. Read by the action-item tables and lists.
import type { DocumentModel, Section } from '../markdown/document';
import { normalizeTitle } from '../markdown/document';
import { memoize } from '../markdown/memo';
import type { TemplateModel } from '../template/model';
import { matchSections } from '../template/sectionMatch';

// Over normalizeTitle's text: lower case, punctuation as spaces ("Follow-ups" -> "follow ups").
const ACTION_TITLE = new RegExp(
  [
    '\\baction (?:items?|points?|plans?|list)\\b',
    '\\b(?:planned|corrective|preventive|preventative|remedial|follow up|followup|next|open|pending|future|proposed|recommended|outstanding|remaining|immediate|short term|medium term|long term) (?:actions|measures)\\b',
    '^actions$',
    '\\bfollow ?ups?\\b',
    '\\bfollowups?\\b',
    '\\bremediations?\\b',
    '\\bnext steps?\\b',
    '^(?:todos?|to dos?)$',
  ].join('|'),
);

// "Immediate Actions (Completed)", "Actions taken": what was already done, not action items.
const COMPLETED_TITLE = /\b(?:completed?|done|finished|taken|performed|implemented|resolved)\b/;

/** Whether a section title names a section of action items. */
export function isActionSectionTitle(title: string): boolean {
  return ACTION_TITLE.test(normalizeTitle(title));
}

/** Whether a section title says its items are done ("Immediate Actions (Completed)", "Actions taken"). */
export function isCompletedTitle(title: string): boolean {
  return COMPLETED_TITLE.test(normalizeTitle(title));
}

/**
 * The document's action-item sections: by their own title, or matched to a template section whose
 * title is one (a team's alias). Their subsections are not listed: test with closestSection.
 */
export function actionSections(doc: DocumentModel, template: TemplateModel): Set<Section> {
  return memoize(doc, 'action sections', [template], () => {
    const found = new Set<Section>();
    for (const s of doc.sections) if (isActionSectionTitle(s.title)) found.add(s);
    const listKeys = new Set(templateActionLists(template).map((l) => l.sectionKey));
    for (const m of matchSections(doc, template))
      if (isActionSectionTitle(m.template.title) || listKeys.has(m.template.key)) for (const s of m.found) found.add(s);
    return found;
  });
}

export type ItemPart = 'owner' | 'issue' | 'due' | 'status';
export const ITEM_PARTS: readonly ItemPart[] = ['owner', 'issue', 'due', 'status'];

// How a template's own action item names each part: "[Action] - Owner: @name - Due: YYYY-MM-DD - [ticket](link)".
const TEMPLATE_PART_WORDS: Record<ItemPart, RegExp> = {
  owner: /\b(?:owners?|assignees?|assigned|who|dri|responsible|name)\b|(?<![\w.])@\w/i,
  issue: /\b(?:issues?|tickets?|bugs?|jira|links?|url|tracking|pr)\b|bd:\/\/|(?<![\w&])#\w|\]\(/i,
  due: /\b(?:due|deadline|eta|yyyy|target date)\b/i,
  status: /\b(?:status|state)\b/i,
};

const LIST_ITEM_LINE = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]*)?(.*)$/;

export interface TemplateActionList {
  /** The template section whose list items are action items. */
  sectionKey: string;
  /** The parts its items carry: what every action item of the document must carry. */
  parts: ItemPart[];
}

/**
 * The template's action items written as a list: in an action-item section, or in any section whose
 * list items name an owner and an issue. Each teaches the parts an item carries (owner, issue, due
 * date, status); an empty bullet ("-") teaches none. Read from the template's text, line by line.
 */
export function templateActionLists(template: TemplateModel): TemplateActionList[] {
  return memoize(template, 'action lists', [], () => {
    const found: TemplateActionList[] = [];
    const isAction = (key: string | undefined): boolean => {
      for (let s = template.sections.find((t) => t.key === key); s; s = template.sections.find((t) => t.key === s?.parentKey))
        if (isActionSectionTitle(s.title)) return true;
      return false;
    };
    for (const section of template.sections) {
      let parts: ItemPart[] | undefined;
      for (const line of section.ownText.split('\n')) {
        const m = LIST_ITEM_LINE.exec(line);
        const text = m?.[1]?.trim();
        if (!text) continue;
        const named = ITEM_PARTS.filter((p) => TEMPLATE_PART_WORDS[p].test(text));
        if (named.length > (parts?.length ?? 0)) parts = named;
      }
      if (!parts) continue;
      if (isAction(section.key) ? parts.length > 0 : parts.includes('owner') && parts.includes('issue')) found.push({ sectionKey: section.key, parts });
    }
    return found;
  });
}
