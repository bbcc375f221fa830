// One definition of a time column (template/timelineColumns.ts, isTimeColumnHeader): the timeline's
// header words and the timeline rule's `timeHeaders` option, read by the timeline and placeholder
// rules alike, so an HH:MM left in a time column is the placeholder rule's finding and not also a
// malformed time of the timeline's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/core/index';
import { isTimeColumnHeader } from '../../src/core/template/placeholders';
import { DEFAULT_HEADER_WORDS, headerWordsOf } from '../../src/core/template/timelineColumns';
import type { PostmortemConfig } from '../../src/core/types';

function timelineDoc(header: string): string {
  return ['# Post-Mortem: x', '', '## Timeline', '', `| ${header} | Event |`, '|---|---|', '| HH:MM | Alert fired |', '| 10:05 | Rolled back |', ''].join('\n');
}

/** The findings of the placeholder and timeline rules on the HH:MM row (line 7). */
function onPlaceholderRow(text: string, config?: PostmortemConfig, templateText?: string): string[] {
  return lint(text, { ...(config ? { config } : {}), ...(templateText !== undefined ? { templateText } : {}) })
    .filter((f) => f.line === 7 && (f.ruleId === 'placeholder' || f.ruleId === 'timeline'))
    .map((f) => `${f.ruleId}: ${f.message}`);
}

describe('isTimeColumnHeader', () => {
  it('names a time column by the timeline header words, as whole words anywhere in the header', () => {
    for (const h of ['Time', 'Local time', 'Start Time (UTC)', 'Timestamps', 'Date & Time', 'time_utc']) assert.ok(isTimeColumnHeader(h), h);
    for (const h of ['Timeline', 'Timezone', 'Uhrzeit']) assert.ok(!isTimeColumnHeader(h), h);
  });

  it('takes the words of the timeline rule\'s timeHeaders option', () => {
    const words = headerWordsOf({ timeHeaders: ['Uhrzeit'] });
    assert.ok(isTimeColumnHeader('Uhrzeit (MEZ)', words.time));
    assert.ok(!isTimeColumnHeader('Time', words.time));
    assert.deepEqual(headerWordsOf({}), DEFAULT_HEADER_WORDS);
    assert.deepEqual(headerWordsOf({ timeHeaders: 'Uhrzeit' }), DEFAULT_HEADER_WORDS);
  });
});

describe('a placeholder in a time column', () => {
  it('is the placeholder rule\'s finding under any header the timeline reads as its time column ("Local time")', () => {
    assert.deepEqual(onPlaceholderRow(timelineDoc('Local time')), ['placeholder: Unfilled placeholder "HH:MM": replace it with the time of the event.']);
    assert.deepEqual(onPlaceholderRow(timelineDoc('Time')), ['placeholder: Unfilled placeholder "HH:MM": replace it with the time of the event.']);
  });

  it('is recognised in a column named by the timeline rule\'s timeHeaders option ("Uhrzeit")', () => {
    const templateText = '# Post-Mortem: [Titel]\n\n## Timeline\n\n| Uhrzeit | Ereignis |\n|---|---|\n| HH:MM | [Was geschah] |\n';
    const text = timelineDoc('Uhrzeit').replace('| Event |', '| Ereignis |');
    const config: PostmortemConfig = { rules: { timeline: { options: { timeHeaders: ['Uhrzeit'] } } } };
    assert.deepEqual(onPlaceholderRow(text, config, templateText), ['placeholder: Unfilled placeholder "HH:MM": replace it with the time of the event.']);
  });
});
