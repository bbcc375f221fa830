// What no configuration or document may do to the linter: hang it (an empty phrase), or make it
// quadratic (thousands of disable comments).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { builtinTemplate, builtinTemplateText, lint, rules } from '../../src/core/index';
import { buildDocument } from '../../src/core/document';
import { parseMarkdown } from '../../src/core/parse';
import { detectEol, LineIndex } from '../../src/core/positions';
import type { Report, RuleContext } from '../../src/core/rule';
import { blameless } from '../../src/core/rules/blameless';
import { readStatus } from '../../src/core/status';
import { isSuppressed, readDirectives, unsuppressed } from '../../src/core/suppressions';
import type { Finding } from '../../src/core/types';

/** Runs one rule with options as given, past the config schema (as a library caller could). */
function runRule(rule: (typeof rules)[number], text: string, options: Record<string, unknown>): Report[] {
  const lines = new LineIndex(text);
  const doc = buildDocument(text, parseMarkdown(text), lines);
  const template = builtinTemplate();
  const reports: Report[] = [];
  const ctx: RuleContext = {
    text,
    doc,
    lines,
    template,
    options: { ...rule.defaultOptions, ...options },
    status: readStatus(doc, template),
    eol: detectEol(text),
    report: (r) => reports.push(r),
    edit: (start, end, newText) => ({ range: lines.range(start, end), text: newText }),
  };
  rule.check(ctx);
  return reports;
}

const withRootCause = (sentence: string) => builtinTemplateText.replace('## Root Cause\n', `## Root Cause\n\n${sentence}\n`);

describe('blameless: no configured text can stop the linter', () => {
  for (const options of [{ phrases: [''] }, { phrases: ['   '] }, { allow: [''] }, { sections: ['\t'] }, { rootCauseSections: [''] }]) {
    it(`the config schema rejects ${JSON.stringify(options)}; the lint goes on with the defaults`, () => {
      const findings = lint(withRootCause('We should have known.'), { config: { rules: { blameless: { options } } } });
      const config = findings.filter((f) => f.ruleId === 'config');
      assert.equal(config.length, 1);
      assert.match(config[0]?.message ?? '', /^Invalid configuration \(linting with defaults\): rules\.blameless\.options\.\w+\[0\]: must match pattern/);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'blameless').map((f) => f.message), ['"should have": counterfactual: describe what happened and why it made sense at the time, not what should have happened.']);
    });
  }

  it('past the schema, blank phrases are ignored and every match loop advances', () => {
    const reports = runRule(blameless, withRootCause('We should have known. Alice forgot the flag.'), { phrases: ['', ' ', 'known'], allow: [''], sections: ['', 'Root Cause'] });
    assert.deepEqual(
      reports.map((r) => r.message.split(':')[0]),
      ['"should have"', '"known"', '"Alice forgot"'],
    );
  });
});

/** The algorithm suppressions.ts had: every directive, in document order, for every finding. */
function suppressedByReference(finding: Finding, directives: ReturnType<typeof readDirectives>): boolean {
  let disabled = false;
  for (const d of directives) {
    if (d.rules.length > 0 && !d.rules.includes(finding.ruleId)) continue;
    if (d.kind === 'disable-file') return true;
    if (d.kind === 'disable-next-line' && d.line === finding.line) return true;
    if (d.kind === 'disable' && d.line <= finding.line) disabled = true;
    if (d.kind === 'enable' && d.line <= finding.line) disabled = false;
  }
  return disabled;
}

function findingAt(line: number, ruleId: string): Finding {
  return { file: 'x.md', ruleId, severity: 'warning', message: 'm', line, column: 1, endLine: line, endColumn: 1, offset: 0, endOffset: 0 };
}

describe('disable comments: one index per lint, not every directive for every finding', () => {
  const ruleIds = ['placeholder', 'blameless', 'timeline'];

  it('the same findings are suppressed as by reading every directive (random comments)', () => {
    const directive = fc.record({
      kind: fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-file'),
      rules: fc.subarray(ruleIds),
      blankLines: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(directive, { maxLength: 12 }), fc.array(fc.tuple(fc.nat(40), fc.constantFrom(...ruleIds)), { maxLength: 30 }), (written, at) => {
        const text = written.map((d) => `<!-- postmortem-${d.kind} ${d.rules.join(' ')} -->\n${'\n'.repeat(d.blankLines)}`).join('') + '\n'.repeat(40);
        const lines = new LineIndex(text);
        const directives = readDirectives(buildDocument(text, parseMarkdown(text), lines).htmlComments, lines);
        const findings = at.map(([line, ruleId]) => findingAt(line + 1, ruleId));
        const expected = findings.filter((f) => !suppressedByReference(f, directives));
        assert.deepEqual(unsuppressed(findings, directives), expected);
        assert.deepEqual(findings.filter((f) => !isSuppressed(f, directives)), expected);
      }),
      { numRuns: 300, seed: 20250701 },
    );
  });

  it('20,000 directives and 20,000 findings: well under a second (reading every directive took seconds)', () => {
    const n = 10_000;
    let text = '';
    for (let i = 0; i < n; i++) text += `<!-- postmortem-disable placeholder -->\nline ${i}\n<!-- postmortem-enable placeholder -->\n\n`;
    const lines = new LineIndex(text);
    const directives = readDirectives(buildDocument(text, parseMarkdown(text), lines).htmlComments, lines);
    assert.equal(directives.length, 2 * n);
    const findings = Array.from({ length: 2 * n }, (_, i) => findingAt(2 + 2 * i, i % 2 ? 'placeholder' : 'blameless'));
    const started = performance.now();
    const kept = unsuppressed(findings, directives);
    const ms = performance.now() - started;
    assert.ok(ms < 1000, `${Math.round(ms)} ms`);
    // Lines 2, 6, 10... are inside disable/enable pairs; 4, 8... are the blank lines between them.
    assert.equal(kept.filter((f) => f.ruleId === 'placeholder').length, findings.filter((f) => f.ruleId === 'placeholder' && f.line % 4 === 0).length);
    assert.equal(kept.filter((f) => f.ruleId === 'blameless').length, n);
  });
});
