// The incident timeline as data: its entries in any layout (the rows of timeline tables, and the list
// items, lines and headings that start with a time: ./timelineEntries) with their parsed times, in
// minutes that can be ordered and subtracted. Read by the `timeline` rule and by whatever derives
// durations (time to detect, mitigate, resolve) from the timeline. The times themselves are ./times.
import type { List, Table, TableCell, TableRow } from 'mdast';
import { closestSection, type DocumentModel, type Section } from '../markdown/document';
import { matchSections } from '../template/sectionMatch';
import { memoize } from '../markdown/memo';
import { headerNames, tableRows, type CellSpan, type RowSpan } from '../markdown/tableCells';
import type { TemplateModel, TemplateTable } from '../template/model';
import { isTimeColumnHeader } from '../template/placeholders';
import { DEFAULT_HEADER_WORDS, templateTimeline, type TemplateTimeline, type TimelineHeaderWords, type TimelineLayout } from '../template/timelineColumns';
import type { EntryTime } from './entryTimes';
import { readWrittenEntries } from './timelineEntries';
import { dayNumber, precisionMinutes, readTimeValue, type CalendarDate, type TimeProblem, type TimeValue } from './times';

/** The offsets of an entry: its text, and its whole line(s) without the line break. */
export interface EntrySpan {
  start: number;
  end: number;
  lineStart: number;
  lineEnd: number;
}

interface EntryFields {
  layout: TimelineLayout;
  span: EntrySpan;
  /** 0-based among the entries of its table (or of its run of entries). */
  index: number;
  /** Plain text of the time and the event, trimmed ('' when missing). */
  timeText: string;
  eventText: string;
  /** Offsets of the time and event text (a blank cell: between its pipes; a missing cell: the row's end). */
  timeStart: number;
  timeEnd: number;
  eventStart: number;
  eventEnd: number;
  /** undefined when the time does not parse (or is a placeholder). */
  time: TimeValue | undefined;
  /** Why the time does not parse. */
  timeProblem: TimeProblem | undefined;
  /**
   * When the time starts, in minutes: since 1970-01-01 UTC when `dated` (offsets applied), else since
   * the midnight before the table's first row. Rows without a date take the date of the row above, or
   * the next day when their time goes back more than 12 hours (the timeline crossed midnight).
   */
  minutes: number | undefined;
  /** Whether `minutes` comes from a calendar date (the row's own or one carried from above). */
  dated: boolean;
  /**
   * Where the row falls in time order: `minutes`, or the order of the row above when that falls
   * inside this row's precision (a date alone after 14:40 the same day stays after 14:40).
   */
  orderMinutes: number | undefined;
  /** The row whose time set orderMinutes: this row, or the finer row above it. */
  orderSource: TimelineEntry | undefined;
  /** Set when this row's time is earlier than the row above it: the row whose time it precedes. */
  earlierThan: TimelineEntry | undefined;
  /** The date of the date heading or date line the entry is written under (undefined for table rows). */
  dayHeading: { date: CalendarDate } | undefined;
}

/** A row of a timeline table. */
export interface TableTimelineEntry extends EntryFields {
  layout: 'table';
  row: TableRow;
  /** Offsets of the row's text, its whole line(s), and its cells (see RowSpan). */
  span: RowSpan;
  timeCell: TableCell | undefined;
  eventCell: TableCell | undefined;
  /** The cells' spans; undefined when the row is too short to have the cell. */
  timeSpan: CellSpan | undefined;
  eventSpan: CellSpan | undefined;
}

/** A list item, a line or a heading that starts with a time. */
export interface WrittenTimelineEntry extends EntryFields {
  layout: 'list' | 'line' | 'heading';
  /** The time as written at the entry's start (range end, a second time in parentheses...), offsets in the document. */
  written: EntryTime;
  /** The zone the time is read in when it writes none: the section's ("Timeline (UTC)"), or the last one written. */
  contextZone: string | undefined;
  contextOffset: number | undefined;
  /** The list an item belongs to (a sort moves its items). */
  list: List | undefined;
}

/** A timeline entry in any layout: a table row, a list item, a line or a heading. */
export type TimelineEntry = TableTimelineEntry | WrittenTimelineEntry;

export interface TimelineTable {
  node: Table;
  /** The document section the table is in (the timeline section or one of its subsections). */
  section: Section;
  /** The timeline section it belongs to. */
  timelineSection: Section;
  header: RowSpan | undefined;
  /** Header column of the time / the event; undefined when the header names none. */
  timeColumn: number | undefined;
  eventColumn: number | undefined;
  entries: TableTimelineEntry[];
}

