// placeholder: template text left unfilled. Placeholders in the forms templates write them ([Name],
// {brief description}, {{ incident name }}, <service name>, YYYY-MM-DD, TBD, XXX, ISSUE NAME), judged
// by shape and position so prose in brackets ([sic], "a [retroactive] lgtm") is not one; HH:MM in a
// timeline's time column; a choice list nobody chose from (SEV1 | SEV2 | SEV3 | SEV4, {draft|final});
// and the cells a template table leaves empty for the author (the Sign-off names and dates). A
// document that is itself a template (templateDocument.ts) is not checked.
// Once the Status says Complete, the Sign-off table's gaps are sign-off's (one finding per row that
// says what is missing): this rule leaves those cells alone instead of reporting each again.
import type { Definition, Heading, Html, Nodes, PhrasingContent, TableCell } from 'mdast';
import { endOf, plainText, startOf } from '../markdown/document';
import {
  angleHtmlPlaceholder,
  documentPlaceholderRules,
  isTimeColumnHeader,
  isUnchosenChoiceList,
  scanDocumentPlaceholders,
  scanTimePlaceholders,
  type DocumentPlaceholderRules,
} from '../template/placeholders';
import { isTemplateDocument } from '../template/templateDocument';
import { NO_OPTIONS, type Rule, type RuleContext } from './rule';
import { signOffRows } from '../postmortem/signOffTable';
import { readSummary } from '../postmortem/summary';

/** Reports the placeholders of `text[from, to)`, except those overlapping a span already reported (`taken`). */
function reportPlaceholders(
  ctx: RuleContext,
  from: number,
  to: number,
  rules: DocumentPlaceholderRules,
  where: { cellText?: string | undefined; inTitle?: boolean; taken?: readonly Span[] } = {},
): void {
  const taken = where.taken ?? [];
  for (const p of scanDocumentPlaceholders(ctx.doc.text, ctx.doc.lines, from, to, rules, where.cellText, where.inTitle)) {
    const start = from + p.start;
    const end = from + p.end;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    if (p.choices) {
      ctx.report({
        message: `Unchosen "${p.text}": keep one of ${p.choices.join(', ')}.`,
        start,
        end,
        suggestions: p.choices.map((choice) => ({ title: `Keep "${choice}"`, edits: [ctx.edit(start, end, choice)] })),
      });
      continue;
    }
    ctx.report({ message: `Unfilled placeholder "${p.text}": replace it with the real value.`, start, end });
  }
}

interface Span {
  start: number;
  end: number;
}

/** Inline HTML that is a `<placeholder>` (remark reads `<brief description>` as a tag), outside code. */
function reportAngleHtml(ctx: RuleContext, rules: DocumentPlaceholderRules): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'link' || node.type === 'definition') return;
    if (node.type === 'html') {
      const html = node as Html;
      if (angleHtmlPlaceholder(html.value, rules)) {
        ctx.report({ message: `Unfilled placeholder "${html.value}": replace it with the real value.`, start: startOf(html), end: endOf(html) });
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const node of ctx.doc.tree.children) if (node.type !== 'html') visit(node);
}

/** Text nodes of a heading's inline content, outside code and links (headings are not text runs of the model). */
function headingText(children: readonly PhrasingContent[], out: PhrasingContent[]): PhrasingContent[] {
  for (const child of children) {
    if (child.type === 'text') out.push(child);
    else if (child.type === 'emphasis' || child.type === 'strong' || child.type === 'delete') headingText(child.children, out);
  }
  return out;
}

