// timeline: the timeline section holds a `Time | Event` table whose rows are well-formed, with times
// that parse, in chronological order, each with an event. The table, its section and its columns
// come from the template (its table whose first column is a time).
import { endOf, hasOwnContent, isWithin, type Section } from '../markdown/document';
import { isTimeColumnHeader, scanBracketPlaceholders, scanTimePlaceholders } from '../template/placeholders';
import { stringListOption, type Rule, type RuleContext } from './rule';
import { cellCount, isBlankRow, joinExtraCellsFix, padRowFix, removeRowFix } from '../markdown/tableCells';
import { chronologicalOrder, readTimeline, type TableTimelineEntry, type Timeline, type TimelineEntry, type TimelineRun, type TimelineTable, type WrittenTimelineEntry } from '../postmortem/timeline';
import { alternateMismatch, backwardRange, clockText, timelineWithoutEntriesIsFine } from '../postmortem/timelineProblems';
import { DEFAULT_HEADER_WORDS, type TimelineHeaderWords } from '../template/timelineColumns';
import { TIME_FORMATS, type TimeProblem } from '../postmortem/times';
import type { Fix } from '../types';

/** "Time, Timestamp, When, Date..." */
function examples(words: readonly string[]): string {
  return words.length > 4 ? `${words.slice(0, 4).join(', ')}...` : words.join(', ');
}

function timeMessage(entry: TimelineEntry, problem: TimeProblem): string {
  const t = entry.timeText;
  switch (problem) {
    case 'empty':
      return `Time is missing: expected ${TIME_FORMATS}.`;
    case 'not-a-date':
      return `Time "${t}" is not a real calendar date: expected ${TIME_FORMATS}.`;
    case 'not-a-time':
      return `Time "${t}" is not a time of day (hours 00-23, minutes and seconds 00-59): expected ${TIME_FORMATS}.`;
    case 'unknown':
      return `Time "${t}" is unknown: write the time, or the date with the time unknown (YYYY-MM-DD --:--).`;
    case 'format':
      return `Time "${t}" is not a time: expected ${TIME_FORMATS}.`;
    case 'meridiem':
      return `Time "${t}" is not a time of day: a 24-hour time with AM, or 0 with PM, contradicts itself (write 23:00 or 11:00 PM).`;
  }
}

/** Whether the placeholder rule reports this time cell (an HH:MM or a [bracket] left from the template). */
function isPlaceholderTime(table: TimelineTable, entry: TableTimelineEntry, timeWords: readonly string[]): boolean {
  const source = entry.span.cells[0]?.source ?? '';
  if (scanBracketPlaceholders(source).length > 0) return true;
  const headerCell = table.header?.cells[0]?.text ?? '';
  return isTimeColumnHeader(headerCell, timeWords) && scanTimePlaceholders(source).length > 0;
}

/** The template's timeline table as Markdown, in the document's line breaks. */
function templateTableText(timeline: Timeline, eol: string): string {
  const { columns, rows } = timeline.template;
  // Cells are the template's plain text: a "|" in them must be escaped again to stay in its cell.
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const out = [line(columns), `|${columns.map(() => '---').join('|')}|`];
  for (const row of rows) out.push(line(columns.map((_, i) => row[i] ?? '')));
  return out.join(eol);
}

