// placeholder: template text left unfilled. Bracketed placeholders ([Name], [INC-XXXX]), HH:MM in a
// timeline's time column, a summary choice list nobody chose from (SEV1 | SEV2 | SEV3 | SEV4), and
// the cells a template table leaves empty for the author (the Sign-off names and dates).
import type { Definition, Heading, PhrasingContent, RootContent, TableCell, TableRow } from 'mdast';
import { endOf, normalizeTitle, plainText, rowTexts, startOf } from '../document';
import { readFieldLines } from '../fields';
import { isTimeColumnHeader, isUnchosenChoiceList, scanBracketPlaceholders, scanTimePlaceholders, templatePlaceholders } from '../placeholders';
import { NO_OPTIONS, type Rule, type RuleContext } from '../rule';
import { matchSections } from '../sectionMatch';
import type { TemplateModel } from '../template/model';

const knownByTemplate = new WeakMap<TemplateModel, Set<string>>();

function knownPlaceholders(template: TemplateModel): Set<string> {
  let known = knownByTemplate.get(template);
  if (!known) knownByTemplate.set(template, (known = templatePlaceholders(template.source)));
  return known;
}

function reportBrackets(ctx: RuleContext, from: number, to: number, known: ReadonlySet<string>): void {
  for (const p of scanBracketPlaceholders(ctx.text.slice(from, to), known)) {
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

/** The source between a cell's pipes: zero-width for `||`. */
function cellInner(text: string, cell: TableCell, isLast: boolean): { start: number; end: number } {
  const from = startOf(cell);
  const start = text[from] === '|' ? from + 1 : from;
  let end = endOf(cell);
  if (isLast) {
    let e = end;
    while (e > start && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
    if (e > start && text[e - 1] === '|' && text[e - 2] !== '\\') e--;
    end = e;
  }
  return { start, end: Math.max(start, end) };
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
    const { doc, text, template } = ctx;
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
      if (!header || !isTimeColumnHeader(plainText(header.children[0] ?? header))) continue;
      for (const row of rows) if (row.children[0]) timeCells.add(row.children[0]);
    }

    for (const run of doc.textRuns) {
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
    checkEmptyCells(ctx);
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
  const key = template.summarySectionKey;
  const summary = key === undefined ? undefined : matchSections(doc, template).find((m) => m.template.key === key)?.found[0];
  const nodes: readonly RootContent[] = summary ? summary.nodes : doc.tree.children;
  for (const field of readFieldLines(ctx.text, nodes)) {
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
  const { doc, template, text } = ctx;
  const columnsKey = (columns: readonly string[]) => columns.map(normalizeTitle).join('|');
  for (const t of template.tables) {
    const required = t.rows.filter((row) => row[0] && t.columns.some((_, j) => j > 0 && !row[j]));
    if (required.length === 0) continue;
    const wanted = columnsKey(t.columns);
    for (const { node: table, section } of doc.tables) {
      if (section?.key !== t.sectionKey) continue;
      const [header, ...rows] = table.children;
      if (!header || columnsKey(rowTexts(header)) !== wanted) continue;
      const byFirstCell = new Map<string, TableRow>();
      for (const row of rows) {
        const first = normalizeTitle(plainText(row.children[0] ?? row));
        if (first && !byFirstCell.has(first)) byFirstCell.set(first, row);
      }
      for (const templateRow of required) {
        const label = templateRow[0] as string;
        const row = byFirstCell.get(normalizeTitle(label));
        if (!row) continue;
        t.columns.forEach((column, j) => {
          if (j === 0 || templateRow[j]) return;
          const cell = row.children[j];
          if (cell && plainText(cell).trim() !== '') return;
          const range = cell ? cellInner(text, cell, j === row.children.length - 1) : { start: endOf(row), end: endOf(row) };
          ctx.report({
            message: `${section.title}: ${column} for "${label}" is empty: expected ${withArticle(column)}.`,
            start: range.start,
            end: range.end,
          });
        });
      }
    }
  }
}
