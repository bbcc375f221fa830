// Metadata in every common layout: the readers (field lines, <br> parts, key/value tables, a heading
// per field, the lines under the title), the one matching of labels to template fields, the values a
// careful author writes, and a team template that teaches its layout to the fixes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, builtinTemplate, lint, lintDocument } from '../../src/core/index';
import { buildDocument } from '../../src/core/markdown/document';
import { readFieldLines, scanFieldLines } from '../../src/core/markdown/fields';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { canonicalFieldName, metadataFieldName } from '../../src/core/postmortem/fieldNames';
import { templateFieldLayout } from '../../src/core/postmortem/metadataLayouts';
import { chosenOption, isReadableDuration, readMetadataDate } from '../../src/core/postmortem/metadataValues';
import { readStatus, scanStatus } from '../../src/core/postmortem/status';
import { readSummary } from '../../src/core/postmortem/summary';
import { buildTemplateModel } from '../../src/core/template/model';

const parsed = (text: string) => buildDocument(text, parseMarkdown(text));

/** label=value pairs of the Summary, each value checked against its offsets. */
function summaryOf(text: string, templateText?: string): string[] {
  const template = templateText === undefined ? builtinTemplate() : buildTemplateModel(templateText);
  return readSummary(parsed(text), template).fields.map((f) => {
    assert.equal(text.slice(f.valueStart, f.valueEnd), f.value, `value offsets of ${f.label}`);
    return `${f.name}=${f.value}`;
  });
}

function metadata(doc: string, templateText?: string): { text: string; message: string }[] {
  return lint(doc, templateText === undefined ? {} : { templateText })
    .filter((f) => f.ruleId === 'metadata')
    .map((f) => ({ text: doc.slice(f.offset, f.endOffset), message: f.message }));
}

describe('field lines', () => {
  const read = (text: string) => readFieldLines(text, parsed(text).tree.children).map((f) => [f.label, f.value, f.layout]);

  it('reads bold labels with the colon inside or outside, plain labels, list items and task boxes', () => {
    assert.deepEqual(read('**Date:** 2026-01-02  \n**Severity**: SEV2\n\n- Status: Draft\n- [x] Owner: Ana\n1. Author: Bo\n'), [
      ['Date', '2026-01-02', 'bold'],
      ['Severity', 'SEV2', 'bold'],
      ['Status', 'Draft', 'line'],
      ['Owner', 'Ana', 'line'],
      ['Author', 'Bo', 'line'],
    ]);
  });

  it('splits a line at <br>, each part a field with its own exact value', () => {
    const text = 'Date/time: 2016-11-07 21:30<br> Duration: 16h 45m<BR/>Severity: SEV1<br />\n';
    const fields = readFieldLines(text, parsed(text).tree.children);
    assert.deepEqual(fields.map((f) => [f.label, f.value, text.slice(f.labelStart, f.labelEnd)]), [
      ['Date/time', '2016-11-07 21:30', 'Date/time:'],
      ['Duration', '16h 45m', 'Duration:'],
      ['Severity', 'SEV1', 'Severity:'],
    ]);
  });

  it('takes plain labels only where a paragraph is all fields; prose, times and URLs are no labels', () => {
    assert.deepEqual(read('Note: we restarted it,\nand then it recovered.\n'), []);
    assert.deepEqual(read('12:45 PM DATE: Thing 1 happened\n'), []);
    assert.deepEqual(read('See https://example.com/x: a link\n'), []);
    assert.deepEqual(read('Action point: ' + 'x'.repeat(200) + '\n'), []);
    assert.deepEqual(read('Created by: Sen Lu  \nLast modified: 2019-02-08\n'), [
      ['Created by', 'Sen Lu', 'line'],
      ['Last modified', '2019-02-08', 'line'],
    ]);
  });

  it('reads key/value tables by their header, or by a first column of field names', () => {
    assert.deepEqual(read('| Field | Value |\n|---|---|\n| Date | 2026-03-01 |\n| Owner |  |\n'), [
      ['Date', '2026-03-01', 'table'],
      ['Owner', '', 'table'],
    ]);
    // Without such a header only a reader that knows the field names takes it (the header row is a field).
    const headerless = '| Date | 2026-03-01 |\n|---|---|\n| Severity | SEV2 |\n';
    assert.deepEqual(read(headerless), []);
    const known = readFieldLines(headerless, parsed(headerless).tree.children, { isLabel: (l) => ['Date', 'Severity'].includes(l) });
    assert.deepEqual(known.map((f) => [f.label, f.value]), [
      ['Date', '2026-03-01'],
      ['Severity', 'SEV2'],
    ]);
    // A timeline is no key/value table: its first column holds times.
    assert.deepEqual(read('| Time | Event |\n|---|---|\n| 10:00 | Alert |\n'), []);
  });

  it('scans an unparsed head line by line, CRLF included', () => {
    assert.deepEqual(scanFieldLines('# T\r\n\r\nStatus: In Review\r\n').map((f) => [f.label, f.value]), [['Status', 'In Review']]);
  });
});

