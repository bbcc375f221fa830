// Issue 7: --fix never overwrites a metric the author wrote; metrics read as incident teams measure
// them (readings, word forms, impact start, dated and undated rows, plausibility). The three reported
// post-mortems are test/fixtures/metrics/reported-*.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatMetricsText, type FileMetrics } from '../../src/cli/metrics';
import { buildDocument } from '../../src/core/markdown/document';
import { fixAll } from '../../src/core/engine/fixAll';
import { applyEdits, lintDocument } from '../../src/core/engine/lint';
import type { MetricName } from '../../src/core/postmortem/metricDefinitions';
import { summarizeMetrics, timelineMetrics, type MetricsOptions } from '../../src/core/postmortem/metrics';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { NO_IMPACT_START } from '../../src/core/rules/metrics';
import { builtinTemplate } from '../../src/core/template/model';
import type { Finding, Fix, PostmortemConfig } from '../../src/core/types';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'metrics', name), 'utf8');
const WORD_FORMS = fixture('reported-word-forms.md');
const STARTS_AT_ALERT = fixture('reported-starts-at-alert.md');
const ONE_DATED_ROW = fixture('reported-one-dated-row.md');

/** The metric values an author writes in the built-in template: Summary Duration, Duration of Impact, the Detection Delay table. */
function writtenMetrics(text: string): Record<string, string> {
  const value = (re: RegExp) => re.exec(text)?.[1]?.trim() ?? '(missing)';
  return {
    duration: value(/^\*\*Duration:\*\* (.*?) *$/m),
    impactDuration: value(/^\| Duration of Impact \| (.*?) \|/m),
    ttd: value(/^\| Time to Detection \(TTD\) \| (.*?) \|/m),
    tta: value(/^\| Time to Acknowledgment \(TTA\) \| (.*?) \|/m),
    ttm: value(/^\| Time to Mitigation \(TTM\) \| (.*?) \|/m),
    ttr: value(/^\| Time to Resolution \(TTR\/MTTR\) \| (.*?) \|/m),
  };
}

const metricsFindings = (text: string, config?: PostmortemConfig) => lintDocument(text, config ? { config } : {}).findings.filter((f) => f.ruleId === 'metrics');

function derive(text: string, options: MetricsOptions = {}) {
  const doc = buildDocument(text, parseMarkdown(text));
  const derived = timelineMetrics(doc, builtinTemplate(), options);
  return { derived, summary: summarizeMetrics(doc, derived) };
}

const minutesOf = (text: string, options: MetricsOptions = {}) =>
  Object.fromEntries(Object.entries(derive(text, options).derived.metrics).map(([k, v]) => [k, v.minutes]));

const table = (rows: string[], before = '') =>
  `# Post-Mortem: x\n\n## Summary\n\n${before}\n\n## Timeline\n\n| Time | Event |\n|---|---|\n${rows.map((r) => `| ${r} |`).join('\n')}\n\n## Detection\n\n### Detection Delay\n\n| Metric | Value | Notes |\n|---|---|---|\n| Time to Detection (TTD) | [X minutes] | |\n| Time to Acknowledgment (TTA) | [X minutes] | |\n| Time to Mitigation (TTM) | [X minutes] | |\n| Time to Resolution (TTR/MTTR) | [X minutes] | |\n`;

/** Applies one fix, lints again: the finding (same message) is gone. */
function assertResolves(text: string, finding: Finding, fix: Fix, config?: PostmortemConfig): string {
  const fixed = applyEdits(text, fix.edits);
  assert.notEqual(fixed, text, `"${fix.title}" changes the text`);
  const again = metricsFindings(fixed, config).filter((f) => f.message === finding.message);
  assert.equal(again.length, 0, `after "${fix.title}" the finding "${finding.message}" is gone`);
  return fixed;
}

