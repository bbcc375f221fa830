// The timeline model: readTimeline's rows, offsets and minutes (dated, undated, across midnight,
// date-only rows, CRLF, non-ASCII). The time values themselves are times.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDocument } from '../../src/core/markdown/document';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { buildTemplateModel, builtinTemplate } from '../../src/core/template/model';
import { headerNames } from '../../src/core/markdown/tableCells';
import { chronologicalOrder, entryMoments, readTimeline, type TimelineEntry } from '../../src/core/postmortem/timeline';
import { dayNumber } from '../../src/core/postmortem/times';

function timelineOf(markdown: string, templateText?: string) {
  const doc = buildDocument(markdown, parseMarkdown(markdown));
  const template = templateText === undefined ? builtinTemplate() : buildTemplateModel(templateText);
  return { doc, timeline: readTimeline(doc, template) };
}

function doc(rows: string[], eol = '\n'): string {
  return ['# Post-Mortem: x', '', '## Timeline', '', '| Time | Event |', '|---|---|', ...rows, '', '## Root Cause', '', 'x', ''].join(eol);
}

const minutesOf = (entries: TimelineEntry[]) => entries.map((e) => e.minutes);

describe('headerNames', () => {
  it('matches whole words, case-insensitively, plurals included', () => {
    assert.ok(headerNames('Date and Time in CET', ['Time']));
    assert.ok(headerNames('Time (UTC)', ['Time']));
    assert.ok(headerNames('Date/Time', ['Time']));
    assert.ok(headerNames('Events', ['Event']));
    assert.ok(headerNames('What happened?', ['What happened']));
    assert.ok(!headerNames('Timezone', ['Time']));
    assert.ok(!headerNames('Metric', ['Time']));
  });
});

