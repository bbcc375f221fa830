// Core helpers the editor adapters use: disjoint edits, section insertion, disable comments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, builtinTemplateText, lint } from '../../src/core/index';
import { disableRuleFix } from '../../src/core/engine/disableComment';
import { disjointEdits, replacementEdit } from '../../src/core/markdown/edits';
import { fixAll } from '../../src/core/engine/fixAll';
import { LineIndex } from '../../src/core/markdown/positions';
import { missingSectionInsertions } from '../../src/core/authoring/sectionInsert';
import { buildDocument, rowTexts } from '../../src/core/markdown/document';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { isSuppressed, readDirectives } from '../../src/core/engine/suppressions';
import type { Finding, TextEdit } from '../../src/core/types';

/** Applies edits the way an editor does: all against the original text, which requires them disjoint. */
function applySimultaneously(text: string, edits: readonly TextEdit[]): string {
  for (let i = 1; i < edits.length; i++) {
    assert.ok((edits[i] as TextEdit).range.start.offset > (edits[i - 1] as TextEdit).range.end.offset, 'disjoint and sorted');
  }
  let out = text;
  for (const e of [...edits].reverse()) out = out.slice(0, e.range.start.offset) + e.text + out.slice(e.range.end.offset);
  return out;
}

function edit(text: string, start: number, end: number, newText: string): TextEdit {
  return { range: new LineIndex(text).range(start, end), text: newText };
}

describe('disjointEdits', () => {
  it('gives what applyEdits gives: insertions at one offset keep their order, overlaps are dropped', () => {
    const text = 'alpha\nbeta\ngamma\n';
    const edits = [
      edit(text, 6, 6, 'B1\n'),
      edit(text, 0, 5, 'ALPHA'),
      edit(text, 6, 6, 'B2\n'),
      edit(text, 2, 8, 'overlapping'),
      edit(text, 6, 10, 'BETA'),
      edit(text, 17, 17, 'end\n'),
    ];
    const disjoint = disjointEdits(edits);
    assert.equal(applySimultaneously(text, disjoint), applyEdits(text, edits));
    assert.equal(applyEdits(text, edits), 'ALPHA\nB1\nB2\nBETA\ngamma\nend\n');
  });

  it('keeps the 1-based positions of merged edits', () => {
    const text = 'a\nb\n';
    const [merged] = disjointEdits([edit(text, 2, 2, 'x'), edit(text, 2, 3, 'y')]);
    assert.deepEqual(merged?.range.start, { line: 2, column: 1, offset: 2 });
    assert.deepEqual(merged?.range.end, { line: 2, column: 2, offset: 3 });
    assert.equal(merged?.text, 'xy');
  });
});

