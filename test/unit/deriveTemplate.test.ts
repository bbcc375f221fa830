// `postmortem init --from FILE`: a team template derived from one of the team's post-mortems keeps
// the layout (headings, field labels, table headers, checklists) and turns what the author wrote into
// placeholders; the team's documents then follow it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveTemplate } from '../../src/core/authoring/deriveTemplate';
import { lint } from '../../src/core/index';

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
    assert.match(template, /\| HH:MM \| \[Event\] \|/);
  });

  it('a run of event headings becomes one repeatable slot', () => {
    assert.equal(template.match(/### \[Date and time\] \[What happened\]/g)?.length, 1);
  });

  it('the post-mortem it came from follows it: no missing or misplaced sections', () => {
    const findings = lint(written, { templateText: template }).filter((f) => ['template-fit', 'missing-section', 'section-order', 'duplicate-section'].includes(f.ruleId));
    assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('keeps CRLF line breaks and never throws on odd input', () => {
    assert.ok(deriveTemplate(written.replace(/\n/g, '\r\n')).includes('\r\n## Summary\r\n'));
    for (const odd of ['', '\n\n', '# only a title', '| a |\n|---|\n', '- [ ]\n- [x]\n- [ ]\n', '---\ntitle: x\n---\n']) assert.equal(typeof deriveTemplate(odd), 'string');
  });
});
