// Section matching as people would call two headings the same section (template/sectionTitles.ts,
// template/sectionMatch.ts): word forms, spelling, qualifiers, synonyms, and the place of a heading
// (a subsection under its parent; a document one level deeper read by its structure). And which
// sections are missing: a misspelt heading is, a section the author wrote in prose is complete.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDocument } from '../../src/core/markdown/document';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { buildTemplateModel, builtinTemplate } from '../../src/core/template/model';
import { matchSections, missingSections } from '../../src/core/template/sectionMatch';
import { titleHead, titleKey, withSectionAliases } from '../../src/core/template/sectionTitles';
import { lint } from '../../src/core/index';

const docOf = (text: string) => buildDocument(text, parseMarkdown(text));

/** Template section title -> the titles of the document sections matched to it. */
function matched(text: string, template = builtinTemplate()): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of matchSections(docOf(text), template)) if (m.found.length) out[m.template.title] = m.found.map((s) => s.title);
  return out;
}

const missing = (text: string, template = builtinTemplate()) => missingSections(docOf(text), template).map((m) => m.template.title);

describe('titleKey: when two titles name the same section', () => {
  it('ignores case, punctuation, articles and word forms, and folds British spelling', () => {
    for (const [a, b] of [
      ['Root causes', 'Root Cause'],
      ['Lessons learnt', 'Lessons Learned'],
      ['Analyse the behaviour', 'Analyze the behavior'],
      ['Action Items', 'action-items'],
      ['The Timeline', 'Timeline'],
      ['Follow-ups', 'Followups'],
    ]) {
      assert.equal(titleKey(a), titleKey(b), `${a} ~ ${b}`);
    }
    assert.notEqual(titleKey('Apendix'), titleKey('Appendix'), 'no edit distance: a misspelt heading is not the section');
    assert.notEqual(titleKey('Detection'), titleKey('Detection Delay'));
  });

  it('titleHead is the name before a qualifier', () => {
    assert.equal(titleHead('Timeline (all times PST) Saturday Oct 30th 2021'), titleKey('Timeline'));
    assert.equal(titleHead('Incident Lead:'), titleKey('Incident Lead'));
    assert.equal(titleHead('Action Items - Q3'), titleKey('Action Items'));
    assert.equal(titleHead('Root Cause'), titleKey('Root Cause'));
  });
});

describe('matchSections', () => {
  it('matches word forms, qualifiers, synonyms and the template title inside a longer one', () => {
    const text = [
      '# Post-Mortem: x',
      '## Incident Summary',
      '## Timeline (UTC) All times approximate',
      '## Root causes',
      '## Follow-up',
      '## Lessons learnt',
      '## Sign off',
      '',
    ].join('\n\n');
    assert.deepEqual(matched(text), {
      Summary: ['Incident Summary'],
      Timeline: ['Timeline (UTC) All times approximate'],
      'Root Cause': ['Root causes'],
      'Action Items': ['Follow-up'],
      'Lessons Learned': ['Lessons learnt'],
      'Sign-off': ['Sign off'],
    });
  });

  it('an exact title wins over a loose match, whatever the template order', () => {
    // "Timeline summary" contains Summary, but the document's own "Summary" is the exact one.
    const m = matched('# Post-Mortem: x\n\n## Timeline summary\n\n## Summary\n\n## Timeline\n');
    assert.deepEqual(m['Summary'], ['Summary']);
    assert.deepEqual(m['Timeline'], ['Timeline']);
  });

  it('a heading that is exactly another template section is never taken loosely ("### Detection Delay" is not Detection)', () => {
    const m = matched('# Post-Mortem: x\n\n## Timeline\n\n### Detection Delay\n\ntext\n');
    assert.equal(m['Detection'], undefined);
  });

  it('respects level: a template subsection is found under its parent, an H3 under Action Items is not a top-level section', () => {
    const text = '# Post-Mortem: x\n\n## Action Items\n\n### Detection\n\n- alert on lag\n\n## Impact\n\n### User Impact\n\ntext\n';
    const m = matched(text);
    assert.equal(m['Detection'], undefined);
    assert.deepEqual(m['User Impact'], ['User Impact']);
  });

  it('a top-level section one level down under a section without template subsections ("### Timeline" under "## Issue Summary")', () => {
    const team = buildTemplateModel('# [Title]\n\n## Issue Summary\n\n[text]\n\n## Timeline\n\n[text]\n\n## Q&A\n\n[text]\n');
    assert.deepEqual(matched('# CATbleed\n\n## Issue Summary\n\ntext\n\n### Timeline (all times PST)\n\n- 10:00 found\n\n## FAQ\n\nq\n', team), {
      'Issue Summary': ['Issue Summary'],
      Timeline: ['Timeline (all times PST)'],
      'Q&A': ['FAQ'],
    });
  });

  it('reads a document one level deeper by its structure (all H3)', () => {
    const m = matched('### Summary\n\ntext\n\n### Timeline\n\n- 10:00 x\n\n### Root Cause\n\ntext\n');
    assert.deepEqual(Object.keys(m), ['Summary', 'Timeline', 'Root Cause']);
  });

  it('reads a document written in H1 headings: the first is its title, the others its sections', () => {
    const m = matched('# Payment outage\n\n# Summary\n\ntext\n\n# Timeline\n\n- 10:00 x\n\n## Details\n\ny\n\n# Root Cause\n\ntext\n');
    assert.deepEqual(Object.keys(m), ['Summary', 'Timeline', 'Root Cause']);
    const doc = docOf('# T\n\n## Summary\n\na\n\n# Appendix\n\n## Logs\n\nb\n');
    assert.deepEqual(doc.sections.map((s) => [s.title, s.depth, s.parent?.title]), [['Summary', 2, undefined], ['Appendix', 1, undefined], ['Logs', 2, 'Appendix']]);
  });

  it('repeated parents repeat their subsections (duplicates stay visible)', () => {
    const text = '# Post-Mortem: x\n\n## Lessons Learned\n\n### Key Takeaways\n\na\n\n## Lessons Learned\n\n### Key Takeaways\n\nb\n';
    assert.deepEqual(matched(text)['Key Takeaways'], ['Key Takeaways', 'Key Takeaways']);
    assert.deepEqual(matched(text)['Lessons Learned'], ['Lessons Learned', 'Lessons Learned']);
  });

  it("a team's aliases name its sections", () => {
    const team = withSectionAliases(builtinTemplate(), { 'Action Items': ['Maßnahmen'] });
    assert.deepEqual(matched('# Post-Mortem: x\n\n## Maßnahmen\n\n- a\n', team)['Action Items'], ['Maßnahmen']);
    assert.equal(matched('# Post-Mortem: x\n\n## Maßnahmen\n\n- a\n')['Action Items'], undefined);
  });
});

