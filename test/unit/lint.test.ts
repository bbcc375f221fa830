// The lint pipeline around the rules: inline disable comments, Status-driven strictness, invalid
// configuration, completion.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinTemplateText, completion, lint, lintDocument } from '../../src/core/index';

const template = builtinTemplateText;
const withStatus = (status: string, text = template) => text.replace('Draft | In Review | Complete', status);
const severities = (text: string, ruleId: string, config = {}) =>
  [...new Set(lint(text, { config }).filter((f) => f.ruleId === ruleId).map((f) => f.severity))];

describe('inline disable comments', () => {
  const doc = (body: string) => `# Post-Mortem: x\n\n## Root Cause\n\n${body}\n`;
  const blameless = (text: string) => lint(text).filter((f) => f.ruleId === 'blameless').map((f) => f.line);

  it('disable-next-line silences that line only', () => {
    const text = doc('<!-- postmortem-disable-next-line blameless -->\nWe should have known.\nWe should have known.');
    assert.deepEqual(blameless(text), [7]);
  });
  it('disable ... enable silences the lines between, for the rules named', () => {
    const text = doc('We should have known.\n<!-- postmortem-disable blameless -->\n\nWe should have known.\n\n<!-- postmortem-enable blameless -->\n\nWe should have known.');
    assert.deepEqual(blameless(text), [5, 12]);
  });
  it('a comment naming other rules changes nothing; naming none silences all', () => {
    assert.deepEqual(blameless(doc('<!-- postmortem-disable-next-line placeholder -->\nWe should have known.')), [6]);
    assert.deepEqual(blameless(doc('<!-- postmortem-disable-next-line -->\nWe should have known.')), []);
  });
  it('disable-file silences the whole document, wherever it stands', () => {
    assert.deepEqual(blameless(doc('We should have known.\n\n<!-- postmortem-disable-file blameless -->')), []);
  });
});

describe('strictness follows the Status', () => {
  it('Draft: info; In Review: warning; Complete: error (placeholder and missing-section)', () => {
    const gaps = (status: string) => withStatus(status).replace(/## Detection\n[^]*?(?=## Response)/, '');
    for (const [status, severity] of [['Draft', 'info'], ['In Review', 'warning'], ['Complete', 'error']] as const) {
      assert.deepEqual(severities(gaps(status), 'placeholder'), [severity], status);
      assert.deepEqual(severities(gaps(status), 'missing-section'), [severity], status);
    }
  });
  it('no Status chosen: the rules\' defaults', () => {
    assert.deepEqual(severities(template, 'placeholder'), ['warning']);
  });
  it('a severity set in the config wins; strictness can be changed or turned off', () => {
    const complete = withStatus('Complete');
    assert.deepEqual(severities(complete, 'placeholder', { rules: { placeholder: 'warning' } }), ['warning']);
    assert.deepEqual(severities(complete, 'placeholder', { strictness: false }), ['warning']);
    assert.deepEqual(severities(complete, 'placeholder', { strictness: { Complete: { placeholder: 'info' } } }), ['info']);
    assert.deepEqual(severities(complete, 'placeholder', { rules: { placeholder: 'off' } }), []);
  });
  it('the status is read from front matter too', () => {
    const text = `---\nstatus: Complete\n---\n${template}`;
    assert.equal(lintDocument(text).status?.value, 'Complete');
  });
});

describe('configuration problems', () => {
  it('an invalid config gives one config finding and lints with the defaults', () => {
    const findings = lint(template, { config: { rules: { placeholder: 'loud' } } as never });
    const config = findings.filter((f) => f.ruleId === 'config');
    assert.equal(config.length, 1);
    assert.match(config[0]?.message ?? '', /rules\.placeholder/);
    assert.ok(findings.some((f) => f.ruleId === 'placeholder' && f.severity === 'warning'));
  });
});

describe('completion', () => {
  it('counts filled template sections and placeholders', () => {
    const empty = completion(template);
    assert.equal(empty.sectionsTotal, 29);
    assert.equal(empty.sectionsFilled, 0);
    assert.ok(empty.placeholders >= 80, `${empty.placeholders} placeholders`);
    const oneFilled = completion(template.replace('[Brief description of what happened and impact]', 'Checkout was slow for 52 minutes.'));
    assert.equal(oneFilled.sectionsFilled, 1);
    assert.equal(oneFilled.placeholders, empty.placeholders - 1);
    assert.equal(oneFilled.filled, (empty.filled ?? 0) + 2, 'its placeholder and its section');
    assert.equal(oneFilled.percent, Math.floor((100 * (oneFilled.filled ?? 0)) / (oneFilled.total ?? 1)));
  });
});