/** Entries in one order: a table's rows, or the list items, lines and headings of a timeline section up to a date placeholder. */
export interface TimelineRun {
  timelineSection: Section;
  table: TimelineTable | undefined;
  entries: TimelineEntry[];
}

export interface Timeline {
  /** The template table with a time first column (for a template writing entries otherwise: "Time | Event"). */
  template: TemplateTable;
  /** How the template writes its timeline. */
  layout: TemplateTimeline;
  /** Index of the template's event column. */
  templateEventColumn: number;
  /** The document sections matching the template's timeline section (more than one: a duplicate). */
  sections: Section[];
  /** Timeline tables in those sections and their subsections, in document order. */
  tables: TimelineTable[];
  /** Every run of entries, tables and written entries, in document order. */
  runs: TimelineRun[];
  /** The entries of every run, in document order. */
  entries: TimelineEntry[];
}

/** Whether `section` is `ancestor` or lies under it without passing through another template section. */
function belongsTo(section: Section | undefined, ancestor: Section, otherTemplateKeys: ReadonlySet<string>): boolean {
  return closestSection(section, (s) => s === ancestor || otherTemplateKeys.has(s.key)) === ancestor;
}

/**
 * The timeline of a document: the tables in the section matching the template's timeline section
 * (and its subsections). undefined when the template has no timeline table.
 */
// The timeline and metrics rules both read the timeline: once per document, template and header words.
export function readTimeline(doc: DocumentModel, template: TemplateModel, words: TimelineHeaderWords = DEFAULT_HEADER_WORDS): Timeline | undefined {
  return memoize(doc, 'timeline', [template, JSON.stringify(words)], () => readTimelineUncached(doc, template, words));
}

function readTimelineUncached(doc: DocumentModel, template: TemplateModel, words: TimelineHeaderWords): Timeline | undefined {
  const layout = templateTimeline(template, words);
  if (!layout) return undefined;
  const templateTable = layout.table;
  const eventAt = templateTable.columns.findIndex((c, i) => i > 0 && headerNames(c, words.event));
  const templateEventColumn = eventAt > 0 ? eventAt : 1;
  const match = matchSections(doc, template).find((m) => m.template.key === layout.sectionKey);
  const sections = match?.found ?? [];
  const otherKeys = new Set(template.sections.map((s) => s.key).filter((k) => k !== layout.sectionKey));
  // The template's own event column counts as an event word (a team's "Time | Ereignis" template);
  // its time column already names one of the time words.
  const eventWords = [...words.event, templateTable.columns[templateEventColumn] ?? ''];

  const tables: TimelineTable[] = [];
  for (const info of doc.tables) {
    const timelineSection = sections.find((s) => belongsTo(info.section, s, otherKeys));
    if (!timelineSection || !info.section) continue;
    const { header, body } = tableRows(doc.text, doc.lines, info.node);
    const headerCells = header?.cells ?? [];
    const timeColumn = headerCells[0] && isTimeColumnHeader(headerCells[0].text, words.time) ? 0 : undefined;
    const eventFound = headerCells.findIndex((c, i) => i > 0 && headerNames(c.text, eventWords));
    const eventColumn = eventFound > 0 ? eventFound : undefined;
    const eventIndex = eventColumn ?? Math.min(templateEventColumn, Math.max(1, headerCells.length - 1));
    const entries = body.map((span, index) => readEntry(span, index, eventIndex));
    orderEntries(entries);
    tables.push({ node: info.node, section: info.section, timelineSection, header, timeColumn, eventColumn, entries });
  }
  const runs: TimelineRun[] = tables.map((table) => ({ timelineSection: table.timelineSection, table, entries: table.entries }));
  for (const section of sections) {
    for (const entries of readWrittenEntries(doc, section, (s) => belongsTo(s, section, otherKeys))) {
      orderEntries(entries);
      runs.push({ timelineSection: section, table: undefined, entries });
    }
  }
  runs.sort((a, b) => (a.entries[0]?.span.start ?? 0) - (b.entries[0]?.span.start ?? 0));
  const entries = runs.flatMap((r) => r.entries);
  return { template: templateTable, layout, templateEventColumn, sections, tables, runs, entries };
}