describe('readTimeline', () => {
  it('reads the rows of the table in the template timeline section, with exact offsets', () => {
    const text = doc(['| 09:05 | Alert fired |', '|10:00|Incident declared|', '| 10:30 | Fix **deployed** |']);
    const { timeline } = timelineOf(text);
    assert.ok(timeline);
    assert.equal(timeline.template.sectionKey, 'timeline');
    assert.deepEqual(timeline.template.columns, ['Time', 'Event']);
    assert.equal(timeline.tables.length, 1);
    const table = timeline.tables[0]!;
    assert.equal(table.timeColumn, 0);
    assert.equal(table.eventColumn, 1);
    assert.deepEqual(table.entries.map((e) => [e.timeText, e.eventText]), [['09:05', 'Alert fired'], ['10:00', 'Incident declared'], ['10:30', 'Fix deployed']]);
    for (const e of table.entries) {
      assert.equal(text.slice(e.timeStart, e.timeEnd), e.timeText);
      assert.equal(text.slice(e.span.lineStart, e.span.lineEnd), text.slice(e.span.start, e.span.end));
    }
    assert.equal(text.slice(table.entries[2]!.eventStart, table.entries[2]!.eventEnd), 'Fix **deployed**');
    assert.deepEqual(minutesOf(table.entries), [545, 600, 630]);
    assert.ok(table.entries.every((e) => !e.dated && e.earlierThan === undefined));
  });

  it('takes an undated time that goes back more than 12 hours to be the next day', () => {
    const { timeline } = timelineOf(doc(['| 22:50 | a |', '| 23:59 | b |', '| 00:10 | c |', '| 00:05 | d |', '| 11:00 | e |']));
    const entries = timeline!.entries;
    assert.deepEqual(minutesOf(entries), [1370, 1439, 1440 + 10, 1440 + 5, 1440 + 660]);
    // 00:05 after 00:10 went back five minutes, not a day: out of order.
    assert.deepEqual(entries.map((e) => e.earlierThan?.timeText), [undefined, undefined, undefined, '00:10', undefined]);
  });

  it('orders dated rows by their date and carries the date to undated rows below', () => {
    const { timeline } = timelineOf(doc(['| 2026-03-14 23:50 | a |', '| 00:10 | b |', '| 2026-03-15 09:00 | c |', '| 2026-03-14T12:00+02:00 | d |']));
    const entries = timeline!.entries;
    const day = Date.UTC(2026, 2, 14) / 60_000;
    assert.deepEqual(minutesOf(entries), [day + 1430, day + 1440 + 10, day + 1440 + 540, day + 600]);
    assert.ok(entries.every((e) => e.dated));
    assert.equal(entries[3]!.earlierThan?.timeText, '2026-03-15 09:00');
  });

  it('keeps a date alone in order with the finer times of its day', () => {
    const { timeline } = timelineOf(doc(['| 2021-12-10 | published |', '| 2021-12-10   15:40 | aware |', '| 2021-12-17   14:40 | x |', '| 2021-12-17 | 2.17 out |', '| 2021-12-18 | y |', '| 2021-12-17 10:00 | late |']));
    const entries = timeline!.entries;
    assert.deepEqual(entries.map((e) => e.earlierThan?.timeText), [undefined, undefined, undefined, undefined, undefined, '2021-12-18']);
    // The date alone after 14:40 stays after 14:40 when sorting.
    assert.equal(entries[3]!.orderSource, entries[2]);
    assert.deepEqual(chronologicalOrder(entries)?.map((e) => e.index), [0, 1, 5, 2, 3, 4]);
  });

  it('finds the corpus row that is out of order (11:08 before 11:07)', () => {
    const { timeline } = timelineOf(doc(['| 2023-02-14 11:01 | a |', '| 2023-02-14 11:08 | b |', '| 2023-02-14 11:07 | c |', '| 2023-02-14 11:59 | d |']));
    const late = timeline!.entries.filter((e) => e.earlierThan);
    assert.deepEqual(late.map((e) => [e.timeText, e.earlierThan?.timeText]), [['2023-02-14 11:07', '2023-02-14 11:08']]);
    assert.deepEqual(chronologicalOrder(timeline!.entries)?.map((e) => e.timeText.slice(11)), ['11:01', '11:07', '11:08', '11:59']);
  });

  it('sorts stably and refuses to sort when a time does not parse', () => {
    const { timeline } = timelineOf(doc(['| 10:00 | a |', '| 09:00 | b |', '| 10:00 | c |', '| 09:00 | d |']));
    assert.deepEqual(chronologicalOrder(timeline!.entries)?.map((e) => e.eventText), ['b', 'd', 'a', 'c']);
    const broken = timelineOf(doc(['| 10:00 | a |', '| soon | b |'])).timeline!;
    assert.equal(chronologicalOrder(broken.entries), undefined);
    assert.equal(broken.entries[1]!.timeProblem, 'format');
  });

  it('compares times at the coarser precision', () => {
    const { timeline } = timelineOf(doc(['| 10:05:30 | a |', '| 10:05 | b |', '| 10:05:10 | c |', '| 14:?? | d |', '| 14:20 | e |']));
    assert.deepEqual(timeline!.entries.map((e) => e.earlierThan?.timeText), [undefined, undefined, '10:05:30', undefined, undefined]);
  });

  it('keeps offsets exact in CRLF and non-ASCII documents', () => {
    const text = doc(['| 09:05 | Zoë meldet Ausfall 💥 |', '| 09:07 | Störung bestätigt |'], '\r\n');
    const { timeline } = timelineOf(text);
    for (const e of timeline!.entries) {
      assert.equal(text.slice(e.timeStart, e.timeEnd), e.timeText);
      assert.equal(text.slice(e.eventStart, e.eventEnd), e.eventText);
      assert.ok(!text.slice(e.span.lineStart, e.span.lineEnd).includes('\r'));
    }
    assert.deepEqual(timeline!.entries.map((e) => e.eventText), ['Zoë meldet Ausfall 💥', 'Störung bestätigt']);
  });

  it('reads the header variants and reports the columns it could not name', () => {
    const text = '## Timeline\n\n| Date and Time in CET | What happened |\n|---|---|\n| 2019-11-29 12:00 | x |\n\n| When | Notes |\n|---|---|\n| 10:00 | y |\n';
    const { timeline } = timelineOf(text);
    assert.deepEqual(timeline!.tables.map((t) => [t.timeColumn, t.eventColumn]), [[0, 1], [0, undefined]]);
    // Without a named event column the template's position (second) is read.
    assert.equal(timeline!.tables[1]!.entries[0]!.eventText, 'y');
  });

  it('includes tables of subsections, not of other sections', () => {
    const text = '## Timeline\n\n### Day 1\n\n| Time | Event |\n|---|---|\n| 10:00 | a |\n\n### Day 2\n\n| Time | Event |\n|---|---|\n| 09:00 | b |\n\n## Detection\n\n| Time | Event |\n|---|---|\n| 11:00 | c |\n';
    const { timeline } = timelineOf(text);
    assert.deepEqual(timeline!.tables.map((t) => t.section.title), ['Day 1', 'Day 2']);
    // Each table is ordered on its own: a new day's table starts again.
    assert.ok(timeline!.entries.every((e) => e.earlierThan === undefined));
  });

  it('follows a team template: its timeline section and column names', () => {
    const template = '# PM\n\n## Chronologie\n\n| Zeit | Ereignis |\n|---|---|\n| HH:MM | [Was] |\n';
    assert.equal(timelineOf('## Chronologie\n\n| Zeit | Ereignis |\n|---|---|\n| 10:00 | a |\n', template).timeline, undefined, 'Zeit is not a time word by default');
    const withTime = template.replace('| Zeit | Ereignis |', '| Zeit (Time) | Ereignis |');
    const { timeline } = timelineOf('## Chronologie\n\n| Zeit (Time) | Ereignis |\n|---|---|\n| 10:00 | a |\n', withTime);
    assert.equal(timeline!.template.sectionKey, 'chronologie');
    assert.deepEqual([timeline!.tables[0]!.timeColumn, timeline!.tables[0]!.eventColumn], [0, 1]);
  });

  it('is undefined for a template without a timeline table, and empty for a document without the section', () => {
    assert.equal(timelineOf('## Timeline\n', '# PM\n\n## Summary\n\ntext\n').timeline, undefined);
    const { timeline } = timelineOf('# x\n\n## Summary\n\n| Time | Event |\n|---|---|\n| 10:00 | a |\n');
    assert.deepEqual([timeline!.sections.length, timeline!.tables.length], [0, 0]);
  });

  it('reads 10,000 rows in linear time', () => {
    const rows: string[] = [];
    for (let i = 0; i < 10_000; i++) rows.push(`| ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | event ${i} |`);
    const text = doc(rows);
    const parsed = buildDocument(text, parseMarkdown(text));
    const start = performance.now();
    const timeline = readTimeline(parsed, builtinTemplate())!;
    const ms = performance.now() - start;
    assert.equal(timeline.entries.length, 10_000);
    assert.ok(timeline.entries.every((e) => e.earlierThan === undefined), 'midnight crossings are not out of order');
    assert.ok(ms < 2000, `readTimeline took ${ms.toFixed(0)} ms`);
  });
});

