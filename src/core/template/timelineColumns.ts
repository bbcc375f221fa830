// The words that name a timeline's columns and the template table they pick out. With
// isTimeColumnHeader (./placeholders) the one definition of "a time column": the timeline reads its
// rows by it, the placeholder rule and the template's tab stops look for HH:MM in it.
import { headerNames } from '../markdown/tableCells';
import type { TemplateModel, TemplateTable } from './model';

/** Header words that name the timeline's columns (compared as whole words, case-insensitive). */
export interface TimelineHeaderWords {
  time: readonly string[];
  event: readonly string[];
}

export const DEFAULT_HEADER_WORDS: TimelineHeaderWords = {
  time: ['Time', 'Timestamp', 'When', 'Date', 'Datetime'],
  event: ['Event', 'Description', 'What happened', 'Action', 'What', 'Activity', 'Details', 'Update'],
};

function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : fallback;
}

/** The header words the timeline rule's options (`timeHeaders`, `eventHeaders`) give; the defaults where they give none. */
export function headerWordsOf(options: { readonly timeHeaders?: unknown; readonly eventHeaders?: unknown }): TimelineHeaderWords {
  return {
    time: stringList(options.timeHeaders, DEFAULT_HEADER_WORDS.time),
    event: stringList(options.eventHeaders, DEFAULT_HEADER_WORDS.event),
  };
}

const isTimelineKey = (key: string) => ` ${key} `.includes(' timeline ');

/**
 * The template table whose first column names a time: the timeline. One in a section named
 * "Timeline" wins over an earlier one ("Incident Timing | Start Time" is a table of values).
 */
export function templateTimelineTable(template: TemplateModel, words: TimelineHeaderWords = DEFAULT_HEADER_WORDS): TemplateTable | undefined {
  const timed = template.tables.filter((t) => t.columns[0] !== undefined && headerNames(t.columns[0], words.time));
  return timed.find((t) => isTimelineKey(t.sectionKey)) ?? timed[0];
}

/** How a timeline writes its entries: a table row, a list item, a line or a heading per event. */
export type TimelineLayout = 'table' | 'list' | 'line' | 'heading';

/** The template's timeline: its section, how it writes entries, and the table a document's timeline table is read against. */
export interface TemplateTimeline {
  sectionKey: string;
  layout: TimelineLayout;
  /** The template's table; for a template that writes its entries otherwise, "Time | Event". */
  table: TemplateTable;
  /** One entry as the template writes it ("- 00:00 UTC - something happened"), when it is not a table. */
  example: string | undefined;
}

// A line that starts with a time or a time placeholder, after a list marker, heading marks or wrappers.
const TIMED_LINE = /^[ \t>]*(?:([-*+]|\d+[.)])[ \t]+|(#{2,6})[ \t]+)?(?:\*\*|__|\[|`|\{\{?)?[ \t]*(?:\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|hh:mm|yyyy-mm-dd|\d{2}xx-|[a-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})/i;

const DATE_ALONE = /^[ \t]*(?:yyyy|\d{4}|\d{2}xx)-(?:mm|\d{2})-(?:dd|\d{2})(?:\+\d+)?[ \t]*$/i;

/**
 * The template's timeline: its time table, else the section named "Timeline" with the layout of its
 * first timed line ("- 00:00 UTC - ...": a list; "12:45 PM DATE: ...": lines; "### {{ hh:mm }}": a
 * heading per event). undefined when the template has neither.
 */
export function templateTimeline(template: TemplateModel, words: TimelineHeaderWords = DEFAULT_HEADER_WORDS): TemplateTimeline | undefined {
  const table = templateTimelineTable(template, words);
  if (table) return { sectionKey: table.sectionKey, layout: 'table', table, example: undefined };
  const section = template.sections.find((s) => isTimelineKey(s.key));
  if (!section) return undefined;
  const fallback: TemplateTable = { sectionKey: section.key, sectionTitle: section.title, columns: ['Time', 'Event'], rows: [] };
  const lines = section.text.split(/\r?\n/).slice(1);
  for (const line of lines) {
    const m = TIMED_LINE.exec(line);
    // A date alone ("YYYY-MM-DD") is a date line over the entries, not one of them.
    if (!m || DATE_ALONE.test(line)) continue;
    const layout: TimelineLayout = m[1] ? 'list' : m[2] ? 'heading' : 'line';
    return { sectionKey: section.key, layout, table: fallback, example: line.trim() };
  }
  // "### [Date and time]" under the timeline: a heading per event.
  const slot = template.sections.find((s) => s.parentKey === section.key && s.repeatable);
  return { sectionKey: section.key, layout: slot ? 'heading' : 'line', table: fallback, example: slot ? '#'.repeat(slot.depth) + ' ' + slot.title : undefined };
}
