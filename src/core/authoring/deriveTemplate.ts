// A team template derived from one of the team's own post-mortems (`postmortem init --from FILE`):
// its headings, field labels, table headers and checklists stay; what the author wrote becomes
// placeholders, so the linter, the scaffold and the snippets learn the team's layout in one step.
import type { List, RootContent, Table } from 'mdast';
import { buildDocument, endOf, plainText, startOf, type DocumentModel } from '../markdown/document';
import { readFieldLines, type FieldLine } from '../markdown/fields';
import { parseMarkdown } from '../markdown/parse';
import { detectEol } from '../markdown/positions';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** A heading that is a time, a date or a date and words: one event of a timeline, repeated by authors. */
const DATED_HEADING = new RegExp(`^(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[:.]\\d{2}|${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH})`, 'i');
/** A date inside a heading's words ("Timeline (all times PST) Saturday Oct 30th 2021 - ..."): that incident's, not the layout's. */
const DATE_INSIDE = new RegExp(`\\b(?:\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4})`, 'i');
/**
 * A time or date at the start of a line, after bold, brackets or a backtick: a timeline entry
 * ("14:44 - text", "* [14:32] text", "- **21:45 UTC** - text", "**June 14th, 2022, 10:00 AM:** text").
 */
const LEADING_TIME = new RegExp(
  `^(\\*\\*|__|\\[|\`)?[ \\t]*(?:(\\d{4}-\\d{2}-\\d{2}|${MONTH}[ \\t]+\\d{1,2}(?:st|nd|rd|th)?\\b,?(?:[ \\t]+\\d{4}\\b)?,?)[ \\tT]*)?(\\d{1,2}:\\d{2}(?::\\d{2})?\\b(?:[ \\t]*[ap]\\.?m\\b\\.?)?)?`,
  'i',
);
const ZONE = /^[ \t]*\(?(UTC|GMT|Z|[A-Z][DS]T|CES?T|IST|JST|AEST)\)?(?![A-Za-z])/;
/** A field's value longer than this is the author's prose after a bold lead-in, not a value. */
const MAX_FIELD_VALUE = { paragraph: 200, list: 100 };
const MAX_LABEL_WORDS = 4;

interface Derivation {
  doc: DocumentModel;
  /** Labels written on more than one field line ("A:" of each answer in a Q&A): prose, not fields. */
  repeatedLabels: ReadonlySet<string>;
  /** The current section has its example timeline entry: the template shows one, the author wrote many. */
  entryWritten: boolean;
}

