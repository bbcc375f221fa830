// Reading a configuration, whatever reads the files: the CLI (node:fs, synchronously) and the editor
// (vscode.workspace.fs, asynchronously) drive the same generators, which yield the paths they need read
// and get back the text (undefined: no such file). No Node built-ins and no vscode here; paths are
// '/'-separated and absolute.
//
// A configuration is .postmortemrc.json (JSON with comments), .postmortemrc.yaml / .yml, or the
// "postmortem" key of a package.json; it may `extends` others (a relative path, or an npm package name:
// the package's own config file, so an organisation publishes one preset with its template) and hold
// `overrides` for files matching globs. Parse errors name file:line:column.
// The ESM build: the UMD one (package main) loads its parts with require() calls a bundle cannot follow.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { parseDocument } from 'yaml';
import { LineIndex, validateConfig, type PostmortemConfig, type RuleSetting, type SeverityOrOff } from '../core/index';
import { globMatcher } from './glob';

/** Looked for in this order in each folder, from the linted file's folder upwards. */
export const CONFIG_FILE_NAMES = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml', 'package.json'] as const;

export type ConfigProblemKind = 'syntax' | 'invalid' | 'read' | 'extends';

/** A configuration that cannot be used; the message starts with the file (and line:column when known). */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** The same in parts, for the editor to place and word its diagnostic. */
    readonly problem?: { file: string; kind: ConfigProblemKind; detail: string; at?: { line: number; column: number } },
  ) {
    super(message);
  }
}

const HEADLINES: Record<ConfigProblemKind, string> = { syntax: '', invalid: 'invalid configuration: ', read: '', extends: '' };

/** A ConfigError worded "shown[:line:column]: headline detail". */
function fail(file: string, shown: string, kind: ConfigProblemKind, detail: string, at?: { line: number; column: number }): ConfigError {
  const where = at ? `${shown}:${at.line}:${at.column}` : shown;
  return new ConfigError(`${where}: ${HEADLINES[kind]}${detail}`, { file, kind, detail, ...(at ? { at } : {}) });
}

/** Paths to read, answered with their text or undefined when there is no such file. */
export type Reads<T> = Generator<string, T, string | undefined>;

/** Files a setting names are relative to the config file that says it. */
export interface Located<T> {
  /** Folder of the config file that declares it. */
  base: string;
  value: T;
}

export interface ConfigOverride {
  /** Globs relative to `base`. */
  files: Located<string[]>;
  config: PostmortemConfig;
  template: Located<string> | undefined;
}

/** A configuration with its `extends` chain resolved: what applies to a file before its overrides. */
export interface ResolvedConfig {
  /** The config file found for the document (the start of the chain). */
  path: string;
  /** Rules and strictness, merged base first; `template` and `ignore` are in the fields below. */
  config: PostmortemConfig;
  template: Located<string> | undefined;
  ignore: Located<string[]>[];
  overrides: ConfigOverride[];
  /** Every config file read for it (to watch): the file itself and what it extends. */
  sources: string[];
}

export const dirname = (path: string) => path.replace(/\/[^/]*$/, '') || '/';

