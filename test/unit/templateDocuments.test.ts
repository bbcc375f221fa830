// A template is not a post-mortem: linted (the team's TEMPLATE.md in a folder, another team's blank
// template), it gets one note and no findings, while a post-mortem written from it is checked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/core/index';

const team = '# Incident Title\n\n## Summary\n\n{brief description}\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| HH:MM | {what happened} |\n\n## Action Items\n\n- {action} ({owner})\n';

describe('template documents', () => {
  it('the configured template itself: one template-fit note, nothing else', () => {
    const findings = lint(team, { templateText: team });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.line]), [['template-fit', 'info', 1]]);
    assert.match(findings[0]?.message ?? '', /post-mortem template, not a post-mortem/);
  });

  it("another team's blank template (a placeholder title) against the built-in template: the same", () => {
    const findings = lint('# Title (incident #)\n\n### Date\n\n### Summary\n\n### Impact\n\n## Action Items\n\n| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n| | | | |\n');
    assert.deepEqual(findings.map((f) => f.ruleId), ['template-fit']);
  });

  it('a post-mortem written from the template is checked', () => {
    const written = team.replace('# Incident Title', '# Checkout outage').replace('| HH:MM | {what happened} |', '| 10:05 | Rollback |\n| 09:00 | Alert |');
    const rules = new Set(lint(written, { templateText: team }).map((f) => f.ruleId));
    assert.ok(rules.has('placeholder'), 'the {brief description} left in it');
    assert.ok(rules.has('timeline'), 'rows out of order');
  });

  it('template-fit off: not even the note', () => {
    assert.deepEqual(lint(team, { templateText: team, config: { rules: { 'template-fit': 'off' } } }), []);
  });
});
