// The rule contract's options: a rule's Options type is what its optionsSchema accepts, and check()
// reads ctx.options without casts because the engine only merges a config that passed the schema.
// Checked here: every rule's defaults are valid under its own schema, every default is declared, and a
// config that breaks a rule's schema is refused (linted with the defaults) rather than handed to it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { lint, rules } from '../../src/core/index';
import { resolveRule } from '../../src/core/engine/config';

describe('rule options', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });

  for (const rule of rules) {
    it(`${rule.id}: the default options are valid under its optionsSchema, and each is declared there`, () => {
      const validate = ajv.compile(rule.optionsSchema);
      assert.ok(validate(rule.defaultOptions), `${rule.id}: ${ajv.errorsText(validate.errors)}`);
      const declared = Object.keys((rule.optionsSchema['properties'] as Record<string, unknown> | undefined) ?? {});
      for (const key of Object.keys(rule.defaultOptions)) assert.ok(declared.includes(key), `${rule.id}: default option ${key} is not in its schema`);
      assert.equal(rule.optionsSchema['additionalProperties'], false, `${rule.id}: the schema refuses unknown options`);
    });
  }

  it('resolveRule merges the config over the defaults', () => {
    const timeline = rules.find((r) => r.id === 'timeline');
    assert.ok(timeline);
    const resolved = resolveRule(timeline, { rules: { timeline: { severity: 'error', options: { timeHeaders: ['Uhrzeit'] } } } });
    assert.equal(resolved.severity, 'error');
    assert.deepEqual(resolved.options, { ...timeline.defaultOptions, timeHeaders: ['Uhrzeit'] });
  });

  it('an option of the wrong type never reaches the rule: the config is refused and the defaults apply', () => {
    const text = '# Post-Mortem: x\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 10:05 | Rolled back |\n| 09:00 | Alert |\n';
    const findings = lint(text, { config: { rules: { timeline: { options: { timeHeaders: 'Time' } } } } as never });
    assert.ok(findings.some((f) => f.ruleId === 'config' && /Invalid configuration/.test(f.message)));
    assert.ok(findings.some((f) => f.ruleId === 'timeline' && /order/i.test(f.message)), 'the timeline rule ran with its defaults');
    assert.ok(!findings.some((f) => f.ruleId === 'internal-error'));
  });
});
