// createLinter() (issue 13): after every edit of a sequence (typing, deleting, pasting a section,
// moving headings, editing a big timeline), its result equals lintDocument on the same text, and an
// edit re-parses only the piece it touched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { builtinTemplateText, createLinter, lintDocument, type LintRunOptions } from '../../src/core/index';
import { corpusDocuments, fixtureDocuments } from '../properties/sources';
import { TABLE_CHUNK_ROWS } from '../../src/core/markdown/splitParse';

const sample = readFileSync(join(__dirname, '..', '..', 'examples', '2026-03-14-checkout-latency.md'), 'utf8');

/** Lints every text with one incremental linter and compares each result with a fresh lintDocument. */
function checkSequence(texts: readonly string[], options: LintRunOptions = {}): void {
  const linter = createLinter(options);
  texts.forEach((text, i) => {
    assert.deepEqual(linter.lint(text), lintDocument(text, options), `edit ${i} of ${texts.length}: ${JSON.stringify(text.slice(0, 80))}...`);
  });
}

/** The text after typing `typed` one character at a time at `at`. */
function typing(text: string, at: number, typed: string): string[] {
  return [...typed].map((_, i) => text.slice(0, at) + typed.slice(0, i + 1) + text.slice(at));
}

function deleting(text: string, at: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => text.slice(0, at - i - 1) + text.slice(at));
}

const sections = (text: string) => text.split(/^(?=## )/m);

function timelineDocument(rows: number): string {
  const lines = ['| Time | Event |', '|---|---|'];
  for (let i = 0; i < rows; i++) lines.push(`| 2026-03-14 ${String(13 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | event ${i} on checkout-api |`);
  return sample.replace(/\| Time \| Event \|\n\|---\|---\|\n(?:\|.*\|\n)+/, `${lines.join('\n')}\n`);
}

describe('createLinter().lint equals lintDocument over edit sequences', () => {
  it('typing a word into the Summary, then deleting it', () => {
    const at = sample.indexOf('**Severity:**');
    const typed = typing(sample, at, 'Hello [ref] ');
    checkSequence([sample, ...typed, ...deleting(typed[typed.length - 1] as string, at + 12, 12)]);
  });

  it('typing a heading line character by character (the document is cut differently at each step)', () => {
    const at = sample.indexOf('## Root Cause');
    checkSequence([sample, ...typing(sample, at, '## New section\n\nText.\n\n')]);
  });

  it('pasting a section, moving headings, cutting a section', () => {
    const parts = sections(sample);
    const moved = [...parts];
    moved.splice(2, 0, moved.splice(5, 1)[0] as string);
    const pasted = [...parts.slice(0, 4), parts[3] as string, ...parts.slice(4)].join('');
    const demoted = sample.replace('## Detection', '### Detection');
    checkSequence([sample, pasted, moved.join(''), demoted, sample, parts.filter((_, i) => i !== 3).join(''), sample]);
  });

  it('opening and closing a fence, a definition used in another section', () => {
    const at = sample.indexOf('## Resolution');
    const fenced = sample.slice(0, at) + '```\n' + sample.slice(at);
    const closed = fenced + '\n```\n';
    const reference = sample.replace('## Impact', 'See [the runbook].\n\n## Impact');
    const defined = reference + '\n[the runbook]: https://runbooks.example/checkout\n';
    checkSequence([sample, fenced, closed, sample, reference, defined, reference]);
  });

  it(`editing a ${5 * TABLE_CHUNK_ROWS}-row timeline: a row, a new row, the header`, () => {
    const text = timelineDocument(5 * TABLE_CHUNK_ROWS);
    const row = text.indexOf('| event 200 ');
    const typed = typing(text, row + 2, 'rollback');
    const newRow = text.slice(0, row) + '| 2026-03-14 19:00 | pasted row |\n' + text.slice(row);
    const header = text.replace('| Time | Event |', '| Time | Event | Notes |');
    checkSequence([text, ...typed, newRow, header, text, text.replace('| event 3 on', 'lazy\n| event 3 on')]);
  });

  it('with a configuration and a team template', () => {
    const options: LintRunOptions = { config: { rules: { blameless: 'error', 'section-order': 'off' } }, file: 'pm.md' };
    const at = sample.indexOf('## Impact');
    checkSequence([sample, ...typing(sample, at, '## Impact\n\nHuman error by Bob.\n\n')], options);
    const team = corpusDocuments.find((d) => /template/i.test(d.name));
    if (team) checkSequence([sample, sample.replace('## Summary', '## Issue Summary')], { templateText: team.text });
  });

  it('random edits of fixtures and the template (fast-check)', () => {
    const bases = [builtinTemplateText, sample, ...fixtureDocuments.slice(0, 40).map((d) => d.text)];
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 40 }),
      insert: fc.constantFrom('', 'x', '\n', '\n## Timeline\n', '# T\n', '```\n', '- [ ] item\n', '| 10:00 | e |\n', '[a]: /b\n', 'see [a]', '<!-- postmortem-disable placeholder -->\n', '**Status:** Complete\n'),
    });
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (b, edits) => {
        let text = bases[b] as string;
        const texts = [text];
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          texts.push(text);
        }
        checkSequence(texts);
      }),
      { seed: 1313, numRuns: 20 },
    );
  });
});

describe('an edit re-parses only what it touched', () => {
  it('one character in a row of a big timeline parses one chunk of rows', async () => {
    const { parseMarkdown } = await import('../../src/core/markdown/parse');
    const { createPieceCache, splitParse } = await import('../../src/core/markdown/splitParse');
    const text = timelineDocument(20 * TABLE_CHUNK_ROWS);
    const cache = createPieceCache();
    splitParse(text, parseMarkdown, cache);
    const inputs: string[] = [];
    const at = text.indexOf('| event 700 ') + 2;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    assert.deepEqual(
      splitParse(edited, (t) => (inputs.push(t), parseMarkdown(t)), cache),
      parseMarkdown(edited),
    );
    assert.equal(inputs.length, 1);
    assert.ok((inputs[0] as string).length < 2 * TABLE_CHUNK_ROWS * 60, `parsed ${(inputs[0] as string).length} characters`);
  });
});