describe('labels name template fields by their words', () => {
  const t = builtinTemplate();
  it('matches qualified, plural, snake and camel forms', () => {
    const names = ['Date/time', 'Incident date', 'Date and time', 'Severity level', 'Incident Severity', 'Authors', 'incident_id', 'incidentCommander', 'Reviewer', 'STATUS'].map((l) =>
      metadataFieldName(l, t),
    );
    assert.deepEqual(names, ['date', 'date', 'date', 'severity', 'severity', 'author', 'incidentId', 'incidentCommander', 'reviewers', 'status']);
  });

  it('does not stretch a label to another field', () => {
    for (const label of ['Postmortem date', 'Start time', 'Created by', 'Time to detection', 'Incident']) assert.equal(metadataFieldName(label, t), undefined, label);
    assert.equal(canonicalFieldName('Time to detection', t), 'timeToDetection');
  });
});

describe('values a careful author writes', () => {
  it('dates: ISO, with a time, natural language, ranges; impossible and ambiguous ones are told apart', () => {
    for (const ok of ['2016-11-07', '2016-11-07 21:30 UTC', 'November 7, 2016', 'Monday, Nov 7th 2016', '7 November 2016', 'November 7-8, 2016', '2016-11-07 to 2016-11-08', '14/02/2026'])
      assert.equal(readMetadataDate(ok), 'date', ok);
    for (const bad of ['2016-02-30', 'February 30, 2016', '2016-13-01', '31/31/2026']) assert.equal(readMetadataDate(bad), 'impossible', bad);
    assert.equal(readMetadataDate('03/04/2026'), 'ambiguous');
    assert.equal(readMetadataDate('last Tuesday'), 'unreadable');
  });

  it('durations: units, hedged, time ranges and bracketed totals', () => {
    for (const ok of ['16h 45m', '~2 hours', 'about 45 minutes', 'over 14 hours', '21:45 to 23:28 UTC (103 minutes)', '2 hours (partial outage)', '1 hour 52 minutes', 'N/A'])
      assert.ok(isReadableDuration(ok), ok);
    for (const bad of ['a while', 'soon', '']) assert.ok(!isReadableDuration(bad), bad);
  });

  it('choices: the same letters and digits, or a choice followed by a comment', () => {
    const sev = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
    assert.equal(chosenOption('SEV-1', sev), 'SEV1');
    assert.equal(chosenOption('sev 2', sev), 'SEV2');
    assert.equal(chosenOption('SEV2 (major outage)', sev), 'SEV2');
    assert.equal(chosenOption('SEV12', sev), undefined);
    assert.equal(chosenOption('High - customer facing', ['Low', 'Medium', 'High']), 'High');
  });
});