describe('entryMoments', () => {
  const entries = (rows: string[]) => timelineOf(doc(rows.map((r) => `| ${r} |`))).timeline?.tables[0]?.entries ?? [];
  const day = dayNumber({ year: 2026, month: 10, day: 14 }) * 1440;

  it('undated rows above the first dated row take the base date (the Summary Date), and the next day past midnight', () => {
    const rows = entries(['23:50 | a', '00:10 | b', '2026-10-15 00:30 | c', '00:40 | d']);
    assert.deepEqual(entryMoments(rows, { year: 2026, month: 10, day: 14 }), [
      { minutes: day + 23 * 60 + 50, dated: true },
      { minutes: day + 1440 + 10, dated: true },
      { minutes: day + 1440 + 30, dated: true },
      { minutes: day + 1440 + 40, dated: true },
    ]);
  });

  it('without a base date they stay undated (from the table\'s midnight) and only rows below a dated one carry its date', () => {
    const rows = entries(['07:58 | a', 'HH:MM | b', '2026-10-14 09:50 | c', '10:05 | d']);
    assert.deepEqual(entryMoments(rows), [{ minutes: 7 * 60 + 58, dated: false }, undefined, { minutes: day + 9 * 60 + 50, dated: true }, { minutes: day + 10 * 60 + 5, dated: true }]);
    assert.deepEqual(rows.map((e) => [e.minutes, e.dated]), [[7 * 60 + 58, false], [undefined, false], [day + 9 * 60 + 50, true], [day + 10 * 60 + 5, true]], 'orderEntries gives the same');
  });
});
