// Action items written as lists: the items of the lists in action-item sections (Action Items,
// Follow-ups, Remediation, ...), and "Action point: ..." paragraphs anywhere. For each open item, the
// parts it carries: an owner (@user, "Owner: X", "(assigned to X)", a name in parentheses or after a
// dash), an issue (a link, #123, org/repo#123, bd://id, JIRA-123), a due date, a status. Completed
// items ("- [x]", "(done)", struck through, under "Immediate Actions (Completed)") are left out.
import type { ListItem, Paragraph, RootContent } from 'mdast';
import type { Node, Parent } from 'unist';
import { closestSection, endOf, plainText, startOf, type DocumentModel, type Section } from '../markdown/document';
import { memoize } from '../markdown/memo';
import type { TemplateModel } from '../template/model';
import { scanBracketPlaceholders } from '../template/placeholders';
import { actionSections, isCompletedTitle, type ItemPart } from './actionSections';

export interface ListActionItem {
  section: Section;
  /** The item's text on its first line: where a finding points. */
  start: number;
  end: number;
  /** What the item says, for a message: its bold title, else its first sentence. */
  title: string;
  parts: Set<ItemPart>;
}

// Owners. Each regex is linear: no nested quantifiers over the same characters.
const HANDLE = /(?<![\w.@/])@[A-Za-z0-9][\w.-]*/;
const OWNER_LABEL = /\b(?:(?:owners?|assignees?|dri|who)\s*[:=]|assigned to\b|owned by\b)\s*(\S[^,;)\]\n]{0,60})/i;
const NO_OWNER = /^(?:tbd|tba|tbc|\?+|none|nobody|n\/a|unassigned|unknown|-+|\[[^\]]*\]|\{[^}]*\}|<[^>]*>)$/i;
// A name as an owner: "Alice", "Alice Smith", "J. Doe", "SRE", "Platform team", several joined by , & / and.
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}{2,5})$/u;
const TEAM_WORD = /^(?:team|squad|group|crew|oncall|on-call)$/i;
const NOT_OWNER_WORD = new Set(
  'Done Fixed Merged Completed Complete Closed Open Tbd Todo Wip N/A Na High Low Medium Urgent Critical Optional Ongoing Planned Blocked Etc Eg Ie Q1 Q2 Q3 Q4 P0 P1 P2 P3 P4 Sev1 Sev2 Sev3 Sev4 Mvp Api Url Ui Cpu Gpu Ram Dns Aws Gcp Ci Cd Qa'
    .split(' ')
    .map((w) => w.toLowerCase()),
);
const TRAILING_GROUP = /[([]([^()[\]\n]{1,80})[)\]]\s*[.;]?\s*$/;
const TRAILING_DASH = /\s[-–—]{1,2}\s+([^-–—\n]{1,60})$/;

