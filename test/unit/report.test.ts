// The incident report (src/core/report): six fixture post-mortems (test/fixtures/report/) whose
// timelines give known durations; the medians and p90 below are computed by hand from them.
//
//            date        severity  TTD  TTA  TTM  TTR  Duration
//   INC-101  2026-01-10  SEV1       12    8   50   90  120
//   INC-102  2026-02-03  SEV1        5    3   25   40   60
//   INC-103  2026-02-20  SEV2       30   10   60  100  150
//   INC-104  2026-03-05  SEV2       20   15   45   70   95
//   INC-105  2026-03-28  SEV2       45    5   80  130  200
//   INC-106  2026-04-15  SEV3       60    -    -    -    -   (the timeline stops at the alert)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildReport, builtinTemplateText, distribution, isSkipped, nearestRank, readIncident, type IncidentReading } from '../../src/core/index';

const dir = join(__dirname, '..', 'fixtures', 'report');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

function readAll(): IncidentReading[] {
  return files.map((f) => {
    const r = readIncident(readFileSync(join(dir, f), 'utf8'), { file: f });
    assert.ok(!isSkipped(r), `${f} is read`);
    return r;
  });
}

const TODAY = '2026-05-01';

describe('report: distributions', () => {
  it('median of an odd and an even count, p90 by nearest rank', () => {
    assert.deepEqual(distribution([3, 1, 2]), { median: 2, p90: 3, min: 1, max: 3 });
    assert.deepEqual(distribution([4, 1, 3, 2]), { median: 2.5, p90: 4, min: 1, max: 4 });
    // Ten values: rank ceil(0.9 * 10) = 9, the ninth smallest, not the largest.
    assert.equal(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 90), 9);
    assert.equal(distribution([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]).p90, 100);
  });

  it('nulls are left out; no value at all gives nulls, not zeros', () => {
    assert.deepEqual(distribution([null, 5, null]), { median: 5, p90: 5, min: 5, max: 5 });
    assert.deepEqual(distribution([null, null]), { median: null, p90: null, min: null, max: null });
  });
});

describe('report: reading a post-mortem', () => {
  it('reads the Summary, the metrics with their readings, the action items and the factors', () => {
    const [first] = readAll();
    assert.ok(first);
    assert.equal(first.id, 'INC-101');
    assert.equal(first.date, '2026-01-10');
    assert.equal(first.severity, 'SEV1');
    assert.equal(first.status, 'Complete');
    assert.equal(first.title, 'Checkout errors after deploy');
    assert.deepEqual(first.metrics, { ttd: 12, tta: 8, ttm: 50, ttr: 90, duration: 120 });
    assert.deepEqual(first.readings, { ttd: 'start->detected', tta: 'detected->acknowledged', ttm: 'start->mitigated', ttr: 'start->restored', duration: 'start->closed' });
    assert.deepEqual(
      first.actionItems.map((a) => [a.action, a.owner, a.due, a.done, a.issues]),
      [
        ['Add alert on checkout p99', 'Alice', '2026-01-20', true, ['pay-11']],
        ['Write rollback runbook', 'Bob', '2026-02-01', false, ['pay-12']],
      ],
    );
    assert.deepEqual(first.factors, ['Detection Gap', 'Code Defect']);
  });

  it('uses the config of the metrics rule: a pinned reading changes the value', () => {
    const text = readFileSync(join(dir, files[0] as string), 'utf8');
    const pinned = readIncident(text, { config: { rules: { metrics: { options: { definitions: { tta: { from: 'start', to: 'acknowledged' } } } } } } });
    assert.ok(!isSkipped(pinned));
    assert.equal(pinned.metrics.tta, 20);
    assert.equal(pinned.readings.tta, 'start->acknowledged');
  });

  it('leaves a template out, and reads a document with no Summary or timeline as nulls', () => {
    const template = readIncident(builtinTemplateText, { file: 'docs/TEMPLATE.md' });
    assert.ok(isSkipped(template));
    const bare = readIncident('# Post-Mortem: nothing yet\n', { file: 'x.md' });
    assert.ok(!isSkipped(bare));
    assert.deepEqual(bare.metrics, { ttd: null, tta: null, ttm: null, ttr: null, duration: null });
    assert.equal(bare.date, undefined);
    assert.deepEqual(bare.actionItems, []);
  });
});

