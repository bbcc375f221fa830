// The one Markdown parser of the project: unified + remark-parse + remark-gfm + YAML front matter.
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { bomLength, withLineFeeds } from './positions';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/**
 * The text the tree's offsets count in, and its tree: micromark drops exactly one leading byte-order
 * mark (a second one is content), so offsets start after it; lone CRs are read as LF (withLineFeeds).
 */
export function parseDocumentText(given: string): { text: string; tree: Root; bom: number } {
  const normalized = withLineFeeds(given);
  const bom = bomLength(normalized);
  return { text: normalized.slice(bom), tree: parseMarkdown(normalized), bom };
}
