// `postmortem init --from FILE`: a team template derived from one of the team's post-mortems keeps
// the layout (headings, field labels, table headers, checklists) and turns what the author wrote into
// placeholders; the team's documents then follow it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveTemplate } from '../../src/core/authoring/deriveTemplate';
import { lint } from '../../src/core/index';

/** Findings that say the document does not follow its template: none on the document the template came from. */
const STRUCTURAL = ['template-fit', 'missing-section', 'section-order', 'duplicate-section', 'metadata', 'empty-section', 'config', 'internal-error'];
const structural = (text: string, template: string) =>
  lint(text, { templateText: template })
    .filter((f) => STRUCTURAL.includes(f.ruleId))
    .map((f) => `${f.line} ${f.ruleId}: ${f.message}`);

const written = [
  '# Total node failure',
  '',
  '**Date:** 2023-02-14  ',
  '**Severity:** High',
  '',
  '## Summary',
  '',
  'Two nodes of the production cluster stopped answering after a kernel update.',
  '',
  '## Timeline',
  '',
  '| Time | Event |',
  '|---|---|',
  '| 2023-02-14 09:33 | Alert: node NotReady |',
  '| 2023-02-14 10:29 | Nodes drained and replaced |',
  '',
  '## Contributing Factors',
  '',
  '- [x] Configuration Error',
  '- [ ] Capacity Issue',
  '- [ ] Code Defect',
  '',
  '## Events',
  '',
  '### 2023-02-14 09:33',
  '',
  'The first alert.',
  '',
  '### 2023-02-14 10:29',
  '',
  'Replaced.',
  '',
  '## Action Items',
  '',
  '- Pin the kernel version (@sre-team)',
  '- Alert on NotReady nodes',
  '',
].join('\n');

describe('deriveTemplate', () => {
  const template = deriveTemplate(written);

  it('keeps headings, field labels, table headers and checklist options; the author\'s words become placeholders', () => {
    for (const kept of ['## Summary', '## Timeline', '| Time | Event |', '**Date:** [Date]', '**Severity:** [Severity]', '- [ ] Configuration Error', '- [ ] Capacity Issue', '## Action Items']) {
      assert.ok(template.includes(kept), kept);
    }
    for (const gone of ['kernel update', 'Alert: node NotReady', 'Pin the kernel', '2023-02-14 10:29', 'High']) assert.ok(!template.includes(gone), gone);
    assert.match(template, /^# \[Incident Title\]/);
    assert.match(template, /\| YYYY-MM-DD HH:MM \| \[Event\] \|/);
  });

  it('a run of event headings becomes one repeatable slot', () => {
    assert.equal(template.match(/^### \[Date and time\]$/gm)?.length, 1);
  });

  it('the post-mortem it came from follows it: no missing or misplaced sections', () => {
    const findings = lint(written, { templateText: template }).filter((f) => ['template-fit', 'missing-section', 'section-order', 'duplicate-section'].includes(f.ruleId));
    assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('the derived template is recognised as a template: linted itself, it gets one note and nothing else', () => {
    const findings = lint(template, { templateText: template });
    assert.deepEqual(findings.map((f) => f.ruleId), ['template-fit']);
  });

  it('keeps CRLF line breaks and never throws on odd input', () => {
    assert.ok(deriveTemplate(written.replace(/\n/g, '\r\n')).includes('\r\n## Summary\r\n'));
    for (const odd of ['', '\n\n', '# only a title', '| a |\n|---|\n', '- [ ]\n- [x]\n- [ ]\n', '---\ntitle: x\n---\n']) assert.equal(typeof deriveTemplate(odd), 'string');
  });
});

describe('deriveTemplate on the layouts teams write', () => {
  it('a timeline written as lines, bullets or bold times keeps one entry in the author\'s form', () => {
    const cases: [string[], string][] = [
      [['14:44 - Alert fired', '', '14:50 - Paged on-call'], 'HH:MM - [Event]'],
      [['- 12:48 (6:48 PDT): Last block farmed', '- 13:11: Noticed', '- 14:20-2:00 Checked'], '- HH:MM: [Event]'],
      [['* [14:32] Deploy', '* [14:40] Rollback'], '- [HH:MM] [Event]'],
      [['- **21:45 UTC** - Alert', '- **22:10 UTC** - Fixed'], '- **HH:MM UTC** - [Event]'],
      [['**June 14th, 2022, 10:00 AM:** Report received', '', '**June 16th 2022, 8:45 AM:** Patched'], '**YYYY-MM-DD HH:MM:** [Event]'],
      [['- 2021-08-17: Report submitted', '- 2021-08-24: Released'], '- YYYY-MM-DD: [Event]'],
    ];
    for (const [lines, entry] of cases) {
      const derived = deriveTemplate(['# Outage', '', '## Timeline', '', ...lines, '', '## Root Cause', '', 'A bug.', ''].join('\n'));
      const timeline = derived.slice(derived.indexOf('## Timeline'), derived.indexOf('## Root Cause')).trim();
      assert.equal(timeline, `## Timeline\n\n${entry}`, lines[0]);
    }
  });

  it('prose becomes one prompt per run; a label on every answer of a Q&A is prose, not a field; long bold lead-ins are prose', () => {
    const derived = deriveTemplate(
      ['# Outage', '', '## Summary', '', 'One.', '', 'Two.', '', 'Three.', '', '## Q&A', '', '__Q: Why?__', '', '__A:__ Because.', '', '__Q: How?__', '', '__A:__ Like so.', '', `**Note:** ${'long '.repeat(50)}`, ''].join('\n'),
    );
    assert.equal(derived, '# [Incident Title]\n\n## Summary\n\n[Describe]\n\n## Q&A\n\n[Describe]\n');
  });

  it('a heading keeps its name and loses the incident\'s dates', () => {
    const derived = deriveTemplate('# x\n\n## Timeline (all times PST ) Saturday Oct 30th 2021 - Monday Nov 1st, 2021\n\ntext\n\n## Timeline (UTC) All Times Approximate\n\ntext\n');
    assert.match(derived, /^## Timeline$/m);
    assert.match(derived, /^## Timeline \(UTC\) All Times Approximate$/m);
  });
});

const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus');

describe('deriveTemplate on real post-mortems (../shared/corpus)', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, () => {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.md') && !f.includes('template')) : [];
  for (const file of files) {
    it(`${file}: the document follows the template derived from it`, () => {
      const text = readFileSync(join(corpus, file), 'utf8');
      const template = deriveTemplate(text);
      assert.deepEqual(structural(text, template), []);
      // The author's words are gone: no line of the document (over 40 characters) is in the template.
      const kept = text.split(/\r?\n/).filter((l) => l.trim().length > 40 && !/^[|#]/.test(l.trim()) && !l.trim().startsWith('<!--') && template.includes(l.trim()));
      assert.deepEqual(kept, []);
    });
  }
});
