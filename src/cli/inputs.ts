// Command-line paths -> the Markdown files to lint: files as named, folders as **/*.md, globs via tinyglobby.
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

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
  /** One message per argument that is missing, unreadable, or matches nothing. */
  problems: string[];
}

/** How a path is shown to the user: relative to the working folder, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

export function expandInputs(args: readonly string[], cwd: string): ExpandedInputs {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, explicit });
  };

  for (const arg of args) {
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
  return { files, problems };
}
