// The metadata rule beyond the fixtures: a team template decides which fields exist and which values
// its choice lists allow; odd front matter never breaks the lint; placeholders stay the placeholder rule's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinTemplate, builtinTemplateText, lint, lintDocument } from '../../src/core/index';
import { buildDocument } from '../../src/core/markdown/document';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { readFrontMatter } from '../../src/core/postmortem/frontMatter';
import { fieldValue, readSummary } from '../../src/core/postmortem/summary';

const teamTemplate = `# Incident Review: [Title]

## Overview

**Severity:** P1 | P2 | P3  
**Impact Level:** Low | Medium | High  
**Date:** [YYYY-MM-DD]  
**Owner:** [Name]

## Causes

[What caused it]
`;

function metadata(doc: string, templateText?: string): { text: string; message: string; fixes: string[] }[] {
  return lint(doc, templateText === undefined ? {} : { templateText })
    .filter((f) => f.ruleId === 'metadata')
    .map((f) => ({
      text: doc.slice(f.offset, f.endOffset),
      message: f.message,
      fixes: [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])].map((x) => x.title),
    }));
}

describe('metadata with a team template', () => {
  const doc = (fields: string) => `# Incident Review: Queue stalled\n\n## Overview\n\n${fields}\n\n## Causes\n\nA bad deploy.\n`;

  it("allows the template's choices and requires only the template's fields", () => {
    assert.deepEqual(metadata(doc('**Severity:** P2  \n**Impact Level:** High  \n**Date:** 2026-02-14  \n**Owner:** Zoë'), teamTemplate), []);
  });

  it("rejects values outside the template's choice list, with one suggestion per choice", () => {
    assert.deepEqual(metadata(doc('**Severity:** SEV2  \n**Impact Level:** Huge  \n**Date:** 2026-02-14'), teamTemplate), [
      { text: 'SEV2', message: 'Severity "SEV2" is not allowed: expected one of P1, P2, P3.', fixes: ['Set Severity to P1', 'Set Severity to P2', 'Set Severity to P3'] },
      { text: 'Huge', message: 'Impact Level "Huge" is not allowed: expected one of Low, Medium, High.', fixes: ['Set Impact Level to Low', 'Set Impact Level to Medium', 'Set Impact Level to High'] },
    ]);
  });

  it('still checks the schema formats and reports the missing required fields of that template', () => {
    assert.deepEqual(metadata(doc('**Impact Level:** Low  \n**Date:** 2026-02-30'), teamTemplate), [
      { text: '## Overview', message: 'Missing field "Severity" in "Overview" (expected before "Impact Level").', fixes: ['Insert field "Severity"'] },
      { text: '2026-02-30', message: 'Date "2026-02-30" is not a real calendar date: expected YYYY-MM-DD.', fixes: [] },
    ]);
  });

  it("leaves the template's own placeholders and choice lists to the placeholder rule", () => {
    const filledTitle = teamTemplate.replace('[Title]', 'Queue stalled');
    assert.deepEqual(metadata(filledTitle, teamTemplate), []);
    assert.ok(lint(filledTitle, { templateText: teamTemplate }).some((f) => f.ruleId === 'placeholder' && f.message.includes('P1 | P2 | P3')));
  });
});

describe('metadata and the built-in template', () => {
  it('reports nothing on the unfilled template: every value is a placeholder', () => {
    assert.deepEqual(metadata(builtinTemplateText), []);
    const placeholders = lint(builtinTemplateText).filter((f) => f.ruleId === 'placeholder').map((f) => builtinTemplateText.slice(f.offset, f.endOffset));
    assert.ok(placeholders.includes('SEV1 | SEV2 | SEV3 | SEV4') && placeholders.includes('[INC-XXXX]'));
  });

  it('checks fields written before the first section, without asking for the missing ones', () => {
    assert.deepEqual(metadata('# Post-Mortem: x\n\n**Severity:** SEV9  \n**Date:** 2026-01-01\n\n## Impact\n\nNone.\n'), [
      {
        text: 'SEV9',
        message: 'Severity "SEV9" is not allowed: expected one of SEV1, SEV2, SEV3, SEV4.',
        fixes: ['Set Severity to SEV1', 'Set Severity to SEV2', 'Set Severity to SEV3', 'Set Severity to SEV4'],
      },
    ]);
  });

  it('takes metadata from the front matter when the Summary has no fields', () => {
    const doc = '---\nseverity: SEV2\n---\n# Post-Mortem: x\n\n## Summary\n\nShort prose.\n';
    const [finding] = metadata(doc);
    assert.equal(finding?.text, '## Summary');
    assert.match(finding?.message ?? '', /^Missing fields in "Summary": Incident ID, Date, Duration, Status, Beads Issue, Author, Incident Commander\.$/);
  });

  it('writes a replacement in the quoting of the front matter value', () => {
    const doc = '---\nseverity: "SEV7"\nstatus: \'Finished\'\n---\n# Post-Mortem: x\n';
    const findings = lint(doc).filter((f) => f.ruleId === 'metadata');
    assert.deepEqual(
      findings.map((f) => f.suggestions?.[1]?.edits.map((e) => [doc.slice(e.range.start.offset, e.range.end.offset), e.text])),
      [[['SEV7', 'SEV2']], [['Finished', 'In Review']]],
    );
  });
});

