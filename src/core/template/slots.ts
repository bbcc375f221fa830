// Where a template asks for input, with exact offsets into its source: the placeholders and choice
// lists that scaffolding and snippets turn into tab stops, the H1 the title goes into, the Summary
// fields answers go into, and each section's extent. Read once per template model. What counts as a
// placeholder is what the `placeholder` rule flags (placeholders.ts), so every tab stop left as it
// is gets reported.
import type { Heading, ListItem, Nodes, Table } from 'mdast';
import { buildDocument, endOf, plainText, startOf } from '../markdown/document';
import { readFieldLines, type FieldLine } from '../markdown/fields';
import { parseMarkdown } from '../markdown/parse';
import { memoize } from '../markdown/memo';
import { isTimeColumnHeader, scanBracketPlaceholders, scanTimePlaceholders, templatePlaceholders, TIME_PLACEHOLDER } from './placeholders';
import type { SnippetSlot } from '../markdown/snippetSyntax';
import { cellSpan } from '../markdown/tableCells';
import { distinctSections, type TemplateModel } from './model';
import { matchedSection } from './sectionMatch';

interface Span {
  start: number;
  end: number;
}

export interface TemplateTitle extends Span {
  /** The first placeholder of the H1 ("[Incident Title]"), where the title answer goes. */
  placeholder: Span | undefined;
  /** Offset just after the heading's text (before a closing `#` sequence); undefined for an empty heading. */
  textEnd: number | undefined;
}

export interface TemplateSlots {
  /** Placeholders and choice lists, in source order, none overlapping. */
  slots: SnippetSlot[];
  title: TemplateTitle | undefined;
  /** Where the document body starts: after the front matter, if any. */
  bodyStart: number;
  /** The Summary's `**Label:** value` lines. */
  fields: FieldLine[];
  /** Source extent of each template section (heading through subsections, no trailing blank lines), parallel to template.sections. */
  sectionSpans: Span[];
}

export function templateSlots(template: TemplateModel): TemplateSlots {
  return memoize(template, 'slots', [], () => readSlots(template));
}

function readSlots(template: TemplateModel): TemplateSlots {
  const source = template.source;
  const doc = buildDocument(source, parseMarkdown(source));

  // Text that is not for filling in: code, HTML (comments carry guidance), front matter, real link
  // definitions and references, and the options of a checklist. An unchecked option's hint
  // ("Detection Gap: [Monitoring didn't catch it]") describes the option; the author ticks the box
  // rather than typing there, so Tab skips the hints and walks only what has to be written (the
  // placeholder rule does not flag them either).
  const excluded: Span[] = [];
  // HH:MM outside a timeline's time column counts where a time is written: list items, field values.
  const timeScopes: Span[] = [];
  const slots: SnippetSlot[] = [];
  const span = (n: Nodes): Span => ({ start: startOf(n), end: endOf(n) });

  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'yaml':
      case 'linkReference':
      case 'imageReference':
        // A reference exists only when its definition does: it is a real link, not a placeholder.
        excluded.push(span(node));
        return;
      case 'listItem':
        if ((node as ListItem).checked === false) {
          excluded.push(span(node));
          return;
        }
        timeScopes.push(span(node));
        break;
      case 'table':
        slots.push(...tableSlots(source, node));
        break;
      case 'definition':
        // "- [Factor 1]: [Explanation]" parses as a link definition; in a template it is a pair of
        // placeholders. A definition of a real URL is a link.
        if (!/^\[[^\[\]]+\]$/.test(node.url)) excluded.push(span(node));
        return;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const node of doc.tree.children) visit(node);

  const summary = template.summarySectionKey === undefined ? undefined : matchedSection(doc, template, template.summarySectionKey);
  const fields = summary ? readFieldLines(source, summary.nodes) : [];
  for (const f of fields) timeScopes.push({ start: f.valueStart, end: f.valueEnd });

  const isExcluded = overlapping(excluded);
  const mayHoldTime = inside(timeScopes);

  for (const p of scanBracketPlaceholders(source, templatePlaceholders(source))) slots.push({ start: p.start, end: p.end });
  const times = new RegExp(TIME_PLACEHOLDER.source, 'g');
  for (const m of source.matchAll(times)) {
    const t = { start: m.index, end: m.index + m[0].length };
    if (mayHoldTime(t)) slots.push(t);
  }
  for (const f of fields) {
    const field = template.summaryFields.find((s) => s.name === f.name && s.templateValue === f.value);
    if (field?.choices) slots.push({ start: f.valueStart, end: f.valueEnd, choices: field.choices });
  }

  slots.sort((a, b) => a.start - b.start || b.end - a.end);
  const disjoint: SnippetSlot[] = [];
  let cursor = 0;
  for (const s of slots) {
    if (s.start < cursor || isExcluded(s)) continue; // a time inside a bracket placeholder; a placeholder in code...
    disjoint.push(s);
    cursor = s.end;
  }

  return {
    slots: disjoint,
    title: doc.title ? readTitle(source, doc.title) : undefined,
    bodyStart: doc.frontmatter ? endOf(doc.frontmatter) : 0,
    fields,
    sectionSpans: distinctSections(doc.sections).map((s, i) => ({ start: s.start, end: s.start + (template.sections[i]?.text.length ?? 0) })),
  };
}

