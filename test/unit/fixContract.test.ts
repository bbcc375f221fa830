// The fix contract (issue 7): "a safe fix never destroys what an author wrote". A rule's findings
// carry a safe `fix` only when its meta says fixable, suggestions only when it says hasSuggestions;
// a safe fix removes no author word, resolves its own finding and nothing else moves; fix-all ends;
// a byte-order mark, CR line breaks, an unclosed block at the end and disable comments do not
// break any of that. Checked on the template, every fixture and the corpus of real post-mortems.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  applyEdits,
  applyFixes,
  builtinTemplateText,
  disableRuleFix,
  fixAll,
  lint,
  lintDocument,
  missingSectionInsertions,
  rules,
} from '../../src/core/index';
import { toSarif } from '../../src/cli/sarif';
import { validateReport } from '../../src/core/engine/lint';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { detectEol, LineIndex } from '../../src/core/markdown/positions';
import type { Rule } from '../../src/core/rules/rule';
import type { Finding, Fix, PostmortemConfig } from '../../src/core/types';
import type { Node as UnistNode, Parent } from 'unist';
import { fixtureCases, fixtureFolders, fixtureRoot } from '../fixtureFiles';

interface Doc {
  name: string;
  text: string;
  config?: PostmortemConfig;
}

const corpusRoot = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function readDocs(): Doc[] {
  const docs: Doc[] = [{ name: 'the built-in template', text: builtinTemplateText }];
  // A fixture kept once and referred to from other folders is checked once, where it is kept.
  for (const dir of fixtureFolders()) {
    for (const c of fixtureCases(dir)) if (!c.shared) docs.push({ name: `${dir}/${c.file}`, text: c.text, ...(c.config ? { config: c.config } : {}) });
  }
  for (const file of existsSync(corpusRoot) ? readdirSync(corpusRoot).filter((f) => f.endsWith('.md')) : []) {
    docs.push({ name: `corpus/${file}`, text: readFileSync(join(corpusRoot, file), 'utf8') });
  }
  return docs;
}

const docs = readDocs();
const options = (doc: Doc) => (doc.config ? { config: doc.config } : {});
const ruleOf = new Map<string, Rule>(rules.map((r) => [r.id, r]));

/** A finding as the author knows it: its rule and message (line numbers in messages move with edits). */
const identity = (f: Finding) => `${f.ruleId}\u0000${f.message.replace(/\bline \d+/g, 'line #')}`;

function counts(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) out.set(identity(f), (out.get(identity(f)) ?? 0) + 1);
  return out;
}

/** Findings of `after` that `before` did not have (by rule and message, counting repeats). */
function added(before: readonly Finding[], after: readonly Finding[]): string[] {
  const had = counts(before);
  return [...counts(after)].filter(([key, n]) => n > (had.get(key) ?? 0)).map(([key]) => key.replace('\u0000', ': '));
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Author words a fix removes: those of the replaced text, minus template placeholders ("[Name]") and minus the words it puts back. */
function removedWords(text: string, fix: Fix): string[] {
  const removed: string[] = [];
  const back = new Map<string, number>();
  for (const e of fix.edits) {
    removed.push(...words(text.slice(e.range.start.offset, e.range.end.offset).replace(/\[[^\]\r\n]*\]/g, ' ')));
    for (const w of words(e.text)) back.set(w, (back.get(w) ?? 0) + 1);
  }
  return removed.filter((w) => {
    const n = back.get(w) ?? 0;
    if (n > 0) back.set(w, n - 1);
    return n === 0;
  });
}

/** Where an offset of the text before the fix is after it (edits before it shift it). */
function shifted(offset: number, fix: Fix): number {
  let delta = 0;
  for (const e of fix.edits) if (e.range.end.offset <= offset) delta += e.text.length - (e.range.end.offset - e.range.start.offset);
  return offset + delta;
}

