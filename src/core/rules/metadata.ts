// metadata: the Summary fields (`**Severity:** SEV2`, `Severity: SEV2`, a key/value table, `## Severity`)
// and the YAML front matter hold valid values, checked by the validator precompiled from
// schemas/postmortem-metadata.schema.json. The template decides which fields a document has (a team
// template without "Beads Issue" does not require it) and, where it offers a choice list, which values
// are allowed. A document that does not follow the template is only told of values that are really
// wrong (a day the calendar has not), never of missing, empty or repeated fields.
import { hasOwnContent } from '../markdown/document';
import type { FieldLine } from '../markdown/fields';
import { fieldInsertion, fieldNeighbours, fieldsBlockInsertion } from '../postmortem/fieldInsert';
import { metadataFieldName, schemaProperty } from '../postmortem/fieldNames';
import { readFrontMatter, type FrontMatterEntry } from '../postmortem/frontMatter';
import {
  choicesFor,
  disagreementMessage,
  failingKeywords,
  inTitle,
  METADATA_PROPERTIES,
  problemMessage,
  REQUIRED_METADATA,
  sameValue,
  valueText,
  type MetadataValue,
} from '../postmortem/metadataErrors';
import { fieldValue, readSummary } from '../postmortem/summary';
import { isUnchosenChoiceList, knownPlaceholders, scanBracketPlaceholders } from '../template/placeholders';
import type { Fix } from '../types';
import { NO_OPTIONS, type Rule, type RuleContext } from './rule';

function summaryValue(ctx: RuleContext, field: FieldLine, name: string): MetadataValue {
  const templateField = ctx.template.summaryFields.find((f) => f.name === name);
  // Only the template's own choice list is a placeholder (the placeholder rule reports it).
  const choices = templateField?.choices;
  const raw = field.value;
  const { text, start, end } = fieldValue(field);
  const placeholder =
    raw !== '' &&
    (scanBracketPlaceholders(raw, knownPlaceholders(ctx.template)).length > 0 ||
      (choices !== undefined && isUnchosenChoiceList(raw, choices)) ||
      raw === templateField?.templateValue);
  const empty = text === '';
  return {
    name,
    property: schemaProperty(name, ctx.template),
    label: field.label,
    source: 'summary',
    value: empty ? undefined : text,
    start: empty ? field.labelStart : start,
    end: empty ? field.labelEnd : end,
    empty,
    placeholder,
    write: (v) => v,
    // An empty table cell takes its value where the reader put it; a line, after its label.
    insertAt: empty ? (field.layout === 'table' ? field.valueStart : field.labelEnd) : undefined,
  };
}

function frontMatterValue(ctx: RuleContext, entry: FrontMatterEntry, name: string): MetadataValue {
  const { value, start, end, empty, write, insertAt } = entry;
  const property = schemaProperty(name, ctx.template);
  return { name, property, label: `Front matter ${entry.key}`, source: 'front matter', value, start, end, empty, placeholder: false, write, insertAt };
}

function setTo(ctx: RuleContext, v: MetadataValue, choice: string, title: string): Fix | undefined {
  if (!v.write) return undefined;
  if (v.empty) {
    if (v.insertAt === undefined) return undefined;
    const gap = /[ \t]/.test(ctx.doc.text[v.insertAt - 1] ?? '') ? '' : ' ';
    return { title, edits: [ctx.edit(v.insertAt, v.insertAt, gap + v.write(choice))] };
  }
  return { title, edits: [ctx.edit(v.start, v.end, v.write(choice))] };
}

function reportValue(ctx: RuleContext, v: MetadataValue, keywords: ReadonlySet<string>): void {
  const suggestions = (choicesFor(ctx.template, v.name, v.property) ?? [])
    .map((choice) => setTo(ctx, v, choice, `Set ${inTitle(v)} to ${choice}`))
    .filter((f): f is Fix => f !== undefined);
  const message = problemMessage(v, keywords, ctx.template);
  ctx.report({ message, start: v.start, end: v.end, ...(suggestions.length ? { suggestions } : {}) });
}

