// What is wrong with a metadata value (a Summary field or a front matter key), in the post-mortem's
// words: the validator precompiled from schemas/postmortem-metadata.schema.json gives ajv error
// keywords, the template's choice lists replace the schema's where it offers them, and each failing
// keyword becomes a message that says what was expected.
import type { ErrorObject } from 'ajv';
import metadataSchema from '../../../schemas/postmortem-metadata.schema.json';
import validateMetadata from '../generated/metadataValidator.js';
import type { TemplateModel } from '../template/model';
import { parseDuration } from './duration';
import { chosenOption, isReadableDuration, readMetadataDate } from './metadataValues';

interface PropertySchema {
  title?: string;
  enum?: string[];
  format?: string;
  examples?: string[];
}

/** The schema's properties by camelCase name ("incidentId"). */
export const METADATA_PROPERTIES = metadataSchema.properties as Record<string, PropertySchema>;
export const REQUIRED_METADATA: readonly string[] = metadataSchema.required;

/** How a message names what is wrong with a value and what is expected instead (by schema property). */
const WORDING: Record<string, { invalid: string; expected: string }> = {
  incidentId: { invalid: 'is not an incident ID', expected: 'an upper-case prefix, a hyphen and a number, e.g. INC-1234' },
  date: { invalid: 'is not a real calendar date', expected: 'YYYY-MM-DD' },
  duration: { invalid: 'is not a duration', expected: 'e.g. "1 hour 52 minutes", "1 h 52 min" or "45m"' },
  beadsIssue: { invalid: 'is not a beads issue', expected: 'bd://<issue-id> or N/A' },
  author: { invalid: 'is not a name', expected: 'a name' },
  incidentCommander: { invalid: 'is not a name', expected: 'a name' },
  reviewers: { invalid: 'is not a list of names', expected: 'names separated by commas' },
};

/** One metadata value as the document writes it. */
export interface MetadataValue {
  /** The schema property or template field name ("incidentId"). */
  name: string;
  /** The schema property it is checked as ("date" for a template's "Incident date"); undefined when the schema has none. */
  property: string | undefined;
  /** How messages call the field: the Summary label, or "Front matter <key>". */
  label: string;
  source: 'summary' | 'front matter';
  /** What is validated: text, a list (front matter), another YAML value; undefined when empty. */
  value: unknown;
  /** The value's text (for an empty value: the label or key). */
  start: number;
  end: number;
  empty: boolean;
  /** Still template text: the placeholder rule reports it. */
  placeholder: boolean;
  /** Writes a replacement value in this place's syntax; undefined when it cannot be replaced by text. */
  write: ((value: string) => string) | undefined;
  /** Where a value goes when the field is empty (after the label, with a space). */
  insertAt: number | undefined;
}

/** The template's choice list for a field, else the schema's for the property it is checked as. */
export function choicesFor(template: TemplateModel, name: string, property: string | undefined = name): string[] | undefined {
  return template.summaryFields.find((f) => f.name === name)?.choices ?? (property === undefined ? undefined : METADATA_PROPERTIES[property]?.enum);
}

function expectation(template: TemplateModel, v: MetadataValue): string {
  const choices = choicesFor(template, v.name, v.property);
  if (choices) return `one of ${choices.join(', ')}`;
  const property = v.property ?? v.name;
  const wording = WORDING[property];
  if (wording) return wording.expected;
  const examples = METADATA_PROPERTIES[property]?.examples;
  return examples ? `e.g. ${examples.join(' or ')}` : 'a value';
}

/** The label inside a sentence: "the front matter severity", "Severity". */
export function inSentence(v: MetadataValue): string {
  return v.source === 'front matter' ? `the f${v.label.slice(1)}` : v.label;
}

/** The label after a verb in a fix title: "Set front matter severity to SEV2". */
export function inTitle(v: MetadataValue): string {
  return v.source === 'front matter' ? `f${v.label.slice(1)}` : v.label;
}

export function valueText(v: MetadataValue): string {
  return Array.isArray(v.value) ? v.value.join(', ') : String(v.value);
}

/** Values equal for the reader: durations by minutes, names as lists. */
export function sameValue(a: MetadataValue, b: MetadataValue): boolean {
  if (a.property === 'duration') return parseDuration(valueText(a)) === parseDuration(valueText(b));
  const names = (v: MetadataValue) =>
    (Array.isArray(v.value) ? v.value.map(String) : String(v.value).split(/[,;]/))
      .map((s) => s.trim())
      .filter(Boolean)
      .join('\n');
  if (a.property === 'reviewers') return names(a) === names(b);
  return valueText(a) === valueText(b);
}

