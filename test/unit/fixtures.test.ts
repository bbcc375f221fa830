// markdownlint-style scenarios: test/fixtures/<rule-id>/<case>.md is linted (with <case>.config.json
// when present); the findings of <rule-id> must equal <case>.expected.json. Then every fix and every
// suggestion is applied on its own and the document linted again: that finding is gone, and nothing
// outside the fix's range changed. UPDATE_FIXTURES=1 writes the expected files (review the diff!).
// A <case>.md whose one line is "Same document as [...](path)." is the document at that path (the
// built-in template's source, another folder's fixture): one copy, its own findings per folder.
// Every rule has a folder. test/fixtures/README.md says the same for people adding fixtures.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, lint, rules } from '../../src/core/index';
import type { Finding, Fix, PostmortemConfig } from '../../src/core/types';
import { fixtureCases, fixtureFolders, fixtureRoot as root } from '../fixtureFiles';

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

const ruleDirs = fixtureFolders();
for (const ruleId of ruleDirs) {
  describe(`fixtures: ${ruleId}`, () => {
    for (const { file, base, text, config } of fixtureCases(ruleId)) {
      it(file, () => {
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

describe('fixtures: every rule has its folder', () => {
  it('test/fixtures/<rule-id>/ with at least one document for each rule', () => {
    const missing = rules.map((r) => r.id).filter((id) => !existsSync(join(root, id)) || !readdirSync(join(root, id)).some((f) => f.endsWith('.md')));
    assert.deepEqual(missing, [], 'rules without fixtures: add test/fixtures/<rule-id>/<case>.md and run UPDATE_FIXTURES=1');
  });

  it('every folder names a rule, and every expected or config file has its document', () => {
    const ids = new Set(rules.map((r) => r.id));
    for (const dir of ruleDirs) {
      assert.ok(ids.has(dir), `test/fixtures/${dir}/ names no rule`);
      for (const file of readdirSync(join(root, dir))) {
        const document = file.replace(/\.(?:expected|config)\.json$/, '.md');
        if (document !== file) assert.ok(existsSync(join(root, dir, document)), `${dir}/${file} has no ${document}`);
      }
    }
  });
});
