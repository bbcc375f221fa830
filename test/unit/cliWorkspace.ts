// Shared by the CLI tests: temporary workspaces, run() with captured output, configs with one rule on.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { builtinTemplateText, rules } from '../../src/core/index';
import type { PostmortemConfig, SeverityOrOff } from '../../src/core/types';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';

const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A fresh folder with the given files (path -> content). */
export function workspace(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'postmortem-cli-'));
  temps.push(root);
  for (const [path, content] of Object.entries(files)) write(root, path, content);
  return root;
}

export function write(root: string, path: string, content: string | Buffer): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(cwd: string, ...argv: string[]): CliResult {
  return cliWith({}, cwd, ...argv);
}

/** run() with more of the process given (standard input, colours). */
export function cliWith(extra: Partial<CliIo>, cwd: string, ...argv: string[]): CliResult {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { ...extra, cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A config with every rule off except the one named, so findings come only from the situation a test builds. */
export function only(ruleId: string, severity: SeverityOrOff = 'warning', extra: PostmortemConfig = {}): PostmortemConfig {
  const settings: Record<string, SeverityOrOff> = {};
  for (const r of rules) settings[r.id] = r.id === ruleId ? severity : 'off';
  return { ...extra, rules: settings };
}

export const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The built-in template with one top-level section removed: missing-section reports it, with a fix. */
export const withoutSection = (title: string, text = builtinTemplateText): string => {
  const start = text.indexOf(`## ${title}`);
  const end = text.indexOf('\n## ', start + 1);
  assert.ok(start > 0 && end > start, `the template has a "## ${title}" section`);
  return text.slice(0, start) + text.slice(end + 1);
};
export const missingDetection = withoutSection('Detection');