describe('front matter that is not a metadata mapping', () => {
  const cases: Record<string, string> = {
    empty: '---\n---\n# Post-Mortem: x\n',
    list: '---\n- a\n- b\n---\n# Post-Mortem: x\n',
    scalar: '---\njust text\n---\n# Post-Mortem: x\n',
    'no known keys': '---\ntitle: Security incident\nauthor_twitter: x\n---\n# Post-Mortem: x\n',
    'nested mapping': '---\nseverity:\n  level: SEV2\n---\n# Post-Mortem: x\n',
    'alias and anchor': '---\nbase: &b SEV2\nseverity: *b\n---\n# Post-Mortem: x\n',
    'block scalar': '---\nauthor: |\n  Zoë\n  Ångström\n---\n# Post-Mortem: x\n',
    'unclosed quote': '---\nseverity: "SEV2\n---\n# Post-Mortem: x\n',
  };
  for (const [name, doc] of Object.entries(cases)) {
    it(`${name}: lints without an internal error`, () => {
      const findings = lint(doc);
      assert.ok(!findings.some((f) => f.ruleId === 'internal-error'), JSON.stringify(findings));
      for (const f of findings) assert.ok(f.offset >= 0 && f.endOffset <= doc.length);
    });
  }

  it('reports a nested mapping where one value belongs, and a YAML error once', () => {
    assert.deepEqual(metadata(cases['nested mapping'] as string).map((f) => f.message), [
      'Front matter severity must be a single value: expected one of SEV1, SEV2, SEV3, SEV4.',
    ]);
    assert.deepEqual(metadata(cases['alias and anchor'] as string), []);
    const unclosed = metadata(cases['unclosed quote'] as string);
    assert.equal(unclosed.length, 1);
    assert.match(unclosed[0]?.message ?? '', /^Front matter is not valid YAML: /);
  });
});

describe('front matter reviewers', () => {
  it('may be text or a list of names, not a mapping', () => {
    assert.deepEqual(metadata('---\nreviewers: [Carol, Dan]\n---\n# Post-Mortem: x\n'), []);
    assert.deepEqual(metadata('---\nreviewers: Carol, Dan\n---\n# Post-Mortem: x\n'), []);
    assert.deepEqual(metadata('---\nreviewers:\n  lead: Carol\n---\n# Post-Mortem: x\n'), [
      { text: 'lead: Carol', message: 'Front matter reviewers must be text or a list of names: expected names separated by commas.', fixes: [] },
    ]);
  });
});

const parsed = (text: string) => buildDocument(text, parseMarkdown(text));

describe('one Summary for every reader', () => {
  const doc = '# Post-Mortem: x\n\n**Status:** Draft\n\n## Incident Summary\n\n**Severity:** SEV9  \n**Status:** Complete\n\n## Timeline\n\nNone.\n';

  it('is the section matched as every template section is ("Incident Summary" for "Summary")', () => {
    const summary = readSummary(parsed(doc), builtinTemplate());
    assert.equal(summary.section?.title, 'Incident Summary');
    assert.deepEqual(summary.fields.map((f) => f.value), ['SEV9', 'Complete']);
  });

  it('status and metadata read the same fields: a Status line outside the Summary is not the Status', () => {
    assert.equal(lintDocument(doc).status?.value, 'Complete');
    assert.deepEqual(metadata(doc).filter((f) => !f.message.startsWith('Missing')).map((f) => f.text), ['SEV9']);
  });

  it('a value is the text inside markup wrapped round the whole of it', () => {
    const text = '## Summary\n\n**Incident ID:** [INC-7](https://x)  \n**Severity:** **SEV2**  \n**Beads Issue:** <bd://a-1>  \n**Status:** In *Review*\n';
    const values = readSummary(parsed(text), builtinTemplate()).fields.map(fieldValue);
    assert.deepEqual(values.map((v) => v.text), ['INC-7', 'SEV2', 'bd://a-1', 'In *Review*']);
    for (const v of values) assert.equal(text.slice(v.start, v.end), v.text);
  });
});

describe('readFrontMatter', () => {
  it('gives each key with where its value is and how to write one there', () => {
    const text = '---\nseverity: "SEV2"\nstatus:\nreviewers: [Carol, Dan]\n---\n# Post-Mortem: x\n';
    const { entries, error } = readFrontMatter(parsed(text));
    assert.equal(error, undefined);
    assert.deepEqual(entries.map((e) => [e.key, e.value, text.slice(e.start, e.end), e.empty]), [
      ['severity', 'SEV2', 'SEV2', false],
      ['status', undefined, 'status', true],
      ['reviewers', ['Carol', 'Dan'], '[Carol, Dan]', false],
    ]);
    assert.equal(entries[0]?.write?.('a "b"'), 'a \\"b\\"');
    assert.equal(entries[2]?.write?.('Carol: lead'), '"Carol: lead"');
  });

  it('returns a YAML error with its place instead of entries', () => {
    const text = '---\nseverity: SEV2\nseverity: SEV3\n---\n';
    const { entries, error } = readFrontMatter(parsed(text));
    assert.deepEqual(entries, []);
    assert.equal(text.slice(error?.start, error?.end), 'severity');
    assert.match(error?.message ?? '', /\.$/);
  });
});
