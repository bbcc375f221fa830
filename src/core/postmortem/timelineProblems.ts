// What can be wrong with a written timeline entry besides its order (./timeline): a range that ends
// before it starts on a day the timeline has not left, a time in parentheses that is not the same
// moment in its zone, and whether a timeline section with no entries holds nothing but a note or a
// link to where the timeline is kept. Read by the `timeline` rule.
import type { RootContent } from 'mdast';
import { plainText, type Section } from '../markdown/document';
import { dateNamed, zoneNamed } from './entryTimes';
import type { TimelineEntry, TimelineRun, WrittenTimelineEntry } from './timeline';

const DAY = 1440;

/** "05:48" */
export function clockText(minutes: number): string {
  const m = ((Math.round(minutes) % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The next entry of the run with a place in time after `entry`. */
function nextPlaced(run: TimelineRun, entry: TimelineEntry): TimelineEntry | undefined {
  for (let i = entry.index + 1; i < run.entries.length; i++) {
    const next = run.entries[i] as TimelineEntry;
    if (next.minutes !== undefined) return next;
  }
  return undefined;
}

/**
 * A range whose end is earlier on the clock than its start ("14:20-2:00") while the next entry is
 * still the same day: the end cannot be the next morning. The entry after it, when so.
 */
export function backwardRange(run: TimelineRun, entry: WrittenTimelineEntry): TimelineEntry | undefined {
  const end = entry.written.rangeEnd;
  const time = entry.time;
  if (!end || !time || entry.minutes === undefined) return undefined;
  const startOfDay = time.hour * 60 + time.minute;
  if (end.clock.hour * 60 + end.clock.minute >= startOfDay) return undefined;
  const next = nextPlaced(run, entry);
  if (next?.minutes === undefined) return undefined;
  const untilMidnight = DAY - startOfDay;
  return next.minutes >= entry.minutes && next.minutes - entry.minutes < untilMidnight ? next : undefined;
}

/** A second time in parentheses that is not the entry's time in its zone: what it should read. */
export function alternateMismatch(entry: WrittenTimelineEntry): { expected: string } | undefined {
  const alt = entry.written.alternate;
  const clock = entry.written.clock;
  if (!alt || !clock || alt.utcOffset === undefined || entry.contextOffset === undefined) return undefined;
  const utc = clock.hour * 60 + clock.minute - entry.contextOffset;
  const written = alt.clock.hour * 60 + alt.clock.minute - alt.utcOffset;
  const gap = (((utc - written) % DAY) + DAY) % DAY;
  if (gap <= 1 || gap >= DAY - 1) return undefined;
  return { expected: clockText(utc + alt.utcOffset) };
}

function mentionsLink(nodes: readonly RootContent[]): boolean {
  return nodes.some((n) => n.type === 'link' || n.type === 'linkReference' || ('children' in n && mentionsLink(n.children as RootContent[])));
}

/** A short line about the timeline's zone or day ("All times in UTC.", "> (all times in Pacific Time)"). */
function isNote(node: RootContent): boolean {
  if (node.type === 'blockquote') return node.children.every(isNote);
  if (node.type !== 'paragraph') return node.type === 'html' || node.type === 'thematicBreak';
  const text = plainText(node).trim();
  return text.length <= 120 && (zoneNamed(text) !== undefined || dateNamed(text) !== undefined || /\btimes?\b/i.test(text));
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Why a timeline section without entries needs no finding: it points at where the timeline is kept
 * (a status page link), it holds only a note about its times, or only the template's own words
 * (`templateOwnText`, heading included): the timeline is not written yet.
 */
export function timelineWithoutEntriesIsFine(text: string, section: Section, templateOwnText: string | undefined): boolean {
  if (mentionsLink(section.nodes) || section.nodes.every(isNote)) return true;
  if (templateOwnText === undefined) return false;
  const newline = templateOwnText.indexOf('\n');
  const templateWords = words(newline < 0 ? '' : templateOwnText.slice(newline + 1));
  return templateWords !== '' && words(text.slice(section.headingEnd, section.contentEnd)) === templateWords;
}
