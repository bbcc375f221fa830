// A located .beads folder read into the core's BeadsData. Which store it has: since v0.50 Dolt
// (`metadata.json` says "backend": "dolt", or a `dolt/` or `embeddeddolt/` folder), whose JSONL is
// only an export that may be stale or absent; before that the git-tracked issues.jsonl is the store,
// and what it lacks does not exist. The issue prefix is config.yaml's `issue-prefix`, else the
// prefixes of the ids read.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { BeadsData, BeadsIssue } from '../core/index';
import { parseIssuesJsonl } from './issuesFile';
import type { BeadsLocation } from './locate';

export interface BeadsRepository {
  location: BeadsLocation;
  backend: 'dolt' | 'jsonl';
  /** The issues file (it may not exist). */
  issuesPath: string;
  data: BeadsData;
  /** Lines or files that could not be read. */
  problems: string[];
}

function readJson(path: string, problems: string[]): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch (error) {
    problems.push(`${path}: ${error instanceof SyntaxError ? 'not JSON' : String(error)}`);
    return undefined;
  }
}

function readText(path: string, problems: string[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problems.push(`${path}: cannot read (${code ?? String(error)})`);
    return undefined;
  }
}

const CONFIG_PREFIX = /^issue-prefix:[ \t]*["']?([A-Za-z0-9][\w-]*)["']?[ \t]*(?:#.*)?$/m;
const ID_PREFIX = /^(.+)-[A-Za-z0-9]+(?:\.\d+)*$/;

/** The repository's id prefixes: config.yaml's issue-prefix, then those of the ids. */
export function issuePrefixes(configYaml: string | undefined, ids: Iterable<string>): string[] {
  const prefixes = new Set<string>();
  const configured = configYaml ? CONFIG_PREFIX.exec(configYaml)?.[1] : undefined;
  if (configured) prefixes.add(configured);
  for (const id of ids) {
    const prefix = ID_PREFIX.exec(id)?.[1];
    if (prefix) prefixes.add(prefix);
  }
  return [...prefixes];
}

/** A path for messages: relative to the repository, with forward slashes. */
function shown(root: string, path: string): string {
  return relative(root, path).split(sep).join('/') || basename(path);
}

export function readBeadsRepository(location: BeadsLocation, now = new Date()): BeadsRepository {
  const problems: string[] = [];
  if (location.problem) problems.push(location.problem);
  const { dir, root } = location;
  const metadata = readJson(join(dir, 'metadata.json'), problems);
  const dolt = metadata?.['backend'] === 'dolt' || existsSync(join(dir, 'dolt')) || existsSync(join(dir, 'embeddeddolt'));
  const exportName = typeof metadata?.['jsonl_export'] === 'string' ? basename(metadata['jsonl_export']) : 'issues.jsonl';
  const issuesPath = join(dir, exportName);
  const text = readText(issuesPath, problems);
  const file = parseIssuesJsonl(text ?? '', readText(join(dir, 'deletions.jsonl'), problems) ?? '', exportName);
  problems.push(...file.problems);
  const issues: Record<string, BeadsIssue> = {};
  for (const [id, issue] of file.issues) issues[id] = issue;
  const issuesShown = shown(root, issuesPath);
  const data: BeadsData = {
    issues,
    deleted: [...file.deleted],
    authoritative: !dolt && text !== undefined,
    source: dolt ? 'export' : 'jsonl',
    location: issuesShown,
    readAt: now.toISOString(),
    prefixes: issuePrefixes(readText(join(dir, 'config.yaml'), problems), file.issues.keys()),
    refreshCommand: `bd export -o ${issuesShown}`,
  };
  if (dolt && text !== undefined) data.exportedAt = statSync(issuesPath).mtime.toISOString();
  return { location, backend: dolt ? 'dolt' : 'jsonl', issuesPath, data, problems };
}