describe('report: aggregates', () => {
  it('one group "all": medians and p90 as computed by hand', () => {
    const report = buildReport(readAll(), { today: TODAY });
    assert.equal(report.groups.length, 1);
    const [all] = report.groups;
    assert.ok(all);
    assert.equal(all.by, 'all');
    assert.equal(all.key, 'all');
    assert.equal(all.count, 6);
    // TTD 5 12 20 30 45 60: median (20 + 30) / 2; p90 rank ceil(5.4) = 6.
    assert.deepEqual(all.metrics.ttd, { median: 25, p90: 60, min: 5, max: 60 });
    // TTA 3 5 8 10 15 (INC-106 gives none): median 8; p90 rank ceil(4.5) = 5.
    assert.deepEqual(all.metrics.tta, { median: 8, p90: 15, min: 3, max: 15 });
    assert.deepEqual(all.metrics.ttm, { median: 50, p90: 80, min: 25, max: 80 });
    assert.deepEqual(all.metrics.ttr, { median: 90, p90: 130, min: 40, max: 130 });
    assert.deepEqual(all.metrics.duration, { median: 120, p90: 200, min: 60, max: 200 });
    assert.deepEqual(all.factors.slice(0, 2), [
      { factor: 'Code Defect', count: 3 },
      { factor: 'Detection Gap', count: 2 },
    ]);
  });

  it('by severity', () => {
    const report = buildReport(readAll(), { today: TODAY, by: 'severity' });
    assert.deepEqual(
      report.groups.map((g) => [g.key, g.count]),
      [
        ['SEV1', 2],
        ['SEV2', 3],
        ['SEV3', 1],
      ],
    );
    const [sev1, sev2, sev3] = report.groups;
    // SEV1 TTD 5 12: median 8.5, p90 rank ceil(1.8) = 2.
    assert.deepEqual(sev1?.metrics.ttd, { median: 8.5, p90: 12, min: 5, max: 12 });
    // SEV2 TTD 20 30 45, TTR 70 100 130.
    assert.deepEqual(sev2?.metrics.ttd, { median: 30, p90: 45, min: 20, max: 45 });
    assert.deepEqual(sev2?.metrics.ttr, { median: 100, p90: 130, min: 70, max: 130 });
    assert.deepEqual(sev3?.metrics.tta, { median: null, p90: null, min: null, max: null });
  });

  it('by month and by quarter; --since leaves earlier incidents out', () => {
    const months = buildReport(readAll(), { today: TODAY, by: 'month' });
    assert.deepEqual(
      months.groups.map((g) => [g.key, g.count]),
      [
        ['2026-01', 1],
        ['2026-02', 2],
        ['2026-03', 2],
        ['2026-04', 1],
      ],
    );
    assert.deepEqual(months.perMonth, [
      { month: '2026-01', count: 1 },
      { month: '2026-02', count: 2 },
      { month: '2026-03', count: 2 },
      { month: '2026-04', count: 1 },
    ]);
    const quarters = buildReport(readAll(), { today: TODAY, by: 'quarter' });
    assert.deepEqual(
      quarters.groups.map((g) => [g.key, g.count, g.metrics.ttd.median]),
      [
        ['2026-Q1', 5, 20],
        ['2026-Q2', 1, 60],
      ],
    );
    const since = buildReport(readAll(), { today: TODAY, since: '2026-03-01' });
    assert.deepEqual(
      since.incidents.map((r) => r.id),
      ['INC-104', 'INC-105', 'INC-106'],
    );
    // TTD 20 45 60.
    assert.deepEqual(since.groups[0]?.metrics.ttd, { median: 45, p90: 60, min: 20, max: 60 });
  });

  it('action items: total, open, overdue (due before today, not done), with owners', () => {
    const report = buildReport(readAll(), { today: TODAY });
    assert.deepEqual(
      report.incidents.map((r) => [r.id, r.actionItems.total, r.actionItems.open, r.actionItems.overdue]),
      [
        ['INC-101', 2, 1, 1],
        ['INC-102', 1, 1, 0],
        ['INC-103', 2, 1, 1],
        ['INC-104', 1, 1, 1],
        ['INC-105', 0, 0, 0],
        ['INC-106', 1, 1, 1],
      ],
    );
    assert.deepEqual(
      report.groups[0]?.overdue.map((o) => [o.id, o.owner, o.due]),
      [
        ['INC-101', 'Bob', '2026-02-01'],
        ['INC-103', 'Dave, Erin', '2026-03-01'],
        ['INC-104', '@frank', '2026-04-01'],
        ['INC-106', 'Grace', '2026-04-30'],
      ],
    );
    // Due today is not overdue yet: the day before it is.
    const onDue = buildReport(readAll(), { today: '2026-04-30' });
    assert.equal(onDue.incidents.find((r) => r.id === 'INC-106')?.actionItems.overdue, 0);
  });

  it('a known state from elsewhere (the Beads seam) wins over the Status cell', () => {
    const closed = new Set(['pay-12']);
    const report = buildReport(readAll(), { today: TODAY, itemState: (item) => (item.issues.some((id) => closed.has(id)) ? 'done' : undefined) });
    assert.deepEqual(report.incidents[0]?.actionItems, { total: 2, open: 0, overdue: 0 });
    assert.ok(!report.groups[0]?.overdue.some((o) => o.id === 'INC-101'));
  });

  it('no post-mortem: one empty group "all", null figures', () => {
    const report = buildReport([], { today: TODAY });
    assert.deepEqual(report.groups.map((g) => [g.key, g.count, g.metrics.ttd.median]), [['all', 0, null]]);
  });
});