function cellText(span: RowSpan, cell: CellSpan | undefined): { text: string; start: number; end: number } {
  if (!cell) return { text: '', start: span.end, end: span.end };
  return { text: cell.text, start: cell.textStart, end: cell.textEnd };
}

function readEntry(span: RowSpan, index: number, eventColumn: number): TableTimelineEntry {
  const timeSpan = span.cells[0];
  const eventSpan = span.cells[eventColumn];
  const time = cellText(span, timeSpan);
  const event = cellText(span, eventSpan);
  const value = readTimeValue(time.text);
  return {
    layout: 'table',
    row: span.row,
    span,
    index,
    timeCell: timeSpan?.cell,
    eventCell: eventSpan?.cell,
    timeSpan,
    eventSpan,
    timeText: time.text,
    eventText: event.text,
    timeStart: time.start,
    timeEnd: time.end,
    eventStart: event.start,
    eventEnd: event.end,
    time: typeof value === 'string' ? undefined : value,
    timeProblem: typeof value === 'string' ? value : undefined,
    minutes: undefined,
    dated: false,
    orderMinutes: undefined,
    orderSource: undefined,
    earlierThan: undefined,
    dayHeading: undefined,
  };
}

const HALF_DAY_SECONDS = 12 * 3600;

/** When a row starts (see TimelineEntry.minutes) and whether that counts from a calendar date. */
export interface EntryMoment {
  minutes: number;
  dated: boolean;
}

/**
 * The moments of a table's rows, undefined where the time does not parse. A row without a date takes the
 * date of the row above; before the first dated row it takes `baseDate` when given (the Summary's Date),
 * else it counts from the table's own midnight. It moves to the next day when its time goes back more
 * than 12 hours (the timeline crossed midnight).
 */
export function entryMoments(entries: readonly TimelineEntry[], baseDate?: CalendarDate): (EntryMoment | undefined)[] {
  let day = baseDate ? dayNumber(baseDate) : 0;
  let dated = baseDate !== undefined;
  let previous: TimeValue | undefined;
  let heading: { date: CalendarDate } | undefined;
  return entries.map((entry) => {
    const time = entry.time;
    if (!time) return undefined;
    const secondOfDay = time.hour * 3600 + time.minute * 60 + time.second;
    // A new date heading (or date line) gives the day of the entries under it that write none.
    const headingDate = entry.dayHeading !== heading ? entry.dayHeading?.date : undefined;
    heading = entry.dayHeading;
    if (time.date) {
      day = dayNumber(time.date);
      dated = true;
    } else if (headingDate) {
      day = dayNumber(headingDate);
      dated = true;
    } else if (previous && previous.hour * 3600 + previous.minute * 60 + previous.second - secondOfDay > HALF_DAY_SECONDS) {
      day++;
    }
    previous = time;
    return { minutes: day * 1440 + secondOfDay / 60 - (time.utcOffset ?? 0), dated };
  });
}

/** Fills minutes, dated, orderMinutes, orderSource and earlierThan of a table's entries, in one pass. */
export function orderEntries(entries: readonly TimelineEntry[]): void {
  const moments = entryMoments(entries);
  let previous: TimelineEntry | undefined;
  entries.forEach((entry, i) => {
    entry.minutes = undefined;
    entry.dated = false;
    entry.orderMinutes = undefined;
    entry.orderSource = undefined;
    entry.earlierThan = undefined;
    const moment = moments[i];
    const time = entry.time;
    if (!moment || !time) return;
    const minutes = moment.minutes;
    entry.minutes = minutes;
    entry.dated = moment.dated;
    const prevOrder = previous?.orderMinutes;
    if (prevOrder !== undefined && previous && prevOrder >= minutes && prevOrder < minutes + precisionMinutes(time.precision)) {
      entry.orderMinutes = prevOrder;
      entry.orderSource = previous.orderSource;
    } else {
      entry.orderMinutes = minutes;
      entry.orderSource = entry;
      if (prevOrder !== undefined && previous && minutes < prevOrder) entry.earlierThan = previous.orderSource;
    }
    previous = entry;
  });
}

/**
 * The entries in time order (a stable sort: rows at the same time keep their order), or undefined
 * when a row's time does not parse and so has no place.
 */
export function chronologicalOrder(entries: readonly TimelineEntry[]): TimelineEntry[] | undefined {
  if (entries.some((e) => e.orderMinutes === undefined)) return undefined;
  return entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => (a.entry.orderMinutes as number) - (b.entry.orderMinutes as number) || a.i - b.i)
    .map((x) => x.entry);
}
