// Command-line paths -> the Markdown files to lint: files as named, folders as **/*.md, globs via tinyglobby,
// minus `!` patterns and what .gitignore / .postmortemignore ignore; `-` is standard input.
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { IgnoreFiles } from './ignoreFiles';

/** Never crawled: dependencies and version-control internals hold Markdown that is not ours. */
export const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line as a file (not found through a folder or glob). */
  explicit: boolean;
}

export interface ExpandedInputs {
  files: InputFile[];
  /** `-` was given: standard input is linted too (after the files). */
  stdin: boolean;
  /** One message per argument that is missing, unreadable, or matches nothing. */
  problems: string[];
  /** Files named on the command line but skipped by a `!` pattern or an ignore file, and why. */
  skipped: string[];
}

export interface SelectionOptions {
  /** Honour .gitignore files (--no-gitignore: only .postmortemignore). */
  gitignore: boolean;
}

/** How a path is shown to the user: relative to the working folder, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

/**
 * All arguments expanded together, as markdownlint-cli2 and ESLint do: files, folders and globs add
 * files, `!glob` removes what it matches from all of them, and so do .gitignore and .postmortemignore.
 */
export function expandInputs(args: readonly string[], cwd: string, selection: SelectionOptions = { gitignore: true }): ExpandedInputs {
  const negations = args.filter((a) => a.startsWith('!')).map((a) => a.slice(1));
  const negated = new Set(negations.length ? globSync(negations, { cwd, absolute: true, dot: true, ignore: ALWAYS_SKIPPED }).map((p) => resolve(p)) : []);
  const ignoreFiles = new IgnoreFiles(cwd, selection.gitignore);
  const files: InputFile[] = [];
  /** Path -> why it is skipped ('' when it is linted). */
  const seen = new Map<string, string>();
  const noted = new Set<string>();
  const problems: string[] = [];
  const skipped: string[] = [];
  let stdin = false;
  const add = (path: string, explicit: boolean) => {
    let why = seen.get(path);
    if (why === undefined) {
      const ignoreFile = negated.has(path) ? undefined : ignoreFiles.ignoredBy(path);
      why = negated.has(path) ? 'matched by a "!" pattern' : ignoreFile ? `ignored by ${displayPath(ignoreFile, cwd)}` : '';
      seen.set(path, why);
      if (!why) files.push({ path, explicit });
    }
    // Only worth a word when the user named the file: folders and globs skip ignored files silently.
    if (why && explicit && !noted.has(path)) {
      noted.add(path);
      skipped.push(`${displayPath(path, cwd)}: skipped, ${why}`);
    }
  };

  for (const arg of args) {
    if (arg.startsWith('!')) continue;
    if (arg === '-') {
      stdin = true;
      continue;
    }
    const absolute = resolve(cwd, arg);
    let kind: 'file' | 'folder' | 'missing' = 'missing';
    try {
      kind = statSync(absolute).isDirectory() ? 'folder' : 'file';
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        problems.push(`${arg}: cannot read (${code})`);
        continue;
      }
    }
    if (kind === 'file') {
      add(absolute, true);
      continue;
    }
    let matched: string[];
    if (kind === 'folder') {
      // dot: false, as in a shell: hidden folders (.vscode-test, caches) hold Markdown that is not ours.
      matched = globSync('**/*.md', { cwd: absolute, absolute: true, dot: false, ignore: ALWAYS_SKIPPED });
      if (matched.length === 0) problems.push(`${arg}: folder contains no .md file`);
    } else if (isDynamicPattern(arg)) {
      matched = globSync(arg, { cwd, absolute: true, dot: false, ignore: ALWAYS_SKIPPED });
      if (matched.length === 0) problems.push(`${arg}: no file matches this glob`);
    } else {
      problems.push(`${arg}: no such file or folder`);
      continue;
    }
    // Crawl order depends on the file system: sort so output is stable across machines.
    for (const path of matched.map((p) => resolve(p)).sort()) add(path, false);
  }
  return { files, stdin, problems, skipped };
}
