import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildDocument } from '../../src/core/markdown/document';
import { METRIC_SPANS, STANDARD_READINGS } from '../../src/core/postmortem/metricDefinitions';
import { timelineMetrics } from '../../src/core/postmortem/metrics';
import { lintDocument } from '../../src/core/engine/lint';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { builtinTemplate } from '../../src/core/template/model';

function metricsOf(text: string, keywords = {}) {
  return timelineMetrics(buildDocument(text, parseMarkdown(text)), builtinTemplate(), keywords);
}

function minutes(text: string) {
  const m = metricsOf(text).metrics;
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.minutes]));
}

const table = (rows: string[]) => `# Post-Mortem: x\n\n## Timeline\n\n| Time | Event |\n|---|---|\n${rows.map((r) => `| ${r} |`).join('\n')}\n`;

describe('metrics from the timeline', () => {
  it('finds the milestones by the template wording and across midnight', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'metrics', 'disagree.md'), 'utf8');
    assert.deepEqual(minutes(text), { ttd: 11, tta: 7, ttm: 40, ttr: 52, duration: 112, impactDuration: 52 });
  });

  it('dated rows give the same answer as undated ones', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'metrics', 'agree.md'), 'utf8');
    assert.deepEqual(minutes(text), { ttd: 11, tta: 7, ttm: 40, ttr: 52, duration: 112, impactDuration: 52 });
  });

  it('the first row is the impact start unless a row is tagged {start}', () => {
    const untagged = table(['10:00 | Deploy of 412 finished', '10:05 | Alert fired', '10:30 | Service restored']);
    assert.equal(metricsOf(untagged).milestones.start?.entry.timeText, '10:00');
    assert.equal(minutes(untagged)['ttd'], 5);
    const tagged = table(['09:00 | Nightly batch', '10:00 | Error budget burn begins {start}', '10:05 | Alert fired', '10:30 | Service restored']);
    assert.equal(minutes(tagged)['ttd'], 5);
    assert.equal(minutes(tagged)['ttr'], 30);
  });

  it('a tag wins over keywords for its milestone', () => {
    const text = table(['10:00 | Start', '10:02 | Customer reported errors in chat', '10:09 | Synthetic check paged on-call {detected}', '10:40 | Recovered']);
    assert.equal(minutes(text)['ttd'], 9);
  });

  it('custom keywords replace the defaults for a milestone', () => {
    const text = table(['10:00 | Start', '10:07 | Kunde meldet Fehler', '10:30 | Dienst wiederhergestellt']);
    const m = metricsOf(text, { detected: ['meldet'], restored: ['wiederhergestellt'] }).metrics;
    assert.equal(m.ttd?.minutes, 7);
    assert.equal(m.ttr?.minutes, 30);
  });

  it('placeholders and no timeline give no metrics', () => {
    assert.deepEqual(minutes(table(['HH:MM | [First alert/detection]', 'HH:MM | [Service restored]'])), {});
    assert.deepEqual(minutes('# Post-Mortem: x\n\nNo timeline.\n'), {});
  });
});

describe('a team template teaches its own milestone wording', () => {
  it('a tagged row of the template makes its text a keyword', async () => {
    const { buildTemplateModel } = await import('../../src/core/template/model');
    const team = buildTemplateModel('# Post-Mortem: [Titel]\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| HH:MM | [Kunde meldet Fehler] {detected} |\n| HH:MM | [Dienst wiederhergestellt] {restored} |\n');
    const text = table(['10:00 | Fehlerrate steigt', '10:07 | Kunde meldet Fehler im Checkout', '10:30 | Dienst wiederhergestellt']);
    const m = timelineMetrics(buildDocument(text, parseMarkdown(text)), team).metrics;
    assert.equal(m.ttd?.minutes, 7);
    assert.equal(m.ttr?.minutes, 30);
  });
});

describe('readings', () => {
  it('defaults: TTD start->detected, TTA detected->acknowledged, TTM start->mitigated, TTR start->restored, Duration start->closed, Impact start->restored', () => {
    const defaults = Object.fromEntries(Object.entries(STANDARD_READINGS).map(([name, list]) => [name, `${list[0]?.from}->${list[0]?.to}`]));
    assert.deepEqual(defaults, {
      ttd: 'start->detected',
      tta: 'detected->acknowledged',
      ttm: 'start->mitigated',
      ttr: 'start->restored',
      duration: 'start->closed',
      impactDuration: 'start->restored',
    });
    // METRIC_SPANS (public API) keeps its shape: the default's start and the ends a summary falls back to.
    assert.deepEqual(METRIC_SPANS.duration, { label: 'Duration', from: 'start', to: ['closed', 'restored'] });
    assert.deepEqual(METRIC_SPANS.tta, { label: 'Time to Acknowledgment (TTA)', from: 'detected', to: ['acknowledged'] });
  });

  it('the bundled example agrees with its timeline, and the summary names each reading', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'examples', '2026-03-14-checkout-latency.md'), 'utf8');
    const result = lintDocument(text);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'metrics'), []);
    assert.deepEqual(
      result.metrics.metrics.map((m) => `${m.name} ${m.minutes} ${m.reading.from}->${m.reading.to}`),
      ['ttd 11 start->detected', 'tta 5 detected->acknowledged', 'ttm 67 start->mitigated', 'ttr 86 start->restored', 'duration 135 start->closed', 'impactDuration 86 start->restored'],
    );
  });
});
