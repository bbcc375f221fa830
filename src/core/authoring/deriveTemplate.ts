// A team template derived from one of the team's own post-mortems (`postmortem init --from FILE`):
// its headings, field labels, table headers and checklists stay; what the author wrote becomes
// placeholders, so the linter, the scaffold and the snippets learn the team's layout in one step.
import type { List, RootContent, Table } from 'mdast';
import { buildDocument, endOf, plainText, startOf, type DocumentModel } from '../markdown/document';
import { readFieldLines } from '../markdown/fields';
import { parseMarkdown } from '../markdown/parse';
import { detectEol } from '../markdown/positions';

/** A heading that is a time, a date or a date and words: one event of a timeline, repeated by authors. */
const DATED_HEADING = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[:.]\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i;
const TIME_CELL = /^\s*(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}/;

/** The template's Markdown, in the document's line breaks. */
export function deriveTemplate(text: string): string {
  const doc = buildDocument(text, parseMarkdown(text));
  const out: string[] = [];
  // A run of event headings ("### 2022-04-15 6:50" ...) becomes one slot and its first text.
  let eventDepth: number | undefined;
  let skipping = false;
  for (const node of doc.tree.children) {
    if (node.type === 'heading') {
      const dated = node.depth > 1 && DATED_HEADING.test(plainText(node).trim());
      if (dated && eventDepth === node.depth) {
        skipping = true;
        continue;
      }
      skipping = false;
      if (dated) eventDepth = node.depth;
      else if (eventDepth !== undefined && node.depth <= eventDepth) eventDepth = undefined;
    } else if (skipping) {
      continue;
    }
    const block = blockOf(doc, node);
    if (block !== undefined && block !== '') out.push(block);
  }
  const eol = detectEol(text);
  return `${out.join('\n\n')}\n`.replace(/\n/g, eol);
}

function blockOf(doc: DocumentModel, node: RootContent): string | undefined {
  switch (node.type) {
    case 'yaml':
      return frontMatterOf(node.value);
    case 'heading':
      return headingOf(doc, node.depth, plainText(node).trim());
    case 'table':
      return tableOf(node);
    case 'list':
      return listOf(doc, node);
    case 'paragraph':
      return paragraphOf(doc, node);
    case 'thematicBreak':
      return '---';
    case 'html':
      // Guidance comments stay (they are the template's hints); other HTML was the author's.
      return /^<!--/.test(node.value.trim()) ? node.value.trim() : undefined;
    default:
      // Code, quotes, images: the author's material, not the layout.
      return undefined;
  }
}

function frontMatterOf(yaml: string): string {
  const keys = yaml
    .split(/\r?\n/)
    .map((line) => /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1])
    .filter((k): k is string => k !== undefined);
  return ['---', ...keys.map((k) => `${k}: [${k}]`), '---'].join('\n');
}

function headingOf(doc: DocumentModel, depth: number, title: string): string {
  const hashes = '#'.repeat(depth);
  if (depth === 1 && doc.title && title === doc.titleText.trim()) {
    // "Post-Mortem: Checkout outage" keeps its prefix; a title of its own words becomes the slot.
    const prefix = /^([^:]{2,40}):\s/.exec(title)?.[1];
    return `# ${prefix ? `${prefix}: ` : ''}[Incident Title]`;
  }
  if (DATED_HEADING.test(title)) return `${hashes} [Date and time] [What happened]`;
  return `${hashes} ${title}`;
}

function paragraphOf(doc: DocumentModel, node: RootContent): string {
  const fields = readFieldLines(doc.text, [node]);
  if (fields.length) return fields.map((f) => `${doc.text.slice(f.labelStart, f.labelEnd).trim()} [${f.label}]`).join('  \n');
  return '[Describe]';
}

function tableOf(table: Table): string {
  const header = table.children[0];
  if (!header) return '';
  const columns = header.children.map((c) => plainText(c).trim().replace(/\|/g, '\\|'));
  const first = table.children[1]?.children.map((c) => plainText(c).trim()) ?? [];
  // A key/value table keeps its keys; any other keeps one row of placeholders.
  const keys = table.children.slice(1).map((r) => plainText(r.children[0] ?? r).trim());
  const keyValue = columns.length === 2 && keys.length > 1 && keys.every((k) => k.length > 0 && k.length < 40 && !TIME_CELL.test(k) && !/^\d/.test(k));
  const rows = keyValue
    ? keys.map((k) => [k.replace(/\|/g, '\\|'), `[${columns[1] || 'Value'}]`])
    : [columns.map((c, i) => (i === 0 && TIME_CELL.test(first[0] ?? '') ? 'HH:MM' : `[${c || 'Value'}]`))];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), `|${columns.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

function listOf(doc: DocumentModel, list: List): string {
  const bullet = list.ordered ? '1.' : '-';
  const items = list.children;
  const isChecklist = items.length >= 3 && items.every((i) => typeof i.checked === 'boolean');
  if (isChecklist) {
    // A checklist's options are the template's (contributing factors, detection methods): kept, unticked.
    return items.map((i) => `${bullet} [ ] ${doc.text.slice(startOf(i.children[0] ?? i), endOf(i.children[0] ?? i)).split(/\r?\n/)[0]?.trim()}`).join('\n');
  }
  const labelled = items
    .map((i) => readFieldLines(doc.text, i.children.slice(0, 1))[0])
    .filter((f) => f !== undefined)
    .map((f) => `${bullet} ${f.label}: [${f.label}]`);
  if (labelled.length === items.length && labelled.length > 0) return labelled.join('\n');
  const task = typeof items[0]?.checked === 'boolean' ? '[ ] ' : '';
  return `${bullet} ${task}[Item]`;
}
