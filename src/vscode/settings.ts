// The `postmortem.*` settings, read in one place with their defaults (package.json documents them).
import * as vscode from 'vscode';

export type LintRun = 'onType' | 'onSave';

export interface PostmortemSettings {
  /** Globs of Markdown files that are post-mortems whatever their content. */
  files: string[];
  run: LintRun;
  debounceMs: number;
  maxSizeKb: number;
  /** Same shape as the config file's `rules`; wins over it. */
  rules: Record<string, unknown>;
  directory: string;
  fileName: string;
}

export function readSettings(scope?: vscode.ConfigurationScope): PostmortemSettings {
  const c = vscode.workspace.getConfiguration('postmortem', scope);
  const rules = c.get<unknown>('rules');
  return {
    // Defaults come from package.json (contributes.configuration), which VS Code always supplies.
    files: (c.get<string[]>('files') ?? []).filter((g) => typeof g === 'string' && g.length > 0),
    run: c.get<string>('lint.run') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: clamp(c.get<number>('lint.debounceMs', 300), 0, 10_000),
    maxSizeKb: clamp(c.get<number>('lint.maxSizeKb', 1024), 1, 1_000_000),
    rules: typeof rules === 'object' && rules !== null && !Array.isArray(rules) ? (rules as Record<string, unknown>) : {},
    directory: c.get<string>('directory', 'docs/postmortems') || 'docs/postmortems',
    fileName: c.get<string>('fileName', '{date}-{slug}.md') || '{date}-{slug}.md',
  };
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
