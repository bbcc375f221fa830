// Finding a document's `.beads` folder as bd does: BEADS_DIR first (the .beads folder, or a folder
// holding one), then a configured folder (the editor's postmortem.beads.directory setting), else the
// nearest `.beads` from the document's folder up to the repository root (the folder holding `.git`).
// A `.beads/redirect` file (a worktree's) names the folder that holds the data: its first line that is
// not blank or a `#` comment, relative to the folder holding the `.beads` it sits in. One hop, as bd.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export interface BeadsLocation {
  /** The .beads folder that holds the data (after a redirect). */
  dir: string;
  /** The repository (or worktree) the data belongs to: bd runs there. */
  root: string;
  /** How it was found. */
  via: 'BEADS_DIR' | 'setting' | 'search';
  /** The redirect followed, when there was one. */
  redirectedFrom?: string;
  /** A redirect that named no usable folder (the .beads it sits in is used). */
  problem?: string;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A configured path: the .beads folder itself, or a folder with one inside. */
function asBeadsDir(path: string): string | undefined {
  if (isDirectory(join(path, '.beads'))) return join(path, '.beads');
  return isDirectory(path) ? path : undefined;
}

/** Where `.beads/redirect` points, resolved; undefined without one. */
function redirectTarget(beadsDir: string): { target: string | undefined; problem?: string } | undefined {
  const file = join(beadsDir, 'redirect');
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { target: undefined, problem: `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
  if (!line) return { target: undefined, problem: `${file} names no folder` };
  const target = isAbsolute(line) ? line : resolve(dirname(beadsDir), line);
  return isDirectory(target) ? { target } : { target: undefined, problem: `${file} points at ${target}, which is not a folder` };
}

function located(dir: string, via: BeadsLocation['via']): BeadsLocation {
  const redirect = redirectTarget(dir);
  const location: BeadsLocation = { dir, root: dirname(dir), via };
  if (!redirect) return location;
  if (redirect.problem) location.problem = redirect.problem;
  if (!redirect.target) return location;
  // The data is elsewhere; bd still runs in the worktree, which it resolves the same way.
  return { ...location, dir: redirect.target, redirectedFrom: dir };
}

export interface LocateOptions {
  /** The process environment (BEADS_DIR). */
  env?: NodeJS.ProcessEnv;
  /** A configured .beads folder (absolute, or relative to `base`). */
  directory?: string | undefined;
  base?: string;
}

/** The .beads folder for a document in `fromDir`; undefined when there is none. */
export function locateBeads(fromDir: string, options: LocateOptions = {}): BeadsLocation | undefined {
  const fromEnv = options.env?.['BEADS_DIR'];
  if (fromEnv) {
    const dir = asBeadsDir(resolve(fromEnv));
    if (dir) return located(dir, 'BEADS_DIR');
  }
  if (options.directory) {
    const dir = asBeadsDir(resolve(options.base ?? fromDir, options.directory));
    if (dir) return located(dir, 'setting');
  }
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    if (isDirectory(join(dir, '.beads'))) return located(join(dir, '.beads'), 'search');
    // The repository root ends the search (a .git folder, or a worktree's .git file).
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}