/** Applies the fix alone and lints again: its finding is gone, and the text outside its edits is the same. */
function checkSafeFix(doc: Doc, text: string, finding: Finding, all: readonly Finding[]): void {
  const fix = finding.fix as Fix;
  const where = `${doc.name}: ${finding.ruleId} "${finding.message}" -> "${fix.title}"`;
  const fixed = applyEdits(text, fix.edits);
  assert.notEqual(fixed, text, `${where} changes the text`);
  const first = Math.min(...fix.edits.map((e) => e.range.start.offset));
  const last = Math.max(...fix.edits.map((e) => e.range.end.offset));
  assert.equal(fixed.slice(0, first), text.slice(0, first), `${where} keeps the text before its edits`);
  assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), `${where} keeps the text after its edits`);
  assert.deepEqual(removedWords(text, fix), [], `${where} removes no author word`);
  const after = lint(fixed, options(doc));
  const before = all.filter((f) => identity(f) === identity(finding)).length;
  assert.ok(after.filter((f) => identity(f) === identity(finding)).length < before, `${where}: that finding is gone`);
  // The same finding at its place afterwards, unless an identical one moved there (the next of two empty rows).
  const at = shifted(finding.offset, fix);
  const movedThere = all.some((f) => f !== finding && identity(f) === identity(finding) && shifted(f.offset, fix) === at);
  if (!movedThere) assert.ok(!after.some((f) => identity(f) === identity(finding) && f.offset === at), `${where}: no same finding at its place`);
}

describe('the report contract (meta.fixable, meta.hasSuggestions)', () => {
  it('every rule says both', () => {
    for (const rule of rules) {
      assert.equal(typeof rule.fixable, 'boolean', `${rule.id}.fixable`);
      assert.equal(typeof rule.hasSuggestions, 'boolean', `${rule.id}.hasSuggestions`);
    }
  });

  it('no rule reports a fix without fixable or a suggestion without hasSuggestions (template, fixtures, corpus)', () => {
    for (const doc of docs) {
      for (const f of lint(doc.text, options(doc))) {
        assert.notEqual(f.ruleId, 'internal-error', `${doc.name}: ${f.message}`);
        const rule = ruleOf.get(f.ruleId);
        if (!rule) continue;
        if (f.fix) assert.ok(rule.fixable, `${doc.name}: ${f.ruleId} has a fix ("${f.fix.title}") but is not fixable`);
        // The linter's own: a fix moved out of an unclosed block at the end becomes a suggestion that closes it.
        const own = f.suggestions?.filter((x) => !/ \(after closing the unclosed [^)]+\)$/.test(x.title)) ?? [];
        if (own.length) assert.ok(rule.hasSuggestions, `${doc.name}: ${f.ruleId} has suggestions ("${own[0]?.title}") but not hasSuggestions`);
      }
    }
  });

  it('SARIF rule descriptions say "Fixable with --fix" only for fixable rules', () => {
    const driver = toSarif([], { cwd: '/tmp', errors: [], notes: [] }).runs[0]?.tool.driver;
    for (const rule of rules) {
      const text = driver?.rules?.find((d) => d.id === rule.id)?.fullDescription?.text ?? '';
      assert.equal(text.includes('Fixable with --fix'), rule.fixable, `${rule.id}: ${text}`);
      assert.equal(/quick-fix suggestions/i.test(text), rule.hasSuggestions, `${rule.id}: ${text}`);
    }
  });

  it('validateReport rejects a fix from a rule that is not fixable and suggestions from one without hasSuggestions', () => {
    const fix: Fix = { title: 'Do it', edits: [] };
    const meta = (fixable: boolean, hasSuggestions: boolean) => ({ id: 'fake', fixable, hasSuggestions });
    assert.throws(() => validateReport(meta(false, true), { message: 'm', start: 0, end: 0, fix }), /fake reported a fix/);
    assert.throws(() => validateReport(meta(true, false), { message: 'm', start: 0, end: 0, suggestions: [fix] }), /fake reported suggestions/);
    assert.doesNotThrow(() => validateReport(meta(true, true), { message: 'm', start: 0, end: 0, fix, suggestions: [fix] }));
    assert.doesNotThrow(() => validateReport(meta(false, false), { message: 'm', start: 0, end: 0, suggestions: [] }));
  });

  it('lint reports a rule that breaks it as internal-error, without any of its findings', () => {
    const fake: Rule = {
      id: 'fake-contract-breaker',
      description: 'A rule that offers a fix it does not declare.',
      defaultSeverity: 'warning',
      fixable: false,
      hasSuggestions: true,
      optionsSchema: { type: 'object' },
      defaultOptions: {},
      check(ctx) {
        ctx.report({ message: 'Before the bad one.', start: 0, end: 1 });
        ctx.report({ message: 'Bad.', start: 0, end: 1, fix: { title: 'Undeclared', edits: [ctx.edit(0, 1, 'x')] } });
      },
    };
    rules.push(fake);
    try {
      const findings = lint('# Post-Mortem: x\n');
      assert.deepEqual(findings.filter((f) => f.ruleId === fake.id), []);
      const errors = findings.filter((f) => f.ruleId === 'internal-error');
      assert.equal(errors.length, 1);
      assert.match(errors[0]?.message ?? '', /fake-contract-breaker .*reported a fix \("Undeclared"\) but its meta says fixable: false/);
    } finally {
      rules.splice(rules.indexOf(fake), 1);
    }
  });
});