function checkMissingTable(ctx: RuleContext, timeline: Timeline, section: Section, expected: string): void {
  const { doc, eol } = ctx;
  const { text } = doc;
  // An empty section is empty-section's finding: one finding per problem. A link to where the timeline
  // is kept (a status page), or a note alone ("All times in UTC."), is not a timeline to check.
  if (section.children.length === 0 && !hasOwnContent(section)) return;
  const templateSection = ctx.template.sections.find((s) => s.key === timeline.layout.sectionKey);
  if (timelineWithoutEntriesIsFine(text, section, templateSection?.ownText)) return;
  const inSection = (s: Section | undefined) => isWithin(s, section);
  const example = timeline.layout.example;
  if (doc.lists.some((l) => inSection(l.section))) {
    // Turning a list into a table is the author's rewrite: one finding, no fix.
    ctx.report({
      message: `The timeline is written as a list without times: start each item with its time ("${example ?? '- 14:32 ...'}"), or write a "${expected}" table.`,
      start: section.start,
      end: section.headingEnd,
    });
    return;
  }
  if (timeline.layout.layout !== 'table') {
    ctx.report({
      message: `The timeline has no entries: expected one per event, each starting with its time${example ? ` ("${example}")` : ''}.`,
      start: section.start,
      end: section.headingEnd,
    });
    return;
  }
  const last = section.nodes[section.nodes.length - 1];
  const at = last ? endOf(last) : section.headingEnd;
  const rest = text.slice(at, at + 2 * eol.length);
  const after = rest === '' || rest === eol || rest.startsWith(eol + eol) ? '' : eol;
  ctx.report({
    message: `The timeline has no table: expected a "${expected}" table with one row per event.`,
    start: section.start,
    end: section.headingEnd,
    // The section says something already (a link to a status page, a note): adding a table is the author's call.
    suggestions: [{ title: `Insert the "${expected}" table`, edits: [ctx.edit(at, at, eol + eol + templateTableText(timeline, eol) + after)] }],
  });
}

function checkHeader(ctx: RuleContext, timeline: Timeline, table: TimelineTable, words: TimelineHeaderWords, expected: string): void {
  const header = table.header;
  if (!header || (table.timeColumn !== undefined && table.eventColumn !== undefined)) return;
  const columns = timeline.template.columns;
  const edits = [];
  const timeCell = header.cells[0];
  if (table.timeColumn === undefined && timeCell) edits.push(ctx.edit(timeCell.textStart, timeCell.textEnd, columns[0] as string));
  const eventCell = header.cells[timeline.templateEventColumn];
  const eventName = columns[timeline.templateEventColumn];
  if (table.eventColumn === undefined && eventCell && eventName) edits.push(ctx.edit(eventCell.textStart, eventCell.textEnd, eventName));
  // Only a rename that leaves both columns named is offered (a one-column table needs a column, not a name).
  const renamesAll = table.eventColumn !== undefined || (eventCell !== undefined && eventName !== undefined);
  const wants = [
    table.timeColumn === undefined ? `a time column first (${examples(words.time)})` : '',
    table.eventColumn === undefined ? `an event column (${examples(words.event)})` : '',
  ].filter(Boolean);
  ctx.report({
    message: `Timeline header "${header.cells.map((c) => c.text).join(' | ')}" is not "${expected}": expected ${wants.join(' and ')}.`,
    start: header.start,
    end: header.end,
    // Renaming may lose the author's wording (a time zone in "Zeit (MEZ)"): offered, never applied by fix-all.
    ...(edits.length && renamesAll ? { suggestions: [{ title: `Rename the header to "${expected}"`, edits }] } : {}),
  });
}

function sortFix(ctx: RuleContext, table: TimelineTable): Fix | undefined {
  const sorted = chronologicalOrder(table.entries);
  const first = table.entries[0];
  const last = table.entries[table.entries.length - 1];
  if (!sorted || !first || !last) return undefined;
  // Whole lines move unchanged (a blockquote's ">" or a list's indent included); header and delimiter stay.
  const text = sorted.map((e) => ctx.doc.text.slice(e.span.lineStart, e.span.lineEnd)).join(ctx.eol);
  return { title: 'Sort the timeline rows by time', edits: [ctx.edit(first.span.lineStart, last.span.lineEnd, text)] };
}

