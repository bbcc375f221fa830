// Which metadata field a label names, by its words: "Date/time", "Incident date" and "Date" are the
// Date; "Severity level" and "Incident Severity" the Severity; "Authors" the Author; "incident_id" the
// Incident ID. The one place a Summary label, a table's label cell, a heading or a front matter key is
// matched to a template field or a schema property.
import metadataSchema from '../../../schemas/postmortem-metadata.schema.json';
import { fieldName } from '../markdown/fields';
import { memoize } from '../markdown/memo';
import type { TemplateModel } from '../template/model';

/** Words that qualify a label without changing which field it names ("Incident Severity", "Severity level"). */
const QUALIFIERS = new Set(['incident', 'level', 'the', 'of', 'a', 'an', 'and', 'or']);

/** A label's words for matching: lower-case, singular ("Authors" -> author), qualifiers dropped; "date/time" is a date. */
function labelWords(label: string): string {
  const words = label
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !QUALIFIERS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  const kept = words.includes('date') ? words.filter((w) => w !== 'time') : words;
  return [...new Set(kept)].sort().join(' ');
}

/** The schema's property names and titles ("incidentId", "Incident ID"). */
const SCHEMA_FIELDS: readonly { name: string; label: string }[] = Object.entries(metadataSchema.properties as Record<string, { title: string }>).map(
  ([name, p]) => ({ name, label: p.title }),
);

/** The schema's properties by their words ("incident id" -> incidentId). */
const SCHEMA_INDEX = new Map<string, string>();
for (const f of SCHEMA_FIELDS) for (const w of [labelWords(f.label), labelWords(f.name)]) if (!SCHEMA_INDEX.has(w)) SCHEMA_INDEX.set(w, f.name);

/** The template's fields first, then the schema's properties it does not have: words -> name. */
function fieldIndex(template: TemplateModel): Map<string, string> {
  return memoize(template, 'field names', [], () => {
    const index = new Map<string, string>();
    const add = (words: string, name: string) => {
      if (words && !index.has(words)) index.set(words, name);
    };
    for (const f of template.summaryFields) add(labelWords(f.label), f.name);
    for (const f of template.summaryFields) add(labelWords(f.name), f.name);
    for (const [words, name] of SCHEMA_INDEX) add(words, name);
    return index;
  });
}

/** The template field or schema property a label names ("Date/time" -> date), or undefined. */
export function metadataFieldName(label: string, template: TemplateModel): string | undefined {
  return fieldIndex(template).get(labelWords(label));
}

/** Whether the label names one of the template's own Summary fields (not only a schema property). */
export function isTemplateFieldLabel(label: string, template: TemplateModel): boolean {
  const name = metadataFieldName(label, template);
  return name !== undefined && template.summaryFields.some((f) => f.name === name);
}

/** The field a label stands for: the template's or schema's name when it names one, else its own camelCase name. */
export function canonicalFieldName(label: string, template: TemplateModel): string {
  return metadataFieldName(label, template) ?? fieldName(label);
}

/**
 * The schema property a field is checked as: its own name when the schema has it, else the property
 * its template label names ("Incident date" -> date, "Severity level" -> severity); undefined for a
 * field the schema knows nothing of (Category, Time to detection).
 */
export function schemaProperty(name: string, template: TemplateModel): string | undefined {
  if (SCHEMA_FIELDS.some((f) => f.name === name)) return name;
  const field = template.summaryFields.find((f) => f.name === name);
  return field ? SCHEMA_INDEX.get(labelWords(field.label)) : undefined;
}
