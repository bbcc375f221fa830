// The post-mortem as the rules see it, built in ONE walk over the mdast tree: sections (headings
// with their extent), tables, task lists, text runs with their context, HTML comments, front matter.
// Rules read these collections instead of walking the tree again.
import type { Heading, Html, List, ListItem, Root, RootContent, Table, TableCell, TableRow, Text, Yaml } from 'mdast';
import type { Node, Parent } from 'unist';
import { LineIndex } from './positions';

export interface Section {
  heading: Heading;
  depth: number;
  /** Heading text as written (inline markup flattened). */
  title: string;
  /** Normalised title used to match template sections. */
  key: string;
  /** Offset where the heading starts. */
  start: number;
  /** Offset where the heading ends. */
  headingEnd: number;
  /** Offset where the next heading of any depth starts (end of this section's own content). */
  contentEnd: number;
  /** Offset where the next heading of the same or a higher level starts (end of the subtree). */
  end: number;
  /** Top-level nodes between this heading and the next heading of any depth. */
  nodes: RootContent[];
  parent: Section | undefined;
  children: Section[];
}

export interface TextRun {
  node: Text;
  start: number;
  end: number;
  section: Section | undefined;
  /** Nearest enclosing list item, if any. */
  listItem: ListItem | undefined;
  /** Enclosing table cell, if any. */
  cell: TableCell | undefined;
  /** Inside a block quote (quoted chat logs, customer words). */
  inQuote: boolean;
}

export interface TableInfo {
  node: Table;
  section: Section | undefined;
}

export interface ListInfo {
  node: List;
  section: Section | undefined;
}

export interface DocumentModel {
  text: string;
  tree: Root;
  lines: LineIndex;
  /** The first depth-1 heading. */
  title: Heading | undefined;
  titleText: string;
  /** All headings of depth >= 2, in document order. */
  sections: Section[];
  frontmatter: Yaml | undefined;
  textRuns: TextRun[];
  tables: TableInfo[];
  lists: ListInfo[];
  htmlComments: Html[];
}

export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Plain text of a node, without markup (like mdast-util-to-string). */
export function plainText(node: Node): string {
  const n = node as Node & { value?: unknown; children?: Node[]; alt?: unknown };
  if (typeof n.value === 'string' && n.type !== 'html') return n.value;
  if (n.children) return n.children.map(plainText).join('');
  if (typeof n.alt === 'string') return n.alt;
  return '';
}

/** A heading's text on one line: a setext heading may span several ("Root\ncause"). */
function headingText(heading: Heading): string {
  return plainText(heading).replace(/\s+/g, ' ').trim();
}

export function startOf(node: Node): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: Node): number {
  return node.position?.end.offset ?? 0;
}

