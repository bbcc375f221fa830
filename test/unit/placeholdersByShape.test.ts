// Placeholders by form and shape (template/placeholderForms.ts), what a template teaches about them
// (templateConventions.ts, the model's repeatable sections) and documents that are templates
// (templateDocument.ts), through the placeholder and empty-section rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/core/index';
import { buildDocument } from '../../src/core/markdown/document';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { LineIndex } from '../../src/core/markdown/positions';
import { buildTemplateModel, builtinTemplate } from '../../src/core/template/model';
import { documentPlaceholderRules, scanDocumentPlaceholders } from '../../src/core/template/placeholders';
import {
  isAllCapsDummy,
  isPlaceholderShaped,
  isRepeatableTitle,
  isValuePlaceholder,
  isWholePlaceholder,
  scanBracketForms,
  scanDummies,
  withoutPlaceholders,
} from '../../src/core/template/placeholderForms';
import { isPlaceholderTitle, isTemplateDocument, isTemplateFileName } from '../../src/core/template/templateDocument';

const ranges = (doc: string, ruleId: string, templateText?: string) =>
  lint(doc, templateText === undefined ? {} : { templateText })
    .filter((f) => f.ruleId === ruleId)
    .map((f) => doc.slice(f.offset, f.endOffset));
const model = (text: string) => buildDocument(text, parseMarkdown(text));

describe('placeholder shapes', () => {
  it('knows slot words, variables, prompts, choices and examples', () => {
    for (const inner of ['Name', 'Owner name', 'X minutes', '$X or N/A', 'INC-XXXX', 'bd://xxx', 'TBD', 'What should have alerted us?', 'Describe the impact', 'draft|final', 'Yes/No', 'Positive 1: e.g., "Quick escalation"', '%']) {
      assert.ok(isPlaceholderShaped(inner), inner);
    }
  });

  it('leaves prose, names, citations and unknown marks alone', () => {
    for (const inner of ['Sen Lu', 'retroactive', 'sic', 'Okafor 2019, p. 4', '???', '?', '1', '...', 'Lagos Office']) {
      assert.ok(!isPlaceholderShaped(inner), inner);
    }
  });

  it('reads a description standing alone as a slot, capitalised words alone as a name', () => {
    assert.ok(isValuePlaceholder('brief description of the impact'));
    assert.ok(isValuePlaceholder('rolled back by hand'));
    assert.ok(!isValuePlaceholder('Sen Lu'));
  });

  it('finds literal dummies and all-caps dummies, not acronyms', () => {
    assert.deepEqual(
      scanDummies('YYYY-MM-DD, 20xx-MM-DD HH:mm, DD/MM/YYYY, 1900-01-01, TBD, INC-XXXX, Lorem ipsum dolor, 2024-05-01, UTC').map((d) => d.text),
      ['YYYY-MM-DD', '20xx-MM-DD HH:mm', 'DD/MM/YYYY', '1900-01-01', 'TBD', 'XXXX', 'Lorem ipsum dolor'],
    );
    for (const t of ['ISSUE NAME', 'DATE RANGE', 'DATE', 'CVE-YEAR-ABCDEF', 'XXX']) assert.ok(isAllCapsDummy(t), t);
    for (const t of ['ID', 'UTC', 'SUMMARY', 'SEV1', 'DERP', 'RCA']) assert.ok(!isAllCapsDummy(t), t);
  });

  it('tells a heading that is a slot from a section title', () => {
    for (const t of ['[Date and time]', '{{ hh:mm }}', '1900-01-01', 'YYYY-MM-DD HH:MM', '**[Service name]**:', 'Additional Sections as required', '<Region>']) {
      assert.ok(isRepeatableTitle(t), t);
    }
    for (const t of ['Timeline', 'Root Cause', 'Q&A', '2021-05-09 14:00', 'Timeline (all times PST) DATE RANGE']) assert.ok(!isRepeatableTitle(t), t);
    assert.ok(isWholePlaceholder('ISSUE NAME'));
  });

  it('takes the placeholders out of a title', () => {
    const known = new Set(['DATE RANGE']);
    assert.equal(withoutPlaceholders('Timeline (all times PST) DATE RANGE. All times approximations', known), 'Timeline (all times PST). All times approximations');
    assert.equal(withoutPlaceholders('Incident title - DD/MM/YYYY'), 'Incident title');
    assert.equal(withoutPlaceholders('Post-Mortem: [Incident Title]'), 'Post-Mortem');
    assert.equal(withoutPlaceholders('Root Cause'), 'Root Cause');
  });

  it('stays linear on long runs of brackets, braces and spaces', () => {
    const started = Date.now();
    withoutPlaceholders('a' + ' '.repeat(50000) + ':' + ' '.repeat(50000) + 'b');
    isWholePlaceholder(':'.repeat(20000) + ' '.repeat(20000));
    const line = '{{'.repeat(20000) + '<'.repeat(20000) + '{a '.repeat(20000) + '[a '.repeat(20000) + 'XXXX '.repeat(5000) + '[Name] '.repeat(5000);
    const rules = documentPlaceholderRules(builtinTemplate());
    scanDocumentPlaceholders(line, new LineIndex(line), 0, line.length, rules);
    scanBracketForms(line);
    isPlaceholderShaped('a '.repeat(50000));
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });
});

