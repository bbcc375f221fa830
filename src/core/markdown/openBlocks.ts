// A document can end inside a block that never closes: a code fence without its closing fence, an
// HTML comment without "-->", a <script> without </script>. Markdown puts everything after the
// opener into that block, so text inserted at the end of the document would vanish into it (and
// fix-all would insert it again and again). Edits there must close the block first.
import type { Root, RootContent } from 'mdast';
import type { Fix } from '../types';

export interface OpenBlock {
  /** What the author sees: "code block", "HTML comment"... (for fix titles). */
  kind: string;
  /** Offset where the block starts. */
  start: number;
  /** The text that closes it, on a line of its own. */
  closer: string;
}

// CommonMark's HTML blocks 1-5 end only at their end marker; 6 and 7 end at a blank line, which every insertion starts with.
// The end marker is searched in the whole block: "<!-->" is a complete comment.
const HTML_BLOCKS: { open: RegExp; close: RegExp; closer: (opener: string) => string; kind: string }[] = [
  {
    open: /^<(script|pre|style|textarea)(?=[\s>]|$)/i,
    close: /<\/(?:script|pre|style|textarea)>/i,
    closer: (tag) => `</${tag.toLowerCase()}>`,
    kind: 'HTML block',
  },
  { open: /^<!--/, close: /-->/, closer: () => '-->', kind: 'HTML comment' },
  { open: /^<\?/, close: /\?>/, closer: () => '?>', kind: 'HTML block' },
  { open: /^<![A-Za-z]/, close: />/, closer: () => '>', kind: 'HTML block' },
  { open: /^<!\[CDATA\[/, close: /\]\]>/, closer: () => ']]>', kind: 'HTML block' },
];

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** The block the document ends inside, if it ends inside one that only an end marker closes. */
export function openBlockAtEnd(text: string, tree: Root): OpenBlock | undefined {
  const last: RootContent | undefined = tree.children[tree.children.length - 1];
  const start = last?.position?.start.offset;
  if (!last || start === undefined) return undefined;
  const end = last.position?.end.offset ?? text.length;
  const source = text.slice(start, end);
  if (last.type === 'code') {
    const fence = FENCE_OPEN.exec(source)?.[1];
    if (!fence) return undefined; // indented code ends at the first line that is not indented
    const lines = source.split(/\r\n?|\n/);
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    const closed = lines.length > 1 && closing.test(lines[lines.length - 1] as string);
    return closed ? undefined : { kind: 'code block', start, closer: fence };
  }
  if (last.type === 'html') {
    const body = source.replace(/^ {0,3}/, '');
    for (const block of HTML_BLOCKS) {
      const opener = block.open.exec(body);
      if (!opener) continue;
      if (block.close.test(body)) return undefined;
      return { kind: block.kind, start, closer: block.closer(opener[1] ?? '') };
    }
  }
  return undefined;
}

/** Whether every edit of the fix lies before the open block (an insertion right before it included). */
export function isBeforeOpenBlock(fix: Fix, open: OpenBlock): boolean {
  return fix.edits.every((e) => e.range.end.offset <= open.start);
}

/**
 * The fix with its insertions at the document's end (only blanks after them) made to close the open
 * block first. Never a safe fix: the author may mean the block to go on. Undefined when the fix
 * changes text inside the block.
 */
export function closingBlockFirst(fix: Fix, open: OpenBlock, text: string, eol: string): Fix | undefined {
  const edits = [];
  for (const e of fix.edits) {
    const at = e.range.start.offset;
    if (e.range.end.offset <= open.start) {
      edits.push(e);
      continue;
    }
    if (e.range.end.offset !== at || text.slice(at).trim() !== '') return undefined;
    const lineBreak = /(?:\r\n|\r|\n)$/.test(text.slice(0, at)) ? '' : eol;
    edits.push({ ...e, text: `${lineBreak}${open.closer}${eol}${eol}${e.text.replace(/^(?:\r\n|\r|\n)+/, '')}` });
  }
  return { title: `${fix.title} (after closing the unclosed ${open.kind})`, edits };
}
