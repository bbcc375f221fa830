// action-items in every layout: column names that mean owner / issue / due / status, lists and task
// lists in action-item sections, "Action point:" paragraphs, and the parts a team template's own
// action list teaches every item to carry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/core/index';
import { roleOf } from '../../src/core/postmortem/actionItems';
import { isActionSectionTitle, isCompletedTitle, templateActionLists } from '../../src/core/postmortem/actionSections';
import { builtinTemplate, buildTemplateModel } from '../../src/core/template/model';

function flagged(doc: string, templateText?: string): { text: string; message: string }[] {
  return lint(doc, templateText ? { templateText } : {})
    .filter((f) => f.ruleId === 'action-items')
    .map((f) => ({ text: doc.slice(f.offset, f.endOffset), message: f.message }));
}

// A document of its own layout (not the built-in template's): its tables are read by their column names.
const doc = (body: string) => `# Post-Mortem: Replica lag\n\n## Summary\n\nReplicas lagged for an hour.\n\n## Background\n\nThe replicas are new.\n\n${body}\n`;

describe('action-items: column names', () => {
  it('reads the common names of owner, issue, due and status columns', () => {
    for (const name of ['Owner', 'Who', 'Assignee', 'Responsible', 'Action Owner', 'Assigned to']) assert.equal(roleOf(name), 'owner', name);
    for (const name of ['Issue', 'Bug', 'Bug #', 'Ticket', 'Tracking bug', 'Link', 'Jira', 'PR']) assert.equal(roleOf(name), 'issue', name);
    for (const name of ['Due', 'Due date', 'ETA', 'By', 'Deadline']) assert.equal(roleOf(name), 'due', name);
    for (const name of ['Status', 'State', 'Done']) assert.equal(roleOf(name), 'status', name);
    assert.equal(roleOf('Done By'), undefined);
    assert.equal(roleOf('Priority'), undefined);
  });

  it('takes a Bug column of issue URLs as the issue of each row', () => {
    const text = doc('## Follow-ups\n\n| Task | Bug |\n|---|---|\n| Raise the WAL limit | https://bugs.example.com/1 |\n| Page on lag | |\n');
    assert.deepEqual(flagged(text).map((f) => f.text), ['Page on lag']);
  });

  it('never takes a timeline table (Date/Time | Who/What | Action) for action items', () => {
    const text = doc('## Action Items\n\n| Date/Time | Who/What | Action/ Impact |\n|---|---|---|\n| 10:00 | Ops | Paged |\n');
    assert.deepEqual(flagged(text), []);
  });
});

describe('action-items: sections and lists', () => {
  it('finds action-item sections by their words', () => {
    for (const title of ['Action Items', 'Action items & Follow-ups', 'Action points', 'Follow-up', 'Followups', 'Remediation', 'Next steps', 'Corrective actions', 'Preventive actions', 'Corrective and Preventative Measures', 'Lessons learned / Action items', 'Planned actions'])
      assert.ok(isActionSectionTitle(title), title);
    for (const title of ['Actions taken during the incident', 'Response', 'Lessons Learned', 'What we are doing about it', 'Transaction log'])
      assert.ok(!isActionSectionTitle(title), title);
    assert.ok(isCompletedTitle('Immediate Actions (Completed)'));
    assert.ok(!isCompletedTitle('Planned actions (planned or in-progress)'));
  });

  it('flags an item with neither owner nor issue, once, at its first line', () => {
    const text = doc('## Next steps\n\n- Add a lag alert\n  for every replica\n- Add a lag alert for the primary (Ana)\n');
    assert.deepEqual(flagged(text), [
      { text: 'Add a lag alert', message: 'Action item "Add a lag alert for every replica" has no owner and no issue link: name who owns it (@handle or name) or link the issue that tracks it.' },
    ]);
  });

  it('does not take parenthesised prose or an example link for an owner or an issue', () => {
    const text = doc('## Action Items\n\n- Scan the images (Docker images etc)\n- Inventory the buckets (for example <https://github.com/example/recon>)\n');
    assert.equal(flagged(text).length, 2);
  });

  it('reads an owner label through emphasis, and a placeholder owner as none', () => {
    const text = doc('## Action Items\n\n- Add a lag alert. **Owner:** TBD\n- Add a failover drill. **Owner:** @ana_b\n- Tune the WAL. _Owner: Ben_\n');
    assert.deepEqual(flagged(text).map((f) => f.text), ['Add a lag alert. **Owner:** TBD']);
  });

  it('leaves completed items alone: ticked, (done), struck through, under a Completed heading', () => {
    const text = doc('## Action Items\n\n- [x] Restart the replica\n- Raise max_wal_size (done)\n- ~~Add a second replica~~\n\n### Immediate actions (completed)\n\n- Failed over to the standby\n');
    assert.deepEqual(flagged(text), []);
  });

  it('reads "Action point:" paragraphs anywhere, and the list that says one was done', () => {
    const text = doc('## Lessons learned\n\nAction point: add a replica lag panel.\n\nAction point: publish the failover runbook.\n- This has been done.\n');
    assert.deepEqual(flagged(text).map((f) => f.text), ['Action point: add a replica lag panel.']);
  });

  it('stays linear on a long item line with many brackets', () => {
    const line = `- ${'(Ana Lee) — b @x #1 Owner: '.repeat(4000)}`;
    const started = Date.now();
    assert.equal(flagged(doc(`## Action Items\n\n${line}\n`)).length, 0);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});

const teamTemplate = `# Review: [Title]

## Overview

[What happened]

## Things to fix

- [ ] [Action] — Owner: @name — Due: YYYY-MM-DD — Issue: [link](https://tracker.example.com/)
`;

describe('action-items: the team template teaches what an item carries', () => {
  it('reads the parts of the template\'s action list, and none from the built-in template', () => {
    assert.deepEqual(templateActionLists(buildTemplateModel(teamTemplate)), [{ sectionKey: 'things to fix', parts: ['owner', 'issue', 'due'] }]);
    assert.deepEqual(templateActionLists(builtinTemplate()), []);
  });

  it('asks every item of the matching section for those parts', () => {
    const text = `# Review: Replica lag

## Overview

Replicas lagged.

## Things to fix

- [ ] Raise the WAL limit — Owner: @ana — Due: 2026-04-01 — Issue: [#12](https://tracker.example.com/12)
- [ ] Page on lag — Owner: @ben — Issue: #13
- Document the failover
- [x] Restart the replica
`;
    assert.deepEqual(flagged(text, teamTemplate), [
      { text: 'Page on lag — Owner: @ben — Issue: #13', message: 'Action item "Page on lag" has no due date: the template\'s action items carry an owner, an issue link and a due date.' },
      { text: 'Document the failover', message: 'Action item "Document the failover" has no owner, issue link and due date: the template\'s action items carry an owner, an issue link and a due date.' },
    ]);
  });
});
