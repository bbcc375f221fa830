// blameless: precise on real sentences. A phrase counts only with a person as its subject; software
// subjects, forward-looking and hypothetical phrasing, quotes and non-narrative sections pass.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/core/index';

function flagged(body: string, section = 'What Went Wrong'): string[] {
  const text = `# Post-Mortem: Cache outage\n\n## ${section}\n\n${body}\n`;
  return lint(text)
    .filter((f) => f.ruleId === 'blameless')
    .map((f) => text.slice(f.offset, f.endOffset));
}

describe('blameless: sentences that blame a person', () => {
  const blaming: [string, string][] = [
    ['@jsnshrmn carelessly adds a rule that drops half the traffic.', 'carelessly'],
    ['@Mr0grog should have posted the notice before starting.', 'should have'],
    ['The on-call engineer should have checked the dashboard.', 'should have'],
    ['Alice forgot to rotate the key.', 'Alice forgot'],
    ['@bob broke the idempotency check.', '@bob broke'],
    ['We failed to notice the alert for an hour.', 'failed to'],
    ['In the end they simply forgot to renew the certificate.', 'forgot to'],
    ['The reviewer was sloppy with the config diff.', 'sloppy'],
    ['Alice was to blame for the outage.', 'to blame'],
    ['If only we had tested the failover.', 'If only'],
  ];
  for (const [sentence, phrase] of blaming) {
    it(sentence, () => assert.deepEqual(flagged(sentence), [phrase]));
  }
});

describe('blameless: sentences that do not', () => {
  const fine = [
    'We should have this ready before launching.',
    'We should add an alert on cache misses.',
    'Without the replica we would have been unable to recover.',
    'If someone had paged the team at 08:40, the outage would have been shorter.',
    'The block validation did not check the amount.',
    'The deploy forgot to drain the old pool.',
    'Kubernetes failed to schedule the job.',
    'The config change was to blame, not the rebuild.',
    'This should have been addressed when the crawler moved.',
    'Nobody could have known the flag was shared.',
    'Lazy loading hid the stale dates.',
    'Bob in chat: "I should have paged earlier".',
    'The health check failed to detect the stale cache.',
  ];
  for (const sentence of fine) {
    it(sentence, () => assert.deepEqual(flagged(sentence), []));
  }
});

describe('blameless: which sections', () => {
  it('checks every narrative section by default, with their subsections and in their own words', () => {
    for (const section of ['Summary', 'Incident Timeline', 'What went poorly', 'Root causes', 'Lessons learnt', 'Contributing Factors', 'Response']) {
      assert.deepEqual(flagged('Alice forgot to rotate the key.', section), ['Alice forgot'], section);
    }
  });

  it('leaves action items, the appendix and chat logs alone', () => {
    for (const section of ['Action Items', 'Appendix', 'Chat log', 'Sign-off']) {
      assert.deepEqual(flagged('Alice forgot to rotate the key.', section), [], section);
    }
  });
});
