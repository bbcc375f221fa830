// validateConfig: the precompiled schemas/postmortemrc.schema.json validator, with errors worded for
// people (a JSON path and what is expected). Parsing the JSON text is the caller's job.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateConfig } from '../../src/core/engine/configValidation';
import { builtinTemplateText, lint, rules } from '../../src/core/index';
import type { PostmortemConfig } from '../../src/core/types';

const ruleList = rules.map((r) => r.id).join(', ');

function errorsOf(raw: unknown): string[] {
  return validateConfig(raw).errors;
}

describe('validateConfig', () => {
  it('accepts an empty config and a full one, and returns it', () => {
    assert.deepEqual(validateConfig({}), { config: {}, errors: [] });
    const full = {
      $schema: './node_modules/postmortem-kit/schemas/postmortemrc.schema.json',
      rules: { 'missing-section': { severity: 'error', options: { optional: ['Appendix'] } }, 'section-order': 'off', metadata: 'warning' },
      ignore: ['drafts/**'],
      strictness: { Draft: { placeholder: 'info' }, Retired: { metadata: 'off' } },
      template: 'docs/postmortem-template.md',
    };
    assert.deepEqual(validateConfig(full), { config: full, errors: [] });
    assert.deepEqual(validateConfig({ strictness: false }).errors, []);
  });

  it('accepts every rule with its default severity and default options', () => {
    for (const rule of rules) {
      const config = { rules: { [rule.id]: { severity: rule.defaultSeverity, options: rule.defaultOptions } } };
      assert.deepEqual(errorsOf(config), [], rule.id);
      assert.deepEqual(errorsOf({ rules: { [rule.id]: 'off' } }), [], rule.id);
    }
  });

  it('rejects what is not an object', () => {
    for (const raw of [null, [], 'rules', 42, true]) {
      assert.deepEqual(validateConfig(raw), { config: undefined, errors: ['configuration: must be an object'] });
    }
  });

  it('names a bad severity with the allowed ones', () => {
    assert.deepEqual(errorsOf({ rules: { 'missing-section': 'loud' } }), ['rules.missing-section: must be one of off, info, warning, error']);
    assert.deepEqual(errorsOf({ rules: { metadata: { severity: 'fatal' } } }), ['rules.metadata.severity: must be one of off, info, warning, error']);
    assert.deepEqual(errorsOf({ rules: { metadata: 2 } }), ['rules.metadata: must be one of off, info, warning, error, or an object']);
  });

  it('names an unknown rule with the known ones', () => {
    assert.deepEqual(errorsOf({ rules: { 'no-such-rule': 'off' } }), [`rules.no-such-rule: unknown rule; known rules: ${ruleList}`]);
    assert.deepEqual(errorsOf({ strictness: { Draft: { 'no-such-rule': 'off' } } }), [`strictness.Draft.no-such-rule: unknown rule; known rules: ${ruleList}`]);
  });

  it('names wrong types by their path', () => {
    assert.deepEqual(errorsOf({ rules: [] }), ['rules: must be an object']);
    assert.deepEqual(errorsOf({ ignore: 'drafts/**' }), ['ignore: must be an array']);
    assert.deepEqual(errorsOf({ ignore: ['drafts/**', 3] }), ['ignore[1]: must be a string']);
    assert.deepEqual(errorsOf({ template: 5 }), ['template: must be a string']);
    assert.deepEqual(errorsOf({ strictness: true }), ['strictness: must be false, or an object']);
    assert.deepEqual(errorsOf({ strictness: { 'In Review': 'strict' } }), ['strictness["In Review"]: must be an object']);
  });

  it("checks a rule's options against that rule's options schema", () => {
    assert.deepEqual(errorsOf({ rules: { 'missing-section': { options: { optional: 'Appendix' } } } }), [
      'rules.missing-section.options.optional: must be an array',
    ]);
    assert.deepEqual(errorsOf({ rules: { 'missing-section': { options: { optinal: [] } } } }), [
      'rules.missing-section.options.optinal: unknown option; missing-section options: optional',
    ]);
    assert.deepEqual(errorsOf({ rules: { 'section-order': { options: { strict: true } } } }), [
      'rules.section-order.options.strict: unknown option; section-order has no options',
    ]);
    assert.deepEqual(errorsOf({ rules: { metadata: { level: 'error' } } }), ['rules.metadata.level: unknown key; expected severity, options']);
  });

  it('names unknown settings and reports every problem once', () => {
    const errors = errorsOf({ rule: {}, ignore: 'x', rules: { metadata: 'loud', 'no-such-rule': 'off' } });
    assert.deepEqual(errors.sort(), [
      'ignore: must be an array',
      'rule: unknown setting; known settings: $schema, rules, ignore, strictness, template, aliases',
      'rules.metadata: must be one of off, info, warning, error',
      `rules.no-such-rule: unknown rule; known rules: ${ruleList}`,
    ]);
  });
});

describe('lint with an invalid configuration', () => {
  it('reports one config finding and lints with the defaults', () => {
    const doc = builtinTemplateText.replace('## Timeline', '## Timeline (UTC)');
    const withDefaults = lint(doc);
    const invalid: unknown = { rules: { 'missing-section': 'loud', 'section-order': 'off' } };
    const findings = lint(doc, { config: invalid as PostmortemConfig });
    const config = findings.filter((f) => f.ruleId === 'config');
    assert.equal(config.length, 1);
    assert.equal(config[0]?.severity, 'error');
    assert.match(config[0]?.message ?? '', /rules\.missing-section: must be one of off, info, warning, error/);
    assert.deepEqual(
      findings.filter((f) => f.ruleId !== 'config').map((f) => `${f.ruleId} ${f.message}`),
      withDefaults.map((f) => `${f.ruleId} ${f.message}`),
      'the rest is what the defaults find (section-order is not turned off)',
    );
  });
});
