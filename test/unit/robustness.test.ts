// What no configuration or document may do to the linter: hang it (an empty phrase), make it
// quadratic (thousands of disable comments, a huge or repeated team template), or make it say one
// thing three times (an empty Sign-off row in a Complete post-mortem).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { builtinTemplate, builtinTemplateText, lint, rules } from '../../src/core/index';
import { buildDocument } from '../../src/core/markdown/document';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { detectEol, LineIndex } from '../../src/core/markdown/positions';
import type { Report, RuleContext } from '../../src/core/rules/rule';
import { blameless } from '../../src/core/rules/blameless';
import { placeholder } from '../../src/core/rules/placeholder';
import { readStatus, scanStatus, STATUS_SCAN_LENGTH } from '../../src/core/postmortem/status';
import { isSuppressed, readDirectives, unsuppressed } from '../../src/core/engine/suppressions';
import { buildTemplateModel, MAX_TEMPLATE_SIZE, templateFor, templateProblem } from '../../src/core/template/model';
import { templateSlots } from '../../src/core/template/slots';
import { headerWordsOf } from '../../src/core/template/timelineColumns';
import type { Finding } from '../../src/core/types';

/** Runs one rule with options as given, past the config schema (as a library caller could). */
function runRule(rule: (typeof rules)[number], text: string, options: Record<string, unknown>): Report[] {
  const lines = new LineIndex(text);
  const doc = buildDocument(text, parseMarkdown(text), lines);
  const template = builtinTemplate();
  const reports: Report[] = [];
  const ctx: RuleContext<object> = {
    doc,
    template,
    options: { ...rule.defaultOptions, ...options },
    status: readStatus(doc, template),
    // The engine reads these from the timeline rule's options, whatever they hold (headerWordsOf).
    timelineWords: headerWordsOf(rule.id === 'timeline' ? options : {}),
    followsTemplate: true,
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
      assert.match(config[0]?.message ?? '', /^Invalid configuration \(linting with defaults\): rules\.blameless\.options\.\w+\[0\]: must not be empty or blank/);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'blameless').map((f) => f.message), ['"should have": counterfactual: describe what happened and why it made sense at the time, not what should have happened.']);
    });
  }

  it('sign-off: a blank completeStatus is rejected too', () => {
    const findings = lint('# Post-Mortem: x\n', { config: { rules: { 'sign-off': { options: { completeStatus: ' ' } } } } });
    assert.match(findings.find((f) => f.ruleId === 'config')?.message ?? '', /rules\.sign-off\.options\.completeStatus: must not be empty or blank/);
  });

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

describe('team templates: bounded, and a repeated section counts once', () => {
  it(`a template over ${MAX_TEMPLATE_SIZE / 1024} KB is not used: the built-in one is, and templateProblem says why`, () => {
    let big = '';
    while (big.length <= MAX_TEMPLATE_SIZE) big += builtinTemplateText.replace('# Post-Mortem:', '# Review:') + '\n';
    assert.equal(templateFor(big), builtinTemplate());
    assert.match(templateProblem(big) ?? '', /^Team template not used: it is \d+ KB, over the 256 KB limit \(linting with the built-in template\)\./);
    assert.equal(templateProblem(builtinTemplateText), undefined);
    assert.equal(templateProblem(undefined), undefined);
  });

  it('a template that repeats its sections: each once in the model, so findings do not multiply', () => {
    const copies = 20;
    const repeated = Array.from({ length: copies }, () => builtinTemplateText).join('\n');
    const model = buildTemplateModel(repeated);
    const builtin = builtinTemplate();
    assert.deepEqual(
      model.sections.map((s) => [s.key, s.parentKey, s.index, s.childKeys]),
      builtin.sections.map((s) => [s.key, s.parentKey, s.index, s.childKeys]),
    );
    assert.equal(model.tables.length, builtin.tables.length);
    assert.equal(model.checklists.length, builtin.checklists.length);
    assert.deepEqual(templateSlots(model).sectionSpans, templateSlots(builtin).sectionSpans);

    // The document is the template: each repeated section is one duplicate per extra copy, not one per pair.
    const findings = lint(repeated, { templateText: repeated });
    const count = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).length;
    const once = lint(builtinTemplateText);
    const onceCount = (ruleId: string) => once.filter((f) => f.ruleId === ruleId).length;
    assert.ok(count('duplicate-section') <= (copies - 1) * builtin.sections.length, `${count('duplicate-section')} duplicate-section findings`);
    assert.ok(count('placeholder') <= copies * onceCount('placeholder'), `${count('placeholder')} placeholder findings`);
    assert.ok(count('contributing-factors') <= copies * Math.max(1, onceCount('contributing-factors')), `${count('contributing-factors')} contributing-factors findings`);
  });
});

