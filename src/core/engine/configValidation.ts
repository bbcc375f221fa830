// Validates a parsed .postmortemrc.json with the validator precompiled from
// schemas/postmortemrc.schema.json (scripts/generate-validators.mjs), and words ajv's errors for
// people: "rules.timeline: must be one of off, info, warning, error".
import type { ErrorObject } from 'ajv';
import validateConfigSchema from '../generated/configValidator.js';
import { ruleById, rules } from '../rules/index';
import type { PostmortemConfig } from '../types';

export interface ConfigCheck {
  config: PostmortemConfig | undefined;
  /** Human-readable problems ("rules.timeline: must be one of off, info, warning, error"). */
  errors: string[];
}

/** The top-level keys of schemas/postmortemrc.schema.json (a unit test keeps them equal). */
export const CONFIG_SETTINGS = ['$schema', 'rules', 'ignore', 'strictness', 'template', 'aliases'] as const;

export function validateConfig(raw: unknown): ConfigCheck {
  if (validateConfigSchema(raw)) return { config: raw as PostmortemConfig, errors: [] };
  return { config: undefined, errors: describeErrors(validateConfigSchema.errors ?? [], raw) };
}

interface Problem {
  path: string[];
  keyword: string;
  params: Record<string, unknown>;
  /** Already worded (the alternatives of an anyOf). */
  text?: string;
}

function pathOf(instancePath: string): string[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(raw: unknown, path: readonly string[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function within(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((s, i) => path[i] === s);
}

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && within(a, b);

const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
  integer: 'an integer',
  null: 'null',
};

function allowedValues(p: Problem): unknown[] {
  if (p.keyword === 'enum') return (p.params['allowedValues'] as unknown[] | undefined) ?? [];
  if (p.keyword === 'const') return [p.params['allowedValue']];
  return [];
}

function oneOf(values: readonly unknown[]): string {
  const words = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return words.length === 1 ? (words[0] as string) : `one of ${words.join(', ')}`;
}

/**
 * An anyOf reports every alternative's failure. Keep what the user meant: the alternative the value's
 * shape matches (a string -> the severity enum; an object -> its properties), or else list the alternatives.
 */
function resolveAnyOf(problems: Problem[], at: string[], raw: unknown): Problem[] {
  const mine = problems.filter((p) => within(p.path, at));
  const others = problems.filter((p) => !within(p.path, at));
  const isShape = (p: Problem) => samePath(p.path, at) && (p.keyword === 'type' || p.keyword === 'enum' || p.keyword === 'const');
  const content = mine.filter((p) => !isShape(p));
  if (content.length) return [...others, ...content];
  const type = jsonType(valueAt(raw, at));
  const shapes = mine.filter(isShape);
  const fitting = shapes.filter((p) => allowedValues(p).length > 0 && allowedValues(p).every((v) => jsonType(v) === type));
  // A wrong severity string gets the severities; a lone constant (strictness: true) gets the alternatives too.
  if (fitting.length && !fitting.every((p) => p.keyword === 'const')) return [...others, ...fitting];
  const choices = shapes.filter((p) => p.keyword !== 'type').map((p) => oneOf(allowedValues(p)));
  const covered = new Set(shapes.flatMap((p) => allowedValues(p).map(jsonType)));
  for (const p of shapes) {
    const t = String(p.params['type']);
    if (p.keyword === 'type' && !covered.has(t)) choices.push(TYPE_WORDS[t] ?? t);
  }
  return [...others, { path: at, keyword: 'anyOf', params: {}, text: `must be ${choices.join(', or ')}` }];
}

function displayPath(path: readonly string[], raw: unknown): string {
  let out = '';
  path.forEach((key, i) => {
    if (Array.isArray(valueAt(raw, path.slice(0, i)))) out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  });
  return out || 'configuration';
}

function unknownKey(path: readonly string[], key: string): string {
  const ruleIds = rules.map((r) => r.id).join(', ');
  if (path.length === 0) return `unknown setting; known settings: ${CONFIG_SETTINGS.join(', ')}`;
  if (path.length === 1 && path[0] === 'rules') return `unknown rule; known rules: ${ruleIds}`;
  if (path.length === 2 && path[0] === 'strictness') return `unknown rule; known rules: ${ruleIds}`;
  if (path.length === 2 && path[0] === 'rules') return 'unknown key; expected severity, options';
  if (path.length === 3 && path[0] === 'rules' && path[2] === 'options') {
    const rule = ruleById(path[1] as string);
    const properties = (rule?.optionsSchema['properties'] ?? {}) as Record<string, unknown>;
    const names = Object.keys(properties);
    return names.length ? `unknown option; ${rule?.id} options: ${names.join(', ')}` : `unknown option; ${path[1]} has no options`;
  }
  return `unknown key "${key}"`;
}

function describe(p: Problem, raw: unknown): string {
  if (p.text) return `${displayPath(p.path, raw)}: ${p.text}`;
  switch (p.keyword) {
    case 'additionalProperties': {
      const key = String(p.params['additionalProperty']);
      return `${displayPath([...p.path, key], raw)}: ${unknownKey(p.path, key)}`;
    }
    case 'type': {
      const t = String(p.params['type']);
      return `${displayPath(p.path, raw)}: must be ${TYPE_WORDS[t] ?? t}`;
    }
    case 'enum':
    case 'const':
      return `${displayPath(p.path, raw)}: must be ${oneOf(allowedValues(p))}`;
    case 'required':
      return `${displayPath(p.path, raw)}: missing "${String(p.params['missingProperty'])}"`;
    case 'pattern':
      // The only pattern in the schema is \S on texts (phrases, keywords, titles).
      if (p.params['pattern'] === '\\S') return `${displayPath(p.path, raw)}: must not be empty or blank`;
      return `${displayPath(p.path, raw)}: must match ${String(p.params['pattern'])}`;
    default:
      return `${displayPath(p.path, raw)}: ${String(p.params['message'] ?? p.keyword)}`;
  }
}

function describeErrors(errors: readonly ErrorObject[], raw: unknown): string[] {
  let problems: Problem[] = errors
    .filter((e) => e.keyword !== 'anyOf')
    .map((e) => ({ path: pathOf(e.instancePath), keyword: e.keyword, params: { ...e.params, message: e.message } }));
  // Deepest first, so an anyOf inside another is settled before its parent.
  const anyOfPaths = errors
    .filter((e) => e.keyword === 'anyOf')
    .map((e) => pathOf(e.instancePath))
    .sort((a, b) => b.length - a.length);
  for (const at of anyOfPaths) problems = resolveAnyOf(problems, at, raw);
  return [...new Set(problems.map((p) => describe(p, raw)))];
}
