// The config's `aliases`: per template section title, other headings that mean the same section. The
// engine gives them to section matching; a bad `aliases` value is a clear config error, an alias that
// cannot apply to the template a clear config warning.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, validateConfig, type Finding, type PostmortemConfig } from '../../src/core/index';
import { cli, workspace } from './cliWorkspace';

const teamTemplate = [
  '# Incident: [Title]',
  '',
  '**Date:** [YYYY-MM-DD]',
  '',
  '## Summary',
  '',
  '[What happened]',
  '',
  '## Timeline',
  '',
  '| Time | Event |',
  '|---|---|',
  '| HH:MM | [Event] |',
  '',
  '## Root Cause',
  '',
  '[Why it happened]',
  '',
  '## Action Items',
  '',
  '- [Action]',
  '',
].join('\n');

const report = [
  '# Incident: Checkout errors',
  '',
  '**Date:** 2026-03-02',
  '',
  '## Summary',
  '',
  'Checkout failed for 20 minutes after a bad deploy.',
  '',
  '## Timeline',
  '',
  '| Time | Event |',
  '|---|---|',
  '| 10:02 | Deploy 412 |',
  '| 10:22 | Rolled back |',
  '',
  '## Why it happened',
  '',
  'The deploy removed the payment client timeout.',
  '',
  '## Action Items',
  '',
  '- Restore the timeout (@ana, #412)',
  '',
].join('\n');

const structural = (findings: Finding[]) => findings.filter((f) => ['missing-section', 'template-fit', 'section-order', 'config'].includes(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`);

describe('config aliases', () => {
  it('a heading "Why it happened" is the Root Cause section with the alias, and missing without it', () => {
    const without = structural(lint(report, { templateText: teamTemplate }));
    assert.ok(without.some((m) => m.startsWith('missing-section: Missing section "## Root Cause"')), without.join('\n'));
    const config: PostmortemConfig = { aliases: { 'Root Cause': ['Why it happened'] } };
    assert.deepEqual(structural(lint(report, { templateText: teamTemplate, config })), []);
  });

  it('matches aliases as titles are matched (case, punctuation) and by the template title in any case', () => {
    const config: PostmortemConfig = { aliases: { 'root cause': ['WHY IT HAPPENED?'] } };
    assert.deepEqual(structural(lint(report, { templateText: teamTemplate, config })), []);
  });

  it('an alias only names its own section: the other sections still have to be there', () => {
    const noActions = report.replace('## Action Items', '## Next things');
    const config: PostmortemConfig = { aliases: { 'Root Cause': ['Why it happened'] } };
    assert.deepEqual(
      structural(lint(noActions, { templateText: teamTemplate, config })).filter((m) => m.startsWith('missing-section')),
      ['missing-section: Missing section "## Action Items" (expected after "Why it happened").'],
    );
  });

  it('invalid aliases are a clear config error, and the document is linted with defaults', () => {
    for (const [aliases, expected] of [
      [['Why it happened'], 'aliases: must be an object'],
      [{ 'Root Cause': 'Why it happened' }, 'aliases["Root Cause"]: must be an array'],
      [{ 'Root Cause': [42] }, 'aliases["Root Cause"][0]: must be a string'],
      [{ 'Root Cause': ['  '] }, 'aliases["Root Cause"][0]: must not be empty or blank'],
    ] as const) {
      assert.deepEqual(validateConfig({ aliases }).errors, [expected], JSON.stringify(aliases));
      const findings = lint(report, { templateText: teamTemplate, config: { aliases } as unknown as PostmortemConfig });
      const config = findings.filter((f) => f.ruleId === 'config');
      assert.equal(config.length, 1);
      assert.equal(config[0]?.severity, 'error');
      assert.ok(config[0]?.message.includes(expected), config[0]?.message);
    }
  });

  it('an alias of a section the template does not have, or one that is another template section, is a config warning', () => {
    const unknown = lint(report, { templateText: teamTemplate, config: { aliases: { 'Root Cuase': ['Why it happened'] } } }).filter((f) => f.ruleId === 'config');
    assert.deepEqual(
      unknown.map((f) => [f.severity, f.line, f.message]),
      [['warning', 1, 'Configuration: aliases["Root Cuase"]: the template has no section of this title (its sections: Summary, Timeline, Root Cause, Action Items)']],
    );
    const taken = lint(report, { templateText: teamTemplate, config: { aliases: { 'Root Cause': ['Why it happened', 'timeline'] } } }).filter((f) => f.ruleId === 'config');
    assert.deepEqual(taken.map((f) => f.message), ['Configuration: aliases["Root Cause"]: "timeline" is the template\'s own section "Timeline"']);
  });

  it('postmortem lint reads aliases from .postmortemrc.json; an invalid value exits 2 naming the file and the key', () => {
    const root = workspace({ 'template.md': teamTemplate, 'pm.md': report, '.postmortemrc.json': JSON.stringify({ template: 'template.md', aliases: { 'Root Cause': ['Why it happened'] } }) });
    const result = cli(root, 'lint', '--format', 'json', 'pm.md');
    assert.deepEqual(structural(JSON.parse(result.stdout) as Finding[]), []);
    const bad = workspace({ 'template.md': teamTemplate, 'pm.md': report, '.postmortemrc.json': JSON.stringify({ template: 'template.md', aliases: { 'Root Cause': 'Why it happened' } }) });
    const refused = cli(bad, 'lint', 'pm.md');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /\.postmortemrc\.json: invalid configuration: aliases\["Root Cause"\]: must be an array/);
  });
});