// A team template written in curly braces, with a placeholder heading per event and an all-caps dummy.
const curlyTemplate = `# ISSUE NAME

## Summary

**Status:** {draft|final}  
**Service:** {service name}

{brief description}

## Timeline

### {{ hh:mm }}

{what happened}

## Additional Sections as required

## Follow-ups

- <ticket link>
`;

describe('a team template teaches its placeholder forms', () => {
  it('learns the forms, texts and dummies it writes', () => {
    const t = buildTemplateModel(curlyTemplate);
    const c = t.placeholderConventions;
    assert.ok(c.forms.includes('curly') && c.forms.includes('mustache') && c.forms.includes('angle'));
    assert.ok(c.texts.includes('{brief description}') && c.texts.includes('{{ hh:mm }}') && c.texts.includes('<ticket link>'));
    assert.ok(c.dummies.includes('ISSUE NAME'));
    assert.deepEqual(
      t.sections.filter((s) => s.repeatable).map((s) => s.title),
      ['{{ hh:mm }}', 'Additional Sections as required'],
    );
    assert.ok(!builtinTemplate().sections.some((s) => s.repeatable), 'the built-in template has no placeholder heading');
  });

  it('finds its forms left in a document written from it, and not the filled values', () => {
    const doc = curlyTemplate
      .replace('# ISSUE NAME', '# Checkout outage')
      .replace('{service name}', 'checkout-api')
      .replace('### {{ hh:mm }}\n\n{what happened}', '### 14:02\n\nAlerts fired.\n\n### {{ hh:mm }}\n\nRolled back.')
      .replace('## Additional Sections as required', '## Root cause\n\nA bad flag.');
    assert.deepEqual(ranges(doc, 'placeholder', curlyTemplate), ['{draft|final}', '{brief description}', '{{ hh:mm }}', '<ticket link>']);
  });

  it('empty-section: a placeholder heading is a slot, not an empty section', () => {
    const doc = curlyTemplate.replace('# ISSUE NAME', '# Checkout outage').replace('{brief description}', 'Checkout failed.');
    assert.ok(!ranges(doc, 'empty-section', curlyTemplate).includes('## Additional Sections as required'));
  });

  it('the same forms are prose when neither the template writes them nor their shape says slot', () => {
    const doc = '# Post-Mortem: x\n\n## Summary\n\nThe {retry} loop and the <none> node; {brief description} is left.\n';
    assert.deepEqual(ranges(doc, 'placeholder'), ['{brief description}']);
  });
});

describe('documents that are templates', () => {
  it('a placeholder title is a template title; a real one is not', () => {
    for (const t of ['Title', 'Incident Title', 'Postmortem Template', 'Title (incident #)', 'ISSUE NAME', 'Incident title - DD/MM/YYYY', 'Post-Mortem: [Incident Title]', '{{ incident name }}']) {
      assert.ok(isPlaceholderTitle(t), t);
    }
    for (const t of ['Incident Report', 'Postmortem', 'Checkout outage', 'Post-Mortem: Search index stalled', '']) assert.ok(!isPlaceholderTitle(t), t);
  });

  it('the configured team template, a file named as a template, another template by its title', () => {
    const team = buildTemplateModel(curlyTemplate);
    assert.ok(isTemplateDocument(model(curlyTemplate), team));
    assert.ok(isTemplateDocument(model(curlyTemplate.replace(/\n/g, '\r\n')), team), 'CRLF copy');
    assert.ok(!isTemplateDocument(model(curlyTemplate.replace('{brief description}', 'Checkout failed.')), team), 'a draft keeps the template title');
    assert.ok(isTemplateDocument(model('# Incident Title\n\n## Summary\n'), builtinTemplate()));
    assert.ok(!isTemplateDocument(model('# Post-Mortem: [Incident Title]\n\n## Summary\n'), builtinTemplate()), "the built-in template's own title: a draft");
    assert.ok(isTemplateDocument(model('## Summary\n'), builtinTemplate(), { fileName: 'docs/postmortem-template.md' }));
    assert.ok(isTemplateFileName('TEMPLATE.md') && isTemplateFileName('pm_template.md') && !isTemplateFileName('templated-outage.md'));
  });

  it('a copy of the built-in template is a draft: its placeholders are reported as before', () => {
    assert.ok(!isTemplateDocument(model(builtinTemplate().source), builtinTemplate()));
  });

  it('placeholder and empty-section say nothing on another team template', () => {
    const other = '# Postmortem Template\n\n## Summary\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| YYYY-MM-DD HH:MM | [Event] |\n\n## Root Cause\n';
    assert.deepEqual(ranges(other, 'placeholder'), []);
    assert.deepEqual(ranges(other, 'empty-section'), []);
  });
});
