import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../src/core/engine/lint';
import { formatLike, timelineEntryInsertion } from '../../src/core/authoring/timelineEntry';
import { LineIndex } from '../../src/core/markdown/positions';

const doc = (rows: string[], eol = '\n') =>
  ['# Post-Mortem: x', '', '## Timeline', '', '| Time | Event |', '|---|---|', ...rows, '', '## Root Cause', ''].join(eol);

function insert(text: string, now: Date): string {
  const ins = timelineEntryInsertion(text, now);
  assert.ok(ins, 'an insertion');
  const lines = new LineIndex(text);
  return applyEdits(text, [{ range: lines.range(ins.offset, ins.offset), text: ins.text }]);
}

describe('Add Timeline Entry', () => {
  it('writes the time like the table does', () => {
    const now = new Date(Date.UTC(2026, 2, 14, 9, 5, 7));
    assert.equal(formatLike(undefined, now), '09:05');
    assert.equal(formatLike('10:00', now), '09:05');
    assert.equal(formatLike('10:00:00', now), '09:05:07');
    assert.equal(formatLike('2026-03-13 10:00', now), '2026-03-14 09:05');
    assert.equal(formatLike('2026-03-13   10:00', now), '2026-03-14   09:05');
    assert.equal(formatLike('2026-03-13T10:00Z', now), '2026-03-14T09:05Z');
  });

  it('places the row chronologically among undated rows', () => {
    const text = doc(['| 09:00 | Alert fired |', '| 09:30 | Rolled back |']);
    const out = insert(text, new Date(Date.UTC(2026, 2, 14, 9, 12)));
    assert.equal(out, doc(['| 09:00 | Alert fired |', '| 09:12 |  |', '| 09:30 | Rolled back |']));
  });

  it('appends after the last row, across midnight', () => {
    const text = doc(['| 23:40 | Alert fired |', '| 23:55 | Investigating |']);
    const out = insert(text, new Date(Date.UTC(2026, 2, 15, 0, 10)));
    assert.equal(out, doc(['| 23:40 | Alert fired |', '| 23:55 | Investigating |', '| 00:10 |  |']));
  });

  it('dated rows: by date and time, CRLF kept', () => {
    const text = doc(['| 2026-03-14 09:00 | Alert fired |', '| 2026-03-15 08:00 | Closed |'], '\r\n');
    const out = insert(text, new Date(Date.UTC(2026, 2, 14, 22, 1)));
    assert.equal(out, doc(['| 2026-03-14 09:00 | Alert fired |', '| 2026-03-14 22:01 |  |', '| 2026-03-15 08:00 | Closed |'], '\r\n'));
  });

  it('the cursor lands in the event cell', () => {
    const text = doc(['| 09:00 | Alert fired |']);
    const ins = timelineEntryInsertion(text, new Date(Date.UTC(2026, 2, 14, 9, 12)));
    assert.ok(ins);
    const out = insert(text, new Date(Date.UTC(2026, 2, 14, 9, 12)));
    assert.equal(out.slice(ins.eventOffset - 10, ins.eventOffset + 2), '| 09:12 |  |');
  });

  it('a template table of HH:MM rows gets the row first; no timeline: undefined', () => {
    const text = doc(['| HH:MM | [First alert/detection] |']);
    assert.equal(insert(text, new Date(Date.UTC(2026, 2, 14, 9, 12))), doc(['| 09:12 |  |', '| HH:MM | [First alert/detection] |']));
    assert.equal(timelineEntryInsertion('# Post-Mortem: x\n\nNo timeline.\n', new Date()), undefined);
  });

  it('an empty table body gets the row after the delimiter', () => {
    const text = doc([]);
    assert.equal(insert(text, new Date(Date.UTC(2026, 2, 14, 9, 12))), doc(['| 09:12 |  |']));
  });
});
