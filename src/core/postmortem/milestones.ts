// The milestones of an incident found in its timeline entries (of any layout): an entry tagged `{detected}`, else the first row
// (in time order) whose words match a keyword by word form ("alerts", "alerted" and "alerting" match
// "alert"), and the impact start by the first row when nothing else marks it. Each row's words are
// stemmed once per document; keywords are matched as stem sequences, so the cost is linear in the rows.
import { stemmer } from 'stemmer';
import { memoize } from '../markdown/memo';
import type { TimelineEntry } from './timeline';
import type { TemplateModel } from '../template/model';
import { templateTimeline } from '../template/timelineColumns';
import { readEntryTime } from './entryTimes';

export type Milestone = 'start' | 'detected' | 'acknowledged' | 'mitigated' | 'restored' | 'closed';
export const MILESTONES: readonly Milestone[] = ['start', 'detected', 'acknowledged', 'mitigated', 'restored', 'closed'];

/** How messages name the row of a milestone: "an impact-start row", "a detection row". */
export const MILESTONE_NOUNS: Record<Milestone, string> = {
  start: 'impact-start',
  detected: 'detection',
  acknowledged: 'acknowledgement',
  mitigated: 'mitigation',
  restored: 'restoration',
  closed: 'closure',
};

/** "a detection row", "an acknowledgement row". */
export function milestoneRow(milestone: Milestone): string {
  const noun = MILESTONE_NOUNS[milestone];
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} row`;
}

/**
 * Default keywords per milestone: the template's own row texts ("First alert/detection", "Investigation
 * started", "Mitigation applied", "Service restored", "Incident closed") and their usual synonyms.
 * Matched by word form (stems), case-insensitively, as whole words.
 */
export const DEFAULT_MILESTONE_KEYWORDS: Record<Milestone, string[]> = {
  start: ['impact started', 'impact began', 'outage began', 'outage started', 'started failing', 'began failing'],
  detected: ['first alert', 'detection', 'detected', 'alert fired', 'alerted', 'paged', 'page', 'alert', 'reported', 'noticed'],
  acknowledged: ['investigation started', 'acknowledged', 'ack', 'incident declared', 'declared', 'investigating', 'on-call responded', 'responded'],
  mitigated: ['mitigation applied', 'mitigated', 'mitigation', 'bleeding stopped', 'rolled back', 'rollback', 'workaround', 'failed over'],
  restored: ['service restored', 'restored', 'recovered', 'recovery complete', 'back to normal', 'fully resolved', 'resolved'],
  closed: ['incident closed', 'closed', 'all clear', 'resolved and closed'],
};

/** `{detected}` at the end of an event marks its row explicitly (several tags may follow each other). */
export const MILESTONE_TAG = /\{(start|detected|acknowledged|mitigated|restored|closed)\}/gi;

/** How a milestone's row was found. */
export type MilestoneSource = 'tag' | 'keyword' | 'first-row';

export interface MilestoneRow {
  milestone: Milestone;
  entry: TimelineEntry;
  /** Marked with a tag rather than matched by a keyword. */
  tagged: boolean;
  source: MilestoneSource;
  /** Tagged, or matched by keyword on a row that is no other milestone's: a safe fix may rely on it. */
  certain: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Stems of the words of a text, in order. */
function stemsOf(text: string, stems: Map<string, string>): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const word = m[0];
    let stem = stems.get(word);
    if (stem === undefined) stems.set(word, (stem = stemmer(word)));
    out.push(stem);
  }
  return out;
}

/** The milestones tagged in an event ("… {detected}{acknowledged}"). */
function tagsOf(event: string): Milestone[] {
  if (!event.includes('{')) return [];
  const tags: Milestone[] = [];
  MILESTONE_TAG.lastIndex = 0;
  for (let m = MILESTONE_TAG.exec(event); m; m = MILESTONE_TAG.exec(event)) tags.push((m[1] as string).toLowerCase() as Milestone);
  return tags;
}

// Words repeat across rows: one stem per distinct word, shared by every document and keyword list.
const stemCache = new Map<string, string>();
function sharedStems(text: string): string[] {
  if (stemCache.size > 50_000) stemCache.clear();
  return stemsOf(text, stemCache);
}

interface RowWords {
  tags: Milestone[];
  stems: string[];
}

// A row's tags and stems, read once per document (the rule and the lint summary share them).
function wordsOf(entry: TimelineEntry): RowWords {
  return memoize(entry, 'row words', [], () => {
    const tags = tagsOf(entry.eventText);
    return { tags, stems: sharedStems(tags.length ? entry.eventText.replace(MILESTONE_TAG, ' ') : entry.eventText) };
  });
}

interface KeywordStems {
  milestone: Milestone;
  stems: string[];
}

/** Keywords by their first stem, so a row is matched by one look-up per word. */
export type KeywordIndex = Map<string, KeywordStems[]>;

export function keywordIndex(keywords: Record<Milestone, readonly string[]>): KeywordIndex {
  const index: KeywordIndex = new Map();
  for (const milestone of MILESTONES) {
    for (const keyword of keywords[milestone]) {
      const stems = sharedStems(keyword);
      const first = stems[0];
      if (first === undefined) continue; // no word in it: matches nothing
      const list = index.get(first) ?? [];
      list.push({ milestone, stems });
      index.set(first, list);
    }
  }
  return index;
}

/** The milestones whose keywords occur in a row's stems (most rows match none: no allocation then). */
function keywordMilestones(stems: readonly string[], index: KeywordIndex): Milestone[] {
  let found: Milestone[] | undefined;
  for (let at = 0; at < stems.length; at++) {
    const candidates = index.get(stems[at] as string);
    if (!candidates) continue;
    for (const keyword of candidates) {
      if (keyword.stems.every((s, i) => stems[at + i] === s) && !found?.includes(keyword.milestone)) (found ??= []).push(keyword.milestone);
    }
  }
  return found ?? [];
}

/**
 * A team template can teach its own wording: a timeline row tagged in the template
 * (`| HH:MM | [Kunde meldet Fehler] {detected} |`) makes its text a keyword of that milestone.
 */
export function templateKeywords(template: TemplateModel): Record<Milestone, string[]> {
  return memoize(template, 'template keywords', [], () => readTemplateKeywords(template));
}

function readTemplateKeywords(template: TemplateModel): Record<Milestone, string[]> {
  const found = Object.fromEntries(MILESTONES.map((m) => [m, [] as string[]])) as Record<Milestone, string[]>;
  const add = (event: string) => {
    const words = event.replace(MILESTONE_TAG, '').replace(/[\[\]]/g, '').trim();
    if (words) for (const milestone of tagsOf(event)) found[milestone].push(words);
  };
  const layout = templateTimeline(template);
  if (layout?.layout === 'table') {
    for (const row of layout.table.rows) add(row.slice(1).join(' '));
    return found;
  }
  // A template writing its timeline as a list, lines or headings tags its entries the same way.
  const section = layout && template.sections.find((s) => s.key === layout.sectionKey);
  for (const line of section?.text.split(/\r?\n/) ?? []) {
    if (!line.includes('{')) continue;
    const text = line.replace(ENTRY_PREFIX, '');
    const time = readEntryTime(text);
    add(time ? text.slice(time.eventStart) : text.replace(TIME_PLACEHOLDER, ''));
  }
  return found;
}

/** A list marker or heading marks before an entry's time. */
const ENTRY_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,3}[.)]|#{1,6})[ \t]+)?/;
/** A time the template leaves to fill ("HH:MM -", "[hh:mm]", "{{ time }}:"), before the event. */
const TIME_PLACEHOLDER = /^(?:\[?hh:mm\]?|\{\{?[^}\n]{0,40}\}\}?)[ \t]*[-–:]?[ \t]*/i;

/**
 * The milestone rows among `byTime` (rows in time order). Tags win; among keywords the first matching
 * row wins, and a tagged row matches no keyword (its tags say what it is). The impact start, when no
 * row marks it, is the first row unless that row is another milestone's.
 */
export function findMilestones(byTime: readonly TimelineEntry[], index: KeywordIndex): Partial<Record<Milestone, MilestoneRow>> {
  const found: Partial<Record<Milestone, MilestoneRow>> = {};
  for (const entry of byTime) {
    for (const milestone of wordsOf(entry).tags) found[milestone] ??= { milestone, entry, tagged: true, source: 'tag', certain: true };
  }
  let firstRowMatches = false;
  for (const [i, entry] of byTime.entries()) {
    if (MILESTONES.every((m) => found[m])) break;
    const words = wordsOf(entry);
    if (words.tags.length) continue;
    const matched = keywordMilestones(words.stems, index);
    if (i === 0) firstRowMatches = matched.length > 0;
    for (const milestone of matched) found[milestone] ??= { milestone, entry, tagged: false, source: 'keyword', certain: true };
  }
  const first = byTime[0];
  if (!found.start && first && !firstRowMatches && wordsOf(first).tags.length === 0 && !MILESTONES.some((m) => found[m]?.entry === first)) {
    found.start = { milestone: 'start', entry: first, tagged: false, source: 'first-row', certain: false };
  }
  // One row matched for two milestones says little about either.
  for (const row of Object.values(found)) {
    if (row.source === 'keyword' && MILESTONES.some((m) => m !== row.milestone && found[m]?.entry === row.entry)) row.certain = false;
  }
  return found;
}