describe('the Summary in every layout', () => {
  it('reads a heading per field, named as the template field', () => {
    const text = '# Queue stalled\n\n## Date\n\nNovember 7, 2016\n\n## Severity\n\nSEV2\n\n## Impact\n\nMany users.\n';
    assert.deepEqual(summaryOf(text), ['date=November 7, 2016', 'severity=SEV2']);
  });

  it('reads the lines under the title when the Summary section has no fields of its own', () => {
    const text = '# Outage\n\nAuthor: Sen Lu  \nDate: 2019-02-08\n\n## Summary\n\nProse only.\n';
    assert.deepEqual(summaryOf(text), ['author=Sen Lu', 'date=2019-02-08']);
  });

  it('gives the metrics the Duration of a Label: value line', () => {
    const text = '# Post-Mortem: x\n\n## Summary\n\nDate/time: 2016-11-07 21:30<br> Duration: 16h 45m<br>\n';
    assert.deepEqual(summaryOf(text), ['date=2016-11-07 21:30', 'duration=16h 45m']);
  });
});

describe('metadata rule precision', () => {
  it('a document that does not follow the template hears only of values really wrong', () => {
    const doc = '# Payments retried twice\n\n**Date:** February 30, 2026  \n**Severity:** High\n\n## Background\n\nA.\n\n## What went wrong\n\nB.\n\n## Follow-up\n\nC.\n';
    assert.deepEqual(metadata(doc), [{ text: 'February 30, 2026', message: 'Date "February 30, 2026" is not a real calendar date: expected YYYY-MM-DD.' }]);
  });

  it("the schema's choices and patterns apply only to fields the template has", () => {
    const template = '# Incident: [Title]\n\n## Overview\n\n**Date:** [YYYY-MM-DD]  \n**Owner:** [Name]\n\n## Causes\n\n[What]\n';
    const doc = '# Incident: Slow search\n\n## Overview\n\n**Date:** 2026-04-01  \n**Owner:** Ana  \n**Severity:** P1  \n**Incident ID:** 77\n\n## Causes\n\nA cold cache.\n';
    assert.deepEqual(metadata(doc, template), []);
  });
});

describe('a team template teaches its metadata layout', () => {
  const lineTemplate = '# Incident: [Title]\n\n## Overview\n\n- Date: [YYYY-MM-DD]\n- Severity: P1 | P2 | P3\n- Status: Open | Closed\n- Author: [Name]\n\n## Causes\n\n[What]\n';
  const tableTemplate = '# Incident: [Title]\n\n## Overview\n\n| Field | Value |\n|---|---|\n| Date | [YYYY-MM-DD] |\n| Severity | P1 \\| P2 |\n| Author | [Name] |\n\n## Causes\n\n[What]\n';

  it('learns Label: value list items and key/value tables as its fields', () => {
    assert.deepEqual(buildTemplateModel(lineTemplate).summaryFields.map((f) => [f.name, f.choices]), [
      ['date', undefined],
      ['severity', ['P1', 'P2', 'P3']],
      ['status', ['Open', 'Closed']],
      ['author', undefined],
    ]);
    assert.deepEqual(templateFieldLayout(buildTemplateModel(lineTemplate)), { layout: 'line', prefix: '- ' });
    assert.deepEqual(templateFieldLayout(buildTemplateModel(tableTemplate)).layout, 'table');
    assert.deepEqual(templateFieldLayout(builtinTemplate()), { layout: 'bold', prefix: '' });
  });

  it("checks values against the template's choices in its layout, SEV-like spellings included", () => {
    const doc = '# Incident: Slow search\n\n## Overview\n\n- Date: 2026-04-01\n- Severity: p-2\n- Status: closed\n- Author: Ana\n\n## Causes\n\nA cold cache.\n';
    assert.deepEqual(metadata(doc, lineTemplate), []);
    assert.deepEqual(metadata(doc.replace('p-2', 'SEV2'), lineTemplate), [{ text: 'SEV2', message: 'Severity "SEV2" is not allowed: expected one of P1, P2, P3.' }]);
  });

  it('inserts the missing fields in the layout of the template', () => {
    const empty = '# Incident: Slow search\n\n## Overview\n\nSearch was slow for an hour.\n\n## Causes\n\nA cold cache.\n';
    for (const [template, block] of [
      [lineTemplate, '- Date: [YYYY-MM-DD]\n- Severity: P1 | P2 | P3\n- Status: Open | Closed\n- Author: [Name]'],
      [tableTemplate, '| Field | Value |\n| --- | --- |\n| Date | [YYYY-MM-DD] |\n| Severity | P1 \\| P2 |\n| Author | [Name] |'],
    ] as const) {
      const finding = lint(empty, { templateText: template }).find((f) => f.ruleId === 'metadata' && f.message.startsWith('Missing fields'));
      assert.ok(finding?.fix, 'a fix');
      assert.ok(applyEdits(empty, finding.fix.edits).includes(`## Overview\n\n${block}\n\nSearch was slow`), applyEdits(empty, finding.fix.edits));
    }
  });

  it('inserts one missing field as a list item next to the others', () => {
    const doc = '# Incident: Slow search\n\n## Overview\n\n- Date: 2026-04-01\n- Author: Ana\n\n## Causes\n\nA cold cache.\n';
    const found = lint(doc, { templateText: lineTemplate }).filter((f) => f.ruleId === 'metadata');
    const fixed = found.map((f) => applyEdits(doc, f.fix?.edits ?? []));
    assert.ok(fixed.some((t) => t.includes('- Date: 2026-04-01\n- Severity: P1 | P2 | P3\n- Author: Ana')));
    assert.ok(fixed.some((t) => t.includes('- Severity') === false && t.includes('- Date: 2026-04-01\n- Status: Open | Closed\n- Author: Ana')));
  });
});

