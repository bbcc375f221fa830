// The timeline in every common layout: list items, lines and headings that start with a time, under
// date headings and date lines, in a zone named by the section; and a team template that writes its
// timeline as a list teaches that layout. The table path is timeline.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDocument } from '../../src/core/markdown/document';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { buildTemplateModel, builtinTemplate } from '../../src/core/template/model';
import { templateTimeline } from '../../src/core/template/timelineColumns';
import { readTimeline } from '../../src/core/postmortem/timeline';
import { timelineMetrics } from '../../src/core/postmortem/metrics';
import { dayNumber } from '../../src/core/postmortem/times';
import { lint } from '../../src/core/index';

function read(markdown: string, templateText?: string) {
  const doc = buildDocument(markdown, parseMarkdown(markdown));
  const template = templateText === undefined ? builtinTemplate() : buildTemplateModel(templateText);
  const timeline = readTimeline(doc, template);
  assert.ok(timeline);
  return { doc, timeline, template };
}

const day = (year: number, month: number, d: number) => dayNumber({ year, month, day: d }) * 1440;

describe('written timeline entries', () => {
  it('reads list items with a leading time, their events and offsets', () => {
    const text = '# Post-Mortem: x\n\n## Timeline\n\n* [13:20] Deploy starts\n  and continues\n* [16:04] Someone notices\n\n## Root Cause\n\nx\n';
    const { timeline } = read(text);
    assert.deepEqual(timeline.entries.map((e) => [e.layout, e.timeText, e.eventText]), [
      ['list', '13:20', 'Deploy starts and continues'],
      ['list', '16:04', 'Someone notices'],
    ]);
    const first = timeline.entries[0];
    assert.equal(text.slice(first?.timeStart, first?.timeEnd), '13:20');
    assert.equal(timeline.runs.length, 1);
  });

  it('gives entries the date of the date heading above them, and crosses midnight without one', () => {
    const text = [
      '# Post-Mortem: x', '', '## Incident Timeline', '', '### October 21, 2025 - Cache', '',
      '- **21:45 UTC** - Deploy', '- **23:55 UTC** - Still failing', '- **00:20 UTC** - Recovered', '',
      '### October 24, 2025 - Limits', '', '- **18:00 UTC** - Rolled out', '',
    ].join('\n');
    const { timeline } = read(text);
    const minutes = timeline.entries.map((e) => e.minutes);
    assert.deepEqual(minutes, [day(2025, 10, 21) + 21 * 60 + 45, day(2025, 10, 21) + 23 * 60 + 55, day(2025, 10, 22) + 20, day(2025, 10, 24) + 18 * 60]);
    assert.ok(timeline.entries.every((e) => e.dated && !e.earlierThan));
  });

  it('reads a year for dates written without one, the next year when the months go back', () => {
    const text = '# Post-Mortem: x\n\n## Timeline\n\n- [12-05 16:21] Bug merged\n- [03-20 16:46] Spec updated\n- [03-26 23:04] Outage starts\n- [03-26 02:50] Reported\n';
    const { timeline } = read(text);
    const [merged, updated, , reported] = timeline.entries;
    assert.ok((updated?.minutes ?? 0) > (merged?.minutes ?? 0), 'March after December is the next year');
    assert.equal(reported?.earlierThan?.timeText, '03-26 23:04', 'a date not advanced runs backwards');
  });

  it('reads lines split by <br> and line breaks, a date line giving their day, and headings per event', () => {
    const lines = read('# Post-Mortem: x\n\n## Timeline\n\n2025-01-14\n\n09:02 - Alert<br>\n09:10 - Rollback\nstill rolling back\n');
    assert.deepEqual(lines.timeline.entries.map((e) => [e.layout, e.timeText, e.eventText, e.dated]), [
      ['line', '09:02', 'Alert', true],
      ['line', '09:10', 'Rollback still rolling back', true],
    ]);
    const headings = read('# Post-Mortem: x\n\n## Timeline\n\n### 2022-04-15 6:50\n\nThe proxies fail.\n\n### 2022-04-15 7:05\n\nPaged.\n');
    assert.deepEqual(headings.timeline.entries.map((e) => [e.layout, e.timeText, e.eventText]), [
      ['heading', '2022-04-15 6:50', 'The proxies fail.'],
      ['heading', '2022-04-15 7:05', 'Paged.'],
    ]);
  });

  it('starts a new run at a date placeholder line: entries on an unnamed day are not compared with those before', () => {
    const { timeline } = read('# Post-Mortem: x\n\n## Timeline\n\nYYYY-MM-DD\n\n- 00:00 UTC - a\n- 00:01 UTC - b\n\nYYYY-MM-DD+1\n\n- 00:00 UTC - c\n');
    assert.equal(timeline.runs.length, 2);
    assert.ok(timeline.entries.every((e) => !e.earlierThan));
  });

  it('reads each entry in the zone the section names, or the last one written', () => {
    const { timeline } = read('# Post-Mortem: x\n\n## Timeline (UTC)\n\n- 12:48 (6:48 PDT): a\n- 13:11: b\n');
    const [a] = timeline.entries;
    assert.equal(a?.layout === 'list' ? a.contextZone : undefined, 'UTC');
  });

  it('derives metrics from written entries, by keywords and tags', () => {
    const text = '# Post-Mortem: x\n\n## Timeline\n\n- 10:00 - Error rate climbs {start}\n- 10:07 - Alert fired\n- 10:30 - Service restored\n';
    const { doc, template } = read(text);
    const metrics = timelineMetrics(doc, template, {});
    assert.equal(metrics.metrics.ttd?.minutes, 7);
    assert.equal(metrics.metrics.ttr?.minutes, 30);
  });
});

