// .gitignore and .postmortemignore (gitignore syntax, the `ignore` package): a file is skipped when the
// nearest ignore file with a verdict on it ignores it, as git decides (a deeper file's `!rule` wins).
// Ignore files are read from the file's folder up to the repository root (the folder holding .git), or
// up to the working folder outside a repository.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const POSTMORTEM_IGNORE_FILE = '.postmortemignore';
export const GIT_IGNORE_FILE = '.gitignore';

export class IgnoreFiles {
  private readonly rules = new Map<string, { file: string; rules: Ignore }[]>();
  private readonly roots = new Map<string, string | null>();
  private readonly names: string[];

  constructor(
    private readonly cwd: string,
    gitignore: boolean,
  ) {
    this.names = gitignore ? [GIT_IGNORE_FILE, POSTMORTEM_IGNORE_FILE] : [POSTMORTEM_IGNORE_FILE];
  }

  /** The ignore file that skips this absolute path, or undefined when it is linted. */
  ignoredBy(path: string): string | undefined {
    const stop = this.rootFor(dirname(path));
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const rel = relative(dir, path).split(sep).join('/');
      // Within one folder .postmortemignore is read after .gitignore, so its `!rule` can bring a file back.
      for (const { file, rules } of [...this.rulesIn(dir)].reverse()) {
        const verdict = rules.test(rel);
        if (verdict.ignored) return file;
        if (verdict.unignored) return undefined;
      }
      if (dir === stop || dirname(dir) === dir) return undefined;
    }
  }

  /** Where ignore files stop being read: the repository root, else the working folder (or the file's own folder outside it). */
  private rootFor(folder: string): string {
    const repository = this.repositoryRoot(folder);
    if (repository !== null) return repository;
    return folder === this.cwd || folder.startsWith(this.cwd + sep) ? this.cwd : folder;
  }

  /** The nearest folder at or above this one that holds .git; null when there is none. */
  private repositoryRoot(folder: string): string | null {
    let root = this.roots.get(folder);
    if (root === undefined) {
      const parent = dirname(folder);
      root = existsSync(join(folder, '.git')) ? folder : parent === folder ? null : this.repositoryRoot(parent);
      this.roots.set(folder, root);
    }
    return root;
  }

  private rulesIn(dir: string): { file: string; rules: Ignore }[] {
    let found = this.rules.get(dir);
    if (found) return found;
    found = [];
    for (const name of this.names) {
      const file = join(dir, name);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      found.push({ file, rules: ignore().add(text) });
    }
    this.rules.set(dir, found);
    return found;
  }
}
