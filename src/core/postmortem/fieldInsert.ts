// Inserting the Summary fields a document lacks: each field at its template position, written like
// the field next to it (table row, list item, `<br>`-separated or hard-broken line), or the whole
// fields block under the Summary heading, in the template's layout, when the section has none.
import type { Section } from '../markdown/document';
import { FIELD_LINE_PREFIX as LINE_PREFIX, type FieldLine } from '../markdown/fields';
import type { TextEditing } from '../markdown/tableCells';
import type { SummaryField, TemplateModel } from '../template/model';
import type { Fix, TextEdit } from '../types';
import { templateFieldLayout, writeField, type TemplateFieldLayout } from './metadataLayouts';

/** What an insertion needs of its caller (a rule's context has it): TextEditing and the document's line break. */
export interface FieldEditing extends TextEditing {
  eol: string;
}

/** A field as `layout` writes it, with the template's value: `**Severity:** SEV1 | SEV2 | SEV3 | SEV4`. */
const templateLine = (field: SummaryField, layout: TemplateFieldLayout) => writeField(layout, field.label, field.templateValue);

const BREAK_AFTER = /^[ \t]*<br[ \t]*\/?>/i;

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
 * The missing field: after the nearest earlier template field that is present, else before the
 * nearest later one; written like that field (table row, list item, `<br>`-separated or hard-broken
 * line). No edit beside a field that is a heading of its own.
 */
export function fieldInsertionEdit(ctx: FieldEditing, template: TemplateModel, present: ReadonlyMap<string, FieldLine>, name: string): TextEdit | undefined {
  const field = template.summaryFields.find((f) => f.name === name);
  if (!field) return undefined;
  const { eol } = ctx;
  const { text } = ctx.doc;
  const { previous, next } = fieldNeighbours(template, present, name);
  const neighbour = previous?.line ?? next?.line;
  if (!neighbour || neighbour.layout === 'heading') return undefined;
  const { start, end } = lineAround(ctx, neighbour.labelStart);
  const before = text.slice(start, neighbour.labelStart);
  const bullet = (LINE_PREFIX.exec(before) as RegExpExecArray)[0];
  if (neighbour.layout === 'table') {
    // A row of its own, indented as the neighbour's row.
    const row = `${text.slice(start, text.indexOf('|', start))}${templateLine(field, { layout: 'table', prefix: '' })}`;
    return previous ? ctx.edit(end, end, `${eol}${row}`) : ctx.edit(start, start, `${row}${eol}`);
  }
  const line = templateLine(field, { layout: neighbour.layout, prefix: bullet.trim() ? bullet : '' });
  const tagAfter = BREAK_AFTER.exec(text.slice(neighbour.valueEnd, neighbour.valueEnd + 16));
  // `<br>`-separated fields: the new one joins them on their line.
  const inline = before.length > bullet.length;
  if (previous) {
    if (tagAfter) {
      const at = neighbour.valueEnd + tagAfter[0].length;
      return ctx.edit(at, at, ` ${templateLine(field, { layout: neighbour.layout, prefix: '' })}${tagAfter[0].trim()}`);
    }
    if (inline) return ctx.edit(neighbour.valueEnd, neighbour.valueEnd, `<br> ${templateLine(field, { layout: neighbour.layout, prefix: '' })}`);
    const lineEnd = lineAround(ctx, neighbour.valueEnd).end;
    if (bullet.trim()) return ctx.edit(lineEnd, lineEnd, `${eol}${line}`);
    const hardBreak = text.slice(neighbour.valueEnd, lineEnd);
    return ctx.edit(lineEnd, lineEnd, hardBreak ? `${eol}${bullet}${line}${hardBreak}` : `  ${eol}${bullet}${line}`);
  }
  if (tagAfter || inline) {
    return ctx.edit(neighbour.labelStart, neighbour.labelStart, `${templateLine(field, { layout: neighbour.layout, prefix: '' })}${tagAfter?.[0].trim() ?? '<br>'} `);
  }
  const suffix = bullet.trim() ? '' : '  ';
  return ctx.edit(start, start, `${bullet.trim() ? '' : bullet}${line}${suffix}${eol}`);
}

export function fieldInsertion(ctx: FieldEditing, template: TemplateModel, present: ReadonlyMap<string, FieldLine>, name: string): Fix | undefined {
  const field = template.summaryFields.find((f) => f.name === name);
  const edit = field && fieldInsertionEdit(ctx, template, present, name);
  return field && edit ? { title: `Insert field "${field.label}"`, edits: [edit] } : undefined;
}

/** The template's lines of the missing fields, hard-broken, after the heading of a section that has no field. */
export function fieldsBlockInsertion(ctx: FieldEditing, template: TemplateModel, section: Section, missing: readonly SummaryField[]): Fix {
  const layout = templateFieldLayout(template);
  const lines = missing.map((f) => templateLine(f, layout));
  const block =
    layout.layout === 'table'
      ? [`| Field | Value |`, `| --- | --- |`, ...lines].join(ctx.eol)
      : lines.join(layout.layout === 'line' && layout.prefix ? ctx.eol : `  ${ctx.eol}`);
  return {
    title: `Insert the ${section.title} fields`,
    edits: [ctx.edit(section.headingEnd, section.headingEnd, `${ctx.eol}${ctx.eol}${block}`)],
  };
}
