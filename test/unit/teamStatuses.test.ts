// The statuses come from the template's Status choice list: a team template with its own words
// (Entwurf | Review | Fertig) gets the same review workflow as Draft | In Review | Complete — the
// first choice is a draft, the last claims the post-mortem is finished, any between is in review.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTemplateModel, builtinTemplate, builtinTemplateText, DEFAULT_STRICTNESS, lint, lintDocument, lintTimeoutResult, scanStatus } from '../../src/core/index';
import { statusChoices } from '../../src/core/postmortem/status';
import type { PostmortemConfig } from '../../src/core/types';

const BUILTIN_STATUSES = 'Draft | In Review | Complete';
const teamTemplate = builtinTemplateText.replace(BUILTIN_STATUSES, 'Entwurf | Review | Fertig');
const withStatus = (status: string, text = teamTemplate) => text.replace(/\*\*Status:\*\* [^\n]*?(?= {2}\n)/, `**Status:** ${status}`);
// Placeholders left and a section missing: the findings whose severity follows the status.
const gaps = (status: string) => withStatus(status).replace(/## Detection\n[^]*?(?=## Response)/, '');

function severities(text: string, ruleId: string, config?: PostmortemConfig): string[] {
  const findings = lint(text, { templateText: teamTemplate, ...(config ? { config } : {}) });
  return [...new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.severity))];
}

describe('statuses of a team template', () => {
  it("reads the template's Status choices in order; a template without one has the built-in statuses", () => {
    assert.deepEqual(statusChoices(buildTemplateModel(teamTemplate)), ['Entwurf', 'Review', 'Fertig']);
    assert.deepEqual(statusChoices(builtinTemplate()), ['Draft', 'In Review', 'Complete']);
    assert.deepEqual(statusChoices(buildTemplateModel(builtinTemplateText.replace(BUILTIN_STATUSES, '[Status]'))), ['Draft', 'In Review', 'Complete']);
    assert.deepEqual(Object.keys(DEFAULT_STRICTNESS), ['draft', 'in review', 'complete']);
  });

  it('strictness follows the stage: Entwurf info, Review warning, Fertig error', () => {
    for (const [status, severity] of [['Entwurf', 'info'], ['Review', 'warning'], ['Fertig', 'error']] as const) {
      assert.deepEqual(severities(gaps(status), 'placeholder'), [severity], status);
      assert.deepEqual(severities(gaps(status), 'missing-section'), [severity], status);
    }
  });

  it('the built-in words mean nothing to that template: the rules keep their defaults, metadata names the choices', () => {
    const text = gaps('Complete');
    assert.deepEqual(severities(text, 'placeholder'), ['warning']);
    assert.deepEqual(severities(text, 'sign-off'), []);
    const status = lint(text, { templateText: teamTemplate }).find((f) => f.ruleId === 'metadata' && f.message.startsWith('Status'));
    assert.equal(status?.message, 'Status "Complete" is not allowed: expected one of Entwurf, Review, Fertig.');
  });

  it('a configured strictness table is keyed by the team words', () => {
    assert.deepEqual(severities(gaps('Fertig'), 'placeholder', { strictness: { Fertig: { placeholder: 'info' } } }), ['info']);
    assert.deepEqual(severities(gaps('Fertig'), 'placeholder', { strictness: { Complete: { placeholder: 'info' } } }), ['warning']);
  });

  it("sign-off checks a post-mortem at the template's last choice, not before", () => {
    const messages = (status: string, config?: PostmortemConfig) =>
      lint(withStatus(status), { templateText: teamTemplate, ...(config ? { config } : {}) })
        .filter((f) => f.ruleId === 'sign-off')
        .map((f) => f.message);
    assert.ok(messages('Fertig').length > 0);
    assert.ok(messages('Fertig').every((m) => m.startsWith('Status is Fertig: ')), messages('Fertig').join('\n'));
    assert.deepEqual(messages('Review'), []);
    assert.deepEqual(messages('Entwurf'), []);
    // The option still names the finishing status outright.
    const option: PostmortemConfig = { rules: { 'sign-off': { options: { completeStatus: 'Review' } } } };
    assert.ok(messages('Review', option).length > 0);
    assert.deepEqual(messages('Fertig', option), []);
  });

  it('at the last choice, placeholder leaves the Sign-off gaps to sign-off, as for Complete', () => {
    const signOffCells = (status: string) =>
      lint(withStatus(status), { templateText: teamTemplate }).filter((f) => f.ruleId === 'placeholder' && f.message.startsWith('Sign-off:')).length;
    assert.ok(signOffCells('Review') > 0);
    assert.equal(signOffCells('Fertig'), 0);
  });

  it('the stage is part of the status, parsed or scanned', () => {
    const text = withStatus('Fertig');
    const team = buildTemplateModel(teamTemplate);
    assert.equal(lintDocument(text, { templateText: teamTemplate }).status?.stage, 'complete');
    assert.equal(scanStatus(text, team)?.stage, 'complete');
    assert.equal(scanStatus(withStatus('Review'), team)?.stage, 'review');
    assert.equal(scanStatus(text)?.stage, undefined, 'not a built-in status');
  });

  it('two choices: the first is a draft, the second finishes it', () => {
    const twoStep = builtinTemplateText.replace(BUILTIN_STATUSES, 'Open | Closed');
    const stage = (status: string) => lintDocument(withStatus(status, twoStep), { templateText: twoStep }).status?.stage;
    assert.equal(stage('Open'), 'draft');
    assert.equal(stage('Closed'), 'complete');
  });
});

describe('statuses of the built-in template', () => {
  const builtin = (status: string) => lintDocument(withStatus(status, builtinTemplateText)).status;

  it('Draft, In Review (any spacing and case), Complete', () => {
    assert.equal(builtin('Draft')?.stage, 'draft');
    assert.equal(builtin('in-review')?.stage, 'review');
    assert.equal(builtin('Complete')?.stage, 'complete');
    assert.equal(builtin('Abandoned')?.stage, undefined);
  });

  it('a Status wrapped in markup is the word inside it, as the metadata rule reads it', () => {
    const status = builtin('**Complete**');
    assert.equal(status?.value, 'Complete');
    assert.equal(status?.stage, 'complete');
    assert.deepEqual(scanStatus(withStatus('**Complete**', builtinTemplateText)), status);
  });

  it('a document too large to lint, or out of time, still has its Status in the team template\'s words', () => {
    const result = lintDocument(withStatus('Fertig'), { templateText: teamTemplate, maxDocumentSize: 1000 });
    assert.ok(result.findings.some((f) => f.ruleId === 'document-size'));
    assert.equal(result.status?.stage, 'complete');
    assert.equal(lintTimeoutResult(withStatus('Fertig'), 'pm.md', 5, buildTemplateModel(teamTemplate)).status?.stage, 'complete');
    assert.equal(lintTimeoutResult(withStatus('Fertig'), 'pm.md', 5).status?.stage, undefined, 'not a built-in status word');
  });
});