/**
 * In a table: the time placeholders of a time column (the timeline's HH:MM), and the cells a row
 * leaves empty for the author (Sign-off: Name, Date) as empty tab stops just inside the cell.
 */
function tableSlots(source: string, table: Table): SnippetSlot[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const found: SnippetSlot[] = [];
  const timeColumn = isTimeColumnHeader(plainText(header.children[0] ?? header));
  for (const row of rows) {
    const cells = row.children.map((cell, i) => cellSpan(source, cell, i === row.children.length - 1));
    const first = cells[0];
    if (!first) continue;
    if (timeColumn) {
      for (const t of scanTimePlaceholders(source.slice(first.textStart, first.textEnd))) {
        found.push({ start: first.textStart + t.start, end: first.textStart + t.end });
      }
    }
    if (!first.text) continue;
    for (const c of cells.slice(1)) {
      if (c.text || c.source) continue;
      // After the cell's first blank, so "| |" stays "| |" and a typed name reads "| Name|".
      const at = c.innerStart < c.innerEnd && /[ \t]/.test(source[c.innerStart] as string) ? c.innerStart + 1 : c.innerStart;
      found.push({ start: at, end: at });
    }
  }
  return found;
}

function readTitle(source: string, heading: Heading): TemplateTitle {
  const start = startOf(heading);
  const end = endOf(heading);
  const first = scanBracketPlaceholders(source.slice(start, end))[0];
  const last = heading.children[heading.children.length - 1];
  return {
    start,
    end,
    placeholder: first ? { start: start + first.start, end: start + first.end } : undefined,
    textEnd: last ? endOf(last) : undefined,
  };
}

function mergeSpans(ranges: Span[]): Span[] {
  const merged: Span[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** The last of the sorted, disjoint ranges that starts before `offset` (binary search). */
function lastStartingBefore(merged: Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = merged.length - 1;
  let found: Span | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = merged[mid] as Span;
    if (r.start < offset) {
      found = r;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** "Does this span touch any of the ranges?", O(log n) per call. */
function overlapping(ranges: Span[]): (s: Span) => boolean {
  const merged = mergeSpans(ranges);
  return (s) => (lastStartingBefore(merged, s.end)?.end ?? -1) > s.start;
}

/** "Does one of the ranges hold the whole span?", O(log n) per call. */
function inside(ranges: Span[]): (s: Span) => boolean {
  const merged = mergeSpans(ranges);
  return (s) => {
    const r = lastStartingBefore(merged, s.start + 1);
    return r !== undefined && s.end <= r.end;
  };
}
