// `postmortem report` on the fixture post-mortems (test/fixtures/report/, see report.test.ts for the
// durations): the JSON shape of the issue, CSV quoting, Markdown tables, the file selection of lint,
// --output that never overwrites, and the usage errors.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { csvField, markdownCell } from '../../src/core/index';
import { cli, workspace, write } from './cliWorkspace';

const fixtures = join(__dirname, '..', 'fixtures', 'report');
const fixtureFiles = Object.fromEntries(
  readdirSync(fixtures)
    .filter((f) => f.endsWith('.md'))
    .map((f) => [`incidents/${f}`, readFileSync(join(fixtures, f), 'utf8')]),
);

function archive(extra: Record<string, string> = {}): string {
  return workspace({ ...fixtureFiles, 'incidents/README.md': '# How we write post-mortems\n\nSee the template.\n', ...extra });
}

describe('report: json', () => {
  it('has the shape of the issue: incidents and groups, minutes or null', () => {
    const root = archive();
    const { code, stdout, stderr } = cli(root, 'report', 'incidents', '--format', 'json', '--today', '2026-05-01', '--by', 'severity', '--concurrency', '2');
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout);
    assert.deepEqual(Object.keys(report), ['incidents', 'groups']);
    // The README is no post-mortem: a folder gives only what reads as one.
    assert.equal(report.incidents.length, 6);
    const [first] = report.incidents;
    assert.deepEqual(Object.keys(first).slice(0, 7), ['file', 'id', 'date', 'severity', 'status', 'metrics', 'actionItems']);
    assert.deepEqual(first, {
      file: 'incidents/2026-01-10-checkout-errors.md',
      id: 'INC-101',
      date: '2026-01-10',
      severity: 'SEV1',
      status: 'Complete',
      metrics: { ttd: 12, tta: 8, ttm: 50, ttr: 90, duration: 120 },
      actionItems: { total: 2, open: 1, overdue: 1 },
      readings: { ttd: 'start->detected', tta: 'detected->acknowledged', ttm: 'start->mitigated', ttr: 'start->restored', duration: 'start->closed' },
    });
    assert.deepEqual(report.incidents[5].metrics, { ttd: 60, tta: null, ttm: null, ttr: null, duration: null });
    const sev2 = report.groups.find((g: any) => g.key === 'SEV2');
    assert.deepEqual(Object.keys(sev2).slice(0, 4), ['by', 'key', 'count', 'metrics']);
    assert.equal(sev2.by, 'severity');
    assert.equal(sev2.count, 3);
    assert.deepEqual(sev2.metrics.ttd, { median: 30, p90: 45, min: 20, max: 45 });
    assert.deepEqual(
      sev2.overdue.map((o: any) => [o.id, o.owner, o.due]),
      [
        ['INC-103', 'Dave, Erin', '2026-03-01'],
        ['INC-104', '@frank', '2026-04-01'],
      ],
    );
  });

  it('without --by: one group "all"; --since leaves earlier incidents out', () => {
    const root = archive();
    const { stdout } = cli(root, 'report', 'incidents/*.md', '--format', 'json', '--today', '2026-05-01', '--since', '2026-03-01');
    const report = JSON.parse(stdout);
    assert.deepEqual(
      report.groups.map((g: any) => [g.by, g.key, g.count]),
      [['all', 'all', 3]],
    );
    assert.deepEqual(report.groups[0].metrics.ttd, { median: 45, p90: 60, min: 20, max: 60 });
  });
});

describe('report: csv', () => {
  it('quotes commas, quotes and line breaks; keeps formulas as text', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('Dave, Erin'), '"Dave, Erin"');
    assert.equal(csvField('said "peak"'), '"said ""peak"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField(null), '');
    assert.equal(csvField(12), '12');
  });

  it('one line per incident under a header, CRLF, empty for a metric not given', () => {
    const root = archive({ 'incidents/2026-04-20-quoted.md': '# Post-Mortem: Quoted\n\n## Summary\n\n**Incident ID:** INC-107  \n**Date:** 2026-04-20  \n**Severity:** SEV4  \n**Status:** Draft, "really"\n' });
    const { code, stdout } = cli(root, 'report', 'incidents', '--format', 'csv', '--today', '2026-05-01');
    assert.equal(code, 0);
    const lines = stdout.split('\r\n');
    assert.equal(lines[0], 'file,id,date,severity,status,ttd_minutes,tta_minutes,ttm_minutes,ttr_minutes,duration_minutes,action_items,open,overdue');
    assert.equal(lines[1], 'incidents/2026-01-10-checkout-errors.md,INC-101,2026-01-10,SEV1,Complete,12,8,50,90,120,2,1,1');
    assert.equal(lines[6], 'incidents/2026-04-15-dns.md,INC-106,2026-04-15,SEV3,Draft,60,,,,,1,1,1');
    assert.equal(lines[7], 'incidents/2026-04-20-quoted.md,INC-107,2026-04-20,SEV4,"Draft, ""really""",,,,,,0,0,0');
    assert.equal(lines[8], '');
  });
});

