// `--status-gate` reads the Status in the team template's words: the template's last Status choice is
// the complete stage, whatever it is called, also for a document that could not be linted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinTemplateText, DEFAULT_MAX_DOCUMENT_SIZE } from '../../src/core/index';
import { cli, json, workspace } from './cliWorkspace';

const teamTemplate = builtinTemplateText.replace('Draft | In Review | Complete', 'Entwurf | Review | Fertig');
const withStatus = (status: string) => teamTemplate.replace(/\*\*Status:\*\* [^\n]*?(?= {2}\n)/, `**Status:** ${status}`);
const teamFiles = { '.postmortemrc.json': json({ template: 'team.md' }), 'team.md': teamTemplate };

describe('postmortem lint --status-gate with a team template', () => {
  it("the template's last Status is the complete stage: 'Fertig' with errors fails, 'Complete' means nothing", () => {
    const root = workspace({ ...teamFiles, 'fertig.md': withStatus('Fertig'), 'entwurf.md': withStatus('Entwurf') });
    const gated = cli(root, 'lint', '--status-gate', 'fertig.md', 'entwurf.md');
    assert.equal(gated.code, 1, gated.stderr);
    assert.match(gated.stderr, /status gate: fertig\.md: Status is Fertig but \d+ errors remain/);
    assert.doesNotMatch(gated.stderr, /status gate: entwurf\.md/);
  });

  it('a document not linted in time is read in the template\'s words: a Fertig one fails the gate, an Entwurf one does not', () => {
    const slow = (status: string) => `${withStatus(status)}\n${'*a'.repeat(50_000)}\n`;
    const root = workspace({ ...teamFiles, 'slow-fertig.md': slow('Fertig'), 'slow-entwurf.md': slow('Entwurf') });
    const draft = cli(root, 'lint', '--status-gate', '--timeout', '1', 'slow-entwurf.md');
    assert.equal(draft.code, 0, draft.stderr);
    const done = cli(root, 'lint', '--status-gate', '--timeout', '1', 'slow-fertig.md');
    assert.equal(done.code, 1, done.stderr);
    assert.match(done.stderr, /status gate: slow-fertig\.md: Status is Fertig but it could not be verified: it was not linted within 1 s/);
  });

  it('a Fertig document over the size limit fails the gate', () => {
    const row = '| 10:00 | Checkout latency rose on the payment service |\n';
    const root = workspace({ ...teamFiles, 'huge.md': withStatus('Fertig') + row.repeat(Math.ceil(DEFAULT_MAX_DOCUMENT_SIZE / row.length) + 1) });
    const gated = cli(root, 'lint', '--status-gate', 'huge.md');
    assert.equal(gated.code, 1, gated.stderr);
    assert.match(gated.stderr, /Status is Fertig but it could not be verified: it is over the size limit/);
  });
});
