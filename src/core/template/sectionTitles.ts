// When two section titles name the same section, as people would say: case and punctuation aside
// (normalizeTitle), plural and other word forms ("Root causes", "Lessons learnt"), British and American
// spelling ("Analyse", "Behaviour"), articles and "and" ignored, a qualifier after the name
// ("Timeline (UTC) All times approximate"), and a few common synonyms ("Follow-up" for Action Items).
// No edit distance: "Apendix" is not "Appendix" (a misspelt heading is a missing section to report).
import { stemmer } from 'stemmer';
import { normalizeTitle } from '../markdown/document';
import { memoize } from '../markdown/memo';
import type { TemplateModel } from './model';

const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'our']);

// Irregular forms the stemmer leaves apart; the rest of British spelling is folded by suffix below.
const IRREGULAR: Record<string, string> = {
  learnt: 'learned',
  learnings: 'learned',
  learning: 'learned',
  spelt: 'spelled',
  followup: 'follow up',
  followups: 'follow up',
  signoff: 'sign off',
  todo: 'to do',
  todos: 'to do',
  tldr: 'tl dr',
  catalogue: 'catalog',
  programme: 'program',
  defence: 'defense',
  licence: 'license',
  centre: 'center',
  acknowledgement: 'acknowledgment',
  acknowledgements: 'acknowledgments',
};

// Applied to both titles compared, so an over-eager fold ("hour" -> "hor") still compares equal.
function fold(word: string): string {
  return word
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/is(e|ed|es|ing)$/, 'iz$1')
    .replace(/ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/our(s?)$/, 'or$1');
}

/** The words of a title as compared: normalised, folded and stemmed, without articles. */
export function titleWords(title: string): string[] {
  const out: string[] = [];
  for (const raw of normalizeTitle(title).split(' ')) {
    if (!raw) continue;
    for (const word of (IRREGULAR[raw] ?? raw).split(' ')) {
      if (STOP_WORDS.has(word)) continue;
      out.push(stemmer(fold(word)));
    }
  }
  return out;
}

// Section matching compares every heading with every template title: the keys of the same few hundred
// titles are asked for again and again, so they are kept (a pure function of the string; bounded).
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 4096;

/** The comparison key of a title: its words, as titleWords gives them, joined. */
export function titleKey(title: string): string {
  let key = keyCache.get(title);
  if (key === undefined) {
    key = titleWords(title).join(' ');
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(title, key);
  }
  return key;
}

/**
 * The name part of a title before a qualifier: "Timeline (all times PST) Saturday Oct 30th" ->
 * "Timeline", "Incident Lead:" -> "Incident Lead", "Action Items - Q3" -> "Action Items".
 */
export function titleHead(title: string): string {
  const cut = /\s*(?:[([{:;,.!?]|\s[-–—]\s)/.exec(title);
  return titleKey(cut ? title.slice(0, cut.index) : title);
}

// Titles that name the same section in most teams' words. A group applies to a template section
// whose title is one of its entries; the config's `aliases` add a team's own.
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['Action Items', 'Actions', 'Action Points', 'Action Plan', 'Follow-up', 'Follow-ups', 'Follow-up Actions', 'Follow-up Items', 'Next Steps', 'Corrective Actions', 'To Do'],
  ['Lessons Learned', 'Lessons', 'Learnings', 'Lessons and Learnings', 'What We Learned'],
  ['Summary', 'Overview', 'Executive Summary', 'TL;DR', 'Abstract'],
  ['Timeline', 'Chronology', 'Sequence of Events', 'Timeline of Events'],
  ['Contributing Factors', 'Contributing Causes', 'Contributors'],
  ['Root Cause', 'Root Cause Analysis', 'RCA', 'Causes'],
  ['Resolution', 'Recovery', 'Resolution and Recovery', 'Mitigation and Resolution'],
  ['Sign-off', 'Sign-offs', 'Approvals', 'Approval', 'Review and Approval'],
  ['Appendix', 'Appendices', 'Supporting Information'],
  ['Q&A', 'FAQ', 'FAQs', 'Questions and Answers', 'Frequently Asked Questions'],
];

// A template section whose purpose another present section serves: "How do we prevent recurrence?"
// is what action items answer, so a document with action items has its Prevention.
const COVERED_BY: readonly (readonly [string, readonly string[]])[] = [['Prevention', ['Action Items', 'Corrective Actions', 'Remediation']]];

/** Title keys of the sections that serve the purpose of a template section with this title. */
export function coveringKeys(title: string): readonly string[] {
  const key = titleKey(title);
  return COVERED_BY.filter(([t]) => titleKey(t) === key).flatMap(([, by]) => by.map(titleKey));
}

const synonymKeys: ReadonlyMap<string, readonly string[]> = (() => {
  const byKey = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const keys = group.map(titleKey);
    for (const key of keys) byKey.set(key, [...new Set([...(byKey.get(key) ?? []), ...keys.filter((k) => k !== key)])]);
  }
  return byKey;
})();

/** Team aliases (config `aliases`): template section title -> other titles it may have. */
export type SectionAliases = Readonly<Record<string, readonly string[]>>;

const ALIASES = Symbol('section aliases');
type Aliased = TemplateModel & { [ALIASES]?: SectionAliases };

/** A template with the team's section aliases: a distinct model object, so matches are cached per aliases. */
export function withSectionAliases(template: TemplateModel, aliases: SectionAliases | undefined): TemplateModel {
  if (!aliases || Object.keys(aliases).length === 0) return template;
  return memoize(template, 'with section aliases', [JSON.stringify(aliases)], (): Aliased => ({ ...template, [ALIASES]: aliases }));
}

/** The other title keys a template section may be written as: common synonyms and the team's aliases. */
export function aliasKeys(template: TemplateModel, title: string): readonly string[] {
  const key = titleKey(title);
  const team = (template as Aliased)[ALIASES];
  const own = team ? Object.entries(team).filter(([t]) => titleKey(t) === key).flatMap(([, list]) => list.map(titleKey)) : [];
  const common = synonymKeys.get(key) ?? [];
  return own.length ? [...own, ...common] : common;
}

/**
 * How well a document heading names a template section; lower is better, undefined: not at all. 0 the
 * same title, 1 an alias, 2 the name before a qualifier, 3 the template title as whole words inside
 * ("Incident Timeline", "Action Items & Follow-ups").
 */
export function titleMatchTier(docTitle: string, templateTitle: string, aliases: readonly string[]): number | undefined {
  const key = titleKey(docTitle);
  const want = titleKey(templateTitle);
  if (key === want) return 0;
  if (aliases.includes(key)) return 1;
  const head = titleHead(docTitle);
  if (head !== '' && (head === want || head === titleHead(templateTitle) || aliases.includes(head))) return 2;
  // Whole words as written (plurals aside), not stems: "Why was this hard to detect?" is no Detection section.
  const plainKey = pluralFolded(docTitle);
  const plainWant = pluralFolded(templateTitle);
  if (plainWant !== '' && ` ${plainKey} `.includes(` ${plainWant} `)) return 3;
  // Or the same words by their stems at the start: "Preventing Recurrence" is the Prevention section.
  if (want !== '' && `${key} `.startsWith(`${want} `)) return 3;
  return undefined;
}

function pluralFolded(title: string): string {
  return normalizeTitle(title)
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

