// placeholder: template text left unfilled. Bracketed placeholders ([Name], [INC-XXXX]), HH:MM in a
// timeline's time column, a summary choice list nobody chose from (SEV1 | SEV2 | SEV3 | SEV4), and
// the cells a template table leaves empty for the author (the Sign-off names and dates).
// Once the Status says Complete, the Sign-off table's gaps are sign-off's (one finding per row that
// says what is missing): this rule leaves those cells alone instead of reporting each again.
import type { Definition, Heading, PhrasingContent, TableCell } from 'mdast';
import { endOf, plainText, startOf } from '../markdown/document';
import { isTimeColumnHeader, isUnchosenChoiceList, knownPlaceholders, scanBracketPlaceholders, scanTimePlaceholders } from '../template/placeholders';
import { NO_OPTIONS, type Rule, type RuleContext } from './rule';
import { signOffRows } from '../postmortem/signOffTable';
import { readSummary } from '../postmortem/summary';

function reportBrackets(ctx: RuleContext, from: number, to: number, known: ReadonlySet<string>): void {
  for (const p of scanBracketPlaceholders(ctx.doc.text.slice(from, to), known)) {
    ctx.report({
      message: `Unfilled placeholder "${p.text}": replace it with the real value.`,
      start: from + p.start,
      end: from + p.end,
    });
  }
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
    const known = knownPlaceholders(template);

    // Headings (the H1's "[Incident Title]") and link definitions ("- [Factor 1]: [Explanation]"
    // parses as one) are not text runs: read them from the top-level nodes and the lists.
    const definitions: Definition[] = [];
    for (const node of doc.tree.children) {
      if (node.type === 'heading') scanHeading(ctx, node, known);
      else if (node.type === 'definition') definitions.push(node);
    }
    for (const { node: list } of doc.lists) {
      for (const item of list.children) {
        if (item.checked === false) continue;
        for (const child of item.children) if (child.type === 'definition') definitions.push(child);
      }
    }
    for (const d of definitions) reportBrackets(ctx, startOf(d), endOf(d), known);

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

    for (const run of doc.textRuns) {
      if (run.cell && signOffGaps.has(run.cell)) continue;
      // The hint of an unchecked checklist option explains the option; it is not left to fill in.
      if (run.listItem?.checked !== false) reportBrackets(ctx, run.start, run.end, known);
      if (run.cell && timeCells.has(run.cell)) {
        for (const t of scanTimePlaceholders(text.slice(run.start, run.end))) {
          ctx.report({
            message: `Unfilled placeholder "${t.text}": replace it with the time of the event.`,
            start: run.start + t.start,
            end: run.start + t.end,
          });
        }
      }
    }

    checkChoiceLists(ctx);
    if (!complete) checkEmptyCells(ctx);
  },
};

function scanHeading(ctx: RuleContext, heading: Heading, known: ReadonlySet<string>): void {
  for (const node of headingText(heading.children, [])) reportBrackets(ctx, startOf(node), endOf(node), known);
}

/** Summary fields whose template value is a choice list must hold one choice: one suggestion per choice. */
function checkChoiceLists(ctx: RuleContext): void {
  const { doc, template } = ctx;
  const choiceFields = new Map(template.summaryFields.filter((f) => f.choices).map((f) => [f.name, f]));
  if (choiceFields.size === 0) return;
  for (const field of readSummary(doc, template).fields) {
    const choices = choiceFields.get(field.name)?.choices;
    if (!choices || !isUnchosenChoiceList(field.value, choices)) continue;
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
      ctx.report({
        message: `${section.title}: ${gap.column} for "${label}" is empty: expected ${withArticle(gap.column)}.`,
        start: gap.start,
        end: gap.end,
      });
    }
  }
}