/** The template's Markdown, in the document's line breaks. */
export function deriveTemplate(text: string): string {
  const doc = buildDocument(text, parseMarkdown(text));
  const seen = new Map<string, number>();
  for (const f of readFieldLines(doc.text, doc.tree.children)) seen.set(f.label.toLowerCase(), (seen.get(f.label.toLowerCase()) ?? 0) + 1);
  const derivation: Derivation = { doc, repeatedLabels: new Set([...seen].filter(([, n]) => n > 1).map(([label]) => label)), entryWritten: false };
  const out: string[] = [];
  // A run of event headings ("### 2022-04-15 6:50" ...) becomes one slot and its first text.
  let eventDepth: number | undefined;
  let skipping = false;
  for (const node of doc.tree.children) {
    if (node.type === 'heading') {
      derivation.entryWritten = false;
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
    const block = blockOf(derivation, node);
    // Paragraph after paragraph of the author's prose is one prompt in a template.
    if (block !== undefined && block !== '' && block !== out[out.length - 1]) out.push(block);
  }
  const eol = detectEol(text);
  return `${out.join('\n\n')}\n`.replace(/\n/g, eol);
}

function blockOf(derivation: Derivation, node: RootContent): string | undefined {
  const { doc } = derivation;
  switch (node.type) {
    case 'yaml':
      return frontMatterOf(node.value);
    case 'heading':
      return headingOf(doc, node.depth, plainText(node).trim());
    case 'table':
      return tableOf(node);
    case 'list':
      return listOf(derivation, node);
    case 'paragraph':
      return paragraphOf(derivation, node);
    case 'thematicBreak':
      return '---';
    case 'html':
      // Guidance comments stay (they are the template's hints); an author's TODO and other HTML go.
      return /^<!--(?!\s*(?:TODO|FIXME|XXX)\b)/i.test(node.value.trim()) ? node.value.trim() : undefined;
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
  if (DATED_HEADING.test(title)) return `${hashes} [Date and time]`;
  return `${hashes} ${withoutIncidentDates(title)}`;
}

/** "Timeline (all times PST) Saturday Oct 30th 2021 - Monday Nov 1st" -> "Timeline": the name before its qualifier. */
function withoutIncidentDates(title: string): string {
  const date = DATE_INSIDE.exec(title);
  if (!date) return title;
  const qualifier = /\s*(?:[([{:;,]|\s[-–—]\s)/.exec(title);
  const cut = qualifier && qualifier.index > 0 && qualifier.index < date.index ? qualifier.index : date.index;
  const name = title.slice(0, cut).replace(/[\s\-–—:,(]+$/, '');
  return name === '' ? title : name;
}

/** One timeline entry as the author wrote it, the time and the event as placeholders; undefined for a line without a leading time. */
function timedEntry(line: string): string | undefined {
  const m = LEADING_TIME.exec(line);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const open = m[1] ?? '';
  const rest = line.slice(m[0].length);
  const zone = m[3] !== undefined ? ZONE.exec(rest)?.[1] : undefined;
  const slot = [m[2] !== undefined ? 'YYYY-MM-DD' : '', m[3] !== undefined ? 'HH:MM' : '', zone ?? ''].filter(Boolean).join(' ');
  // The separator the author used: a colon (inside the bold or after it) or a dash.
  const colon = /^[^-–—]{0,40}?:(?:\*\*|__)?\s/.test(rest) || /^:/.test(rest);
  if (open === '[') return `[${slot}] [Event]`;
  if (open === '**' || open === '__') return colon ? `${open}${slot}:${open} [Event]` : `${open}${slot}${open} - [Event]`;
  if (open === '`') return `\`${slot}\` - [Event]`;
  return `${slot}${colon ? ':' : ' -'} [Event]`;
}

/** A field of the layout: a short label used once, a short value. A longer or quoted label is a bold lead-in to the author's prose. */
function isField(derivation: Derivation, f: FieldLine, maxValue: number): boolean {
  const label = f.label;
  return !derivation.repeatedLabels.has(label.toLowerCase()) && f.value.length <= maxValue && label.split(/\s+/).length <= MAX_LABEL_WORDS && !/["“”]/.test(label) && timedEntry(label) === undefined;
}

const fieldSlot = (doc: DocumentModel, f: FieldLine) => `${doc.text.slice(f.labelStart, f.labelEnd).trim()} [${f.label}]`;

/** Each line: a timeline entry, its fields, or the author's prose; a run of the same becomes one. */
function paragraphOf(derivation: Derivation, node: RootContent): string {
  const { doc } = derivation;
  const fields = readFieldLines(doc.text, [node]).filter((f) => isField(derivation, f, MAX_FIELD_VALUE.paragraph));
  const lines: string[] = [];
  let offset = startOf(node);
  for (const line of doc.text.slice(offset, endOf(node)).split('\n')) {
    const lineEnd = offset + line.length;
    const own = fields.filter((f) => f.labelStart >= offset && f.labelStart <= lineEnd);
    const timed = timedEntry(line.trim());
    if (timed !== undefined && derivation.entryWritten) {
      offset = lineEnd + 1;
      continue;
    }
    if (timed !== undefined) derivation.entryWritten = true;
    const derived = timed ?? (own.length ? own.map((f) => fieldSlot(doc, f)).join(/<br/i.test(line) ? '<br> ' : '  \n') : '[Describe]');
    if (derived !== lines[lines.length - 1]) lines.push(derived);
    offset = lineEnd + 1;
  }
  return lines.join('  \n');
}

function tableOf(table: Table): string {
  const header = table.children[0];
  if (!header) return '';
  const columns = header.children.map((c) => plainText(c).trim().replace(/\|/g, '\\|'));
  const first = table.children[1]?.children.map((c) => plainText(c).trim()) ?? [];
  // A key/value table keeps its keys; any other keeps one row of placeholders.
  const keys = table.children.slice(1).map((r) => plainText(r.children[0] ?? r).trim());
  const keyValue = columns.length === 2 && keys.length > 1 && keys.every((k) => k.length > 0 && k.length < 40 && timedEntry(k) === undefined && !/^\d/.test(k));
  const timeCell = timedEntry(first[0] ?? '')?.replace(/[:\s-]*\[Event\]$/, '');
  const rows = keyValue
    ? keys.map((k) => [k.replace(/\|/g, '\\|'), `[${columns[1] || 'Value'}]`])
    : [columns.map((c, i) => (i === 0 && timeCell ? timeCell : `[${c || 'Value'}]`))];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), `|${columns.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

function listOf(derivation: Derivation, list: List): string {
  const { doc } = derivation;
  const bullet = list.ordered ? '1.' : '-';
  const items = list.children;
  const firstLine = (i: (typeof items)[0]) => doc.text.slice(startOf(i.children[0] ?? i), endOf(i.children[0] ?? i)).split(/\r?\n/)[0]?.trim() ?? '';
  const isChecklist = items.length >= 3 && items.every((i) => typeof i.checked === 'boolean');
  // A checklist's options are the template's (contributing factors, detection methods): kept, unticked.
  if (isChecklist) return items.map((i) => `${bullet} [ ] ${firstLine(i)}`).join('\n');
  const out: string[] = [];
  for (const item of items) {
    const task = typeof item.checked === 'boolean' ? '[ ] ' : '';
    const field = readFieldLines(doc.text, item.children.slice(0, 1))[0];
    const timed = timedEntry(firstLine(item));
    if (timed !== undefined && derivation.entryWritten) continue;
    if (timed !== undefined) derivation.entryWritten = true;
    const derived = timed ?? (field && isField(derivation, field, MAX_FIELD_VALUE.list) ? `${field.label}: [${field.label}]` : '[Item]');
    const entry = `${bullet} ${task}${derived}`;
    if (entry !== out[out.length - 1]) out.push(entry);
  }
  return out.join('\n');
}
