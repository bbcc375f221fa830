// Inserting the Summary fields a document lacks: one field line at its template position, written
// like the field line next to it (list item or hard-broken line), or the whole fields block under
// the Summary heading when the section has none.
import type { Section } from '../markdown/document';
import type { FieldLine } from '../markdown/fields';
import type { TextEditing } from '../markdown/tableCells';
import type { SummaryField, TemplateModel } from '../template/model';
import type { Fix } from '../types';

/** What an insertion needs of its caller (a rule's context has it): TextEditing and the document's line break. */
export interface FieldEditing extends TextEditing {
  eol: string;
}

/** A field line as the template writes it: `**Severity:** SEV1 | SEV2 | SEV3 | SEV4`. */
const templateLine = (field: SummaryField) => `**${field.label}:** ${field.templateValue}`;

export interface FieldNeighbours {
  /** The nearest template field before it that the document has, with its line. */
  previous: { field: SummaryField; line: FieldLine } | undefined;
  /** The nearest template field after it that the document has. */
  next: { field: SummaryField; line: FieldLine } | undefined;
}

/** Where a missing field belongs among the fields present (by template field name). */
export function fieldNeighbours(template: TemplateModel, present: ReadonlyMap<string, FieldLine>, name: string): FieldNeighbours {
  const index = template.summaryFields.findIndex((f) => f.name === name);
  const withLine = (field: SummaryField) => {
    const line = present.get(field.name);
    return line ? { field, line } : undefined;
  };
  const find = (fields: SummaryField[]) => fields.map(withLine).find((x) => x !== undefined);
  return {
    previous: index < 0 ? undefined : find(template.summaryFields.slice(0, index).reverse()),
    next: index < 0 ? undefined : find(template.summaryFields.slice(index + 1)),
  };
}

/** Start and end (before its line break: LF, CRLF or CR) of the line holding offset. */
function lineAround(ctx: FieldEditing, offset: number): { start: number; end: number } {
  const line = ctx.doc.lines.point(offset).line;
  return { start: ctx.doc.lines.lineStart(line), end: ctx.doc.lines.lineEnd(line) };
}

/**
 * The missing field's line: after the line of the nearest earlier template field that is present,
 * else before the nearest later one; written like that line (list item or hard-broken line).
 */
export function fieldInsertion(ctx: FieldEditing, template: TemplateModel, present: ReadonlyMap<string, FieldLine>, name: string): Fix | undefined {
  const field = template.summaryFields.find((f) => f.name === name);
  if (!field) return undefined;
  const { eol } = ctx;
  const { text } = ctx.doc;
  const line = templateLine(field);
  const title = `Insert field "${field.label}"`;
  const { previous, next } = fieldNeighbours(template, present, name);
  if (previous) {
    const before = previous.line;
    const prefix = text.slice(lineAround(ctx, before.labelStart).start, before.labelStart);
    const end = lineAround(ctx, before.valueEnd).end;
    if (prefix.trim()) return { title, edits: [ctx.edit(end, end, `${eol}${prefix}${line}`)] };
    const hardBreak = text.slice(before.valueEnd, end);
    const edit = hardBreak ? `${eol}${line}${hardBreak}` : `  ${eol}${line}`;
    return { title, edits: [ctx.edit(end, end, edit)] };
  }
  if (next) {
    const after = next.line;
    const start = lineAround(ctx, after.labelStart).start;
    const prefix = text.slice(start, after.labelStart);
    const suffix = prefix.trim() ? '' : '  ';
    return { title, edits: [ctx.edit(start, start, `${prefix}${line}${suffix}${eol}`)] };
  }
  return undefined;
}

/** The template's lines of the missing fields, hard-broken, after the heading of a section that has no field. */
export function fieldsBlockInsertion(ctx: FieldEditing, section: Section, missing: readonly SummaryField[]): Fix {
  const block = missing.map(templateLine).join(`  ${ctx.eol}`);
  return {
    title: `Insert the ${section.title} fields`,
    edits: [ctx.edit(section.headingEnd, section.headingEnd, `${ctx.eol}${ctx.eol}${block}`)],
  };
}
