// Completion counts the template's slots (placeholders, Summary fields, choice lists, table cells),
// checklists and sections: every value filled in moves it, deleting a section does not.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { builtinTemplateText, completion, scaffoldText, templateFor } from '../../src/core/index';

const template = templateFor(undefined);
const scaffold = scaffoldText(template, { title: 'Checkout latency', date: '2026-03-14' });

describe('completion by the template', () => {
  it('a fresh scaffold has its answers counted, and each Summary value filled moves the count and, over four, the percentage', () => {
    const blank = completion(builtinTemplateText);
    const start = completion(scaffold);
    assert.ok((start.filled ?? 0) > (blank.filled ?? 0), `title and date count: ${blank.filled} -> ${start.filled}`);
    let text = scaffold;
    let previous = start;
    const fills: [string, string][] = [
      ['[INC-XXXX]', 'INC-2041'],
      ['[X hours Y minutes]', '1 hour 52 minutes'],
      ['SEV1 | SEV2 | SEV3 | SEV4', 'SEV2'],
      ['| HH:MM | [First alert/detection] |', '| 14:02 | First alert: p99 latency above 2 s |'],
    ];
    for (const [placeholder, value] of fills) {
      assert.ok(text.includes(placeholder), placeholder);
      text = text.replace(placeholder, value);
      const now = completion(text);
      assert.ok((now.filled ?? 0) > (previous.filled ?? 0), `filling ${placeholder}: ${previous.filled} -> ${now.filled}`);
      assert.equal(now.total, start.total, 'the total is the template\'s');
      previous = now;
    }
    assert.ok(previous.percent > start.percent, `${start.percent}% -> ${previous.percent}%`);
  });

  it('checking a checklist option counts; deleting a section does not fill its slots', () => {
    const start = completion(scaffold);
    const checked = completion(scaffold.replace('- [ ] Automated monitoring/alerting', '- [x] Automated monitoring/alerting'));
    assert.ok((checked.filled ?? 0) > (start.filled ?? 0), `${start.filled} -> ${checked.filled}`);
    const timeline = /## Timeline\n[^]*?(?=\n## )/.exec(scaffold)?.[0];
    assert.ok(timeline);
    const deleted = completion(scaffold.replace(timeline, ''));
    assert.ok((deleted.filled ?? 0) <= (start.filled ?? 0), `${start.filled} -> ${deleted.filled}`);
  });
});