describe('the reported post-mortems: --fix keeps every value the author wrote', () => {
  for (const [name, text] of [
    ['1. "alerts" / "acknowledges" (word forms)', WORD_FORMS],
    ['2. the timeline starts at the alert', STARTS_AT_ALERT],
    ['3. only the last row is dated', ONE_DATED_ROW],
  ] as const) {
    it(name, () => {
      const result = fixAll(text);
      assert.deepEqual(writtenMetrics(result.text), writtenMetrics(text));
      assert.deepEqual(writtenMetrics(text), {
        duration: '1 hour 52 minutes',
        impactDuration: '1 hour 41 minutes',
        ttd: '11 minutes',
        tta: '16 minutes',
        ttm: '89 minutes',
        ttr: '112 minutes',
      });
      // No warning either: every written value follows a standard reading, or cannot be judged.
      assert.deepEqual(metricsFindings(text).filter((f) => f.severity !== 'info'), []);
    });
  }

  it('1: the timeline gives TTD 11, TTA 5 from the alert (16 from impact start), TTM 89, TTR 101 to restoration (112 to closure)', () => {
    const { metrics } = lintDocument(WORD_FORMS).metrics;
    const by = Object.fromEntries(metrics.map((m) => [m.name, m]));
    assert.deepEqual(
      metrics.map((m) => [m.name, m.minutes, `${m.reading.from}->${m.reading.to}`]),
      [
        ['ttd', 11, 'start->detected'],
        ['tta', 5, 'detected->acknowledged'],
        ['ttm', 89, 'start->mitigated'],
        ['ttr', 101, 'start->restored'],
        ['duration', 112, 'start->closed'],
        ['impactDuration', 101, 'start->restored'],
      ],
    );
    assert.deepEqual(by['tta']?.alternatives, [{ reading: { from: 'start', to: 'acknowledged' }, minutes: 16 }]);
    assert.deepEqual(by['ttr']?.alternatives.find((a) => a.reading.to === 'closed' && a.reading.from === 'start'), { reading: { from: 'start', to: 'closed' }, minutes: 112 });
    assert.equal(by['tta']?.from.time, '08:09', '"alerts" is the detection row');
    assert.equal(by['tta']?.to.time, '08:14', '"acknowledges" is the acknowledgement row');
  });

  it('2: no impact start: one info finding at the timeline, and no metric measured from it', () => {
    const findings = metricsFindings(STARTS_AT_ALERT);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.message, f.line]),
      [['info', NO_IMPACT_START, STARTS_AT_ALERT.split('\n').indexOf('## Timeline') + 1]],
    );
    assert.equal(NO_IMPACT_START, 'No impact-start row: tag the row where impact began with {start} to derive TTD, TTM, TTR and Duration.');
    assert.deepEqual(minutesOf(STARTS_AT_ALERT), { tta: 5 });
    const { summary } = derive(STARTS_AT_ALERT);
    assert.deepEqual(summary.notDerived?.map((m) => m.name), ['ttd', 'ttm', 'ttr', 'duration', 'impactDuration']);
  });

  it('3: undated rows take the Summary Date, so the dated last row compares with them', () => {
    assert.deepEqual(minutesOf(ONE_DATED_ROW), minutesOf(WORD_FORMS));
    assert.equal(minutesOf(ONE_DATED_ROW)['duration'], 112);
  });

  it('3 without a Summary Date: the dated row is never subtracted from undated ones', () => {
    const text = fixture('one-dated-row-no-summary-date.md');
    assert.ok(Object.values(minutesOf(text)).every((m) => m < 43200));
    const info = metricsFindings(text);
    assert.equal(info.length, 1);
    assert.equal(info[0]?.severity, 'info');
    assert.match(info[0]?.message ?? '', /^TTR \(start->closed, detected->closed\) and Duration are not derived: 07:58 ".*" has no date but 2026-10-14 09:50 ".*" has one\. Write the date on every timeline row, or fill the Summary Date/);
    assert.doesNotMatch(fixAll(text).text, /497761/);
    assert.deepEqual(writtenMetrics(fixAll(text).text), writtenMetrics(text));
  });
});

