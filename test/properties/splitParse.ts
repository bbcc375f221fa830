// The section-split parse against the whole parse (issue 13): the property, the documents it runs on,
// and Markdown "soup" built to hit what a line scanner gets wrong (fences in list items, HTML blocks,
// setext headings, definitions and footnotes in other sections, big tables with lazy rows).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseMarkdown, parseMarkdownBySection } from '../../src/core/markdown/parse';
import { withLineFeeds } from '../../src/core/markdown/positions';
import { TABLE_CHUNK_ROWS, type PieceCache } from '../../src/core/markdown/splitParse';

/**
 * Where the split parse differs from the whole parse of `given` (lone CRs read as LF, as the lint does),
 * or undefined: with every section parsed alone (each cut checked), and with small sections joined.
 */
export function splitParseDifference(given: string, cache?: PieceCache): string | undefined {
  const text = withLineFeeds(given);
  const whole = parseMarkdown(text);
  const alone = firstDifference(whole, parseMarkdownBySection(text, cache, { joinUpTo: 0 }), 'root (sections alone)');
  return alone ?? firstDifference(whole, parseMarkdownBySection(text, cache), 'root (small sections joined)');
}

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: whole ${JSON.stringify(a)?.slice(0, 300)} vs split ${JSON.stringify(b)?.slice(0, 300)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return `${path}: differs`;
}


const LINES: readonly string[] = [
  '# Title',
  '## Timeline',
  '## Root cause',
  '### Sub',
  '#',
  '## ',
  '#no heading',
  ' ## indented heading',
  'Setext title',
  '===',
  '---',
  '- - -',
  '- item',
  '- item [ref] and [^n]',
  '  - nested',
  '  ```',
  '   ```js',
  '```',
  '````',
  '~~~',
  '    indented code',
  '> quote',
  '> ## quoted heading',
  '<div>',
  '</div>',
  '<!-- note',
  '-->',
  '<!-- one line -->',
  '<script>',
  '</script>',
  '<span>inline</span>',
  '[ref]: https://example.com/a',
  '[Other Ref]: /b "title"',
  '[^n]: a footnote',
  '    continued footnote',
  'see [ref], [other ref][] and [text][Other  ref]',
  '![shot][ref] and ![alt [ref]](x.png)',
  'a footnote call[^n] and [^missing]',
  '| Time | Event |',
  '|---|---|',
  '| 10:00 | start [ref] |',
  '| 10:05 | `a | b` \\| c |',
  'plain text *emph* **strong**',
  'Straße [STRASSE]',
  '1. one',
  '2) two',
  '\t# tab heading',
  '',
  '',
  '',
];

/** A block of the soup: lines, or a table big enough to be cut into row chunks. */
const tableArb = fc
  .record({
    rows: fc.integer({ min: 2 * TABLE_CHUNK_ROWS, max: 3 * TABLE_CHUNK_ROWS + 7 }),
    odd: fc.array(fc.tuple(fc.nat(), fc.constantFrom('| [ref] | x |', '| a |', '| a | b | c |', 'lazy row', '|', '| `x` | <b> |', '| [^n] | ![i][ref] |')), { maxLength: 4 }),
    after: fc.constantFrom('', 'lazy text after', '> quote after', '## Next', '- list after', '```'),
  })
  .map(({ rows, odd, after }) => {
    const lines = ['| Time | Event |', '|---|---|'];
    for (let i = 0; i < rows; i++) lines.push(`| 10:${String(i % 60).padStart(2, '0')} | event ${i} |`);
    for (const [at, row] of odd) lines[2 + (at % rows)] = row;
    return ['', ...lines, after].join('\n');
  });

export const markdownSoupArb: fc.Arbitrary<string> = fc
  .record({
    frontMatter: fc.boolean(),
    blocks: fc.array(fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: tableArb }), { maxLength: 60 }),
    eol: fc.constantFrom('\n', '\n', '\r\n'),
  })
  .map(({ frontMatter, blocks, eol }) => (frontMatter ? ['---', 'title: x', '---', ...blocks] : blocks).join('\n').replace(/\n/g, eol) + eol);
