// Real post-mortems written by others (../shared/corpus, see SOURCES.tsv): the linter must never
// throw on them, and every finding's range must lie inside the text and be well-formed.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyFixes, builtinTemplateText, lint } from '../../src/core/index';
import { LineIndex } from '../../src/core/markdown/positions';
import type { Finding } from '../../src/core/types';

const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function checkRanges(text: string, findings: Finding[]): void {
  const lines = new LineIndex(text);
  for (const f of findings) {
    const where = `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`;
    assert.ok(f.offset >= 0 && f.offset <= f.endOffset && f.endOffset <= text.length, `offsets inside the text: ${where}`);
    assert.deepEqual(lines.point(f.offset), { line: f.line, column: f.column, offset: f.offset }, `start agrees with offset: ${where}`);
    assert.deepEqual(lines.point(f.endOffset), { line: f.endLine, column: f.endColumn, offset: f.endOffset }, `end agrees with offset: ${where}`);
    assert.notEqual(f.ruleId, 'internal-error', where);
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
      for (const e of fix.edits) assert.ok(e.range.start.offset <= e.range.end.offset && e.range.end.offset <= text.length, `fix range inside the text: ${where}`);
    }
  }
}

describe('corpus of real post-mortems', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, () => {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.md')) : [];
  it('has documents', () => assert.ok(files.length >= 20, `${files.length} documents`));
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(corpus, file), 'utf8');
      const findings = lint(text, { file });
      checkRanges(text, findings);
      // Fixes applied to a real document keep it lintable.
      const fixed = applyFixes(text, findings);
      checkRanges(fixed, lint(fixed, { file }));
    });
  }
});

describe('bad input gets a result, never an exception', () => {
  const cases: Record<string, string> = {
    empty: '',
    'only whitespace': ' \n\n\t\n',
    'CRLF template': builtinTemplateText.replace(/\n/g, '\r\n'),
    'lone CR line breaks': builtinTemplateText.replace(/\n/g, '\r'),
    'no headings': 'Just text.\n\nMore text with [brackets] and `code`.\n',
    html: '<div>\n<h1>Post-Mortem: x</h1>\n<table><tr><td>HH:MM</td></tr></table>\n</div>\n',
    'non-ASCII': '# Post-Mortem: Ausfall der Zahlungs-API 💥\n\n## Summary\n\n**Author:** Zoë Ångström  \n**Severity:** SEV2\n',
    'unclosed fence': '# Post-Mortem: x\n\n## Timeline\n\n```\n| Time | Event |\n',
    'table without body': '# Post-Mortem: x\n\n## Timeline\n\n| Time | Event |\n|---|---|\n',
    'front matter only': '---\ntitle: [unclosed\n---\n',
    'NUL bytes': '# Post-Mortem: \u0000x\n\n## Summary\u0000\n',
    'deep nesting': '> '.repeat(500) + 'quote\n' + '- '.repeat(500) + 'item\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => checkRanges(text, lint(text)));
  }
  it('a document over the size limit gets one clear finding, without parsing', () => {
    const big = '# Post-Mortem: big\n\n' + 'x'.repeat(11 * 1024 * 1024);
    const findings = lint(big);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.ruleId, 'document-size');
    assert.match(findings[0]?.message ?? '', /11\.0 MB/);
  });
});