function checkTable(ctx: RuleContext, timeline: Timeline, table: TimelineTable, words: TimelineHeaderWords, expected: string): void {
  checkHeader(ctx, timeline, table, words, expected);
  const columns = table.header?.cells.length ?? 0;
  const checkTimes = table.timeColumn !== undefined;
  // Built once per table, on the first out-of-order row, and shared by the others.
  let sort: Fix | undefined | null = null;
  // A table of blank rows only is the template's, not filled in yet: nothing to say row by row.
  if (table.entries.length > 0 && table.entries.every((e) => isBlankRow(e.span))) return;
  for (const entry of table.entries) {
    const span = entry.span;
    if (isBlankRow(span)) {
      ctx.report({ message: 'Timeline row is empty: fill it in or remove it.', start: span.start, end: span.end, fix: removeRowFix(ctx, span) });
      continue;
    }
    const cells = span.cells.length;
    if (columns > 0 && cells < columns) {
      ctx.report({
        message: `Row has ${cellCount(cells)}, expected ${columns} (${expected}).`,
        start: span.start,
        end: span.end,
        fix: padRowFix(ctx, span, columns - cells),
      });
    } else if (columns > 0 && cells > columns) {
      const join = joinExtraCellsFix(ctx, span, columns);
      ctx.report({
        message: `Row has ${cellCount(cells)}, expected ${columns} (${expected}): write a "|" inside a cell as "\\|".`,
        start: span.start,
        end: span.end,
        // The extra cell may be a column the author means to add to the header: offered, not applied.
        ...(join ? { suggestions: [join] } : {}),
      });
    }
    if (checkTimes && entry.timeProblem && !isPlaceholderTime(table, entry, words.time)) {
      ctx.report({ message: timeMessage(entry, entry.timeProblem), start: entry.timeStart, end: entry.timeEnd });
    }
    const above = entry.earlierThan;
    if (checkTimes && above) {
      if (sort === null) sort = sortFix(ctx, table);
      ctx.report({
        message: `Time "${entry.timeText}" is earlier than "${above.timeText}" above it: keep the timeline in chronological order.`,
        start: entry.timeStart,
        end: entry.timeEnd,
        ...(sort ? { fix: sort } : {}),
        related: [{ message: `The later time "${above.timeText}"`, start: above.timeStart, end: above.timeEnd }],
      });
    }
    const event = entry.eventSpan;
    if (event && event.text === '' && event.source === '') {
      ctx.report({
        message: entry.timeText ? `Event at "${entry.timeText}" is empty: describe what happened.` : 'Event is empty: describe what happened.',
        start: event.innerStart,
        end: event.innerEnd,
      });
    }
  }
}

const LAYOUT_NAMES = { list: 'list item', line: 'line', heading: 'heading' } as const;

/** Sorting a list moves whole items (with their continuation lines); the blank lines between them stay. */
function sortListSuggestion(ctx: RuleContext, run: TimelineRun, entry: WrittenTimelineEntry): Fix | undefined {
  const list = entry.list;
  if (!list) return undefined;
  const items = run.entries.filter((e): e is WrittenTimelineEntry => e.layout === 'list' && e.list === list);
  const sorted = items.length === list.children.length ? chronologicalOrder(items) : undefined;
  const first = items[0];
  const last = items[items.length - 1];
  if (!sorted || !first || !last) return undefined;
  const { text } = ctx.doc;
  const out: string[] = [];
  sorted.forEach((e, i) => {
    out.push(text.slice(e.span.lineStart, e.span.lineEnd));
    const next = items[i + 1];
    if (next) out.push(text.slice((items[i] as WrittenTimelineEntry).span.lineEnd, next.span.lineStart));
  });
  return { title: 'Sort the list items by time', edits: [ctx.edit(first.span.lineStart, last.span.lineEnd, out.join(''))] };
}

function writtenTimeMessage(entry: WrittenTimelineEntry, problem: TimeProblem): string {
  const where = `at the start of this ${LAYOUT_NAMES[entry.layout]}`;
  const t = entry.timeText;
  switch (problem) {
    case 'not-a-date':
      return `Date "${t}" ${where} is not a real calendar date.`;
    case 'meridiem': {
      const m = /(\d{1,2}):(\d{2})/.exec(t);
      const hour = Number(m?.[1] ?? 0);
      const minute = m?.[2] ?? '00';
      const h24 = `${String(hour).padStart(2, '0')}:${minute}`;
      const h12 = hour === 0 ? `12:${minute} AM` : `${hour % 12 || 12}:${minute} PM`;
      return `Time "${t}" ${where} is not a time of day: ${h24} is a 24-hour time, and ${hour === 0 ? 'PM' : 'AM'} contradicts it. Write ${h24}, or ${h12}.`;
    }
    default:
      return `Time "${t}" ${where} is not a time of day (hours 00-23, minutes and seconds 00-59).`;
  }
}

