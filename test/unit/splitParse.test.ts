// Section-split parsing (issue 13): the tree of src/core/markdown/splitParse.ts equals the whole parse,
// positions included, on every corpus document, fixture, the built-in template, mutations of those and
// generated Markdown soup; and the cases a line scanner alone gets wrong.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { builtinTemplateText } from '../../src/core/index';
import { parseMarkdown } from '../../src/core/markdown/parse';
import { createPieceCache, splitParse, TABLE_CHUNK_ROWS } from '../../src/core/markdown/splitParse';
import { fixtureFolders, fixtureRoot, fixtureText } from '../fixtureFiles';
import { inputArb } from '../properties/generators';
import { corpusDir } from '../properties/sources';
import { markdownSoupArb, splitParseDifference } from '../properties/splitParse';

const SEED = 13_013;
/** More inputs per run: SPLIT_PARSE_RUNS=20 node --import tsx --test test/unit/splitParse.test.ts */
const SCALE = Number(process.env.SPLIT_PARSE_RUNS ?? 1);
const seed = process.env.SPLIT_PARSE_SEED ? Number(process.env.SPLIT_PARSE_SEED) : SEED;

/** The inputs splitParse was asked to parse, and its tree. */
function traced(text: string) {
  const inputs: string[] = [];
  const tree = splitParse(text, (t) => (inputs.push(t), parseMarkdown(t)), undefined, { joinUpTo: 0 });
  return { tree, inputs, whole: inputs.length === 1 && inputs[0] === text };
}

function fixtureFiles(): string[] {
  return fixtureFolders().flatMap((rule) =>
    readdirSync(join(fixtureRoot, rule))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(fixtureRoot, rule, f)),
  );
}

describe('split parse equals the whole parse', () => {
  it('the built-in template (and it is really split)', () => {
    assert.equal(splitParseDifference(builtinTemplateText), undefined);
    assert.ok(traced(builtinTemplateText).inputs.length > 5);
  });

  it('every fixture (a reference read as the document it names)', () => {
    const files = fixtureFiles();
    assert.ok(files.length > 50, `found ${files.length} fixtures`);
    for (const file of files) assert.equal(splitParseDifference(fixtureText(file)), undefined, file);
  });

  it('every corpus document, whatever its size', { skip: existsSync(corpusDir) ? false : `no corpus at ${corpusDir}` }, () => {
    const files = readdirSync(corpusDir).filter((f) => f.endsWith('.md'));
    assert.ok(files.length > 0);
    let split = 0;
    for (const f of files) {
      const text = readFileSync(join(corpusDir, f), 'utf8');
      assert.equal(splitParseDifference(text), undefined, f);
      if (!traced(text).whole) split++;
    }
    assert.ok(split >= files.length / 2, `${split} of ${files.length} corpus documents were split`);
  });

  for (const family of ['template', 'fixtures', 'corpus', 'generated'] as const) {
    const arb = inputArb(family, { maxMutations: 6 });
    it(`mutated ${family} documents (fast-check, seed ${SEED})`, { skip: arb ? false : `no ${family} documents` }, () => {
      if (!arb) return;
      fc.assert(
        fc.property(arb, (input) => {
          assert.equal(splitParseDifference(input.text), undefined);
        }),
        { seed, numRuns: (family === 'fixtures' || family === 'generated' ? 80 : 30) * SCALE },
      );
    });
  }

  it('Markdown soup: headings in fences, HTML, quotes and lists, definitions, footnotes, big tables (fast-check)', () => {
    fc.assert(
      fc.property(markdownSoupArb, (text) => {
        assert.equal(splitParseDifference(text), undefined);
      }),
      { seed, numRuns: 200 * SCALE },
    );
  });

  it('with a cache, over a sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(markdownSoupArb, { minLength: 2, maxLength: 6 }), (texts) => {
        const cache = createPieceCache();
        for (const t of [...texts, ...texts.reverse()]) assert.equal(splitParseDifference(t, cache), undefined);
      }),
      { seed, numRuns: 15 * SCALE },
    );
  });
});