// Issues: #123, org/repo#123, bd://id, JIRA-123 (not CVE-2021-44228), "issue 123".
const ISSUE_REFERENCE = /(?<![\w&/#])#\d+\b|\b[\w.-]+\/[\w.-]+#\d+\b|\bbd:\/\/[\w.\-/]+|\b(?:issue|ticket|bug|pr|mr|pull request)\s+#?\d+\b/i;
const JIRA_KEY = /\b(?!(?:CVE|CWE|GHSA|ISO|UTF|SHA|RFC|TLS|SEV|PM)-)[A-Z][A-Z0-9]{1,9}-\d+\b/;

/** Whether text names an issue by reference (not by a link). */
export function namesIssue(text: string): boolean {
  return ISSUE_REFERENCE.test(text) || JIRA_KEY.test(text);
}
// "(for example <https://...>)", "such as [tool](...)": a link given as an example, not the item's issue.
const EXAMPLE_BEFORE = /(?:for example|for instance|e\.g\.?|eg\.|such as|like|see also)[\s,:(]*$/i;

const DUE = /\b\d{4}-\d{2}-\d{2}\b|\b(?:due|eta|deadline|target date)\b\s*[:=]?\s*\S|\bby (?:\d|q[1-4]\b|end of|eo[dwmqy]\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next)/i;
const STATUS = /\bstatus\s*[:=]\s*\S|\((?:open|in progress|blocked|wip|todo|planned|ongoing)\)/i;

// Completed: "(done)", "Done:", "- done", "This has been done", "Status: Done", a tick.
const DONE_WORD = '(?:done|completed?|fixed|merged|shipped|resolved|implemented|finished)';
const COMPLETED = new RegExp(
  [
    `[([]\\s*${DONE_WORD}\\b[^)\\]]*[)\\]]`,
    `^\\s*(?:✅|✔️?|☑️?|${DONE_WORD}\\s*[:\\-–—])`,
    `\\s[-–—]\\s*${DONE_WORD}\\s*\\.?\\s*$`,
    `\\b(?:this|it|that) (?:has|had) (?:now |already )?been ${DONE_WORD}\\b`,
    `\\balready ${DONE_WORD}\\b`,
    `\\bstatus\\s*[:=]\\s*(?:${DONE_WORD}|closed)\\b`,
  ].join('|'),
  'i',
);
// A group label over a list ("**Done:**", "Already completed:").
const COMPLETED_LABEL = new RegExp(`^(?:already )?${DONE_WORD}\\b`, 'i');
// An instruction to the author in a template ("List issues that ...", "For each issue, include ...").
const INSTRUCTION = /^(?:list|describe|explain|include|copy|summari[sz]e|enumerate|for each|give an?)\b/i;
// "Action point: improve the forkmon", "Action items:" (introducing a list).
const ACTION_POINT = /^(?:action (?:points?|items?)|follow[- ]?ups?|next steps?)\s*[:：]\s*/i;

function linksIn(node: Node, out: Node[] = []): Node[] {
  if (node.type === 'link' || node.type === 'linkReference') out.push(node);
  else for (const child of (node as Parent).children ?? []) linksIn(child, out);
  return out;
}

function isNameGroup(text: string): boolean {
  const names = text.split(/\s*(?:,|&|\/|\+|\band\b)\s*/).filter(Boolean);
  if (names.length === 0 || names.length > 4) return false;
  return names.every((name) => {
    if (HANDLE.test(name)) return true;
    const words = name.split(/\s+/);
    if (words.length > 3) return false;
    const last = words[words.length - 1] ?? '';
    const core = TEAM_WORD.test(last) && words.length > 1 ? words.slice(0, -1) : words;
    return core.every((w) => NAME_WORD.test(w) && !NOT_OWNER_WORD.has(w.toLowerCase()));
  });
}

function hasOwner(text: string): boolean {
  if (HANDLE.test(text)) return true;
  const label = OWNER_LABEL.exec(text);
  if (label && !NO_OWNER.test((label[1] ?? '').trim())) return true;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const group = TRAILING_GROUP.exec(trimmed);
    if (group && isNameGroup((group[1] ?? '').trim())) return true;
    const dash = TRAILING_DASH.exec(trimmed);
    if (dash && isNameGroup((dash[1] ?? '').trim().replace(/[.;]$/, ''))) return true;
  }
  return false;
}

/** Whether a cell or value names an owner: filled, and not "TBD", "?", "[Name]". */
export function isOwnerValue(text: string): boolean {
  const value = text.trim();
  return value !== '' && !NO_OWNER.test(value);
}

/** Whether a Status value says the item is done. */
export function isDoneStatus(text: string): boolean {
  return new RegExp(`^(?:${DONE_WORD}|closed|complete|won'?t do|wont do)$`, 'i').test(text.replace(/\u2019/g, "'").trim());
}

/** The parts a piece of text and its links carry. `checked`: a task-list box, which is a status. */
export function itemParts(doc: DocumentModel, node: Node, text: string, checked: boolean | null | undefined): Set<ItemPart> {
  const parts = new Set<ItemPart>();
  // Emphasis markers aside: "**Owner:** TBD" names nobody.
  if (hasOwner(text.replace(/\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, ''))) parts.add('owner');
  const realLink = linksIn(node).some((link) => {
    const from = Math.max(startOf(node), startOf(link) - 30);
    return !EXAMPLE_BEFORE.test(doc.text.slice(from, startOf(link)));
  });
  if (realLink || namesIssue(text)) parts.add('issue');
  if (DUE.test(text)) parts.add('due');
  if (typeof checked === 'boolean' || STATUS.test(text)) parts.add('status');
  return parts;
}

/** Whether a paragraph is all struck through (~~...~~), whitespace aside. */
function isStruck(paragraph: Paragraph): boolean {
  return paragraph.children.length > 0 && paragraph.children.every((c) => c.type === 'delete' || (c.type === 'text' && c.value.trim() === ''));
}

function titleOf(paragraph: Paragraph): string {
  const first = paragraph.children[0];
  if (first?.type === 'strong') return plainText(first).replace(/[:\s]+$/, '').trim();
  const text = plainText(paragraph).replace(/\s+/g, ' ').trim();
  const stop = text.search(/[.:](?:\s|$)|\s[-–—]{1,2}\s/);
  return stop > 0 ? text.slice(0, stop) : text;
}

/** Where a finding about a block points: its text up to the end of its first line. */
function firstLine(doc: DocumentModel, node: Node): { start: number; end: number } {
  const start = startOf(node);
  const newline = doc.text.indexOf('\n', start);
  const end = Math.min(endOf(node), newline < 0 ? doc.text.length : newline);
  return { start, end: doc.text[end - 1] === '\r' ? end - 1 : end };
}

function lastParagraphEndsWithColon(item: ListItem | undefined): boolean {
  const last = item?.children[item.children.length - 1];
  return last?.type === 'paragraph' && /:\s*$/.test(plainText(last));
}

// items: a list here holds items (in an action section); points: after "Action points:", anywhere.
type Mode = 'items' | 'points' | 'completed' | 'details' | 'tracked';

function readItem(doc: DocumentModel, section: Section, item: ListItem, tracked: boolean, out: ListActionItem[]): void {
  if (item.checked === true) return;
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return;
  const own = plainText(paragraph).trim();
  if (own === '' || /^\[[ xX]?\]$/.test(own) || isStruck(paragraph) || INSTRUCTION.test(own) || scanBracketPlaceholders(doc.text.slice(startOf(paragraph), endOf(paragraph))).length > 0) return;
  const text = doc.text.slice(startOf(item), endOf(item));
  if (COMPLETED.test(own) || COMPLETED.test(plainText(item))) return;
  const parts = itemParts(doc, item, text, item.checked);
  if (tracked) parts.add('issue');
  out.push({ section, ...firstLine(doc, paragraph), title: titleOf(paragraph), parts });
}

/** A heading that names its items' issue: "Short-term Improvements ([Tracked in #40885](...))". */
function headingTracks(section: Section): boolean {
  return linksIn(section.heading).length > 0 || namesIssue(section.title);
}

function readSection(doc: DocumentModel, section: Section, inAction: boolean, completed: boolean, tracked: boolean, out: ListActionItem[]): void {
  let mode: Mode = 'items';
  const nodes: RootContent[] = section.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as RootContent;
    if (node.type === 'paragraph') {
      const text = plainText(node).replace(/\s+/g, ' ').trim();
      const point = ACTION_POINT.exec(text);
      if (point && !completed) {
        const rest = text.slice(point[0].length);
        const next = nodes[i + 1];
        if (rest.length < 3) {
          mode = 'points';
          continue;
        }
        // The list under "Action point: ..." says how it went ("This has been done"), it holds no items.
        const followUp = next?.type === 'list' ? plainText(next) : '';
        if (next?.type === 'list') i++;
        if (COMPLETED.test(rest) || COMPLETED.test(followUp) || isStruck(node)) continue;
        const parts = itemParts(doc, node, doc.text.slice(startOf(node), endOf(next ?? node)), undefined);
        if (tracked) parts.add('issue');
        const shortTitle = rest.replace(/[,.;:].*$/, '');
        out.push({ section, ...firstLine(doc, node), title: shortTitle, parts });
        mode = 'items';
        continue;
      }
      if (!inAction) continue;
      // A group label ("**Architectural improvements:**", "Done:") sets what the next list is.
      if (/:$/.test(text) && text.length <= 80) {
        const label = text.replace(/^[*_\s]+|[*_\s:]+$/g, '');
        mode = COMPLETED_LABEL.test(label) || isCompletedTitle(label) ? 'completed' : linksIn(node).length > 0 || namesIssue(label) ? 'tracked' : 'items';
      } else mode = 'items';
      continue;
    }
    if (node.type === 'list') {
      if ((inAction && mode !== 'completed' && mode !== 'details') || (mode === 'points' && !completed))
        for (const item of node.children) readItem(doc, section, item, tracked || mode === 'tracked', out);
      // A list right after an item ending in ":" details that item ("We plan to add alerts around:").
      mode = lastParagraphEndsWithColon(node.children[node.children.length - 1]) ? 'details' : 'items';
      continue;
    }
    mode = 'items';
  }
}

/**
 * Where a section stands among the action-item sections: inside one, under a heading that says its
 * items are done ("Immediate Actions (Completed)"), under a heading that links their issue.
 */
export function actionSectionState(doc: DocumentModel, template: TemplateModel, section: Section): { inAction: boolean; completed: boolean; tracked: boolean } {
  const roots = actionSections(doc, template);
  const root = closestSection(section, (s) => roots.has(s));
  let completed = false;
  let tracked = false;
  if (root) {
    for (let s: Section | undefined = section; s; s = s === root ? undefined : s.parent) {
      if (isCompletedTitle(s.title)) completed = true;
      if (headingTracks(s)) tracked = true;
    }
  }
  return { inAction: root !== undefined, completed, tracked };
}

/** The document's open action items written as lists or "Action point:" paragraphs, in document order. */
export function listActionItems(doc: DocumentModel, template: TemplateModel): ListActionItem[] {
  return memoize(doc, 'action list items', [template], () => {
    const out: ListActionItem[] = [];
    for (const section of doc.sections) {
      const { inAction, completed, tracked } = actionSectionState(doc, template, section);
      readSection(doc, section, inAction && !completed, completed, tracked, out);
    }
    return out;
  });
}