describe('every safe fix, applied alone, removes its own finding and no author word', () => {
  for (const doc of docs) {
    it(doc.name, () => {
      const findings = lint(doc.text, options(doc));
      for (const f of findings) if (f.fix) checkSafeFix(doc, doc.text, f, findings);
    });
  }
});

describe('fix-all in a document that ends inside an unclosed block', () => {
  const ends: [string, string][] = [
    ['an HTML comment', '<!--\n'],
    ['a ``` fence', '```\n'],
    ['a ~~~ fence', '~~~\n'],
    ['a <script> block', '<script>\n'],
  ];
  for (const [what, end] of ends) {
    const text = `# Post-Mortem: X\n\n## Summary\n\ntext\n\n${end}`;
    it(`${what}: inserts nothing into it, ends, and changes nothing the second time`, () => {
      const result = fixAll(text);
      assert.ok(result.text.length < 1000, `grew from ${text.length} to ${result.text.length} characters`);
      assert.ok(result.text.endsWith(`text\n\n${end}`), 'the block stays last and untouched');
      assert.deepEqual(result.unresolved, []);
      assert.equal(fixAll(result.text).text, result.text);
    });
    it(`${what}: a section is offered as a suggestion that closes the block first, and it works`, () => {
      const findings = lint(text);
      const missing = findings.find((f) => f.message === 'Missing section "## Impact" (expected after "Summary").');
      assert.ok(missing && !missing.fix, 'no safe fix');
      const suggestion = missing.suggestions?.[0];
      assert.match(suggestion?.title ?? '', /^Insert section "Impact" \(after closing the unclosed /);
      const fixed = applyEdits(text, suggestion?.edits ?? []);
      assert.ok(fixed.startsWith(text), 'the author text stays as written');
      assert.ok(!lint(fixed).some((f) => f.message === missing.message), 'the section is there');
    });
  }

  it('the exact report: 41 characters ending in "<!--" stay small (were 42,592)', () => {
    const text = '# Post-Mortem: X\n\n## Summary\n\ntext\n\n<!--\n';
    assert.equal(text.length, 41);
    assert.ok(fixAll(text).text.length < 1000);
  });

  it('Insert Section... closes the block before the section', () => {
    const text = '# Post-Mortem: X\n\n## Summary\n\ntext\n\n<!--\n';
    const impact = missingSectionInsertions(text).find((s) => s.title === 'Impact');
    assert.ok(impact);
    const fixed = applyEdits(text, [impact.edit]);
    assert.ok(fixed.startsWith(`${text}-->\n\n## Impact`), JSON.stringify(fixed.slice(0, 80)));
    assert.ok(!missingSectionInsertions(fixed).some((s) => s.title === 'Impact'));
  });

  it('cells padding the last row go before a section inserted after it (same offset)', () => {
    const text = '# Post-Mortem: P\n\n## Action Items\n\n### Immediate (Within 1 Week)\n\n| Action | Owner | Due Date | Status | Beads Issue |\n|---|---|---|---|---|\n| A';
    const result = fixAll(text);
    assert.ok(result.text.includes('| A |  |  |  |  |\n\n### Short-Term'), JSON.stringify(result.text.slice(150, 260)));
    assert.deepEqual(result.unresolved, []);
    assert.equal(fixAll(result.text).text, result.text);
  });

  it('cells padding the last of the rows being sorted go to that row (the pad waits for the sort)', () => {
    const text = '## Timeline\n\n| Time | Event |\n|---|---|\n| 09:20 | declared |\n| 09:05 |\n';
    const result = fixAll(text);
    assert.ok(result.text.includes('| 09:05 |  |\n| 09:20 | declared |\n'), JSON.stringify(result.text.slice(0, 200)));
    assert.equal(fixAll(result.text).text, result.text);
  });

  it('a closed fence and a complete comment are not open blocks', () => {
    for (const end of ['```\ncode\n```\n', '<!-- note -->\n', '<!-->\n', '<script>\nx\n</script>\n']) {
      const text = `# Post-Mortem: X\n\n## Summary\n\ntext\n\n${end}`;
      const impact = lint(text).find((f) => f.message.startsWith('Missing section "## Impact"'));
      assert.equal(impact?.fix?.title, 'Insert section "Impact"', end);
    }
  });
});

describe('fix-all stops a fix that does not resolve its finding', () => {
  const withRule = <T>(rule: Rule, run: () => T): T => {
    rules.push(rule);
    try {
      return run();
    } finally {
      rules.splice(rules.indexOf(rule), 1);
    }
  };
  const fakeRule = (check: Rule['check']): Rule => ({
    id: 'fake-stubborn',
    description: 'A rule whose fix never resolves its finding.',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: false,
    optionsSchema: { type: 'object' },
    defaultOptions: {},
    check,
  });

  it('applies it once, then neither applies nor offers it again', () => {
    // Like a section inserted into an unclosed comment: the finding stays at its place, the text grows at the end.
    const stubborn = fakeRule((ctx) => {
      const end = ctx.doc.text.length;
      ctx.report({ message: 'Still wrong.', start: 0, end: 1, fix: { title: 'Insert a note', edits: [ctx.edit(end, end, '\nnote\n')] } });
    });
    const result = withRule(stubborn, () => fixAll(builtinTemplateText));
    assert.equal(result.text, `${builtinTemplateText}\nnote\n`);
    assert.deepEqual(result.unresolved, ['Insert a note']);
    const finding = result.findings.find((f) => f.ruleId === stubborn.id);
    assert.ok(finding && !finding.fix, 'the finding stays, without a safe fix');
  });

  it('keeps applying a fix whose finding comes back elsewhere (a value in a section the pass inserted)', () => {
    const text = '# Post-Mortem: P\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 2026-03-14 00:00 | Impact began |\n| 2026-03-14 00:20 | Service restored |\n\n## Summary\n\n**Incident ID:** INC-1234  \n**Date:** 2026-03-14\n\n### User Impact\n\n| Metric | Value |\n|---|---|\n| Duration of Impact | [Time] |\n';
    const result = fixAll(text);
    assert.deepEqual(result.unresolved, []);
    assert.equal(fixAll(result.text).text, result.text);
  });

  it('stops when the text grows without bound (a message that changes every pass)', () => {
    const chunk = 'x'.repeat(20_000);
    const growing = fakeRule((ctx) => {
      ctx.report({ message: `Wrong at ${ctx.doc.text.length}.`, start: 0, end: 0, fix: { title: 'Grow', edits: [ctx.edit(0, 0, chunk)] } });
    });
    const result = withRule(growing, () => fixAll(builtinTemplateText));
    assert.ok(result.text.length < builtinTemplateText.length + 2 * (2 * builtinTemplateText.length + 4096) + chunk.length, `${result.text.length}`);
  });

  it('stops when the text comes back to an earlier state', () => {
    const flipping = fakeRule((ctx) => {
      const on = ctx.doc.text.startsWith('A');
      ctx.report({ message: on ? 'A.' : 'B.', start: 0, end: 0, fix: { title: 'Flip', edits: on ? [ctx.edit(0, 1, '')] : [ctx.edit(0, 0, 'A')] } });
    });
    const result = withRule(flipping, () => fixAll(builtinTemplateText));
    assert.ok(result.passes <= 2, `${result.passes} passes`);
  });
});

describe('a leading byte-order mark', () => {
  const bom = '\uFEFF';
  it('ranges are those of the text as given (lint("\\uFEFF## Timeline\\n"))', () => {
    const text = `${bom}## Timeline\n`;
    const lines = new LineIndex(text);
    const findings = lint(text);
    assert.ok(findings.length > 0);
    for (const f of findings) {
      assert.deepEqual(lines.point(f.offset), { line: f.line, column: f.column, offset: f.offset }, f.message);
      assert.deepEqual(lines.point(f.endOffset), { line: f.endLine, column: f.endColumn, offset: f.endOffset }, f.message);
    }
    const empty = findings.find((f) => f.ruleId === 'empty-section');
    assert.deepEqual([empty?.offset, empty?.column, empty?.endOffset], [1, 2, 12], 'the heading "## Timeline" after the mark');
  });

  it('only one mark is a BOM: a second is content, as remark reads it', () => {
    const text = `${bom}${bom}# Post-Mortem: x\r\n\r\n## Summary\r\n`;
    const lines = new LineIndex(text);
    for (const f of lint(text)) assert.deepEqual(lines.point(f.offset), { line: f.line, column: f.column, offset: f.offset }, f.message);
    const empty = lint(text).find((f) => f.ruleId === 'empty-section');
    assert.equal(text.slice(empty?.offset, empty?.endOffset), '## Summary');
    assert.ok(fixAll(`${bom}${bom}# Post-Mortem: x\n\n<!-- draft`).text.length < 1000);
  });

  it('every finding is the one of the text without it, one code unit later', () => {
    const text = readFileSync(join(fixtureRoot, 'timeline', 'crlf.md'), 'utf8');
    const plain = lint(text);
    const marked = lint(bom + text);
    assert.equal(marked.length, plain.length);
    marked.forEach((f, i) => {
      const p = plain[i] as Finding;
      assert.equal(f.message, p.message);
      assert.equal(f.offset, p.offset + 1);
      assert.equal(f.column, p.line === 1 ? p.column + 1 : p.column);
      assert.equal(applyEdits(bom + text, f.fix?.edits ?? []), bom + applyEdits(text, p.fix?.edits ?? []));
    });
  });

  it('fix-all and applyFixes keep it, and fix exactly as without it (the corpus document that grew to 4.97 MB)', () => {
    for (const doc of docs.filter((d) => d.name.startsWith('corpus/')).slice(0, 6)) {
      const result = fixAll(bom + doc.text);
      assert.equal(result.text, bom + fixAll(doc.text).text, doc.name);
      assert.equal(applyFixes(bom + doc.text, lint(bom + doc.text)), bom + applyFixes(doc.text, lint(doc.text)), doc.name);
    }
  });

  it('Insert Section... and Disable for this line insert after it', () => {
    const summary = missingSectionInsertions(`${bom}## Impact\n\nNone.\n`).find((s) => s.title === 'Summary');
    assert.deepEqual(summary?.edit.range.start, { line: 1, column: 2, offset: 1 });
    const text = `${bom}Notes about an outage.\n`;
    const disable = disableRuleFix(text, 1, 'missing-section');
    const fixed = applyEdits(text, disable.edits);
    assert.ok(fixed.startsWith(`${bom}<!-- postmortem-disable-next-line missing-section -->\n`), JSON.stringify(fixed));
    assert.deepEqual(lint(fixed).filter((f) => f.ruleId === 'missing-section'), []);
  });
});

describe('CR-only line endings', () => {
  it('detectEol tells LF, CRLF and CR apart', () => {
    assert.equal(detectEol('a\nb'), '\n');
    assert.equal(detectEol('a\r\nb'), '\r\n');
    assert.equal(detectEol('a\rb'), '\r');
    assert.equal(detectEol('a'), '\n');
  });

  it('LineIndex breaks lines where remark (micromark) does: LF, CRLF and a lone CR', () => {
    const text = '# A\rpara\r\n\r\n## B\n\n- x\r- y\r\r| T | E |\r|---|---|\r| 1 | 2 |\r';
    const lines = new LineIndex(text);
    const visit = (node: UnistNode) => {
      for (const p of [node.position?.start, node.position?.end]) {
        if (p?.offset !== undefined) assert.deepEqual(lines.point(p.offset), { line: p.line, column: p.column, offset: p.offset });
      }
      for (const child of (node as Parent).children ?? []) visit(child);
    };
    visit(parseMarkdown(text));
    assert.equal(lines.lineCount, 12);
  });

  it('the metadata field insertion takes effect (30 characters grew to 7,309)', () => {
    const text = '## Summary\r\r**Severity:** SEV2';
    assert.equal(text.length, 30);
    const result = fixAll(text);
    assert.ok(!/\n/.test(result.text), 'no LF inserted');
    assert.deepEqual(result.unresolved, []);
    assert.equal(result.text.split('## Summary').length, 2, 'one Summary heading');
    assert.ok(result.text.includes('**Incident ID:** [INC-XXXX]  \r**Date:**'), 'the fields are inserted, on lines of their own');
    assert.ok(!result.findings.some((f) => f.ruleId === 'metadata' && f.message.startsWith('Missing field')));
    assert.equal(fixAll(result.text).text, result.text);
  });

  it('a CR document fixes as its LF twin, with CR line breaks', () => {
    for (const doc of docs.filter((d) => d.name.startsWith('corpus/')).slice(0, 6)) {
      const lf = doc.text.replace(/\r\n?/g, '\n');
      const cr = lf.replace(/\n/g, '\r');
      assert.equal(fixAll(cr).text, fixAll(lf).text.replace(/\n/g, '\r'), doc.name);
      assert.deepEqual(lintDocument(cr).findings.map((f) => [f.line, f.column, f.message]), lint(lf).map((f) => [f.line, f.column, f.message]), doc.name);
    }
  });
});

describe('messages quote a section title on one line', () => {
  it('a two-line setext heading', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['# Post-Mortem: x', '', 'Root', 'cause', '---', ''].join(eol);
      const empty = lint(text).find((f) => f.ruleId === 'empty-section');
      assert.equal(empty?.message, 'Section "Root cause" is empty: write its content, or remove the heading if it does not apply.', JSON.stringify(eol));
    }
  });
});

