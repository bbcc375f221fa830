// The timeline entries a document writes outside tables: list items ("- 12:48 (6:48 PDT): ..."),
// lines of a paragraph ("14:44 - text<br>", "12:45 PM PST Saturday Oct 30th: ...") and headings
// ("### 2022-04-15 6:50" then prose) that start with a time, under date headings or date lines that
// give the day of the entries below them. A date placeholder line ("YYYY-MM-DD+1") starts a new run:
// the entries after it are on a day the author has yet to name, never compared with those before.
import type { List, ListItem, RootContent } from 'mdast';
import { endOf, startOf, type DocumentModel, type Section } from '../markdown/document';
import { dateNamed, isDatePlaceholder, readEntryTime, zoneNamed, type EntryDate, type EntryTime } from './entryTimes';
import type { EntrySpan, WrittenTimelineEntry } from './timeline';
import { calendarDate, type CalendarDate, type TimeProblem, type TimeValue } from './times';

/** A note short enough to be a date or zone line ("All times in PST, on February 8th 2019"), not prose. */
const NOTE_LENGTH = 120;

interface Reading {
  doc: DocumentModel;
  zone: { zone: string; utcOffset: number | undefined } | undefined;
  year: number | undefined;
  lastMonth: number | undefined;
  heading: { date: CalendarDate } | undefined;
  runs: WrittenTimelineEntry[][];
  current: WrittenTimelineEntry[];
}

/** The written entries of a timeline section and its subsections (`inTimeline`), in runs. */
export function readWrittenEntries(doc: DocumentModel, section: Section, inTimeline: (s: Section) => boolean): WrittenTimelineEntry[][] {
  const r: Reading = { doc, zone: undefined, year: undefined, lastMonth: undefined, heading: undefined, runs: [], current: [] };
  readNote(r, section.title);
  for (const s of doc.sections) {
    if (s.start < section.start || s.start >= section.end || !inTimeline(s)) continue;
    if (s === section) {
      readNodes(r, s.nodes);
      continue;
    }
    const before = r.current.length + r.runs.length;
    const heading = readHeading(r, s);
    if (heading !== 'entry') readNodes(r, s.nodes);
    // A date heading with prose and no timed entry under it is itself the day's entry.
    if (heading === 'date' && r.current.length + r.runs.length === before) readHeading(r, s, true);
  }
  if (r.current.length) r.runs.push(r.current);
  return r.runs;
}

function newRun(r: Reading): void {
  if (r.current.length) r.runs.push(r.current);
  r.current = [];
  r.heading = undefined;
  r.lastMonth = undefined;
}

/** A line that is no entry: a date placeholder, a date line or a zone note. */
function readNote(r: Reading, text: string): void {
  if (isDatePlaceholder(text)) return newRun(r);
  if (text.length > NOTE_LENGTH) return;
  const zone = zoneNamed(text);
  if (zone) r.zone = zone;
  const date = dateNamed(text);
  if (date?.year !== undefined) {
    const day = calendarDate(String(date.year), String(date.month), String(date.day));
    if (day) {
      r.heading = { date: day };
      r.year = day.year;
      r.lastMonth = day.month;
    }
  }
}

/** 'entry' when the heading is an entry (its section's prose is its event), 'date' for a date heading. */
function readHeading(r: Reading, s: Section, asEntry = false): 'entry' | 'date' | 'note' {
  const { text } = r.doc;
  const start = startOf(s.heading);
  const marks = /^#{1,6}[ \t]*/.exec(text.slice(start, start + 8));
  const from = start + (marks ? marks[0].length : 0);
  const headingEnd = endOf(s.heading);
  const time = readEntryTime(text.slice(from, headingEnd));
  if (!time || (!asEntry && !time.clock && !time.problem && time.date)) {
    readNote(r, s.title);
    return time ? 'date' : 'note';
  }
  const span = lineSpan(r.doc, start, s.contentEnd);
  add(r, 'heading', time, from, span, span.end, undefined);
  return 'entry';
}

function readNodes(r: Reading, nodes: readonly RootContent[]): void {
  for (const node of nodes) {
    if (node.type === 'paragraph') readLines(r, startOf(node), endOf(node));
    else if (node.type === 'list') for (const item of node.children) readItem(r, node, item);
    else if (node.type === 'blockquote') readNodes(r, node.children);
  }
}

function readItem(r: Reading, list: List, item: ListItem): void {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const { text } = r.doc;
  const from = startOf(first);
  const newline = text.indexOf('\n', from);
  const headEnd = newline < 0 ? endOf(first) : Math.min(newline, endOf(first));
  const time = readEntryTime(text.slice(from, headEnd));
  if (!time) return;
  const itemEnd = endOf(item);
  add(r, 'list', time, from, lineSpan(r.doc, startOf(item), itemEnd), itemEnd, list);
}

// Lines of a paragraph end at a line break or at an HTML <br>.
const LINE_BREAK = /\r?\n|<br\s*\/?>/gi;
const LINE_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*/;

