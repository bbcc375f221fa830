// metadata: the Summary fields (`**Severity:** SEV2`) and the YAML front matter hold valid values,
// checked by the validator precompiled from schemas/postmortem-metadata.schema.json. The template
// decides which fields a document has (a team template without "Beads Issue" does not require it)
// and, where it offers a choice list, which values are allowed.
import type { ErrorObject } from 'ajv';
import type { RootContent } from 'mdast';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import metadataSchema from '../../../schemas/postmortem-metadata.schema.json';
import { hasOwnContent, type Section } from '../markdown/document';
import { parseDuration } from '../postmortem/duration';
import { readFieldLines, type FieldLine } from '../markdown/fields';
import validateMetadata from '../generated/metadataValidator.js';
import { isUnchosenChoiceList, scanBracketPlaceholders, templatePlaceholders } from '../template/placeholders';
import { NO_OPTIONS, type Rule, type RuleContext } from './rule';
import { matchSections } from '../template/sectionMatch';
import type { TemplateModel } from '../template/model';
import type { Fix } from '../types';

interface PropertySchema {
  title?: string;
  enum?: string[];
  format?: string;
  examples?: string[];
}

const PROPERTIES = metadataSchema.properties as Record<string, PropertySchema>;
const REQUIRED: readonly string[] = metadataSchema.required;

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

type Source = 'summary' | 'front matter';