describe('Disable for this line', () => {
  /** Applies the disable edit for the finding and lints again: the finding is gone, nothing is new. */
  function checkDisable(name: string, text: string, finding: Finding, before: readonly Finding[]): void {
    const fix = disableRuleFix(text, finding.line, finding.ruleId);
    const after = lint(applyEdits(text, fix.edits));
    const was = before.filter((f) => identity(f) === identity(finding)).length;
    const where = `${name}: "${fix.title}" for ${finding.ruleId} "${finding.message}" (line ${finding.line})`;
    assert.ok(after.filter((f) => identity(f) === identity(finding)).length < was, `${where}: the finding is gone`);
    assert.deepEqual(added(before, after), [], `${where}: nothing new`);
  }

  const cases: [string, string][] = [
    ['line 1 of a document without headings', 'Just some notes about an outage, no structure yet.\n'],
    ['an empty document', ''],
    ['front matter', '---\nseverity: SEV9\ntitle: x\n---\n# Post-Mortem: x\n\n## Summary\n\nText.\n'],
    ['front matter only, CRLF', '---\r\nseverity: SEV9\r\n---'],
    ['front matter, then a comment naming another rule', '---\nseverity: SEV9\n---\n<!-- postmortem-disable-next-line blameless -->\n# Post-Mortem: x\n'],
    ['an empty Summary above the timeline', '# Post-Mortem: x\n\n## Summary\n\n## Timeline\n\nSee the status page.\n'],
    ['a comment alone in the Summary', '# Post-Mortem: x\n\n## Summary\n\n<!-- to do -->\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 10:00 |\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const before = lint(text);
      assert.ok(before.length > 0);
      for (const f of before) checkDisable(name, text, f, before);
    });
  }

  it('in front matter, the comment goes below it (never into the YAML)', () => {
    const text = '---\nseverity: SEV9\n---\n# Post-Mortem: x\n';
    const fix = disableRuleFix(text, 2, 'metadata');
    assert.equal(fix.title, 'Disable postmortem/metadata for the front matter');
    assert.equal(applyEdits(text, fix.edits), '---\nseverity: SEV9\n---\n<!-- postmortem-disable-next-line metadata -->\n# Post-Mortem: x\n');
  });

  it('a comment does not count as section content (empty-section, metadata)', () => {
    const text = '# Post-Mortem: x\n\n## Summary\n\n<!-- postmortem-disable-next-line timeline -->\n## Timeline\n\nSee the status page.\n';
    const findings = lint(text);
    assert.ok(findings.some((f) => f.ruleId === 'empty-section' && f.message.startsWith('Section "Summary" is empty')));
    assert.ok(!findings.some((f) => f.ruleId === 'metadata' && f.message.startsWith('Missing fields')));
  });

  it('every finding of the template, the fixtures and the corpus', () => {
    for (const doc of docs) {
      if (doc.config) continue;
      const before = lint(doc.text);
      // The first finding of each rule, and of each place kind (front matter, line 1, a table row):
      // the edit depends on nothing else (all of them: about 3,000 lints, a minute).
      const lines = doc.text.split(/\r\n|\r|\n/);
      const kind = (f: Finding) => (f.line === 1 ? 'first' : /^\s*\|/.test(lines[f.line - 1] ?? '') ? 'row' : doc.text.startsWith('---') && f.line < lines.indexOf('---', 1) + 1 ? 'front matter' : 'line');
      const seen = new Set<string>();
      for (const f of before) {
        const key = `${f.ruleId}:${kind(f)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        checkDisable(doc.name, doc.text, f, before);
      }
    }
  });
});