export function buildDocument(text: string, tree: Root, lines = new LineIndex(text)): DocumentModel {
  const model: DocumentModel = {
    text,
    tree,
    lines,
    title: undefined,
    titleText: '',
    sections: [],
    frontmatter: undefined,
    textRuns: [],
    tables: [],
    lists: [],
    htmlComments: [],
  };

  // Sections come from top-level headings (headings nested in lists or quotes do not structure the doc).
  const stack: Section[] = [];
  let current: Section | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.depth === 1 && !model.title) {
        model.title = node;
        model.titleText = headingText(node);
        current = undefined;
        stack.length = 0;
        continue;
      }
      // A later H1 is a section of the document (written in H1s, or an appendix at H1), at depth 1:
      // template matching reads sections by their place, not their level. The title again (a document
      // pasted twice) starts over, as a title does.
      const title = headingText(node);
      if (node.depth === 1 && normalizeTitle(title) === normalizeTitle(model.titleText)) {
        current = undefined;
        stack.length = 0;
        continue;
      }
      while (stack.length && (stack[stack.length - 1] as Section).depth >= node.depth) stack.pop();
      const parent = stack[stack.length - 1];
      const section: Section = {
        heading: node,
        depth: node.depth,
        title,
        key: normalizeTitle(title),
        start: startOf(node),
        headingEnd: endOf(node),
        contentEnd: text.length,
        end: text.length,
        nodes: [],
        parent,
        children: [],
      };
      parent?.children.push(section);
      model.sections.push(section);
      stack.push(section);
      current = section;
      continue;
    }
    if (node.type === 'yaml' && !model.frontmatter && startOf(node) === 0) model.frontmatter = node;
    current?.nodes.push(node);
    walk(node, current, undefined, undefined, model);
  }

  // Extents: contentEnd = next heading of any depth (including H1); end = next heading of depth <= own.
  // One backwards pass with a stack of the nearest following heading per depth: linear in headings.
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const sectionOf = new Map<Heading, Section>();
  for (const s of model.sections) sectionOf.set(s.heading, s);
  const nextAtDepth: (number | undefined)[] = [];
  let nextAny = text.length;
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headings[i] as Heading;
    const section = sectionOf.get(h);
    if (section) {
      section.contentEnd = nextAny;
      let end = text.length;
      for (let d = 1; d <= section.depth; d++) {
        const at = nextAtDepth[d];
        if (at !== undefined && at < end) end = at;
      }
      section.end = end;
    }
    nextAtDepth[h.depth] = startOf(h);
    nextAny = startOf(h);
  }
  return model;
}

function walk(
  node: Node,
  section: Section | undefined,
  listItem: ListItem | undefined,
  cell: TableCell | undefined,
  model: DocumentModel,
  inQuote = false,
): void {
  switch (node.type) {
    case 'text': {
      model.textRuns.push({ node: node as Text, start: startOf(node), end: endOf(node), section, listItem, cell, inQuote });
      return;
    }
    case 'blockquote':
      inQuote = true;
      break;
    case 'html': {
      if (isHtmlComment(node)) model.htmlComments.push(node as Html);
      return;
    }
    case 'code':
    case 'inlineCode':
    case 'definition':
    case 'footnoteDefinition':
    case 'link':
    case 'linkReference':
    case 'image':
    case 'imageReference':
    case 'yaml':
      // Text inside code, links and definitions is never a placeholder nor a finding of ours.
      if (node.type === 'footnoteDefinition') break;
      return;
    case 'table':
      model.tables.push({ node: node as Table, section });
      break;
    case 'list':
      model.lists.push({ node: node as List, section });
      break;
    case 'listItem':
      listItem = node as ListItem;
      break;
    case 'tableCell':
      cell = node as TableCell;
      break;
    default:
      break;
  }
  const children = (node as Parent).children;
  if (children) for (const child of children) walk(child, section, listItem, cell, model, inQuote);
}

/** An HTML comment: notes and suppression comments, which are nobody's content. */
export function isHtmlComment(node: Node): boolean {
  return node.type === 'html' && (node as Html).value.trimStart().startsWith('<!--');
}

/** Whether the section says anything of its own: a node that is neither a comment nor a thematic break. */
export function hasOwnContent(section: Section): boolean {
  return section.nodes.some((n) => !isHtmlComment(n) && n.type !== 'thematicBreak');
}

/** `section` itself or its nearest enclosing section for which `test` holds (like the DOM's `closest`). */
export function closestSection(section: Section | undefined, test: (s: Section) => boolean): Section | undefined {
  for (let s = section; s; s = s.parent) if (test(s)) return s;
  return undefined;
}

/** Whether `section` is `ancestor` or lies anywhere under it. */
export function isWithin(section: Section | undefined, ancestor: Section): boolean {
  for (let s = section; s; s = s.parent) if (s === ancestor) return true;
  return false;
}

/** Sections whose key matches, optionally restricted to a parent key. */
export function findSections(model: DocumentModel, key: string): Section[] {
  return model.sections.filter((s) => s.key === key);
}

/** Cell texts of a table row, trimmed, inline markup flattened. */
export function rowTexts(row: TableRow): string[] {
  return row.children.map((c) => plainText(c).trim());
}
