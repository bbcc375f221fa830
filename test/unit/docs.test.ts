// The README is the rules' documentation (diagnostic code links and SARIF helpUri point at its
// anchors) and the extension's manual: every rule, command and setting must be in it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { rules } from '../../src/core/rules/index';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes?: { commands?: { command: string }[]; configuration?: { properties?: Record<string, unknown> } | { properties?: Record<string, unknown> }[] };
};

it('README starts with the two fresh-machine commands', () => {
  const first = readme.indexOf('```bash');
  const block = readme.slice(first, readme.indexOf('```', first + 7));
  assert.match(block, /npm ci && npm run package && npx postmortem-kit lint examples\/\S+\.md/);
  assert.match(block, /^npm test$/m);
});

it('README documents every rule under its anchor', () => {
  const missing = rules.filter((r) => !readme.includes(`<a id="rule-${r.id}"></a>`)).map((r) => r.id);
  assert.deepEqual(missing, []);
});

it('README documents every command and setting', () => {
  const commands = (manifest.contributes?.commands ?? []).map((c) => c.command);
  const config = manifest.contributes?.configuration;
  const settings = (Array.isArray(config) ? config : config ? [config] : []).flatMap((c) => Object.keys(c.properties ?? {}));
  assert.ok(commands.length >= 3 && settings.length >= 3, 'the manifest contributes commands and settings');
  const missing = [...commands, ...settings].filter((name) => !readme.includes(`\`${name}\``));
  assert.deepEqual(missing, []);
});

it("README's rule table says what each rule's meta declares: yes = fixable, choice = hasSuggestions", () => {
  const wrong: string[] = [];
  for (const rule of rules) {
    const row = new RegExp(`^\\| \\[\`${rule.id}\`\\]\\(#rule-${rule.id}\\) \\| (\\w+) \\|([^|]*)\\|`, 'm').exec(readme);
    if (!row) {
      wrong.push(`${rule.id}: no row in the rule table`);
      continue;
    }
    const said = (row[2] ?? '').trim();
    const expected = [rule.fixable ? 'yes' : '', rule.hasSuggestions ? 'choice' : ''].filter(Boolean).join(' / ');
    if (said !== expected) wrong.push(`${rule.id}: README says "${said}", meta says "${expected}"`);
    if (row[1] !== rule.defaultSeverity) wrong.push(`${rule.id}: README says ${row[1]}, default is ${rule.defaultSeverity}`);
  }
  assert.deepEqual(wrong, []);
});