/** A path in a config file: absolute, or relative to the config file's folder. */
export function resolvePath(base: string, path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const parts = /^(?:[a-zA-Z]:)?\//.test(normalized) ? [] : base.split('/');
  for (const part of normalized.split('/')) {
    if (part === '..') {
      if (parts.length > 1) parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  const joined = parts.join('/');
  return joined.startsWith('/') || /^[a-zA-Z]:/.test(joined) ? joined : `/${joined}`;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function position(text: string, offset: number): { line: number; column: number } {
  const point = new LineIndex(text).point(offset);
  return { line: point.line, column: point.column };
}

/**
 * The raw configuration in a file's text, or undefined for a package.json without a "postmortem" key.
 * Throws ConfigError naming file:line:column for text that does not parse.
 */
export function parseConfigText(text: string, path: string, shown: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  const name = baseName(path);
  if (/\.ya?ml$/i.test(name)) {
    const doc = parseDocument(source, { prettyErrors: false });
    const error = doc.errors[0];
    if (error) throw fail(path, shown, 'syntax', `not valid YAML: ${error.message.split('\n')[0]}`, position(source, error.pos[0]));
    return doc.toJS() ?? {};
  }
  const errors: ParseError[] = [];
  // Comments, as in VS Code's own settings files; a trailing comma is still an error.
  const value: unknown = parseJsonc(source, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: false });
  const error = errors[0];
  if (error) throw fail(path, shown, 'syntax', `not valid JSON: ${describeJsonError(printParseErrorCode(error.error))}`, position(source, error.offset));
  if (name === 'package.json') {
    const pkg = value as { postmortem?: unknown } | null;
    return pkg && typeof pkg === 'object' && !Array.isArray(pkg) ? pkg.postmortem : undefined;
  }
  return value;
}

function describeJsonError(code: string): string {
  // "PropertyNameExpected" -> "property name expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A package name, as `extends` may give one: "@acme/postmortem-preset", "preset/strict.json". */
function isPackageReference(reference: string): boolean {
  return !/^(?:\.{1,2}(?:\/|\\|$)|\/|[a-zA-Z]:[\\/])/.test(reference);
}

/** Finds an npm package's folder from a folder upwards, as Node's resolution does: node_modules/<name>/package.json. */
function* packageFolder(name: string, from: string): Reads<string | undefined> {
  for (let dir = from; ; dir = dirname(dir)) {
    const folder = `${dir === '/' ? '' : dir}/node_modules/${name}`;
    if ((yield `${folder}/package.json`) !== undefined) return folder;
    if (dir === dirname(dir)) return undefined;
  }
}

/** The config file an `extends` entry names: a file, a package (its config file), or a file inside a package. */
function* extendedFile(reference: string, base: string, path: string, shown: string): Reads<string> {
  if (!isPackageReference(reference)) return resolvePath(base, reference);
  const segments = reference.split('/');
  const nameLength = reference.startsWith('@') ? 2 : 1;
  const name = segments.slice(0, nameLength).join('/');
  const inside = segments.slice(nameLength).join('/');
  const folder = yield* packageFolder(name, base);
  if (folder === undefined) throw fail(path, shown, 'extends', `extends "${reference}": package "${name}" is not installed (no node_modules/${name} above ${base})`);
  if (inside) return `${folder}/${inside}`;
  for (const candidate of CONFIG_FILE_NAMES) {
    const path = `${folder}/${candidate}`;
    const text = yield path;
    if (text !== undefined && (candidate !== 'package.json' || parseConfigText(text, path, path) !== undefined)) return path;
  }
  throw fail(path, shown, 'extends', `extends "${reference}": package "${name}" has no ${CONFIG_FILE_NAMES.slice(0, 3).join(', ')} and no "postmortem" key in its package.json`);
}

function asObject(raw: unknown, path: string, shown: string, what = ''): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw fail(path, shown, 'invalid', `${what}must be an object`);
  return raw as Record<string, unknown>;
}

function stringList(value: unknown, what: string, path: string, shown: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw fail(path, shown, 'invalid', `${what}: must be a string or an array of strings`);
}

/** The core's schema check of what is left once `extends` and `overrides` are taken out. */
function validated(raw: Record<string, unknown>, path: string, shown: string, where = ''): PostmortemConfig {
  const checked = validateConfig(raw);
  if (checked.errors.length || !checked.config) throw fail(path, shown, 'invalid', checked.errors.map((e) => where + e).join('; '));
  return checked.config;
}

const setting = (value: SeverityOrOff | RuleSetting): RuleSetting => (typeof value === 'string' ? { severity: value } : value);

/** Rule settings merged: a later severity keeps earlier options, later options are added to earlier ones. */
export function mergeRules(base: PostmortemConfig['rules'], over: PostmortemConfig['rules']): PostmortemConfig['rules'] {
  if (!base) return over;
  if (!over) return base;
  const merged = { ...base };
  for (const [id, value] of Object.entries(over)) {
    const earlier = merged[id];
    if (earlier === undefined || typeof earlier === 'string') {
      merged[id] = value;
      continue;
    }
    const later = setting(value);
    const options = earlier.options || later.options ? { ...earlier.options, ...later.options } : undefined;
    merged[id] = { ...earlier, ...later, ...(options ? { options } : {}) };
  }
  return merged;
}

function mergeConfig(base: PostmortemConfig, over: PostmortemConfig): PostmortemConfig {
  const merged: PostmortemConfig = { ...base, ...over };
  const rules = mergeRules(base.rules, over.rules);
  if (rules) merged.rules = rules;
  delete merged.template;
  delete merged.ignore;
  return merged;
}

/** Reads a config file and everything it extends. `shownPath` turns a path into what messages show. */
export function* loadConfig(path: string, shownPath: (path: string) => string, chain: readonly string[] = []): Reads<ResolvedConfig> {
  const shown = shownPath(path);
  if (chain.includes(path)) throw fail(path, shown, 'extends', `extends itself (${[...chain, path].map(shownPath).join(' -> ')})`);
  const text = yield path;
  if (text === undefined) throw fail(path, shown, 'read', 'cannot read the config file (ENOENT)');
  const raw = parseConfigText(text, path, shown);
  const own = asObject(raw ?? {}, path, shown);
  const base = dirname(path);
  const { extends: extendsValue, overrides: overridesValue, ...rest } = own;

  let resolved: ResolvedConfig = { path, config: {}, template: undefined, ignore: [], overrides: [], sources: [path] };
  if (extendsValue !== undefined) {
    for (const reference of stringList(extendsValue, 'extends', path, shown)) {
      const file = yield* extendedFile(reference, base, path, shown);
      const parent = yield* loadConfig(file, shownPath, [...chain, path]);
      resolved = {
        path,
        config: mergeConfig(resolved.config, parent.config),
        template: parent.template ?? resolved.template,
        ignore: [...resolved.ignore, ...parent.ignore],
        overrides: [...resolved.overrides, ...parent.overrides],
        sources: [...resolved.sources, ...parent.sources],
      };
    }
  }

  const config = validated(rest, path, shown);
  resolved.config = mergeConfig(resolved.config, config);
  if (config.template !== undefined) resolved.template = { base, value: config.template };
  if (config.ignore?.length) resolved.ignore.push({ base, value: config.ignore });

  if (overridesValue !== undefined) {
    if (!Array.isArray(overridesValue)) throw fail(path, shown, 'invalid', 'overrides: must be an array of { "files", "rules", ... }');
    overridesValue.forEach((entry: unknown, i: number) => {
      const { files, ...body } = asObject(entry, path, shown, `overrides[${i}]: `);
      if (files === undefined) throw fail(path, shown, 'invalid', `overrides[${i}]: must have "files" (globs relative to this file)`);
      for (const key of ['extends', 'overrides', 'ignore']) {
        if (key in body) throw fail(path, shown, 'invalid', `overrides[${i}].${key}: not allowed in an override`);
      }
      const overrideConfig = validated(body, path, shown, `overrides[${i}].`);
      resolved.overrides.push({
        files: { base, value: stringList(files, `overrides[${i}].files`, path, shown) },
        config: overrideConfig,
        template: overrideConfig.template === undefined ? undefined : { base, value: overrideConfig.template },
      });
    });
  }
  return resolved;
}

/** What applies to one document: the config with every override whose globs match it, in order, and its template. */
export function configForFile(resolved: ResolvedConfig, file: string): { config: PostmortemConfig; template: Located<string> | undefined } {
  let config = resolved.config;
  let template = resolved.template;
  for (const override of resolved.overrides) {
    const relative = relativeTo(override.files.base, file);
    if (relative === undefined || !override.files.value.some((glob) => globMatcher(glob)(relative))) continue;
    config = mergeConfig(config, override.config);
    if (override.template) template = override.template;
  }
  return { config, template };
}

/** `file` relative to `folder` ('/'-separated), or undefined when it is not inside it. */
export function relativeTo(folder: string, file: string): string | undefined {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
}

/** The nearest config file at or above a folder: yields candidate paths, returns the first that holds a config. */
export function* findConfig(folder: string, stopAt: string | undefined): Reads<string | undefined> {
  for (let dir = folder; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = `${dir === '/' ? '' : dir}/${name}`;
      const text = yield path;
      if (text === undefined) continue;
      // A package.json holds a config only with a "postmortem" key; one that does not parse is not ours to report.
      if (name === 'package.json') {
        try {
          if (parseConfigText(text, path, path) === undefined) continue;
        } catch {
          continue;
        }
      }
      return path;
    }
    if (dir === stopAt || dir === dirname(dir)) return undefined;
  }
}

/** Runs a generator answering its reads synchronously. */
export function runSync<T>(reads: Reads<T>, read: (path: string) => string | undefined): T {
  let step = reads.next();
  while (!step.done) step = reads.next(read(step.value));
  return step.value;
}

/** Runs a generator answering its reads asynchronously. */
export async function runAsync<T>(reads: Reads<T>, read: (path: string) => Promise<string | undefined>): Promise<T> {
  let step = reads.next();
  while (!step.done) step = reads.next(await read(step.value));
  return step.value;
}