/** Entries written as list items, lines or headings: times that parse, ranges, zones, order and events. */
function checkWritten(ctx: RuleContext, run: TimelineRun): void {
  const sorts = new Map<unknown, Fix | undefined>();
  for (const entry of run.entries) {
    if (entry.layout === 'table') continue;
    // "[???]" and "--:--" say the time is unknown on purpose: nothing to fix.
    if (entry.timeProblem && entry.timeProblem !== 'unknown') {
      ctx.report({ message: writtenTimeMessage(entry, entry.timeProblem), start: entry.timeStart, end: entry.timeEnd });
    }
    const mismatch = alternateMismatch(entry);
    const alt = entry.written.alternate;
    if (mismatch && alt) {
      const zone = entry.contextZone ?? 'its zone';
      ctx.report({
        message: `"${alt.text}" is not the same time as "${entry.timeText}" (${zone}): ${entry.timeText} ${zone} is ${mismatch.expected}${alt.zone ? ` ${alt.zone}` : ''}. Correct one of them.`,
        start: alt.start,
        end: alt.end,
      });
    }
    const range = entry.written.rangeEnd;
    const next = range ? backwardRange(run, entry) : undefined;
    if (range && next) {
      ctx.report({
        message: `Time range "${entry.timeText}" ends before it starts: "${range.text}" reads as ${clockText(range.clock.hour * 60 + range.clock.minute)}, yet the next entry ("${next.timeText}") is the same day. Write the end in 24-hour time or with its date.`,
        start: range.start,
        end: range.end,
      });
    }
    const above = entry.earlierThan;
    if (above) {
      if (!sorts.has(entry.list)) sorts.set(entry.list, sortListSuggestion(ctx, run, entry));
      const sort = sorts.get(entry.list);
      ctx.report({
        message: `Time "${entry.timeText}" is earlier than "${above.timeText}" above it: keep the timeline in chronological order.`,
        start: entry.timeStart,
        end: entry.timeEnd,
        // Moving the author's items is offered, never applied by --fix.
        ...(sort && entry.layout === 'list' ? { suggestions: [sort] } : {}),
        related: [{ message: `The later time "${above.timeText}"`, start: above.timeStart, end: above.timeEnd }],
      });
    }
    if (entry.eventText === '') {
      ctx.report({ message: `Event at "${entry.timeText}" is empty: describe what happened.`, start: entry.timeStart, end: entry.timeEnd });
    }
  }
}

export interface TimelineOptions {
  timeHeaders: string[];
  eventHeaders: string[];
}

export const timeline: Rule<TimelineOptions> = {
  id: 'timeline',
  description: 'The timeline is a "Time | Event" table with well-formed rows, times that parse, in chronological order.',
  defaultSeverity: 'warning',
  fixable: true,
  hasSuggestions: true,
  optionsSchema: {
    type: 'object',
    properties: {
      timeHeaders: stringListOption('Words that name the time column (whole words, case-insensitive): "Time (UTC)" and "Date and Time in CET" name Time.'),
      eventHeaders: stringListOption('Words that name the event column.'),
    },
    additionalProperties: false,
  },
  defaultOptions: { timeHeaders: [...DEFAULT_HEADER_WORDS.time], eventHeaders: [...DEFAULT_HEADER_WORDS.event] },
  check(ctx) {
    const words = ctx.timelineWords;
    const found = readTimeline(ctx.doc, ctx.template, words);
    if (!found) return;
    const expected = `${found.template.columns[0]} | ${found.template.columns[found.templateEventColumn] ?? ''}`;
    for (const section of found.sections) {
      if (!found.tables.some((t) => t.timelineSection === section) && !found.runs.some((r) => r.timelineSection === section)) {
        checkMissingTable(ctx, found, section, expected);
      }
    }
    for (const table of found.tables) checkTable(ctx, found, table, words, expected);
    for (const run of found.runs) if (!run.table) checkWritten(ctx, run);
  },
};