describe('report: markdown', () => {
  it('tables of incidents and of each group, the overdue items with owners', () => {
    const root = archive();
    const { code, stdout } = cli(root, 'report', 'incidents', '--today', '2026-05-01', '--by', 'quarter');
    assert.equal(code, 0);
    assert.match(stdout, /^# Incident report\n/);
    assert.match(stdout, /\n\| File \| Incident ID \| Date \| Severity \| Status \| TTD \| TTA \| TTM \| TTR \| Duration \| Action items \| Open \| Overdue \|\n\|---\|/);
    assert.match(stdout, /\| incidents\/2026-01-10-checkout-errors.md \| INC-101 \| 2026-01-10 \| SEV1 \| Complete \| 12 \(start->detected\) \|/);
    assert.match(stdout, /## Quarter 2026-Q1 \(5\)\n\n\| Metric \| Median \| p90 \| Min \| Max \|\n\|---\|---\|---\|---\|---\|\n\| TTD \| 20 \| 45 \| 5 \| 45 \|/);
    assert.match(stdout, /\| Write rollback runbook \| Bob \| 2026-02-01 \| INC-101 \|/);
    assert.match(stdout, /- Code Defect: 3/);
  });

  it('escapes what would break a table cell or start HTML', () => {
    assert.equal(markdownCell('a | b <script>'), 'a \\| b \\<script>');
    assert.equal(markdownCell('two\nlines'), 'two lines');
  });
});

describe('report: files and errors', () => {
  it('--output writes the file, and never over an existing one', () => {
    const root = archive();
    const first = cli(root, 'report', 'incidents', '--format', 'html', '--output', 'out/report.html');
    assert.equal(first.code, 2, 'the folder out/ does not exist: cannot write');
    write(root, 'report.html', 'precious');
    const again = cli(root, 'report', 'incidents', '--format', 'html', '--output', 'report.html');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /report\.html: already exists, not overwritten/);
    assert.equal(readFileSync(join(root, 'report.html'), 'utf8'), 'precious');
    const fresh = cli(root, 'report', 'incidents', '--format', 'html', '--output', 'fresh.html');
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.equal(fresh.stdout, '');
    assert.ok(existsSync(join(root, 'fresh.html')));
    const page = readFileSync(join(root, 'fresh.html'), 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    // Each incident links to its file, relative to the page.
    assert.match(page, /<a href="incidents\/2026-01-10-checkout-errors\.md">Checkout errors after deploy<\/a>/);
    write(root, 'out/.keep', '');
    const nested = cli(root, 'report', 'incidents', '--format', 'html', '--output', 'out/report.html');
    assert.equal(nested.code, 0, nested.stderr);
    assert.match(readFileSync(join(root, 'out', 'report.html'), 'utf8'), /<a href="\.\.\/incidents\/2026-01-10-checkout-errors\.md">/);
  });

  it('bad arguments: a clear message and exit 2', () => {
    const root = archive();
    const cases: [string[], RegExp][] = [
      [['report'], /no files given/],
      [['report', 'incidents', '--format', 'pdf'], /unknown format "pdf" for report/],
      [['report', 'incidents', '--by', 'week'], /invalid --by "week"/],
      [['report', 'incidents', '--since', '2026-02-30'], /invalid --since "2026-02-30"/],
      [['report', 'missing-folder'], /missing-folder: no such file or folder/],
      [['lint', 'incidents', '--by', 'month'], /--by, --since, --today and --output go with "report"/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = cli(root, ...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, message);
    }
  });
});
