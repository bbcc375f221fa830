// The placeholder scanner (src/core/template/placeholders.ts) and the `placeholder` rule on whole documents:
// what is and is not unfilled template text, with exact ranges.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinTemplateText, lint } from '../../src/core/index';
import {
  isTimeColumnHeader,
  isUnchosenChoiceList,
  scanBracketPlaceholders,
  scanTimePlaceholders,
  templatePlaceholders,
} from '../../src/core/template/placeholders';
import type { Finding } from '../../src/core/types';

const texts = (source: string, known?: ReadonlySet<string>) => scanBracketPlaceholders(source, known).map((p) => p.text);
const placeholderFindings = (text: string) => lint(text).filter((f) => f.ruleId === 'placeholder');
const rangeText = (text: string, f: Finding) => text.slice(f.offset, f.endOffset);

describe('scanBracketPlaceholders', () => {
  it('finds the template kinds of placeholder', () => {
    assert.deepEqual(texts('[Name] [INC-XXXX] [YYYY-MM-DD] [X minutes] [bd://xxx] [%] [$X or N/A] [?]'), [
      '[Name]',
      '[INC-XXXX]',
      '[YYYY-MM-DD]',
      '[X minutes]',
      '[bd://xxx]',
      '[%]',
      '[$X or N/A]',
      '[?]',
    ]);
  });

  it('gives offsets into the scanned source, in UTF-16 units after non-ASCII text', () => {
    const source = 'Zoë 💥 [Name] und [Datum]';
    const spans = scanBracketPlaceholders(source);
    assert.equal(spans.length, 2);
    for (const s of spans) assert.equal(source.slice(s.start, s.end), s.text);
    assert.equal(spans[0]?.start, 7);
  });

  it('skips escaped brackets, but not brackets after an escaped backslash', () => {
    assert.deepEqual(texts('\\[Name\\] and \\[Name] and [Name\\]'), []);
    assert.deepEqual(texts('path \\\\[Name]'), ['[Name]']);
  });

  it('skips task-list boxes, footnote references and GitHub alerts', () => {
    assert.deepEqual(texts('[ ] [x] [X] [^1] [^note] [!NOTE] [!WARNING]'), []);
  });

  it('skips filled times and dates, citations and chat stamps', () => {
    assert.deepEqual(texts('[14:32] [2021-05-09] [03-26 14:00] [1] [2] [...] [1:46 PM] [07:16 AM] [14:00 UTC] [2024-03-14 09:12 CET] [3 hours ago]'), []);
  });

  it('still flags time and date placeholders written with letters', () => {
    assert.deepEqual(texts('[HH:MM] [20XX-MM-DD] [2019-12-03 HH:MM] [??:??]'), ['[HH:MM]', '[20XX-MM-DD]', '[2019-12-03 HH:MM]', '[??:??]']);
  });

  it('skips subscripts and link syntax: array[0], foo[bar], [text](url), [text][ref], ![alt]', () => {
    assert.deepEqual(texts('array[0] foo[bar] [text](https://x.example) [text][ref] ![alt text] [Slack :fire:] [:fire: ongoing]'), [
      '[Slack :fire:]',
    ]);
  });

  it('reads "[Label]: text" as a label unless the template writes that placeholder', () => {
    assert.deepEqual(texts('[Code Defect]: the retry loop'), []);
    assert.deepEqual(texts('[Factor 1]: the retry loop', new Set(['[Factor 1]'])), ['[Factor 1]']);
  });

  it('stays linear on pathological input', () => {
    const started = Date.now();
    texts('[1' + ' PM'.repeat(20000) + ' x]');
    texts('['.repeat(50000) + 'a'.repeat(50000));
    texts('[a '.repeat(50000));
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});

describe('templatePlaceholders', () => {
  it('knows the built-in template placeholders, including the Details labels', () => {
    const known = templatePlaceholders(builtinTemplateText);
    for (const p of ['[Incident Title]', '[INC-XXXX]', '[Name]', '[Factor 1]', '[Factor 2]', '[Explanation]', '[specify]', '[bd://xxx]']) {
      assert.ok(known.has(p), p);
    }
    assert.ok(!known.has('[ ]'));
  });

  it('leaves out real links and definitions of a template', () => {
    const known = templatePlaceholders('See [the runbook](https://x.example).\n\n[docs]: https://x.example/docs\n[home]: </home>\n- [Owner]: [Name]\n');
    assert.deepEqual([...known].sort(), ['[Name]', '[Owner]']);
  });
});

describe('time placeholders and choice lists', () => {
  it('finds time placeholders in a time cell', () => {
    assert.deepEqual(
      scanTimePlaceholders('HH:MM, 2024-01-02 HH:MM:SS, YYYY-MM-DD HH:MM, 20xx-MM-DD hh:mm, 14:32').map((p) => p.text),
      ['HH:MM', 'HH:MM:SS', 'YYYY-MM-DD HH:MM', '20xx-MM-DD hh:mm'],
    );
  });

  it('recognises time column headers', () => {
    for (const h of ['Time', 'Time (UTC)', 'Date/Time', 'Date and Time in CET', 'Timestamp', 'When', 'Date']) assert.ok(isTimeColumnHeader(h), h);
    for (const h of ['Metric', 'Role', 'Event', 'Timeline', 'Action']) assert.ok(!isTimeColumnHeader(h), h);
  });

  it('tells an unchosen choice list from a chosen value', () => {
    const choices = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
    assert.ok(isUnchosenChoiceList('SEV1 | SEV2 | SEV3 | SEV4', choices));
    assert.ok(isUnchosenChoiceList('sev1 | sev2', choices));
    assert.ok(!isUnchosenChoiceList('SEV2', choices));
    assert.ok(!isUnchosenChoiceList('SEV2 | pending review', choices));
  });
});

describe('placeholder rule on documents', () => {
  it('ignores brackets in code spans and code blocks', () => {
    const text = '# Post-Mortem: x\n\n## Summary\n\nRun `grep [Name]` then:\n\n```\n[INC-XXXX] HH:MM\n```\n\n    [Indented Code]\n';
    assert.deepEqual(placeholderFindings(text), []);
  });

  it('ignores links whose reference has a definition; without one, flags the text only when shaped like a placeholder', () => {
    const withDefinition = '# Post-Mortem: x\n\nSee [Runbook link], [Runbook][] and [the book][Runbook link].\n\n[runbook link]: https://x.example/runbook\n';
    assert.deepEqual(placeholderFindings(withDefinition), []);
    const without = '# Post-Mortem: x\n\nSee [Runbook] and [Runbook link].\n';
    assert.deepEqual(placeholderFindings(without).map((f) => rangeText(without, f)), ['[Runbook link]']);
  });

  it('ignores footnote references and reads the footnote text', () => {
    const text = '# Post-Mortem: x\n\nFiled upstream.[^1]\n\n[^1]: Ticket [TBD].\n';
    assert.deepEqual(placeholderFindings(text).map((f) => rangeText(text, f)), ['[TBD]']);
  });

  it('skips the hint of an unchecked option and flags it once the option is checked', () => {
    const text = '# Post-Mortem: x\n\n## Contributing Factors\n\n- [ ] Detection Gap: [Monitoring didn\'t catch it]\n- [x] Code Defect: [Bug in code]\n';
    assert.deepEqual(placeholderFindings(text).map((f) => rangeText(text, f)), ['[Bug in code]']);
  });

  it('flags the H1 placeholder and placeholders in emphasis and quotes', () => {
    const text = '# Post-Mortem: [Incident Title]\n\nText *[Owner]* here.\n\n> [Quote source]\n';
    assert.deepEqual(placeholderFindings(text).map((f) => rangeText(text, f)), ['[Incident Title]', '[Owner]', '[Quote source]']);
  });
});

describe('placeholder rule on the seed template', () => {
  const check = (text: string) => {
    const findings = placeholderFindings(text);
    for (const f of findings) {
      const range = rangeText(text, f);
      const quoted = /^(?:Unfilled placeholder|Unchosen [^"]+) "(.*)":/.exec(f.message)?.[1];
      if (quoted !== undefined) assert.equal(range, quoted, f.message);
      else assert.match(f.message, /^Sign-off: \w+ for "[^"]+" is empty/, f.message);
      if (quoted === undefined) assert.equal(range.trim(), '', `an empty cell's range is blank: ${f.message}`);
      assert.ok(!range.includes('\n') && !range.includes('\r'), `one-line range: ${f.message}`);
    }
    return findings;
  };

  it('finds every placeholder, each range exactly its text', () => {
    const findings = check(builtinTemplateText);
    assert.ok(findings.length >= 80, `${findings.length} findings`);
    assert.equal(findings.length, 99);
    const kinds = (re: RegExp) => findings.filter((f) => re.test(f.message)).length;
    assert.equal(kinds(/^Unchosen /), 2, 'Severity and Status');
    assert.equal(kinds(/^Sign-off: /), 8, 'Name and Date of four roles');
    assert.equal(kinds(/^Unfilled placeholder "HH:MM"/), 7, 'the timeline rows');
    assert.equal(kinds(/"\[(?:Factor \d|Explanation)\]"/), 4, 'the Details entries');
    assert.equal(kinds(/"\[specify\]"|"\[Monitoring didn't catch it\]"/), 0, 'hints of unchecked options');
  });

  it('finds the same placeholders with CRLF line breaks', () => {
    const crlf = builtinTemplateText.replace(/\n/g, '\r\n');
    assert.deepEqual(
      check(crlf).map((f) => f.message),
      placeholderFindings(builtinTemplateText).map((f) => f.message),
    );
  });

  it('finds none in a fully filled post-mortem', () => {
    const filled = readFileSync(join(__dirname, '..', 'fixtures', 'placeholder', 'filled-postmortem.md'), 'utf8');
    assert.deepEqual(placeholderFindings(filled), []);
  });
});