describe("a team template's own labels are checked as the schema property they name", () => {
  const template = '# Incident: [Title]\n\n## Overview\n\n**Incident date:** [YYYY-MM-DD]  \n**Incident status:** Open | Closed  \n**Owner:** [Name]\n\n## Causes\n\n[What]\n';
  const doc = (date: string) => `# Incident: Slow search\n\n## Overview\n\n**Date:** ${date}  \n**Incident status:** Closed  \n**Owner:** Ana\n\n## Causes\n\nA cold cache.\n`;

  it('a Date under "Incident date" must be a real day, and is required', () => {
    assert.deepEqual(metadata(doc('2026-02-30'), template), [{ text: '2026-02-30', message: 'Date "2026-02-30" is not a real calendar date: expected YYYY-MM-DD.' }]);
    assert.deepEqual(metadata(doc('2026-02-28'), template), []);
    const missing = metadata(doc('2026-02-28').replace('**Date:** 2026-02-28  \n', ''), template);
    assert.deepEqual(missing.map((f) => f.message), ['Missing field "Incident date" in "Overview" (expected before "Incident status").']);
  });

  it('its "Incident status" is the Status', () => {
    assert.equal(lintDocument(doc('2026-02-28'), { templateText: template }).status?.stage, 'complete');
  });
});

describe('Status written as Label: value', () => {
  const template = '# Incident: [Title]\n\n## Overview\n\n- Status: Open | Fixing | Closed\n- Author: [Name]\n\n## Causes\n\n[What]\n';
  const doc = '# Incident: Slow search\n\n## Overview\n\n- Status: Closed\n- Author: Ana\n\n## Causes\n\nA cold cache.\n';

  it('is read by readStatus and scanStatus in the template\'s words', () => {
    const model = buildTemplateModel(template);
    assert.equal(readStatus(parsed(doc), model)?.stage, 'complete');
    assert.equal(scanStatus(doc, model)?.stage, 'complete');
    assert.equal(lintDocument(doc, { templateText: template }).status?.value, 'Closed');
  });

  it('in the built-in layout as a plain line', () => {
    assert.equal(lintDocument('# Post-Mortem: x\n\n## Summary\n\nStatus: In Review  \nSeverity: SEV2\n').status?.stage, 'review');
  });
});