describe('a team template teaches its timeline layout', () => {
  const team = '# Incident: [Title]\n\n## Summary\n\n[What happened]\n\n## Timeline\n\nYYYY-MM-DD\n\n- 00:00 UTC - something happened\n\n## Root Cause\n\n[Why]\n';
  it('a list template: the layout, its example, and a document read and checked against it', () => {
    const layout = templateTimeline(buildTemplateModel(team));
    assert.equal(layout?.layout, 'list');
    assert.equal(layout?.example, '- 00:00 UTC - something happened');
    const text = '# Incident: Disk full\n\n## Summary\n\nx\n\n## Timeline\n\n2024-05-01\n\n- 10:15 UTC - Alert\n- 10:05 UTC - Deploy\n\n## Root Cause\n\nx\n';
    const findings = lint(text, { templateText: team }).filter((f) => f.ruleId === 'timeline');
    assert.deepEqual(findings.map((f) => f.line), [12]);
  });

  it('a section of prose without entries under a list template gets one finding naming the layout', () => {
    const text = '# Incident: Disk full\n\n## Summary\n\nx\n\n## Timeline\n\nWe will write this later.\n\n## Root Cause\n\nx\n';
    const [finding] = lint(text, { templateText: team }).filter((f) => f.ruleId === 'timeline');
    assert.match(finding?.message ?? '', /no entries.*- 00:00 UTC - something happened/);
  });

  it('prefers a table in the section named Timeline over an earlier table of times', () => {
    const kehoe = '# PM\n\n### Incident Timing\n| Start Time | | Detected By | |\n|---|---|---|---|\n| Detection Time | | TTD | |\n\n### Incident Timeline\n| Date/Time | Who/What | Action/ Impact |\n|---|---|---|\n| | | |\n';
    const layout = templateTimeline(buildTemplateModel(kehoe));
    assert.equal(layout?.table.sectionTitle, 'Incident Timeline');
  });
});

describe('a list template teaches its milestone words', () => {
  it('a tagged entry of the template makes its words a keyword of the milestone', () => {
    const team = '# Vorfall: [Titel]\n\n## Timeline\n\n- HH:MM - [Kunde meldet Fehler] {detected}\n- 00:00 - Dienst wiederhergestellt {restored}\n';
    const text = '# Vorfall: x\n\n## Timeline\n\n- 10:00 - Fehlerrate steigt {start}\n- 10:07 - Kunde meldet Fehler\n- 10:30 - Dienst wiederhergestellt\n';
    const { doc, template } = read(text, team);
    const metrics = timelineMetrics(doc, template, {});
    assert.equal(metrics.milestones.detected?.entry.timeText, '10:07');
    assert.equal(metrics.metrics.ttr?.minutes, 30);
  });
});

describe('written entries are read in linear time', () => {
  it('10,000 entries on one line split by <br>, and one entry with 10,000 continuation lines', () => {
    const oneLine = `# Post-Mortem: x\n\n## Timeline\n\n${Array.from({ length: 10_000 }, (_, i) => `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} - step ${i}`).join('<br>')}\n`;
    const continued = `# Post-Mortem: x\n\n## Timeline\n\n10:00 - start\n${'and then more words\n'.repeat(10_000)}`;
    for (const text of [oneLine, continued]) {
      const doc = buildDocument(text, parseMarkdown(text));
      const start = performance.now();
      const timeline = readTimeline(doc, builtinTemplate());
      const ms = performance.now() - start;
      assert.ok(ms < 1500, `${ms} ms`);
      assert.ok((timeline?.entries.length ?? 0) >= 1);
    }
  });
});