describe('pieces', () => {
  it('small sections share a parse; an edit in one re-parses only its piece (boundaries do not shift)', () => {
    const text = Array.from({ length: 200 }, (_, i) => `## Section ${i}\n\n- item ${i}\n- item\n\nText.\n`).join('\n');
    const cache = createPieceCache();
    const first: string[] = [];
    splitParse(text, (t) => (first.push(t), parseMarkdown(t)), cache);
    assert.ok(first.length > 10 && first.length < 100, `${first.length} parses for 200 sections`);
    const at = text.indexOf('item 120');
    for (const edited of [text.slice(0, at) + 'x' + text.slice(at), text.slice(0, at) + '\n## New heading\n' + text.slice(at)]) {
      const again: string[] = [];
      assert.deepEqual(splitParse(edited, (t) => (again.push(t), parseMarkdown(t)), cache), parseMarkdown(edited));
      assert.ok(again.length <= 2, `${again.length} parses after one edit`);
    }
  });
});

describe('what a line scanner gets wrong, and the split parse gets right', () => {
  it('a reference whose definition is in another section (and a footnote)', () => {
    const text = '# T\n\n## A\n\nSee [the runbook] and [^1].\n\n## B\n\n[the runbook]: https://r.example\n\n[^1]: Note.\n';
    const { tree, whole } = traced(text);
    assert.equal(whole, false);
    assert.deepEqual(tree, parseMarkdown(text));
    assert.ok(JSON.stringify(tree).includes('"type":"linkReference"'));
    assert.ok(JSON.stringify(tree).includes('"type":"footnoteReference"'));
  });

  it('a piece is parsed with only the definitions its brackets could use', () => {
    const sections = Array.from({ length: 20 }, (_, i) => `## Section ${i}\n\nText ${i}${i === 7 ? ' with [Label 3] and [^note]' : ''}.\n`);
    const definitions = Array.from({ length: 50 }, (_, i) => `[label ${i}]: https://example.com/${i}`).join('\n');
    const text = `# T\n\n${sections.join('\n')}\n## Links\n\n${definitions}\n\n[^note]: A note.\n`;
    const { tree, inputs } = traced(text);
    assert.deepEqual(tree, parseMarkdown(text));
    assert.ok(JSON.stringify(tree).includes('"type":"linkReference"'));
    // Beyond the document: each next heading line (checked) and the one definition section 7 uses.
    const headings = [...text.matchAll(/^## .*$/gm)].slice(1).reduce((n, m) => n + m[0].length, 0);
    const extra = inputs.reduce((n, i) => n + i.length, 0) - text.length - headings;
    assert.ok(extra < 60, `${extra} characters parsed more than the document and its heading lines`);
  });

  it('a label that is not the definition it looks like, and one the scan cannot see', () => {
    for (const text of [
      '## A\n\nSee [x].\n\n## B\n\ntext\n[x]: not a definition (it continues a paragraph)\n',
      '## A\n\nSee [a b].\n\n## B\n\n[a\nb]: /defined-on-two-lines\n',
    ]) {
      assert.equal(traced(text).whole, false, text);
      assert.deepEqual(traced(text).tree, parseMarkdown(text), text);
    }
  });

  it('a fence opened in an indented list item swallows the headings after it: the cut is not trusted', () => {
    const text = '## A\n\n- item\n  ```\n  code\n```\n## Inside the fence\n\ntext\n';
    const { tree, inputs } = traced(text);
    assert.deepEqual(tree, parseMarkdown(text));
    assert.ok(inputs.some((i) => i.endsWith('## Inside the fence\n\ntext\n')), 'parsed the rest whole');
  });

  it(`a big table is parsed in chunks of ${TABLE_CHUNK_ROWS} rows, with a lazy row after it`, () => {
    const rows = Array.from({ length: 5 * TABLE_CHUNK_ROWS + 3 }, (_, i) => `| 10:${i % 60} | event ${i} [ref] |`);
    const text = `# T\n\n## Timeline\n\n| Time | Event |\n|:--|--:|\n${rows.join('\n')}\nlazy row\n\n## Next\n\n[ref]: /r\n`;
    const { tree, inputs } = traced(text);
    assert.deepEqual(tree, parseMarkdown(text));
    assert.ok(inputs.length >= 5, `${inputs.length} pieces`);
    assert.ok(Math.max(...inputs.map((i) => i.length)) < text.length / 3);
  });
});