describe('missingSectionInsertions', () => {
  it('offers the missing sections in template order with the missing-section fix placement', () => {
    const text = builtinTemplateText.replace(/## Detection\n[^]*?(?=## Response)/, '').replace(/### Verification\n\n.*\n\n/, '');
    const offered = missingSectionInsertions(text);
    assert.deepEqual(
      offered.map((o) => [o.title, o.depth, o.parentTitle]),
      [
        ['Detection', 2, undefined],
        ['Verification', 3, 'Resolution'],
      ],
    );
    const fixes = lint(text).filter((f) => f.ruleId === 'missing-section');
    assert.deepEqual(
      offered.map((o) => o.edit),
      fixes.map((f) => f.fix?.edits[0]),
    );
    assert.equal(applyEdits(text, offered.map((o) => o.edit)), builtinTemplateText);
  });

  it('offers nothing for a complete document and never throws on odd input', () => {
    assert.deepEqual(missingSectionInsertions(builtinTemplateText), []);
    assert.ok(missingSectionInsertions('').length > 0);
    assert.ok(missingSectionInsertions('\r\n\r\n| a |\r\n').length > 0);
  });
});

describe('disableRuleFix', () => {
  const findingsOf = (text: string, ruleId: string, line: number) => lint(text).filter((f) => f.ruleId === ruleId && f.line === line);

  it('inserts a disable-next-line comment above the line, with its indentation and line break', () => {
    const text = builtinTemplateText.replace(/## Detection\n[^]*?(?=## Response)/, '').replace(/\n/g, '\r\n');
    const finding = lint(text).find((f) => f.ruleId === 'missing-section');
    assert.ok(finding);
    const fix = disableRuleFix(text, finding.line, 'missing-section');
    assert.equal(fix.title, 'Disable postmortem/missing-section for this line');
    assert.equal(fix.edits.length, 1);
    assert.equal(fix.edits[0]?.text, '<!-- postmortem-disable-next-line missing-section -->\r\n');
    assert.deepEqual(fix.edits[0]?.range.start, { line: finding.line, column: 1, offset: new LineIndex(text).lineStart(finding.line) });
    const fixed = applyEdits(text, fix.edits);
    assert.equal(findingsOf(fixed, 'missing-section', finding.line + 1).length, 0);
  });

  it('adds the rule to a disable-next-line comment already above the line', () => {
    const text = '# Post-Mortem: x\n\n  <!-- postmortem-disable-next-line placeholder -->\n  - item\n';
    const fix = disableRuleFix(text, 4, 'blameless');
    assert.equal(applyEdits(text, fix.edits), '# Post-Mortem: x\n\n  <!-- postmortem-disable-next-line placeholder blameless -->\n  - item\n');
    const again = disableRuleFix(applyEdits(text, fix.edits), 4, 'timeline');
    assert.equal(applyEdits(applyEdits(text, fix.edits), again.edits), '# Post-Mortem: x\n\n  <!-- postmortem-disable-next-line placeholder blameless timeline -->\n  - item\n');
  });

  it('wraps a table in disable/enable comments for a finding in a table row (a comment line would split the table)', () => {
    const text = '# Post-Mortem: x\n\n| Time | Event |\n|---|---|\n| 10:00 | a |\n| 10:05 | b |\n\nAfter.\n';
    const fix = disableRuleFix(text, 5, 'timeline');
    assert.equal(fix.title, 'Disable postmortem/timeline for this table');
    assert.equal(
      applyEdits(text, fix.edits),
      '# Post-Mortem: x\n\n<!-- postmortem-disable timeline -->\n| Time | Event |\n|---|---|\n| 10:00 | a |\n| 10:05 | b |\n<!-- postmortem-enable timeline -->\n\nAfter.\n',
    );
    assert.equal(disableRuleFix(text, 3, 'timeline').title, 'Disable postmortem/timeline for this line', 'the header row can take a comment above');
    assert.equal(disableRuleFix('Title\n---\nText\n', 3, 'x').title, 'Disable postmortem/x for this line', 'a setext underline is no table');
  });

  it('keeps the table whole and covers exactly its rows', () => {
    const text = '# Post-Mortem: x\r\n\r\nIntro.\r\n\r\n| Time | Event |\r\n|---|---|\r\n| 10:00 | a |\r\n| 10:05 | b |\r\n\r\nAfter.\r\n';
    const fixed = applyEdits(text, disableRuleFix(text, 8, 'timeline').edits);
    const lines = new LineIndex(fixed);
    const doc = buildDocument(fixed, parseMarkdown(fixed), lines);
    assert.equal(doc.tables.length, 1);
    assert.deepEqual(doc.tables[0]?.node.children.map(rowTexts), [['Time', 'Event'], ['10:00', 'a'], ['10:05', 'b']]);
    const directives = readDirectives(doc.htmlComments, lines);
    const at = (line: number, ruleId = 'timeline') => ({ ruleId, line }) as Finding;
    assert.deepEqual([3, 6, 7, 8, 9, 12].map((l) => isSuppressed(at(l), directives)), [false, true, true, true, true, false]);
    assert.equal(isSuppressed(at(8, 'placeholder'), directives), false);
  });
});

describe('replacementEdit', () => {
  it('replaces only the changed span, never inside a CRLF or a surrogate pair', () => {
    const cases: [string, string][] = [
      ['a\r\nb\r\n', 'a\r\nX\r\nb\r\n'],
      ['line\r\n', 'line\n'],
      ['x😀y', 'x😃y'],
      ['same', 'same'],
      ['', 'new\n'],
      ['old\n', ''],
    ];
    for (const [before, after] of cases) {
      const edit = replacementEdit(before, after);
      if (before === after) {
        assert.equal(edit, undefined);
        continue;
      }
      assert.ok(edit);
      assert.equal(applyEdits(before, [edit]), after, JSON.stringify([before, after]));
      for (const [text, at] of [[before, edit.range.start.offset], [before, edit.range.end.offset]] as const) {
        assert.ok(!(text[at - 1] === '\r' && text[at] === '\n'), 'not inside a CRLF');
        assert.ok(!/[\ud800-\udbff]/.test(text[at - 1] ?? ''), 'not inside a surrogate pair');
      }
    }
    const crlf = replacementEdit('a\r\nb\r\n', 'a\r\nX\r\nb\r\n');
    assert.deepEqual([crlf?.range.start.line, crlf?.range.start.column, crlf?.range.end.line, crlf?.range.end.column], [2, 1, 2, 1]);
  });
});

describe('fixAll', () => {
  it('repeats until nothing fixable is left, like postmortem --fix', () => {
    const text = builtinTemplateText.replace(/## Detection\n[^]*?(?=## Response)/, '');
    const result = fixAll(text);
    assert.equal(result.text, builtinTemplateText);
    assert.ok(result.passes >= 1);
    assert.deepEqual(result.findings.filter((f) => f.fix), []);
  });
});