function readLines(r: Reading, start: number, end: number): void {
  const { text } = r.doc;
  const source = text.slice(start, end);
  let entry: WrittenTimelineEntry | undefined;
  // Where the last entry's continuation lines end: its event is read once, when the next one starts.
  let continued = -1;
  const finish = () => {
    if (entry && continued > entry.span.end) extend(r, entry, continued);
  };
  let at = 0;
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const m = LINE_BREAK.exec(source);
    const lineEnd = m ? m.index : source.length;
    const prefix = LINE_PREFIX.exec(source.slice(at, Math.min(lineEnd, at + 40)));
    const from = at + (prefix ? prefix[0].length : 0);
    const line = source.slice(from, lineEnd).replace(/[ \t\\]+$/, '');
    let time = line ? readEntryTime(line) : undefined;
    // A date alone on its line ("2025-01-14", "Wednesday Jan 15th 2025") is a date line: the day of the lines below.
    if (time && isDateLine(time, line)) time = undefined;
    if (time) {
      finish();
      entry = add(r, 'line', time, start + from, lineSpan(r.doc, start + from, start + from + line.length), start + from + line.length, undefined);
      continued = -1;
    } else if (entry && line) {
      // A line without a time continues the event above it.
      continued = start + from + line.length;
    } else if (line) {
      readNote(r, line);
    }
    if (!m) break;
    at = m.index + m[0].length;
  }
  finish();
}

function isDateLine(time: EntryTime, line: string): boolean {
  return time.date !== undefined && !time.clock && !time.problem && line.slice(time.eventStart).trim() === '';
}

function lineSpan(doc: DocumentModel, start: number, end: number): EntrySpan {
  const { text, lines } = doc;
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1] as string)) trimmed--;
  const lineStart = lines.lineStart(lines.point(start).line);
  const last = lines.point(trimmed).line;
  let lineEnd = last < lines.lineCount ? lines.lineStart(last + 1) - 1 : text.length;
  if (text[lineEnd - 1] === '\r' && text[lineEnd] === '\n') lineEnd--;
  if (lineEnd < trimmed) lineEnd = trimmed;
  return { start, end: trimmed, lineStart, lineEnd };
}

function extend(r: Reading, entry: WrittenTimelineEntry, end: number): void {
  const span = lineSpan(r.doc, entry.span.start, end);
  entry.span.end = span.end;
  entry.span.lineEnd = span.lineEnd;
  entry.eventEnd = span.end;
  entry.eventText = eventWords(r.doc.text.slice(entry.eventStart, span.end));
}

function eventWords(source: string): string {
  return source.replace(/<br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim();
}

/** The year of a date written without one: the year in use, the next one when the months go back half a year. */
function yearOf(r: Reading, date: EntryDate): number {
  if (date.year !== undefined) return date.year;
  let year = r.year ?? 2000;
  if (r.lastMonth !== undefined && r.lastMonth - date.month >= 6) year++;
  return year;
}

function timeValue(r: Reading, time: EntryTime): { value: TimeValue | undefined; problem: TimeProblem | undefined } {
  if (time.problem) return { value: undefined, problem: time.problem };
  let date: CalendarDate | undefined;
  if (time.date) {
    const year = yearOf(r, time.date);
    date = calendarDate(String(year), String(time.date.month), String(time.date.day));
    if (!date) return { value: undefined, problem: 'not-a-date' };
    r.year = year;
    r.lastMonth = date.month;
  }
  const clock = time.clock;
  if (!clock && !date) return { value: undefined, problem: 'format' };
  if (time.utcOffset !== undefined && time.zone) r.zone = { zone: time.zone, utcOffset: time.utcOffset };
  return {
    value: {
      date,
      hour: clock?.hour ?? 0,
      minute: clock?.minute ?? 0,
      second: clock?.second ?? 0,
      precision: clock ? clock.precision : 'day',
      utcOffset: time.utcOffset ?? r.zone?.utcOffset,
    },
    problem: undefined,
  };
}

function add(
  r: Reading,
  layout: WrittenTimelineEntry['layout'],
  time: EntryTime,
  base: number,
  span: EntrySpan,
  eventEnd: number,
  list: List | undefined,
): WrittenTimelineEntry {
  const { text } = r.doc;
  const contextZone = time.zone ?? r.zone?.zone;
  const contextOffset = time.zone ? time.utcOffset : r.zone?.utcOffset;
  const { value, problem } = timeValue(r, time);
  const shift = <T extends { start: number; end: number }>(x: T | undefined): T | undefined => x && { ...x, start: base + x.start, end: base + x.end };
  const written: EntryTime = {
    ...time,
    start: base + time.start,
    end: base + time.end,
    eventStart: base + time.eventStart,
    rangeEnd: shift(time.rangeEnd),
    alternate: shift(time.alternate),
  };
  const eventStart = Math.min(written.eventStart, span.end);
  const entry: WrittenTimelineEntry = {
    layout,
    span,
    index: r.current.length,
    timeText: text.slice(written.start, written.end),
    eventText: eventWords(text.slice(eventStart, Math.max(eventStart, Math.min(eventEnd, span.end)))),
    timeStart: written.start,
    timeEnd: written.end,
    eventStart,
    eventEnd: Math.max(eventStart, Math.min(eventEnd, span.end)),
    time: value,
    timeProblem: problem,
    minutes: undefined,
    dated: false,
    orderMinutes: undefined,
    orderSource: undefined,
    earlierThan: undefined,
    dayHeading: r.heading,
    written,
    contextZone,
    contextOffset,
    list,
  };
  r.current.push(entry);
  return entry;
}
