// The one Markdown parser of the project: unified + remark-parse + remark-gfm + YAML front matter.
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { bomLength, withLineFeeds } from './positions';
import { splitParse, type PieceCache, type SplitOptions } from './splitParse';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** The whole text in one parse (micromark): what splitParse must equal. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** The same tree as parseMarkdown, parsed section by section (and reusing a cache's unchanged sections). */
export function parseMarkdownBySection(text: string, cache?: PieceCache, options?: SplitOptions): Root {
  const body = text.slice(bomLength(text));
  // A second byte-order mark is content, and the line scan knows only LF and CRLF line breaks.
  if (bomLength(body) || /\r(?!\n)/.test(body)) return parseMarkdown(text);
  return splitParse(body, parseMarkdown, cache, options);
}

/**
 * The text the tree's offsets count in, and its tree (parsed by section, see splitParse): micromark drops exactly one leading byte-order
 * mark (a second one is content), so offsets start after it; lone CRs are read as LF (withLineFeeds).
 */
export function parseDocumentText(given: string, cache?: PieceCache): { text: string; tree: Root; bom: number } {
  const normalized = withLineFeeds(given);
  const bom = bomLength(normalized);
  return { text: normalized.slice(bom), tree: parseMarkdownBySection(normalized, cache), bom };
}
