// `postmortem init`: a team template and the .postmortemrc.json naming it, in one step, never
// overwriting a file; after `init --from FILE`, FILE follows its own template (no structural noise).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinTemplateText } from '../../src/core/index';
import { cli, workspace } from './cliWorkspace';

const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const STRUCTURAL = ['template-fit', 'missing-section', 'section-order', 'duplicate-section', 'metadata', 'empty-section', 'config'];

const written = [
  '# Checkout errors after deploy 412',
  '',
  '**Date:** 2026-03-02  ',
  '**Severity:** High',
  '',
  '## Summary',
  '',
  'Checkout failed for 20 minutes.',
  '',
  '## Timeline',
  '',
  '- 10:02 - Deploy 412',
  '- 10:22 - Rolled back',
  '',
  '## Follow-ups',
  '',
  '- Restore the timeout (@ana)',
  '',
].join('\n');

const findingsOf = (root: string, file: string) => {
  const result = cli(root, 'lint', '--format', 'json', file);
  return JSON.parse(result.stdout) as { ruleId: string; message: string; line: number }[];
};

describe('postmortem init --from FILE', () => {
  it('writes the derived template and a config naming it, prints both paths and next steps; the file then follows its template', () => {
    const root = workspace({ 'docs/postmortems/2026-03-02-checkout.md': written });
    const before = findingsOf(root, 'docs/postmortems/2026-03-02-checkout.md').filter((f) => STRUCTURAL.includes(f.ruleId));
    assert.ok(before.length > 0, 'with the built-in template the layout is noise');

    const result = cli(root, 'init', '--from', 'docs/postmortems/2026-03-02-checkout.md');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^Wrote docs\/postmortems\/TEMPLATE\.md \(derived from docs\/postmortems\/2026-03-02-checkout\.md: 3 sections\)\n/);
    assert.match(result.stdout, /\nWrote \.postmortemrc\.json \("template": "docs\/postmortems\/TEMPLATE\.md"\)\n/);
    assert.match(result.stdout, /Next steps:\n {2}1\. Review docs\/postmortems\/TEMPLATE\.md/);
    assert.match(result.stdout, /postmortem lint docs\/postmortems\/2026-03-02-checkout\.md/);

    assert.deepEqual(JSON.parse(readFileSync(join(root, '.postmortemrc.json'), 'utf8')), { template: 'docs/postmortems/TEMPLATE.md' });
    const template = readFileSync(join(root, 'docs/postmortems/TEMPLATE.md'), 'utf8');
    assert.equal(template, '# [Incident Title]\n\n**Date:** [Date]  \n**Severity:** [Severity]\n\n## Summary\n\n[Describe]\n\n## Timeline\n\n- HH:MM - [Event]\n\n## Follow-ups\n\n- [Item]\n');
    assert.equal(readFileSync(join(root, 'docs/postmortems/2026-03-02-checkout.md'), 'utf8'), written, 'the source is not touched');

    assert.deepEqual(findingsOf(root, 'docs/postmortems/2026-03-02-checkout.md').filter((f) => STRUCTURAL.includes(f.ruleId)), []);
    // The folder: the template itself gets its one note, not a post-mortem's findings.
    const folder = JSON.parse(cli(root, 'lint', '--format', 'json', 'docs/postmortems').stdout) as { file: string; ruleId: string }[];
    assert.deepEqual(folder.filter((f) => f.file.endsWith('TEMPLATE.md')).map((f) => f.ruleId), ['template-fit']);
  });

  it('--template PATH writes the template there, relative to the folder init runs in', () => {
    const root = workspace({ 'pm.md': written });
    const result = cli(root, 'init', '--from', 'pm.md', '--template', '.postmortem/template.md');
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(join(root, '.postmortem/template.md')));
    assert.deepEqual(JSON.parse(readFileSync(join(root, '.postmortemrc.json'), 'utf8')), { template: '.postmortem/template.md' });
  });

  it('never overwrites: an existing config or template file is left as it is, nothing is written, exit 2 with what to change instead', () => {
    const config = '{ "rules": { "blameless": "off" } }\n';
    const root = workspace({ 'pm.md': written, '.postmortemrc.json': config });
    const result = cli(root, 'init', '--from', 'pm.md');
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^postmortem: init: \.postmortemrc\.json already exists, and init never changes or overwrites a file\. To use docs\/postmortems\/TEMPLATE\.md as the team template, set "template": "docs\/postmortems\/TEMPLATE\.md" in \.postmortemrc\.json/);
    assert.equal(readFileSync(join(root, '.postmortemrc.json'), 'utf8'), config);
    assert.equal(existsSync(join(root, 'docs')), false, 'no template written either');

    const yaml = workspace({ 'pm.md': written, '.postmortemrc.yaml': 'rules: {}\n' });
    assert.match(cli(yaml, 'init', '--from', 'pm.md').stderr, /\.postmortemrc\.yaml already exists/);
    const pkg = workspace({ 'pm.md': written, 'package.json': '{ "name": "x", "postmortem": {} }' });
    assert.match(cli(pkg, 'init', '--from', 'pm.md').stderr, /in the "postmortem" key of package\.json/);
    // A package.json without a "postmortem" key is no config.
    assert.equal(cli(workspace({ 'pm.md': written, 'package.json': '{ "name": "x" }' }), 'init', '--from', 'pm.md').code, 0);

    const team = '# Our template\n\n## Summary\n';
    const taken = workspace({ 'pm.md': written, 'docs/postmortems/TEMPLATE.md': team });
    const again = cli(taken, 'init', '--from', 'pm.md');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /docs\/postmortems\/TEMPLATE\.md already exists, and init never overwrites a file: name another path with --template, or run init without --from/);
    assert.equal(readFileSync(join(taken, 'docs/postmortems/TEMPLATE.md'), 'utf8'), team);
    assert.equal(existsSync(join(taken, '.postmortemrc.json')), false);
  });

  it('a config further up no longer applies once init writes one here: the output says how to keep it', () => {
    const root = workspace({ '.postmortemrc.json': '{ "rules": { "blameless": "off" } }\n', 'team/pm.md': written });
    const result = cli(join(root, 'team'), 'init', '--from', 'pm.md');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\nNote: \.\.\/\.postmortemrc\.json no longer applies to the files here \(the nearest config wins\): to keep its rules, add "extends": "\.\.\/\.postmortemrc\.json" to \.postmortemrc\.json\.\n$/);
    assert.doesNotMatch(cli(workspace({ 'pm.md': written }), 'init', '--from', 'pm.md').stdout, /Note:/);
  });

  it('bad input is a clear message and exit 2, never a crash', () => {
    const root = workspace({ 'pm.md': written, 'notes.md': 'just a line of text\n', 'image.md': Buffer.from([0x89, 0x50, 0, 0, 1]), 'dir/a.md': written });
    const cases: [string[], RegExp][] = [
      [['init', '--from', 'missing.md'], /init: --from missing\.md: no such file/],
      [['init', '--from', 'dir'], /init: --from dir is a folder: name one post-mortem/],
      [['init', '--from', 'notes.md'], /init: notes\.md has no section headings \(## \.\.\.\) to learn a layout from/],
      [['init', '--from', 'image.md'], /init: image\.md is not a text file/],
      [['init', '--template', 'nope.md'], /init: --template nope\.md: no such file \(add --from FILE/],
      [['init', 'pm.md'], /init takes no file arguments: to derive the template from pm\.md, run init --from pm\.md/],
      [['init', '--force', '--from', 'pm.md'], /init never overwrites a file, so it has no --force/],
      [['init', '--from', 'pm.md', '--fix'], /--fix does not go with "init"/],
      [['lint', '--from', 'pm.md', 'pm.md'], /--from, --template and --force go with "init"/],
    ];
    for (const [argv, message] of cases) {
      const result = cli(root, ...argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message, argv.join(' '));
    }
    assert.deepEqual(readdirSync(root).sort(), ['dir', 'image.md', 'notes.md', 'pm.md'], 'nothing written');
  });
});

describe('postmortem init without --from', () => {
  it('writes the built-in template to edit, and the config', () => {
    const root = workspace();
    const result = cli(root, 'init');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Wrote docs\/postmortems\/TEMPLATE\.md \(the built-in template, yours to edit\)/);
    assert.equal(readFileSync(join(root, 'docs/postmortems/TEMPLATE.md'), 'utf8'), builtinTemplateText);
    assert.deepEqual(JSON.parse(readFileSync(join(root, '.postmortemrc.json'), 'utf8')), { template: 'docs/postmortems/TEMPLATE.md' });
  });

  it('--template names an existing template: used as it is, only the config is written; an existing default says how to use it', () => {
    const team = '# Incident: [Title]\n\n## Summary\n\n[What happened]\n\n## Timeline\n\n- HH:MM - [Event]\n';
    const root = workspace({ 'templates/incident.md': team });
    const result = cli(root, 'init', '--template', 'templates/incident.md');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Using templates\/incident\.md \(as it is\)\nWrote \.postmortemrc\.json \("template": "templates\/incident\.md"\)/);
    assert.equal(readFileSync(join(root, 'templates/incident.md'), 'utf8'), team);

    const existing = workspace({ 'docs/postmortems/TEMPLATE.md': team });
    const refused = cli(existing, 'init');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /docs\/postmortems\/TEMPLATE\.md already exists, and init never overwrites a file\. To use it as the team template, run: postmortem init --template docs\/postmortems\/TEMPLATE\.md/);
    assert.equal(cli(existing, 'init', '--template', 'docs/postmortems/TEMPLATE.md').code, 0);
  });
});

describe('postmortem init --from a real post-mortem, then postmortem lint it (../shared/corpus)', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, () => {
  // Different layouts: fields and a timeline table (dfds), [HH:MM] bullets and H2 sections in prose
  // (k8s test-infra), CRLF time lines and a Q&A (chia), a heading per event (posthog).
  for (const file of ['dfds-pm2023-001-total-node-failure.md', 'k8s-testinfra-2019-02-08-prow-slow.md', 'chia-2021-10-31-duststorm-crlf.md', 'posthog-2025-10-21-feature-flags-outages.md']) {
    it(`${file}: no missing-section, template-fit or metadata noise`, () => {
      const root = workspace({ [`docs/postmortems/${file}`]: readFileSync(join(corpus, file)) });
      const result = cli(root, 'init', '--from', `docs/postmortems/${file}`);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(
        findingsOf(root, `docs/postmortems/${file}`)
          .filter((f) => STRUCTURAL.includes(f.ruleId))
          .map((f) => `${f.line} ${f.ruleId}: ${f.message}`),
        [],
      );
    });
  }
});