describe('an empty Sign-off row in a Complete post-mortem is reported once', () => {
  const complete = builtinTemplateText.replace(/\*\*Status:\*\* [^\n]*/, '**Status:** Complete');

  it('by sign-off, not again by placeholder (empty or still a placeholder)', () => {
    const doc = complete.replace('| Author | | |', '| Author | [Name] | [Date] |');
    const start = doc.indexOf('## Sign-off');
    const inSignOff = lint(doc).filter((f) => f.offset > start);
    assert.deepEqual(
      inSignOff.map((f) => `${f.ruleId}: ${f.message}`),
      ['Author', 'Incident Commander', 'Engineering Lead', 'Product Owner'].map((role) => `sign-off: Status is Complete: Sign-off for "${role}" has no name and no date.`),
    );
  });

  it('while the Status is not Complete, placeholder reports each empty cell', () => {
    const draft = builtinTemplateText.replace(/\*\*Status:\*\* [^\n]*/, '**Status:** Draft');
    const start = draft.indexOf('## Sign-off');
    const inSignOff = lint(draft).filter((f) => f.offset > start);
    assert.equal(inSignOff.length, 8);
    assert.ok(inSignOff.every((f) => f.ruleId === 'placeholder'));
  });
});

describe('placeholder', () => {
  it('has no safe fix: fixable is false and no finding carries a fix (choice lists offer suggestions)', () => {
    assert.equal(placeholder.fixable, false);
    const findings = lint(builtinTemplateText).filter((f) => f.ruleId === 'placeholder');
    assert.ok(findings.length > 0);
    assert.deepEqual(findings.filter((f) => f.fix), []);
    assert.ok(findings.some((f) => f.suggestions?.length));
  });
});

describe('scanStatus: the Status of a document that is not parsed', () => {
  it('reads the Summary field or the front matter as readStatus does', () => {
    for (const text of [
      builtinTemplateText.replace(/\*\*Status:\*\* [^\n]*/, '**Status:** Complete  '),
      '---\ntitle: x\nstatus: "Complete"\n---\n\n# Post-Mortem: x\n\n**Status:** Draft\n',
      '# Post-Mortem: x\n\n- **Status:** In Review\n',
    ]) {
      const lines = new LineIndex(text);
      const parsed = readStatus(buildDocument(text, parseMarkdown(text), lines), builtinTemplate());
      assert.deepEqual(scanStatus(text), parsed);
    }
    assert.equal(scanStatus(builtinTemplateText), undefined, 'a choice list left from the template says no Status');
  });

  it(`reads only the first ${STATUS_SCAN_LENGTH / 1024} KB`, () => {
    const late = `# Post-Mortem: x\n\n${'Filler line.\n'.repeat(STATUS_SCAN_LENGTH / 10)}**Status:** Complete\n`;
    assert.equal(scanStatus(late), undefined);
    assert.equal(scanStatus(`**Status:** Complete\n${'x'.repeat(10 * STATUS_SCAN_LENGTH)}`)?.value, 'Complete');
  });
});

describe('what the engine does with these readings', () => {
  it('a team template over the limit: one config error at the top, and the lint goes on with the built-in template', () => {
    const huge = `# Post-Mortem: [T]\n\n${'## Section\n\nText.\n\n'.repeat(MAX_TEMPLATE_SIZE / 10)}`;
    const findings = lint('# Post-Mortem: Outage\n\n## Summary\n', { templateText: huge });
    const config = findings.filter((f) => f.ruleId === 'config');
    assert.equal(config.length, 1);
    assert.equal(config[0]?.message, templateProblem(huge));
    assert.equal(config[0]?.line, 1);
    assert.ok(findings.some((f) => f.ruleId === 'missing-section' && f.message.includes('Timeline')), 'built-in sections still required');
  });

  it('a document over the size limit still tells its Status (for the status gate)', async () => {
    const { lintDocument } = await import('../../src/core/index');
    const text = `# Post-Mortem: Big\n\n## Summary\n\n**Status:** Complete\n\n${'x'.repeat(200)}\n`;
    const result = lintDocument(text, { maxDocumentSize: 100 });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['document-size']);
    assert.equal(result.status?.value, 'Complete');
  });

  it('every string-list option rejects blank entries (missing-section optional, timeline headers, detection sections)', () => {
    for (const [rule, option] of [
      ['missing-section', 'optional'],
      ['timeline', 'timeHeaders'],
      ['detection-method', 'sections'],
    ] as const) {
      const findings = lint('# Post-Mortem: x\n', { config: { rules: { [rule]: { options: { [option]: [' '] } } } } });
      const config = findings.find((f) => f.ruleId === 'config');
      assert.match(config?.message ?? '', new RegExp(`rules\\.${rule}\\.options\\.${option}\\[0\\]: must not be empty or blank`));
    }
  });
});
