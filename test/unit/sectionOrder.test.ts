// section-order (issue 13): linear in the number of sections (the neighbours named in a message are
// found by binary search among the sections kept in order), with the messages it gave before.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lintDocument } from '../../src/core/index';

const order = (titles: readonly string[]) =>
  lintDocument('# Post-Mortem: X\n\n' + titles.map((s, i) => `## ${s}\n\nText ${i}.\n`).join('\n'))
    .findings.filter((f) => f.ruleId === 'section-order')
    .map((f) => [f.line, f.message]);

it('names the nearest in-order neighbours, repeated sections included', () => {
  assert.deepEqual(order(['Timeline', 'Summary', 'Impact', 'Summary', 'Detection', 'Timeline', 'Root Cause', 'Impact', 'Action Items', 'Response', 'Response']), [
    [3, 'Section "Timeline" is out of template order: expected after "Impact".'],
    [15, 'Section "Summary" is out of template order: expected before "Impact".'],
    [19, 'Section "Detection" is out of template order: expected after "Root Cause".'],
    [31, 'Section "Impact" is out of template order: expected after "Summary".'],
    [35, 'Section "Action Items" is out of template order: expected after "Response".'],
    [39, 'Section "Response" is out of template order: expected after "Root Cause".'],
  ]);
});

it('5,000 sections out of order: one finding each that is out of order, every message naming a neighbour', () => {
  const titles = ['Summary', 'Impact', 'Timeline', 'Root Cause', 'Contributing Factors', 'Detection', 'Response', 'Resolution', 'Action Items', 'Lessons Learned'];
  const found = order(Array.from({ length: 5_000 }, (_, i) => titles[(i * 7) % titles.length] as string));
  assert.ok(found.length > 4_900, `${found.length} findings`);
  for (const [, message] of found) assert.match(String(message), /expected (after|before) "/);
});