describe('milestones by word form', () => {
  it('"alerts", "alerted", "alerting" match "alert"; "acknowledges" matches "acknowledged"', () => {
    for (const form of ['alerts', 'alerted', 'alerting']) {
      const text = table(['10:00 | Impact started: errors rise', `10:05 | The probe ${form} on errors`, '10:09 | On-call acknowledges the page']);
      assert.deepEqual([derive(text).derived.milestones.detected?.entry.timeText, derive(text).derived.milestones.acknowledged?.entry.timeText], ['10:05', '10:09'], form);
    }
  });

  it('multi-word keywords match as stem sequences, in order, as whole words', () => {
    const text = table(['10:00 | Latency regression deployed', '10:01 | Impact starts for EU users', '10:06 | Alert fires', '10:30 | Services restored']);
    assert.equal(derive(text).derived.milestones.start?.entry.timeText, '10:01', '"impact starts" matches "impact started"');
    assert.equal(derive(text).derived.milestones.start?.source, 'keyword');
    const words = table(['10:00 | Started the impactful migration', '10:06 | Alert fires']);
    assert.notEqual(derive(words).derived.milestones.start?.source, 'keyword', '"started ... impactful" is not "impact started"');
    const inside = table(['10:00 | Outage begins', '10:06 | Alertmanager reconfigured', '10:07 | Alert fired']);
    assert.equal(derive(inside).derived.milestones.detected?.entry.timeText, '10:07', '"Alertmanager" is not "alert"');
  });

  it('configured keywords also match by word form, and a blank keyword matches nothing', () => {
    const text = table(['10:00 | Fehlerrate steigt', '10:07 | Kunde meldet Fehler', '10:30 | Dienst wiederhergestellt']);
    const m = derive(text, { keywords: { detected: ['meldet'], restored: ['wiederhergestellt'], mitigated: ['  '] } }).derived;
    assert.equal(m.metrics.ttd?.minutes, 7);
    assert.equal(m.metrics.ttr?.minutes, 30);
    assert.equal(m.milestones.mitigated, undefined);
  });

  it('the config schema rejects blank keywords, unknown milestones in definitions, and maxMinutes below 1', () => {
    const configError = (options: Record<string, unknown>) =>
      lintDocument(WORD_FORMS, { config: { rules: { metrics: { options } } } }).findings.find((f) => f.ruleId === 'config')?.message;
    assert.match(configError({ keywords: { detected: ['   '] } }) ?? '', /keywords/);
    assert.match(configError({ keywords: { detected: [''] } }) ?? '', /keywords/);
    assert.match(configError({ definitions: { tta: { from: 'paged', to: 'acknowledged' } } }) ?? '', /definitions/);
    assert.match(configError({ definitions: { tta: { from: 'detected' } } }) ?? '', /definitions/);
    assert.match(configError({ definitions: { mttr: { from: 'start', to: 'closed' } } }) ?? '', /definitions/);
    assert.match(configError({ maxMinutes: 0 }) ?? '', /maxMinutes/);
    assert.equal(configError({ definitions: { tta: { from: 'detected', to: 'acknowledged' } }, maxMinutes: 60, keywords: { detected: ['kunde meldet'] } }), undefined);
  });

  it('is linear: a 10,000-row timeline is read in well under a second', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | step ${i}: queue workers rolled over, paging suppressed`);
    const text = table(rows);
    const doc = buildDocument(text, parseMarkdown(text));
    const start = performance.now();
    const derived = timelineMetrics(doc, builtinTemplate(), {});
    assert.ok(performance.now() - start < 1500, `${performance.now() - start} ms`);
    assert.equal(derived.milestones.detected?.entry.timeText, '00:00', '"paging" matches "page"');
  });
});

describe('the impact start', () => {
  it('is the row tagged {start}, else a start keyword, else the first row', () => {
    const tagged = table(['09:00 | Nightly batch', '10:00 | Error budget burn begins {start}', '10:05 | Alert fired']);
    assert.deepEqual([derive(tagged).derived.milestones.start?.entry.timeText, derive(tagged).derived.milestones.start?.source], ['10:00', 'tag']);
    const keyword = table(['09:00 | Nightly batch', '10:00 | Outage began in eu-west-1', '10:05 | Alert fired']);
    assert.deepEqual([derive(keyword).derived.milestones.start?.entry.timeText, derive(keyword).derived.milestones.start?.source], ['10:00', 'keyword']);
    const first = table(['10:00 | Deploy of 412 finished', '10:05 | Alert fired']);
    assert.deepEqual([derive(first).derived.milestones.start?.entry.timeText, derive(first).derived.milestones.start?.source], ['10:00', 'first-row']);
  });

  it('is not the first row when that row is another milestone: no 0 minutes from one row to itself', () => {
    const text = table(['10:05 | First alert: error rate over SLO', '10:09 | On-call acknowledged', '10:30 | Service restored']);
    const { derived } = derive(text);
    assert.equal(derived.milestones.start, undefined);
    assert.equal(derived.metrics.ttd, undefined);
    assert.equal(derived.metrics.tta?.minutes, 4);
    const findings = metricsFindings(text);
    assert.deepEqual(findings.filter((f) => f.message === NO_IMPACT_START).length, 1);
    assert.ok(!findings.some((f) => /0 minutes/.test(f.message)));
  });

  it('is not nagged about in a document that writes no metric at all', () => {
    const text = '# Post-Mortem: x\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 10:05 | First alert |\n| 10:30 | Service restored |\n';
    assert.deepEqual(metricsFindings(text), []);
  });

  it('one row matched for two milestones gives no metric between them, and fills from it are not safe', () => {
    const text = table(['10:00 | Impact started', '10:12 | Alert fired and on-call acknowledged', '10:40 | Service restored']);
    const { derived } = derive(text);
    assert.equal(derived.metrics.tta, undefined);
    assert.equal(derived.readings.tta[0]?.problem?.kind, 'same-row');
    const ttd = metricsFindings(text).find((f) => f.message.startsWith('Time to Detection'));
    assert.equal(ttd?.fix, undefined, 'the detection row is ambiguous: suggested only');
    assert.match(ttd?.message ?? '', /matches more than one milestone/);
    assert.ok(metricsFindings(text).some((f) => f.severity === 'info' && /^TTA is not derived: 10:12 ".*" is both the detection and the acknowledgement row/.test(f.message)));
  });
});

describe('fixes fill, suggestions replace', () => {
  it('a placeholder with certain rows (tags, unambiguous keywords) is filled by a safe fix, in the default reading', () => {
    const text = fixture('fill-certain-rows.md');
    const findings = metricsFindings(text);
    assert.ok(findings.length >= 5);
    for (const f of findings) {
      assert.ok(f.fix, f.message);
      const fixed = assertResolves(text, f, f.fix);
      for (const s of f.suggestions ?? []) assertResolves(text, f, s);
      assert.equal(metricsFindings(fixed).length, findings.length - 1);
    }
    const filled = writtenMetrics(fixAll(text).text);
    assert.deepEqual(filled, { duration: '1 hour 28 minutes', impactDuration: '53 minutes', ttd: '7 minutes', tta: '3 minutes', ttm: '38 minutes', ttr: '53 minutes' });
    assert.deepEqual(metricsFindings(fixAll(text).text), []);
  });

  it('a fill that relies on the first row as impact start is only a suggestion', () => {
    const text = fixture('fill-first-row-start.md');
    const findings = metricsFindings(text);
    const fromStart = findings.filter((f) => !f.message.startsWith('Time to Acknowledgment'));
    assert.ok(fromStart.length >= 4);
    for (const f of fromStart) {
      assert.equal(f.fix, undefined, f.message);
      assert.match(f.message, /not filled by --fix: the impact start is only the first row \(tag it \{start\} if impact began there\)\.$/);
      for (const s of f.suggestions ?? []) assertResolves(text, f, s);
    }
    const fixed = fixAll(text).text;
    assert.equal(writtenMetrics(fixed).ttm, '[X minutes]');
    assert.equal(writtenMetrics(fixed).tta, '3 minutes', 'the acknowledgement rows are certain');
  });

  it('a fill replaces only the placeholder when the author wrote words beside it', () => {
    const text = table(['10:00 | Impact began {start}', '10:10 | Alert fired']).replace('| Time to Detection (TTD) | [X minutes] |', '| Time to Detection (TTD) | [X minutes] estimated by Zoë |');
    const ttd = metricsFindings(text).find((f) => f.message.startsWith('Time to Detection'));
    assert.ok(ttd?.fix);
    assert.match(assertResolves(text, ttd, ttd.fix), /\| Time to Detection \(TTD\) \| 10 minutes estimated by Zoë \|/);
    const two = text.replace('[X minutes] estimated by Zoë', '[X minutes] estimated by [Name]');
    const unsafe = metricsFindings(two).find((f) => f.message.startsWith('Time to Detection'));
    assert.equal(unsafe?.fix, undefined);
    assert.match(unsafe?.message ?? '', /not filled by --fix: the value has words around its placeholders\.$/);
  });

  it('a fill from another reading than the default (no restoration row) is only a suggestion, and says why', () => {
    const text = table(['10:00 | Error rate climbs {start}', '10:05 | Alert fired', '10:50 | Incident closed']);
    const ttr = metricsFindings(text).find((f) => f.message.startsWith('Time to Resolution'));
    assert.equal(ttr?.fix, undefined);
    assert.match(ttr?.message ?? '', /gives 50 minutes \(start->closed: .*\); not filled by --fix: the default reading start->restored needs a restoration row \(a keyword, or tag the row \{restored\}\)\.$/);
    assert.deepEqual(ttr?.suggestions?.map((s) => s.title), ['Fill Time to Resolution (TTR/MTTR) from the timeline: 50 minutes (start->closed)', 'Fill Time to Resolution (TTR/MTTR) from the timeline: 45 minutes (detected->closed)']);
    for (const s of ttr?.suggestions ?? []) assertResolves(text, ttr as Finding, s);
  });

  it('a value the author wrote that disagrees gets suggestions (one per reading), never a fix', () => {
    const text = WORD_FORMS.replace('| 112 minutes |', '| 80 minutes |');
    const ttr = metricsFindings(text).find((f) => f.message.startsWith('Time to Resolution'));
    assert.ok(ttr);
    assert.equal(ttr.fix, undefined);
    assert.equal(
      ttr.message,
      'Time to Resolution (TTR/MTTR) says "80 minutes" but the timeline gives ' +
        '101 minutes (start->restored: 07:58 "Search error rate starts climbing as re…" -> 09:39 "Service restored: error rate under 0.1%…"), ' +
        '112 minutes (start->closed: 07:58 "Search error rate starts climbing as re…" -> 09:50 "Incident closed after 11 minutes of sta…"), ' +
        '90 minutes (detected->restored: 08:09 "Synthetic search probe alerts on the er…" -> 09:39 "Service restored: error rate under 0.1%…") or ' +
        '101 minutes (detected->closed: 08:09 "Synthetic search probe alerts on the er…" -> 09:50 "Incident closed after 11 minutes of sta…").',
    );
    assert.deepEqual(ttr.suggestions?.map((s) => s.title), [
      'Correct Time to Resolution (TTR/MTTR) from the timeline: 101 minutes (start->restored)',
      'Correct Time to Resolution (TTR/MTTR) from the timeline: 112 minutes (start->closed)',
      'Correct Time to Resolution (TTR/MTTR) from the timeline: 90 minutes (detected->restored)',
    ]);
    for (const s of ttr.suggestions ?? []) assertResolves(text, ttr, s);
    assert.equal(writtenMetrics(fixAll(text).text).ttr, '80 minutes');
  });

  it('the rule says it has both safe fixes and suggestions', async () => {
    const { metrics } = await import('../../src/core/rules/metrics');
    assert.equal(metrics.fixable, true);
    assert.equal(metrics.hasSuggestions, true);
  });
});

describe('definitions pin a reading', () => {
  const config: PostmortemConfig = {
    rules: { metrics: { options: { definitions: { tta: { from: 'detected', to: 'acknowledged' }, ttr: { from: 'start', to: 'restored' } } } } },
  };

  it('only the pinned reading counts, and the message says so', () => {
    const findings = metricsFindings(WORD_FORMS, config);
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        'Time to Acknowledgment (TTA) says "16 minutes" but the timeline gives 5 minutes: 08:09 "Synthetic search probe alerts on the er…" -> 08:14 "On-call acknowledges the page and start…" (pinned in .postmortemrc.json: detected->acknowledged).',
        'Time to Resolution (TTR/MTTR) says "112 minutes" but the timeline gives 101 minutes: 07:58 "Search error rate starts climbing as re…" -> 09:39 "Service restored: error rate under 0.1%…" (pinned in .postmortemrc.json: start->restored).',
      ],
    );
    for (const f of findings) {
      assert.equal(f.fix, undefined);
      assert.equal(f.suggestions?.length, 1);
      assertResolves(WORD_FORMS, f, f.suggestions?.[0] as Fix, config);
    }
  });

  it('a pinned reading fills and is carried by the summary', () => {
    const options = { definitions: { tta: { from: 'start', to: 'acknowledged' } } };
    const { summary } = derive(WORD_FORMS, options as MetricsOptions);
    const tta = summary.metrics.find((m) => m.name === 'tta');
    assert.deepEqual([tta?.minutes, tta?.reading, tta?.pinned, tta?.alternatives], [16, { from: 'start', to: 'acknowledged' }, true, []]);
    const text = WORD_FORMS.replace('| 16 minutes |', '| [X minutes] |');
    const fill = metricsFindings(text, { rules: { metrics: { options } } }).find((f) => f.message.startsWith('Time to Acknowledgment'));
    // From the impact start, which here is only the first row: suggested, in the pinned reading alone.
    assert.equal(fill?.fix, undefined);
    assert.deepEqual(fill?.suggestions?.map((s) => s.edits[0]?.text), ['16 minutes']);
  });
});

describe('implausible metrics are not derived; the timeline finding says why', () => {
  it('negative (rows out of order) and longer than maxMinutes', () => {
    const text = fixture('implausible-rows.md');
    const config = JSON.parse(fixture('implausible-rows.config.json')) as PostmortemConfig;
    const findings = metricsFindings(text, config);
    assert.deepEqual(findings.map((f) => f.severity), ['info', 'info']);
    assert.match(findings[0]?.message ?? '', /^TTM is not derived: its mitigation row 2026-09-01 10:12 ".*" comes before its detection row 2026-09-01 10:20 ".*"\. Put the rows in time order/);
    assert.match(findings[1]?.message ?? '', /^Duration is not derived: .* is 44 days 3 hours, over the 30 days a metric may span \(option maxMinutes\)\. Check the dates of these rows\.$/);
    const { derived } = derive(text, (config.rules?.['metrics'] as { options: MetricsOptions }).options);
    assert.equal(derived.metrics.ttm, undefined);
    assert.equal(derived.metrics.duration, undefined);
    // A team whose incidents run long raises the limit.
    assert.equal(minutesOf(text, { maxMinutes: 100_000 })['duration'], 63540);
  });
});

describe('dates: undated rows take the nearest date above, else the Summary Date', () => {
  it('an undated row below a dated one takes its date (and the next day past midnight)', () => {
    const text = table(['2026-03-14 23:40 | Impact started', '23:51 | First alert', '00:32 | Service restored']);
    assert.deepEqual(minutesOf(text), { ttd: 11, ttr: 52, duration: 52, impactDuration: 52 });
  });

  it('undated rows above the first dated row take the Summary Date, else they are not compared with it', () => {
    const rows = ['23:40 | Impact started', '23:51 | First alert', '2026-03-15 00:32 | Service restored'];
    assert.deepEqual(minutesOf(table(rows, '**Date:** 2026-03-14')), { ttd: 11, ttr: 52, duration: 52, impactDuration: 52 });
    assert.deepEqual(minutesOf(table(rows, '**Date:** [YYYY-MM-DD]')), { ttd: 11 });
    assert.equal(derive(table(rows)).derived.readings.ttr[0]?.problem?.kind, 'mixed-dates');
  });
});

describe('written values are compared at the precision they can express', () => {
  it('with toleranceMinutes 0 and seconds: "33 minutes" agrees with 33 min 10 s; 33 min 30 s gives 34, and no fix repeats the text', () => {
    const text = fixture('seconds-tolerance-zero.md');
    const config = JSON.parse(fixture('seconds-tolerance-zero.config.json')) as PostmortemConfig;
    const findings = metricsFindings(text, config);
    assert.deepEqual(findings.map((f) => f.message.slice(0, 62)), ['Time to Mitigation (TTM) says "33 minutes" but the timeline gi']);
    for (const f of findings) {
      assert.doesNotMatch(f.message, /says "(\d+ minutes)" but the timeline gives \1\b/);
      for (const s of f.suggestions ?? []) {
        assert.notEqual(s.edits[0]?.text, '33 minutes');
        assertResolves(text, f, s, config);
      }
    }
    const once = fixAll(text, { config });
    assert.equal(fixAll(once.text, { config }).text, once.text, 'fix-all converges');
    assert.equal(writtenMetrics(once.text).ttd, '33 minutes');
  });

  it('a value with seconds is compared to the second', () => {
    const text = table(['08:00:10 | Impact started', '08:33:20 | First alert']).replace('| Time to Detection (TTD) | [X minutes] |', '| Time to Detection (TTD) | 33 minutes 10 seconds |');
    assert.equal(metricsFindings(text, { rules: { metrics: { options: { toleranceMinutes: 0 } } } }).filter((f) => f.message.startsWith('Time to Detection')).length, 0);
    const off = text.replace('33 minutes 10 seconds', '33 minutes 40 seconds');
    assert.equal(metricsFindings(off, { rules: { metrics: { options: { toleranceMinutes: 0 } } } }).filter((f) => f.message.startsWith('Time to Detection')).length, 1);
  });
});

describe('fills are written in the document\'s own style', () => {
  const withTtd = (sample: string) => fixture('fill-certain-rows.md').replace('| Time to Detection (TTD) | 7 minutes |', `| Time to Detection (TTD) | ${sample} |`);
  const fillOf = (text: string, metric: string) => metricsFindings(text).find((f) => f.message.startsWith(metric))?.fix?.edits[0]?.text;

  it('"1 hour 28 minutes" by default, the neighbours\' short words when they use them, letters only when written so', () => {
    assert.equal(fillOf(withTtd('[X minutes]'), 'Summary Duration'), '1 hour 28 minutes');
    assert.equal(fillOf(withTtd('7 min'), 'Time to Mitigation'), '38 min');
    assert.equal(fillOf(withTtd('7 min'), 'Summary Duration'), '1 h 28 min');
    assert.equal(fillOf(withTtd('2 h'), 'Summary Duration'), '1 h 28 min', 'a spaced "h" is a short word: never "1 h 28 m"');
    assert.equal(fillOf(withTtd('7 m'), 'Summary Duration'), '1 h 28 m', 'the document writes "m"');
    assert.equal(fillOf(withTtd('7m'), 'Summary Duration'), '1h 28m');
  });
});

describe('postmortem metrics (text)', () => {
  const base: FileMetrics = { file: 'pm.md', status: undefined, timelineLine: 20, metrics: [], notDerived: [] };
  const metric = (name: MetricName, minutes: number) => ({
    name,
    label: name,
    minutes,
    reading: { from: 'start' as const, to: 'closed' as const },
    pinned: false,
    from: { milestone: 'start' as const, time: '13:55', event: 'Impact started', line: 21 },
    to: { milestone: 'closed' as const, time: '16:10', event: 'Incident closed', line: 29 },
    alternatives: [{ reading: { from: 'start' as const, to: 'restored' as const }, minutes: 86 }],
  });

  it('keeps a blank between a long duration and its rows', () => {
    const text = formatMetricsText([{ ...base, metrics: [metric('duration', 29_557_575)] }]);
    assert.match(text, /492626 hours 15 minutes 13:55 "Impact started" \(line 21\) -> 16:10 "Incident closed" \(line 29\)/);
  });

  it('names the reading under each metric, with what the other readings give', () => {
    const text = formatMetricsText([{ ...base, metrics: [metric('duration', 135)] }]);
    assert.match(text, /^ {2}Duration +2 hours 15 minutes +13:55 "Impact started" \(line 21\) -> 16:10 "Incident closed" \(line 29\)\n {11}start->closed \(default\); also 1 hour 26 minutes start->restored$/m);
  });

  it('says in proper grammar what a missing metric needs', () => {
    const text = table(['10:00 | Impact started', '10:30 | Service restored']);
    const { summary } = derive(text);
    const out = formatMetricsText([{ ...base, metrics: summary.metrics, notDerived: summary.notDerived ?? [] }]);
    assert.match(out, /^ {2}TTA +- +detected->acknowledged needs a detection row and an acknowledgement row \(keywords, or tag the rows \{detected\} \{acknowledged\}\)$/m);
    assert.match(out, /^ {2}TTD +- +start->detected needs a detection row \(a keyword, or tag the row \{detected\}\)$/m);
    assert.doesNotMatch(out, /\ba [aeiou]/);
  });
});