describe('missingSections', () => {
  // The k8s test-infra layout: the built-in template's top-level sections, in prose, no subsections.
  const ownWay = [
    '# Prow slow',
    '## Summary',
    'text',
    '## Impact',
    'text',
    '## Root Cause',
    'text',
    '## Detection',
    'text',
    '## Resolution',
    'text',
    '## Lessons learned',
    '### What went well',
    'a',
    '### What went poorly',
    'b',
    '### Where we got lucky',
    'c',
    '## Action items',
    '- more e2e tests',
    '## Timeline',
    '- 10:00 x',
    '## Apendix',
    'logs',
    '',
  ].join('\n\n');

  it('a section written in prose is complete: its template subsections are not missing', () => {
    const gone = missing(ownWay);
    for (const t of ['One-Line Summary', 'User Impact', 'What Happened', 'How Was It Detected?', 'Immediate Fix']) assert.ok(!gone.includes(t), t);
  });

  it('Response is there when its subsections are (under another heading); Prevention when action items are', () => {
    const gone = missing(ownWay);
    assert.ok(!gone.includes('Response'));
    assert.ok(!gone.includes('Prevention'));
    assert.deepEqual(gone, ['Contributing Factors', 'Appendix', 'Sign-off'], 'a misspelt Appendix is missing');
  });

  it('a document written from the template misses the subsections and sections it dropped', () => {
    const text = ownWay.replace('## Summary\n\ntext', '## Summary\n\n### One-Line Summary\n\ntext').replace('## Impact\n\ntext', '## Impact\n\n### User Impact\n\ntext\n\n### Business Impact\n\ntext');
    assert.ok(missing(text).includes('Systems Affected'), 'Impact uses the template subsections, so the third is missing');
  });

  it('a heading that nearly spells a missing section is where it is: the finding says so and offers the spelling', () => {
    const findings = lint(ownWay).filter((f) => f.ruleId === 'missing-section');
    const line = (f: { line: number }) => ownWay.split('\n')[f.line - 1];
    const appendix = findings.find((f) => f.message.includes('"## Appendix"'));
    assert.ok(appendix);
    assert.equal(line(appendix), '## Apendix');
    assert.match(appendix.message, /the heading "Apendix" looks like it/);
    assert.deepEqual(appendix.suggestions?.map((s) => s.title), ['Rename the heading to "Appendix"']);
    assert.equal(appendix.fix, undefined, 'renaming is the author\'s choice, never --fix');
    const signOff = findings.find((f) => f.message.includes('Sign-off'));
    assert.ok(signOff);
    assert.equal(line(signOff), '## Apendix');
    assert.match(signOff.message, /expected after "Apendix"/);
  });
});
