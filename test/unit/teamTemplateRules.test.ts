// placeholder, contributing-factors and detection-method read the template model: a team's own
// template, with other section names, fields and tables, drives them the same way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/core/index';
import type { Finding, PostmortemConfig } from '../../src/core/types';

const teamTemplate = `# Incident Review: [Title]

## Overview

**Impact Level:** Low | Medium | High  
**Owner:** [Name]

## Causes

- [ ] Bad Deploy: [which change]
- [ ] Vendor Outage: [which vendor]

**Notes:**

- [Cause]: [Why it mattered]

## How We Noticed

- [ ] Pager
- [ ] Somewhere else: [say where]

## Approvals

| Approver | Signature |
|---|---|
| CTO | |
`;

function findings(doc: string, ruleId: string, config?: PostmortemConfig): { text: string; message: string }[] {
  return lint(doc, { templateText: teamTemplate, ...(config ? { config } : {}) })
    .filter((f: Finding) => f.ruleId === ruleId)
    .map((f) => ({ text: doc.slice(f.offset, f.endOffset), message: f.message }));
}

describe('rules driven by a team template', () => {
  it('placeholder: the team choice list, bracket placeholders and empty approval cell', () => {
    // A draft written from the template (one line written), not the template file itself.
    const draft = teamTemplate.replace('## Overview\n', '## Overview\n\nCheckout failed for an hour.\n');
    const got = findings(draft, 'placeholder');
    assert.deepEqual(
      got.map((f) => f.text),
      ['[Title]', 'Low | Medium | High', '[Name]', '[Cause]', '[Why it mattered]', ' '],
    );
    assert.equal(got[5]?.message, 'Approvals: Signature for "CTO" is empty: expected a signature.');
  });

  it('placeholder and empty-section: the team template file itself is a template, not a post-mortem with gaps', () => {
    assert.deepEqual(findings(teamTemplate, 'placeholder'), []);
    assert.deepEqual(findings(teamTemplate.replace(/\n/g, '\r\n'), 'placeholder'), []);
    // A copy with a section of its own is a draft: its fields now sit under Timeline, so Overview is empty.
    const draft = teamTemplate.replace('## Overview', '## Overview\n\n## Timeline\n');
    assert.deepEqual(findings(draft, 'empty-section').map((f) => f.text), ['## Overview']);
  });

  it('contributing-factors: the checklist followed by a "Cause: why" list, whatever its section is called', () => {
    const doc = teamTemplate.replace('- [ ] Bad Deploy', '- [x] Bad Deploy').replace('- [Cause]: [Why it mattered]', '- Vendor Outage: the CDN failed over late');
    assert.deepEqual(findings(doc, 'contributing-factors'), [
      { text: 'Bad Deploy', message: 'Contributing factor "Bad Deploy" is checked but not explained: add "- Bad Deploy: <explanation>" to the Details list.' },
      { text: 'Vendor Outage', message: 'Details explain "Vendor Outage", but "Vendor Outage" is not checked: check it, or remove the entry.' },
    ]);
  });

  it('detection-method: checks the sections named in its options, and any option with a hint', () => {
    const config: PostmortemConfig = { rules: { 'detection-method': { options: { sections: ['How We Noticed'] } } } };
    // A draft written from the template: the template file itself is not linted as a post-mortem.
    const draft = teamTemplate.replace('## Overview\n', '## Overview\n\nCheckout failed for an hour.\n');
    assert.deepEqual(findings(draft, 'detection-method'), [], 'no section title mentions detection');
    assert.deepEqual(findings(draft, 'detection-method', config).map((f) => f.text), ['## How We Noticed']);
    const answered = teamTemplate.replace('- [ ] Somewhere else: [say where]', '- [x] Somewhere else: [say where]');
    assert.deepEqual(findings(answered, 'detection-method', config), [
      { text: 'Somewhere else: [say where]', message: '"Somewhere else" is checked but does not say what: write it after "Somewhere else:".' },
    ]);
  });
});