/** One metadata value as the document writes it. */
interface MetadataValue {
  name: string;
  /** How messages call the field: the Summary label, or "Front matter <key>". */
  label: string;
  source: Source;
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

const normalizeKey = (key: string) => key.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const knownPlaceholdersByTemplate = new WeakMap<TemplateModel, Set<string>>();

function knownPlaceholders(template: TemplateModel): Set<string> {
  let known = knownPlaceholdersByTemplate.get(template);
  if (!known) knownPlaceholdersByTemplate.set(template, (known = templatePlaceholders(template.source)));
  return known;
}

/** The text inside markup wrapped around a whole value: `INC-1`, **SEV2**, [INC-1](https://...), <bd://x>. */
function innerValue(raw: string): { start: number; end: number } {
  let start = 0;
  let end = raw.length;
  for (;;) {
    const s = raw.slice(start, end);
    const wrapped = /^(\*\*|__|\*|_|`+)(?=\S)([^]*\S)\1$/.exec(s);
    const link = /^\[([^\]]+)\]\([^)]*\)$/.exec(s);
    const autolink = /^<([^<>\s]+)>$/.exec(s);
    if (wrapped) {
      const width = (wrapped[1] as string).length;
      start += width;
      end -= width;
    } else if (link) {
      start += 1;
      end = start + (link[1] as string).length;
    } else if (autolink) {
      start += 1;
      end -= 1;
    } else {
      return { start, end };
    }
  }
}

function choicesFor(template: TemplateModel, name: string): string[] | undefined {
  return template.summaryFields.find((f) => f.name === name)?.choices ?? PROPERTIES[name]?.enum;
}

function expectation(template: TemplateModel, name: string): string {
  const choices = choicesFor(template, name);
  if (choices) return `one of ${choices.join(', ')}`;
  const wording = WORDING[name];
  if (wording) return wording.expected;
  const examples = PROPERTIES[name]?.examples;
  return examples ? `e.g. ${examples.join(' or ')}` : 'a value';
}

function summaryValue(ctx: RuleContext, field: FieldLine, name: string, known: ReadonlySet<string>): MetadataValue {
  const templateField = ctx.template.summaryFields.find((f) => f.name === name);
  // Only the template's own choice list is a placeholder (the placeholder rule reports it).
  const choices = templateField?.choices;
  const raw = field.value;
  const inner = innerValue(raw);
  const text = raw.slice(inner.start, inner.end).trim();
  const placeholder =
    raw !== '' &&
    (scanBracketPlaceholders(raw, known).length > 0 ||
      (choices !== undefined && isUnchosenChoiceList(raw, choices)) ||
      raw === templateField?.templateValue);
  const empty = text === '';
  return {
    name,
    label: field.label,
    source: 'summary',
    value: empty ? undefined : text,
    start: empty ? field.labelStart : field.valueStart + inner.start,
    end: empty ? field.labelEnd : field.valueStart + inner.end,
    empty,
    placeholder,
    write: (v) => v,
    insertAt: empty ? field.labelEnd : undefined,
  };
}

const PLAIN_SAFE = /^[\p{L}\p{N}][\p{L}\p{N} ._/:@'-]*$/u;

/** Plain when YAML reads it back as the same text; quoted otherwise ("a: b", "#1"). */
const writeYamlText = (v: string) => (PLAIN_SAFE.test(v) && !/: | #|\s$/.test(v) ? v : JSON.stringify(v));

/** The value's text inside its quotes, and how to write a replacement there; no writer for block scalars. */
function yamlValue(scalar: Scalar, text: string, start: number, end: number): { start: number; end: number; write: MetadataValue['write'] } {
  const quote = scalar.type === 'QUOTE_DOUBLE' ? '"' : scalar.type === 'QUOTE_SINGLE' ? "'" : undefined;
  if (quote && text[start] === quote && text[end - 1] === quote && end - start >= 2) {
    const write = quote === '"' ? (v: string) => JSON.stringify(v).slice(1, -1) : (v: string) => v.replace(/'/g, "''");
    return { start: start + 1, end: end - 1, write };
  }
  if (scalar.type === 'PLAIN' || scalar.type === undefined) return { start, end, write: writeYamlText };
  return { start, end, write: undefined }; // block scalars span lines: not replaced by a quick fix
}

/** A YAML value as the schema sees it: text for a scalar, a list of texts, an object for a mapping. */
function yamlData(node: unknown): unknown {
  if (isScalar(node)) return String(node.value ?? '').trim();
  if (isSeq(node)) return node.items.map(yamlData);
  return {};
}

/** The front matter's metadata keys (camelCase names or labels); a YAML error is reported here. */
function readFrontMatter(ctx: RuleContext, names: ReadonlyMap<string, string>): MetadataValue[] {
  const { doc, text } = ctx;
  const fm = doc.frontmatter;
  if (!fm?.position) return [];
  const fmStart = fm.position.start.offset ?? 0;
  const fmEnd = fm.position.end.offset ?? fmStart;
  // The YAML starts on the line after the opening `---`.
  let base = text.indexOf('\n', fmStart) + 1;
  if (!text.startsWith(fm.value, base)) base = text.indexOf(fm.value, fmStart);
  if (base < 0) return [];

  const yaml = parseDocument(fm.value, { prettyErrors: false });
  const error = yaml.errors[0];
  if (error) {
    const [from, to] = error.pos;
    const start = base + Math.min(from, fm.value.length);
    // The parser points at one character: show the whole token there ("severity" of a duplicate key).
    const token = /^[^\s:,\[\]{}]*/.exec(fm.value.slice(from))?.[0].length ?? 0;
    const message = error.message.replace(/\s+/g, ' ').trim().replace(/[^.!?]$/, '$&.');
    const end = base + Math.min(Math.max(to, from + token), fm.value.length);
    ctx.report({ message: `Front matter is not valid YAML: ${message}`, start, end: Math.max(start, end) });
    return [];
  }

  const values: MetadataValue[] = [];
  if (isMap(yaml.contents)) {
    for (const pair of yaml.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const name = names.get(normalizeKey(key));
      if (name === undefined) continue;
      const keyStart = base + pair.key.range[0];
      const keyEnd = base + pair.key.range[1];
      const label = `Front matter ${key}`;
      const node = pair.value;
      const common = { name, label, source: 'front matter' as const, placeholder: false };
      if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) {
        const at = node?.range ? base + node.range[0] : keyEnd + 1;
        values.push({ ...common, value: undefined, start: keyStart, end: keyEnd, empty: true, write: (v) => v, insertAt: Math.min(at, fmEnd) });
        continue;
      }
      if (!node.range) continue;
      let start = base + node.range[0];
      let end = base + node.range[1];
      let value: unknown;
      let write: MetadataValue['write'];
      if (isScalar(node)) {
        // Numbers and booleans are checked as written ("45", not 45).
        value = typeof node.value === 'string' ? node.value.trim() : text.slice(start, end);
        ({ start, end, write } = yamlValue(node, text, start, end));
      } else {
        // An alias holds its anchor's value. A list or mapping where one value belongs, or an alias,
        // is replaced by the value written as text.
        value = yamlData(isAlias(node) ? node.resolve(yaml) : node);
        write = writeYamlText;
      }
      values.push({ ...common, value, start, end, empty: false, write, insertAt: undefined });
    }
  }
  return values;
}

/** The label inside a sentence: "the front matter severity", "Severity". */
function inSentence(v: MetadataValue): string {
  return v.source === 'front matter' ? `the f${v.label.slice(1)}` : v.label;
}

/** The label after a verb in a fix title: "Set front matter severity to SEV2". */
function inTitle(v: MetadataValue): string {
  return v.source === 'front matter' ? `f${v.label.slice(1)}` : v.label;
}

function valueText(v: MetadataValue): string {
  return Array.isArray(v.value) ? v.value.join(', ') : String(v.value);
}

/** Values equal for the reader: durations by minutes, names as lists. */
function sameValue(a: MetadataValue, b: MetadataValue): boolean {
  if (a.name === 'duration') return parseDuration(valueText(a)) === parseDuration(valueText(b));
  const names = (v: MetadataValue) =>
    (Array.isArray(v.value) ? v.value.map(String) : String(v.value).split(/[,;]/))
      .map((s) => s.trim())
      .filter(Boolean)
      .join('\n');
  if (a.name === 'reviewers') return names(a) === names(b);
  return valueText(a) === valueText(b);
}

function setTo(ctx: RuleContext, v: MetadataValue, choice: string, title: string): Fix | undefined {
  if (!v.write) return undefined;
  if (v.empty) {
    if (v.insertAt === undefined) return undefined;
    const gap = /[ \t]/.test(ctx.text[v.insertAt - 1] ?? '') ? '' : ' ';
    return { title, edits: [ctx.edit(v.insertAt, v.insertAt, gap + v.write(choice))] };
  }
  return { title, edits: [ctx.edit(v.start, v.end, v.write(choice))] };
}

function reportValue(ctx: RuleContext, v: MetadataValue, keywords: ReadonlySet<string>): void {
  const { template } = ctx;
  const choices = choicesFor(template, v.name);
  const suggestions = (choices ?? [])
    .map((choice) => setTo(ctx, v, choice, `Set ${inTitle(v)} to ${choice}`))
    .filter((f): f is Fix => f !== undefined);
  const expected = expectation(template, v.name);
  let message: string;
  if (v.empty) {
    message = `${v.label} is empty: expected ${expected}.`;
  } else if (keywords.has('type')) {
    // A YAML list or mapping where text belongs (reviewers may be a list, of texts).
    message = `${v.label} must be ${v.name === 'reviewers' ? 'text or a list of names' : 'a single value'}: expected ${expected}.`;
  } else if (choices && keywords.has('enum')) {
    message = `${v.label} "${valueText(v)}" is not allowed: expected ${expected}.`;
  } else {
    message = `${v.label} "${valueText(v)}" ${WORDING[v.name]?.invalid ?? 'is not valid'}: expected ${expected}.`;
  }
  ctx.report({ message, start: v.start, end: v.end, ...(suggestions.length ? { suggestions } : {}) });
}

/** Validates values with the schema, plus the template's own choice lists; returns the failing keywords by field. */
function validate(values: readonly MetadataValue[], template: TemplateModel): Map<string, Set<string>> {
  const data: Record<string, unknown> = {};
  for (const v of values) data[v.name] = v.value;
  const failed = new Map<string, Set<string>>();
  const fail = (name: string, keyword: string) => {
    const set = failed.get(name) ?? new Set<string>();
    set.add(keyword);
    failed.set(name, set);
  };
  const templateChoices = new Map(template.summaryFields.filter((f) => f.choices).map((f) => [f.name, f.choices as string[]]));
  if (!validateMetadata(data)) {
    for (const e of (validateMetadata.errors ?? []) as ErrorObject[]) {
      if (e.keyword === 'required') continue; // missing fields are found from the template below
      const name = e.instancePath.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
      if (name === undefined) continue;
      // The team template's choice list replaces the schema's enum for that field.
      if (e.keyword === 'enum' && templateChoices.has(name)) continue;
      fail(name, e.keyword);
    }
  }
  for (const v of values) {
    const choices = templateChoices.get(v.name);
    if (choices && typeof v.value === 'string' && !choices.includes(v.value)) fail(v.name, 'enum');
  }
  return failed;
}

function summarySection(ctx: RuleContext): Section | undefined {
  const key = ctx.template.summarySectionKey;
  if (key === undefined) return undefined;
  return matchSections(ctx.doc, ctx.template).find((m) => m.template.key === key)?.found[0];
}

/** The nodes before the first section: where a summary without its heading would be. */
function nodesBeforeSections(ctx: RuleContext): RootContent[] {
  const first = ctx.doc.sections[0];
  const limit = first ? first.start : ctx.text.length;
  return ctx.doc.tree.children.filter((n) => n.type !== 'yaml' && (n.position?.end.offset ?? 0) <= limit);
}

/** Start and end (before its line break: LF, CRLF or CR) of the line holding offset. */
function lineAround(ctx: RuleContext, offset: number): { start: number; end: number } {
  const line = ctx.lines.point(offset).line;
  return { start: ctx.lines.lineStart(line), end: ctx.lines.lineEnd(line) };
}

/**
 * Where a missing field's line goes: after the line of the nearest earlier template field that is
 * present, else before the nearest later one; written like that line (list item or hard-broken line).
 */
function fieldInsertion(ctx: RuleContext, byName: ReadonlyMap<string, FieldLine>, name: string): Fix | undefined {
  const { template, text, eol } = ctx;
  const order = template.summaryFields.map((f) => f.name);
  const index = order.indexOf(name);
  const field = template.summaryFields[index];
  if (!field) return undefined;
  const line = `**${field.label}:** ${field.templateValue}`;
  const title = `Insert field "${field.label}"`;
  for (let i = index - 1; i >= 0; i--) {
    const before = byName.get(order[i] as string);
    if (!before) continue;
    const prefix = text.slice(lineAround(ctx, before.labelStart).start, before.labelStart);
    const end = lineAround(ctx, before.valueEnd).end;
    if (prefix.trim()) return { title, edits: [ctx.edit(end, end, `${eol}${prefix}${line}`)] };
    const hardBreak = text.slice(before.valueEnd, end);
    const edit = hardBreak ? `${eol}${line}${hardBreak}` : `  ${eol}${line}`;
    return { title, edits: [ctx.edit(end, end, edit)] };
  }
  for (let i = index + 1; i < order.length; i++) {
    const after = byName.get(order[i] as string);
    if (!after) continue;
    const start = lineAround(ctx, after.labelStart).start;
    const prefix = text.slice(start, after.labelStart);
    const suffix = prefix.trim() ? '' : '  ';
    return { title, edits: [ctx.edit(start, start, `${prefix}${line}${suffix}${eol}`)] };
  }
  return undefined;
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
    const { template, text } = ctx;
    const known = knownPlaceholders(template);
    const names = new Map<string, string>();
    for (const name of Object.keys(PROPERTIES)) names.set(normalizeKey(name), name);
    for (const f of template.summaryFields) names.set(normalizeKey(f.name), f.name);

    const section = summarySection(ctx);
    const nodes = section ? section.nodes : nodesBeforeSections(ctx);
    const fields = readFieldLines(text, nodes).filter((f) => names.has(normalizeKey(f.name)));
    const summary: MetadataValue[] = [];
    const seen = new Map<string, FieldLine>();
    for (const field of fields) {
      const name = names.get(normalizeKey(field.name)) as string;
      const first = seen.get(name);
      if (first) {
        ctx.report({
          message: `${field.label} is given twice in the Summary (first on line ${ctx.lines.point(first.labelStart).line}): keep one.`,
          start: field.labelStart,
          end: Math.max(field.labelEnd, field.valueEnd),
        });
        continue;
      }
      seen.set(name, field);
      summary.push(summaryValue(ctx, field, name, known));
    }
    const fromFrontMatter = readFrontMatter(ctx, names);

    // One object: the Summary's values, and the front matter's where the Summary has none.
    const inSummary = new Set(summary.map((v) => v.name));
    const primary = [...summary, ...fromFrontMatter.filter((v) => !inSummary.has(v.name))];
    const shadowed = fromFrontMatter.filter((v) => inSummary.has(v.name));
    const checkable = (v: MetadataValue) => !v.empty && !v.placeholder;
    const required = new Set(REQUIRED.filter((name) => template.summaryFields.some((f) => f.name === name)));

    const failures = new Map<MetadataValue, Set<string>>();
    for (const group of [primary, shadowed]) {
      const values = group.filter(checkable);
      const failed = validate(values, template);
      for (const v of values) {
        const keywords = failed.get(v.name);
        if (keywords) failures.set(v, keywords);
      }
    }
    for (const v of [...summary, ...fromFrontMatter]) {
      if (v.empty && required.has(v.name)) reportValue(ctx, v, new Set());
      const keywords = failures.get(v);
      if (keywords) reportValue(ctx, v, keywords);
    }

    // The Summary and the front matter say different things.
    for (const s of summary) {
      const f = fromFrontMatter.find((v) => v.name === s.name);
      if (!f || !checkable(s) || !checkable(f) || failures.has(s) || failures.has(f) || sameValue(s, f)) continue;
      const suggestions = [
        setTo(ctx, s, valueText(f), `Set ${inTitle(s)} to ${valueText(f)} (as in the front matter)`),
        typeof s.value === 'string' ? setTo(ctx, f, s.value, `Set ${inTitle(f)} to ${s.value} (as in the Summary)`) : undefined,
      ].filter((x): x is Fix => x !== undefined);
      ctx.report({
        message: `${s.label} "${valueText(s)}" disagrees with ${inSentence(f)} "${valueText(f)}": keep one value.`,
        start: s.start,
        end: s.end,
        related: [{ message: `${f.label}: "${valueText(f)}".`, start: f.start, end: f.end }],
        ...(suggestions.length ? { suggestions } : {}),
      });
    }

    // Required fields neither the Summary nor the front matter has: reported at the Summary heading.
    if (!section || !hasOwnContent(section)) return;
    const present = new Set([...summary, ...fromFrontMatter].map((v) => v.name));
    const missing = template.summaryFields.filter((f) => required.has(f.name) && !present.has(f.name));
    if (missing.length === 0) return;
    if (fields.length === 0) {
      const block = missing.map((f) => `**${f.label}:** ${f.templateValue}`).join(`  ${ctx.eol}`);
      ctx.report({
        message: `Missing fields in "${section.title}": ${missing.map((f) => f.label).join(', ')}.`,
        start: section.start,
        end: section.headingEnd,
        fix: { title: `Insert the ${section.title} fields`, edits: [ctx.edit(section.headingEnd, section.headingEnd, `${ctx.eol}${ctx.eol}${block}`)] },
      });
      return;
    }
    const order = template.summaryFields.map((f) => f.name);
    for (const field of missing) {
      const index = order.indexOf(field.name);
      const previous = template.summaryFields.slice(0, index).reverse().find((f) => seen.has(f.name));
      const next = template.summaryFields.slice(index + 1).find((f) => seen.has(f.name));
      const where = previous ? ` (expected after "${previous.label}")` : next ? ` (expected before "${next.label}")` : '';
      const fix = fieldInsertion(ctx, seen, field.name);
      ctx.report({
        message: `Missing field "${field.label}" in "${section.title}"${where}.`,
        start: section.start,
        end: section.headingEnd,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
