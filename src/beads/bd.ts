// The `bd` command, only when it is on PATH: execFile (no shell, so no quoting of titles), a timeout,
// the repository as cwd. `bd show <id...> --json` prints an array of issues (exit 1 and an
// {"error": ...} object when an id is not found); `bd create "<title>" --json ...` prints the created
// issue. Synchronous calls for the CLI (which lints synchronously), asynchronous ones for the editor.
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { BeadsIssue } from '../core/index';
import { toIssue } from './issuesFile';

export const SHOW_TIMEOUT_MS = 10_000;
export const CREATE_TIMEOUT_MS = 20_000;

/** The bd executable on PATH; undefined when there is none. */
export function findBd(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const names = process.platform === 'win32' ? ['bd.exe', 'bd.cmd', 'bd.bat'] : ['bd'];
  for (const folder of (env['PATH'] ?? env['Path'] ?? '').split(delimiter)) {
    if (!folder) continue;
    for (const name of names) {
      const path = join(folder, name);
      try {
        if (!statSync(path).isFile()) continue;
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** What one `bd show` gave: the issues found, or why it failed. */
export type ShowAnswer = { kind: 'found'; issues: BeadsIssue[] } | { kind: 'not-found'; error: string } | { kind: 'failed'; error: string };

function errorOf(stdout: string, stderr: string): string | undefined {
  for (const text of [stdout, stderr]) {
    try {
      const value: unknown = JSON.parse(text.trim());
      if (typeof value === 'object' && value !== null && 'error' in value) return String((value as { error: unknown }).error);
    } catch {
      // not JSON
    }
  }
  return undefined;
}

/** Reads bd's answer to `show --json`: exit 0 with an array, or exit 1 with {"error": ...}. */
export function readShowAnswer(code: number | null, stdout: string, stderr: string): ShowAnswer {
  if (code === 0) {
    try {
      const value: unknown = JSON.parse(stdout);
      const list = Array.isArray(value) ? value : [value];
      const issues = list.flatMap((v) => (typeof v === 'object' && v !== null ? [toIssue(v as Record<string, unknown>)] : [])).filter((i): i is BeadsIssue => i !== undefined);
      return { kind: 'found', issues };
    } catch {
      return { kind: 'failed', error: 'bd show printed no JSON' };
    }
  }
  const error = errorOf(stdout, stderr);
  if (code === 1 && error !== undefined) return { kind: 'not-found', error };
  return { kind: 'failed', error: (stderr.trim().split('\n')[0] ?? '') || `bd show exited with ${code ?? 'a signal'}` };
}

interface ExecFailure {
  status?: number | null;
  code?: string | number;
  stdout?: string | Buffer;
  stderr?: string | Buffer;
  signal?: string | null;
}

function failureCode(error: ExecFailure): number | null {
  if (typeof error.status === 'number') return error.status;
  return typeof error.code === 'number' ? error.code : null;
}

/** `bd show` for one batch of ids, synchronously. */
function showSync(bd: string, ids: readonly string[], cwd: string, env: NodeJS.ProcessEnv): ShowAnswer {
  try {
    const stdout = execFileSync(bd, ['show', ...ids, '--json'], { cwd, env, timeout: SHOW_TIMEOUT_MS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    return readShowAnswer(0, stdout, '');
  } catch (error) {
    const e = error as ExecFailure;
    if (e.code === 'ETIMEDOUT' || e.signal === 'SIGTERM') return { kind: 'failed', error: `bd show did not answer within ${SHOW_TIMEOUT_MS / 1000} s` };
    return readShowAnswer(failureCode(e), String(e.stdout ?? ''), String(e.stderr ?? ''));
  }
}

/**
 * The issues bd knows among `ids`: one `bd show` for all, and (when one is not found, which fails the
 * whole call) one per id. A failure other than "not found" gives the error: bd is not usable here.
 */
export function showIssuesSync(bd: string, ids: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { issues: BeadsIssue[] } | { error: string } {
  if (ids.length === 0) return { issues: [] };
  const all = showSync(bd, ids, cwd, env);
  if (all.kind === 'found') return { issues: all.issues };
  if (all.kind === 'failed') return { error: all.error };
  if (ids.length === 1) return { issues: [] };
  const issues: BeadsIssue[] = [];
  for (const id of ids) {
    const one = showSync(bd, [id], cwd, env);
    if (one.kind === 'failed') return { error: one.error };
    if (one.kind === 'found') issues.push(...one.issues);
  }
  return { issues };
}

function run(bd: string, args: readonly string[], cwd: string, timeout: number, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    execFile(bd, args, { cwd, env, timeout, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      const e = error as (ExecFailure & { killed?: boolean }) | null;
      resolve({ code: e ? failureCode(e) : 0, stdout, stderr, timedOut: e?.killed === true });
    });
  });
}

/** `bd show <id> --json`, asynchronously (the editor's hover and links). */
export async function showIssue(bd: string, id: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ShowAnswer> {
  const r = await run(bd, ['show', id, '--json'], cwd, SHOW_TIMEOUT_MS, env);
  if (r.timedOut) return { kind: 'failed', error: `bd show did not answer within ${SHOW_TIMEOUT_MS / 1000} s` };
  return readShowAnswer(r.code, r.stdout, r.stderr);
}

export interface NewIssue {
  title: string;
  assignee?: string | undefined;
  /** YYYY-MM-DD */
  due?: string | undefined;
  labels: string[];
  externalRef?: string | undefined;
}

/** The arguments of `bd create` for a new issue (a task of priority 2). */
export function createArguments(issue: NewIssue): string[] {
  const args = ['create', issue.title, '--json', '-t', 'task', '-p', '2'];
  if (issue.assignee) args.push('-a', issue.assignee);
  if (issue.due) args.push('--due', issue.due);
  if (issue.labels.length) args.push('-l', issue.labels.join(','));
  if (issue.externalRef) args.push('--external-ref', issue.externalRef);
  return args;
}

/** `bd create ... --json`: the created issue, or why it failed. */
export async function createIssue(bd: string, issue: NewIssue, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ issue: BeadsIssue } | { error: string }> {
  const r = await run(bd, createArguments(issue), cwd, CREATE_TIMEOUT_MS, env);
  if (r.timedOut) return { error: `bd create did not answer within ${CREATE_TIMEOUT_MS / 1000} s` };
  if (r.code !== 0) return { error: errorOf(r.stdout, r.stderr) ?? ((r.stderr.trim().split('\n')[0] ?? '') || `bd create exited with ${r.code ?? 'a signal'}`) };
  try {
    const value: unknown = JSON.parse(r.stdout);
    const record = Array.isArray(value) ? value[0] : value;
    const created = typeof record === 'object' && record !== null ? toIssue(record as Record<string, unknown>) : undefined;
    return created ? { issue: created } : { error: 'bd create printed no issue' };
  } catch {
    return { error: 'bd create printed no JSON' };
  }
}