function withArticle(noun: string): string {
  const lower = noun.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

export const placeholder: Rule = {
  id: 'placeholder',
  description: 'No template placeholder is left: bracketed hints, HH:MM times, unchosen choice lists, empty sign-off cells.',
  defaultSeverity: 'warning',
  fixable: false, hasSuggestions: true,
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  check(ctx) {
    const { doc, template } = ctx;
    const { text } = doc;
    // A template's placeholders, empty cells and sections are intended.
    if (isTemplateDocument(doc, template)) return;
    const rules = documentPlaceholderRules(template);

    // Headings (the H1's "[Incident Title]") and link definitions ("- [Factor 1]: [Explanation]"
    // parses as one) are not text runs: read them from the top-level nodes and the lists.
    const definitions: Definition[] = [];
    for (const node of doc.tree.children) {
      if (node.type === 'heading') scanHeading(ctx, node, rules);
      else if (node.type === 'definition') definitions.push(node);
    }
    for (const { node: list } of doc.lists) {
      for (const item of list.children) {
        if (item.checked === false) continue;
        for (const child of item.children) if (child.type === 'definition') definitions.push(child);
      }
    }
    for (const d of definitions) reportPlaceholders(ctx, startOf(d), endOf(d), rules);
    reportAngleHtml(ctx, rules);

    const timeCells = new Set<TableCell>();
    for (const { node: table } of doc.tables) {
      const [header, ...rows] = table.children;
      if (!header || !isTimeColumnHeader(plainText(header.children[0] ?? header), ctx.timelineWords.time)) continue;
      for (const row of rows) if (row.children[0]) timeCells.add(row.children[0]);
    }

    // Complete: sign-off reports each Sign-off row with gaps once; its cells are not reported again here.
    const complete = ctx.status?.stage === 'complete';
    const signOffGaps = new Set<TableCell>();
    if (complete) for (const row of signOffRows(doc, template, ctx.doc.lines)) for (const gap of row.gaps) if (gap.cell) signOffGaps.add(gap.cell.cell);

    // A Summary choice list is reported once, with its field's suggestions (not again as a bracketed choice).
    const choiceLists = checkChoiceLists(ctx);
    for (const run of doc.textRuns) {
      if (run.cell && signOffGaps.has(run.cell)) continue;
      const taken: Span[] = [...choiceLists];
      if (run.cell && timeCells.has(run.cell)) {
        for (const t of scanTimePlaceholders(text.slice(run.start, run.end))) {
          const span = { start: run.start + t.start, end: run.start + t.end };
          ctx.report({ message: `Unfilled placeholder "${t.text}": replace it with the time of the event.`, ...span });
          taken.push(span);
        }
      }
      // The hint of an unchecked checklist option explains the option; it is not left to fill in.
      if (run.listItem?.checked !== false) reportPlaceholders(ctx, run.start, run.end, rules, { cellText: run.cell ? plainText(run.cell) : undefined, taken });
    }

    if (!complete) checkEmptyCells(ctx);
  },
};

function scanHeading(ctx: RuleContext, heading: Heading, rules: DocumentPlaceholderRules): void {
  const inTitle = heading === ctx.doc.title;
  for (const node of headingText(heading.children, [])) reportPlaceholders(ctx, startOf(node), endOf(node), rules, { inTitle });
}

/** Summary fields whose template value is a choice list must hold one choice: one suggestion per choice. Returns the values reported. */
function checkChoiceLists(ctx: RuleContext): Span[] {
  const { doc, template } = ctx;
  const reported: Span[] = [];
  const choiceFields = new Map(template.summaryFields.filter((f) => f.choices).map((f) => [f.name, f]));
  if (choiceFields.size === 0) return reported;
  for (const field of readSummary(doc, template).fields) {
    const choices = choiceFields.get(field.name)?.choices;
    if (!choices || !isUnchosenChoiceList(field.value, choices)) continue;
    reported.push({ start: field.valueStart, end: field.valueEnd });
    ctx.report({
      message: `Unchosen ${field.label} "${field.value}": keep one of ${choices.join(', ')}.`,
      start: field.valueStart,
      end: field.valueEnd,
      suggestions: choices.map((choice) => ({
        title: `Set ${field.label} to ${choice}`,
        edits: [ctx.edit(field.valueStart, field.valueEnd, choice)],
      })),
    });
  }
  return reported;
}

/**
 * Cells a template table leaves empty (Sign-off: Name, Date) are for the author to fill. The
 * document's table is the one in the same section with the same columns; rows match by first cell.
 */
function checkEmptyCells(ctx: RuleContext): void {
  for (const { section, templateRow, gaps } of signOffRows(ctx.doc, ctx.template, ctx.doc.lines)) {
    if (!templateRow) continue;
    const label = templateRow[0] as string;
    for (const gap of gaps) {
      // A placeholder left in the cell is reported as one; a column the template fills is not the author's.
      if (gap.cell && gap.cell.text !== '') continue;
      if (templateRow[gap.index]) continue;
      // A key/value table (| Incident Number |   | Severity |   |) has unnamed value columns: the key is the cell before.
      const key = gap.column ? label : (templateRow[gap.index - 1] ?? label) || label;
      ctx.report({
        message: gap.column
          ? `${section.title}: ${gap.column} for "${label}" is empty: expected ${withArticle(gap.column)}.`
          : `${section.title}: "${key}" is empty: expected a value.`,
        start: gap.start,
        end: gap.end,
      });
    }
  }
}
