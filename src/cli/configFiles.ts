// The configuration of each linted file, read from disk: the nearest .postmortemrc.json / .yaml / .yml or
// package.json "postmortem" key above it (or the one named by --config), with what it extends, its
// overrides for that file, its template and its ignore globs. The reading itself is src/config's,
// shared with the editor; this module answers its reads with node:fs.
import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import type { PostmortemConfig } from '../core/index';
import { CONFIG_FILE_NAMES, ConfigError, configForFile, findConfig, loadConfig, runSync, type Located, type ResolvedConfig } from '../config/configLoader';
import { ALWAYS_SKIPPED, displayPath, errorCode } from './inputs';

export { ConfigError };

export const CONFIG_FILE_NAME = CONFIG_FILE_NAMES[0];

export interface LoadedConfig {
  /** Absolute path of the config file. */
  path: string;
  /** The config for this file: what it extends, then it, then its matching overrides. */
  config: PostmortemConfig;
  /** The team template named by `template`, read from disk. */
  templateText: string | undefined;
  /** Absolute paths matched by `ignore`. */
  ignored: ReadonlySet<string>;
}

const toPosix = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));
const fromPosix = (path: string) => (sep === '/' ? path : path.split('/').join(sep));

/** A file's text, or undefined when there is none (the loader then looks elsewhere); other failures are config errors. */
function readText(path: string, shown: string): string | undefined {
  try {
    return readFileSync(fromPosix(path), 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw new ConfigError(`${shown}: cannot read the config file (${code})`);
  }
}

interface Entry {
  resolved: ResolvedConfig;
  ignored: Set<string>;
}

export class ConfigResolver {
  /** Folder -> path of the nearest config at or above it (undefined: none up to the root). */
  private readonly nearest = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, Entry | ConfigError>();
  private readonly templates = new Map<string, string | ConfigError>();

  constructor(
    private readonly cwd: string,
    /** --config: one config for every file, no discovery. */
    private readonly explicitPath: string | undefined,
  ) {}

  private shown = (path: string) => displayPath(fromPosix(path), this.cwd);

  /** The config that applies to a file; throws ConfigError when that config is broken. */
  forFile(file: string): LoadedConfig | undefined {
    const path = this.explicitPath !== undefined ? resolve(this.cwd, this.explicitPath) : this.findNearest(dirname(file));
    if (path === undefined) return undefined;
    let entry = this.loaded.get(path);
    if (!entry) {
      try {
        entry = this.load(path);
      } catch (error) {
        entry = error instanceof ConfigError ? error : new ConfigError(`${displayPath(path, this.cwd)}: ${String(error)}`);
      }
      this.loaded.set(path, entry);
    }
    if (entry instanceof ConfigError) throw entry;
    const { config, template } = configForFile(entry.resolved, toPosix(file));
    return { path, config, templateText: template && this.template(template, entry.resolved.path), ignored: entry.ignored };
  }

  private findNearest(folder: string): string | undefined {
    const visited: string[] = [];
    let found: string | undefined;
    let dir = folder;
    for (;;) {
      if (this.nearest.has(dir)) {
        found = this.nearest.get(dir);
        break;
      }
      visited.push(dir);
      const here = toPosix(dir);
      found = runSync(findConfig(here, here), (p) => readText(p, this.shown(p)));
      if (found !== undefined) {
        found = fromPosix(found);
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of visited) this.nearest.set(d, found);
    return found;
  }

  private load(path: string): Entry {
    const resolved = runSync(loadConfig(toPosix(path), this.shown), (p) => readText(p, this.shown(p)));
    const ignored = new Set<string>();
    for (const { base, value } of resolved.ignore) {
      for (const p of globSync(value, { cwd: fromPosix(base), absolute: true, dot: true, ignore: ALWAYS_SKIPPED })) ignored.add(resolve(p));
    }
    return { resolved, ignored };
  }

  private template(template: Located<string>, configPath: string): string {
    const path = resolve(fromPosix(template.base), template.value);
    let text = this.templates.get(path);
    if (text === undefined) {
      try {
        text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      } catch (error) {
        text = new ConfigError(`${this.shown(configPath)}: template "${template.value}" cannot be read (${displayPath(path, this.cwd)}: ${errorCode(error)})`);
      }
      this.templates.set(path, text);
    }
    if (text instanceof ConfigError) throw text;
    return text;
  }
}