export const metadata: Rule = {
  id: 'metadata',
  description:
    'The Summary fields and the front matter hold valid metadata (schemas/postmortem-metadata.schema.json): a real date, a duration, an allowed severity and status, the required names; and they agree.',
  defaultSeverity: 'error',
  fixable: true,
  hasSuggestions: true,
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  check(ctx) {
    const { template, followsTemplate } = ctx;
    const isMetadata = (name: string) => name in METADATA_PROPERTIES || template.summaryFields.some((f) => f.name === name);

    const { section, fields: summaryFields } = readSummary(ctx.doc, template);
    const fields = summaryFields.filter((f) => isMetadata(f.name));
    const summary: MetadataValue[] = [];
    const seen = new Map<string, FieldLine>();
    for (const field of fields) {
      const name = field.name;
      const first = seen.get(name);
      if (first) {
        if (!followsTemplate) continue;
        ctx.report({
          message: `${field.label} is given twice in the Summary (first on line ${ctx.doc.lines.point(first.labelStart).line}): keep one.`,
          start: field.labelStart,
          end: Math.max(field.labelEnd, field.valueEnd),
        });
        continue;
      }
      seen.set(name, field);
      summary.push(summaryValue(ctx, field, name));
    }
    const frontMatter = readFrontMatter(ctx.doc);
    if (frontMatter.error) ctx.report({ ...frontMatter.error, message: `Front matter is not valid YAML: ${frontMatter.error.message}` });
    const fromFrontMatter = frontMatter.entries.flatMap((e) => {
      const name = metadataFieldName(e.key, template);
      return name === undefined ? [] : [frontMatterValue(ctx, e, name)];
    });

    // One object: the Summary's values, and the front matter's where the Summary has none.
    const inSummary = new Set(summary.map((v) => v.name));
    const primary = [...summary, ...fromFrontMatter.filter((v) => !inSummary.has(v.name))];
    const shadowed = fromFrontMatter.filter((v) => inSummary.has(v.name));
    const checkable = (v: MetadataValue) => !v.empty && !v.placeholder;
    // The template's fields that are checked as a required schema property ("Incident date" as date).
    const required = new Set(template.summaryFields.filter((f) => REQUIRED_METADATA.includes(schemaProperty(f.name, template) ?? '')).map((f) => f.name));

    const failures = new Map<MetadataValue, Set<string>>();
    for (const group of [primary, shadowed]) {
      const values = group.filter(checkable);
      const failed = failingKeywords(values, template, followsTemplate);
      for (const v of values) {
        const keywords = failed.get(v.name);
        if (keywords) failures.set(v, keywords);
      }
    }
    for (const v of [...summary, ...fromFrontMatter]) {
      if (v.empty && required.has(v.name) && followsTemplate) reportValue(ctx, v, new Set());
      const keywords = failures.get(v);
      if (keywords) reportValue(ctx, v, keywords);
    }

    for (const s of summary) {
      const f = fromFrontMatter.find((v) => v.name === s.name);
      if (!f || !checkable(s) || !checkable(f) || failures.has(s) || failures.has(f) || sameValue(s, f)) continue;
      const suggestions = [
        setTo(ctx, s, valueText(f), `Set ${inTitle(s)} to ${valueText(f)} (as in the front matter)`),
        typeof s.value === 'string' ? setTo(ctx, f, s.value, `Set ${inTitle(f)} to ${s.value} (as in the Summary)`) : undefined,
      ].filter((x): x is Fix => x !== undefined);
      ctx.report({
        message: disagreementMessage(s, f),
        start: s.start,
        end: s.end,
        related: [{ message: `${f.label}: "${valueText(f)}".`, start: f.start, end: f.end }],
        ...(suggestions.length ? { suggestions } : {}),
      });
    }

    // Required fields neither the Summary nor the front matter has: reported at the Summary heading.
    if (!followsTemplate || !section || !hasOwnContent(section)) return;
    const present = new Set([...summary, ...fromFrontMatter].map((v) => v.name));
    const missing = template.summaryFields.filter((f) => required.has(f.name) && !present.has(f.name));
    if (missing.length === 0) return;
    if (fields.length === 0) {
      ctx.report({
        message: `Missing fields in "${section.title}": ${missing.map((f) => f.label).join(', ')}.`,
        start: section.start,
        end: section.headingEnd,
        fix: fieldsBlockInsertion(ctx, template, section, missing),
      });
      return;
    }
    for (const field of missing) {
      const { previous, next } = fieldNeighbours(template, seen, field.name);
      const where = previous ? ` (expected after "${previous.field.label}")` : next ? ` (expected before "${next.field.label}")` : '';
      const fix = fieldInsertion(ctx, template, seen, field.name);
      ctx.report({
        message: `Missing field "${field.label}" in "${section.title}"${where}.`,
        start: section.start,
        end: section.headingEnd,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
