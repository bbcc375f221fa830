// Finding and loading .postmortemrc.json: the nearest one above each linted file, or one named by --config.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { validateConfig, type PostmortemConfig } from '../core/index';
import { ALWAYS_SKIPPED, displayPath, errorCode } from './inputs';

export const CONFIG_FILE_NAME = '.postmortemrc.json';

export interface LoadedConfig {
  /** Absolute path of the config file. */
  path: string;
  config: PostmortemConfig;
  /** The team template named by `template`, read from disk. */
  templateText: string | undefined;
  /** Absolute paths matched by `ignore`. */
  ignored: ReadonlySet<string>;
}

/** A config that cannot be used; the message names the file and the problem. */
export class ConfigError extends Error {}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export class ConfigResolver {
  /** Folder -> path of the nearest config at or above it (undefined: none up to the root). */
  private readonly nearest = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig | ConfigError>();

  constructor(
    private readonly cwd: string,
    /** --config: one config for every file, no discovery. */
    private readonly explicitPath: string | undefined,
  ) {}

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
    return entry;
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
      const candidate = join(dir, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of visited) this.nearest.set(d, found);
    return found;
  }

  private load(path: string): LoadedConfig {
    const shown = displayPath(path, this.cwd);
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigError(`${shown}: cannot read the config file (${errorCode(error)})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(source.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ConfigError(`${shown}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const checked = validateConfig(raw);
    if (checked.errors.length || !checked.config) {
      throw new ConfigError(`${shown}: invalid configuration: ${checked.errors.join('; ')}`);
    }
    const config = checked.config;
    const folder = dirname(path);

    let templateText: string | undefined;
    if (config.template !== undefined) {
      const templatePath = resolve(folder, config.template);
      try {
        templateText = readFileSync(templatePath, 'utf8').replace(/^\uFEFF/, '');
      } catch (error) {
        throw new ConfigError(
          `${shown}: template "${config.template}" cannot be read (${displayPath(templatePath, this.cwd)}: ${errorCode(error)})`,
        );
      }
    }

    const ignored = new Set<string>();
    if (config.ignore && config.ignore.length) {
      for (const p of globSync(config.ignore, { cwd: folder, absolute: true, dot: true, ignore: ALWAYS_SKIPPED })) {
        ignored.add(resolve(p));
      }
    }
    return { path, config, templateText, ignored };
  }
}
