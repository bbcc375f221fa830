// The $postmortem problem matcher (package.json contributes.problemMatchers) reads what
// `postmortem-kit lint --format compact` prints, so the CLI run as a VS Code task fills Problems.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import type { Finding } from '../../src/core/index';
import { cli, json, missingDetection, only, workspace } from './cliWorkspace';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

it('$postmortem matches every line of --format compact: file, line, column, severity, rule and message', () => {
  const matcher = (manifest.contributes.problemMatchers as { name: string; owner: string; fileLocation: string[]; pattern: Record<string, string | number> }[]).find((m) => m.name === 'postmortem');
  assert.ok(matcher, 'a problem matcher named postmortem');
  assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
  const config = only('missing-section', 'error');
  const root = workspace({
    '.postmortemrc.json': json({ rules: { ...config.rules, placeholder: 'warning' } }),
    'docs/post mortems/a: tricky.md': missingDetection,
  });
  const compact = cli(root, 'lint', '-f', 'compact', 'docs');
  const findings = JSON.parse(cli(root, 'lint', '-f', 'json', 'docs').stdout) as Finding[];
  const severities = new Set(findings.map((f) => f.severity));
  assert.ok(severities.size >= 2, `findings of more than one severity: ${[...severities].join(', ')}`);
  const regexp = new RegExp(matcher.pattern.regexp as string);
  const lines = compact.stdout.split('\n').filter(Boolean);
  assert.equal(lines.length, findings.length);
  lines.forEach((line, i) => {
    const m = regexp.exec(line);
    assert.ok(m, line);
    const group = (name: string) => m[matcher.pattern[name] as number];
    const f = findings[i] as Finding;
    assert.deepEqual([group('file'), Number(group('line')), Number(group('column')), group('severity'), group('code'), group('message')], [f.file, f.line, f.column, f.severity, f.ruleId, f.message]);
  });
});
