// markdownlint-style scenarios: test/fixtures/<rule-id>/<case>.md is linted (with <case>.config.json
// when present); the findings of <rule-id> must equal <case>.expected.json. Then every fix and every
// suggestion is applied on its own and the document linted again: that finding is gone, and nothing
// outside the fix's range changed. UPDATE_FIXTURES=1 writes the expected files (review the diff!).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, lint } from '../../src/core/index';
import type { Finding, Fix, PostmortemConfig } from '../../src/core/types';

const root = join(__dirname, '..', 'fixtures');
const update = process.env['UPDATE_FIXTURES'] === '1';

interface Expected {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: string;
  fixes?: string[];
}

function summary(f: Finding): Expected {
  const e: Expected = {
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    severity: f.severity,
  };
  const fixes = [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])].map((x) => x.title);
  if (fixes.length) e.fixes = fixes;
  return e;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.message === b.message;
}

function checkFix(text: string, finding: Finding, fix: Fix, config: PostmortemConfig | undefined): void {
  const fixed = applyEdits(text, fix.edits);
  assert.notEqual(fixed, text, `fix "${fix.title}" changes the text`);
  // Nothing outside the edited range changes.
  const starts = fix.edits.map((e) => e.range.start.offset);
  const ends = fix.edits.map((e) => e.range.end.offset);
  const first = Math.min(...starts);
  const last = Math.max(...ends);
  assert.equal(fixed.slice(0, first), text.slice(0, first), `fix "${fix.title}" keeps the text before its range`);
  assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), `fix "${fix.title}" keeps the text after its range`);
  const after = lint(fixed, config ? { config } : {});
  const before = lint(text, config ? { config } : {}).filter((f) => sameFinding(f, finding)).length;
  const remaining = after.filter((f) => sameFinding(f, finding)).length;
  assert.ok(remaining < before, `after "${fix.title}" the finding "${finding.message}" is gone`);
}

const ruleDirs = existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
for (const dir of ruleDirs) {
  const ruleId = dir.name;
  describe(`fixtures: ${ruleId}`, () => {
    const files = readdirSync(join(root, ruleId)).filter((f) => f.endsWith('.md'));
    for (const file of files) {
      const base = join(root, ruleId, file.slice(0, -3));
      it(file, () => {
        const text = readFileSync(`${base}.md`, 'utf8');
        const config = existsSync(`${base}.config.json`)
          ? (JSON.parse(readFileSync(`${base}.config.json`, 'utf8')) as PostmortemConfig)
          : undefined;
        const findings = lint(text, config ? { config } : {}).filter((f) => f.ruleId === ruleId);
        const actual = findings.map(summary);
        const expectedPath = `${base}.expected.json`;
        if (update) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
        assert.ok(existsSync(expectedPath), `${expectedPath} exists`);
        const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[];
        assert.deepEqual(actual, expected);
        for (const f of findings) {
          for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) checkFix(text, f, fix, config);
        }
      });
    }
  });
}