/** Whether the schema's complaint about a value is one a careful author would make too (metadataValues.ts). */
function isReal(v: MetadataValue, keyword: string, schemaEnum: readonly string[] | undefined, strict: boolean): boolean {
  const text = typeof v.value === 'string' ? v.value : undefined;
  if (keyword === 'format' && text !== undefined) {
    if (v.property === 'date') {
      const reading = readMetadataDate(text);
      return reading === 'impossible' || (strict && reading !== 'date');
    }
    if (v.property === 'duration') return strict && !isReadableDuration(text);
  }
  if (!strict) return false;
  if (keyword === 'enum' && text !== undefined && schemaEnum && chosenOption(text, schemaEnum) !== undefined) return false;
  return true;
}

/**
 * Validates values with the schema, plus the template's own choice lists; returns the failing keywords
 * by field. `strict` (the document follows the template): the template's conventions apply (choices,
 * patterns, a readable date and duration); otherwise only a value that is really wrong fails (a day the
 * calendar has not). The schema's choices and patterns apply only to fields the template has.
 */
export function failingKeywords(values: readonly MetadataValue[], template: TemplateModel, strict = true): Map<string, Set<string>> {
  const data: Record<string, unknown> = {};
  // Validated as the schema properties they are checked as; a field the schema has not is not validated by it.
  const byProperty = new Map(values.flatMap((v) => (v.property === undefined ? [] : [[v.property, v] as const])));
  for (const [property, v] of byProperty) data[property] = v.value;
  const failed = new Map<string, Set<string>>();
  const fail = (name: string, keyword: string) => {
    const set = failed.get(name) ?? new Set<string>();
    set.add(keyword);
    failed.set(name, set);
  };
  const templateChoices = new Map(template.summaryFields.filter((f) => f.choices).map((f) => [f.name, f.choices as string[]]));
  const templateNames = new Set(template.summaryFields.map((f) => f.name));
  if (!validateMetadata(data)) {
    for (const e of (validateMetadata.errors ?? []) as ErrorObject[]) {
      if (e.keyword === 'required') continue; // missing fields are found from the template, not the schema
      const property = e.instancePath.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
      const v = property === undefined ? undefined : byProperty.get(property);
      if (property === undefined || !v) continue;
      // The team template's choice list replaces the schema's enum for that field.
      if (e.keyword === 'enum' && templateChoices.has(v.name)) continue;
      // A field the template does not have keeps only the schema's formats (a real date, a duration).
      if (e.keyword !== 'format' && e.keyword !== 'type' && !templateNames.has(v.name)) continue;
      if (!isReal(v, e.keyword, METADATA_PROPERTIES[property]?.enum, strict)) continue;
      fail(v.name, e.keyword);
    }
  }
  if (strict) {
    for (const v of values) {
      const choices = templateChoices.get(v.name);
      if (choices && typeof v.value === 'string' && chosenOption(v.value, choices) === undefined) fail(v.name, 'enum');
    }
  }
  return failed;
}

/** What is wrong with an invalid value, in words: a date the calendar has not, one read two ways, no date. */
function invalidWording(v: MetadataValue): string {
  if (v.property === 'date' && typeof v.value === 'string') {
    const reading = readMetadataDate(v.value);
    if (reading === 'ambiguous') return 'reads as two different days (day/month or month/day)';
    if (reading === 'unreadable') return 'is not a date';
  }
  return WORDING[v.property ?? v.name]?.invalid ?? 'is not valid';
}

/** The message for an empty value (no keywords) or one failing `keywords`: what is wrong, what is expected. */
export function problemMessage(v: MetadataValue, keywords: ReadonlySet<string>, template: TemplateModel): string {
  const expected = expectation(template, v);
  if (v.empty) return `${v.label} is empty: expected ${expected}.`;
  // A YAML list or mapping where text belongs (reviewers may be a list, of texts).
  if (keywords.has('type')) return `${v.label} must be ${v.property === 'reviewers' ? 'text or a list of names' : 'a single value'}: expected ${expected}.`;
  if (choicesFor(template, v.name, v.property) && keywords.has('enum')) return `${v.label} "${valueText(v)}" is not allowed: expected ${expected}.`;
  return `${v.label} "${valueText(v)}" ${invalidWording(v)}: expected ${expected}.`;
}

/** The Summary and the front matter say different things. */
export function disagreementMessage(summary: MetadataValue, frontMatter: MetadataValue): string {
  return `${summary.label} "${valueText(summary)}" disagrees with ${inSentence(frontMatter)} "${valueText(frontMatter)}": keep one value.`;
}
