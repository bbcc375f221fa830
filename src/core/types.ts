// Public data types of the lint core. Everything here is plain data: findings and fixes can be
// serialised to JSON, sent to a worker, or printed by the CLI unchanged.

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

/** A place in the text. line and column are 1-based (column counts UTF-16 code units, as VS Code does); offset is 0-based. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range: end is exclusive. */
export interface Range {
  start: Point;
  end: Point;
}

/** Replace the text in range with text. An insertion has start === end. */
export interface TextEdit {
  range: Range;
  text: string;
}

export interface Fix {
  /** What the fix does, in the words a quick-fix menu shows ("Set Severity to SEV2"). */
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets of the same range, so adapters need not recompute them. */
  offset: number;
  endOffset: number;
  /** The one safe fix, applied by `--fix` and fix-all. */
  fix?: Fix;
  /** Alternatives the user chooses between (one per allowed value); never applied automatically. */
  suggestions?: Fix[];
  /** Other places that explain the finding (e.g. the timeline rows a metric was derived from). */
  related?: RelatedLocation[];
}

export interface RuleSetting {
  severity?: SeverityOrOff;
  options?: Record<string, unknown>;
}

/** The shape of .postmortemrc.json (validated by schemas/postmortemrc.schema.json). */
export interface PostmortemConfig {
  /** Rule id -> a severity, or a severity with options. */
  rules?: Record<string, SeverityOrOff | RuleSetting>;
  /** Globs of files the CLI skips. */
  ignore?: string[];
  /**
   * Severities by document Status ("Draft", "In Review", "Complete" -> rule id -> severity), for rules
   * the `rules` entry does not set. false turns status-based strictness off.
   */
  strictness?: false | Record<string, Record<string, SeverityOrOff>>;
  /** Path of a team template (relative to the config file); read by the CLI and the extension, passed to lint as text. */
  template?: string;
  /** Template section title -> other headings that mean the same section ("Root Cause": ["Why it happened"]). */
  aliases?: Record<string, string[]>;
}

export interface LintOptions {
  /** Shown in findings; defaults to "<text>". */
  file?: string;
  config?: PostmortemConfig;
  /** Markdown of a team template; defaults to the built-in template. */
  templateText?: string;
  /** The repository's Beads issues (read by src/beads): the beads rule checks references against them; without it the rule is silent. */
  beads?: BeadsData;
}

/** One Beads issue, as `.beads/issues.jsonl` or `bd show --json` gives it (snake_case fields in camelCase). */
export interface BeadsIssue {
  id: string;
  title: string;
  /** open, in_progress, blocked, deferred, closed, pinned, hooked, or a custom status. */
  status: string;
  /** 0 (highest) to 4. */
  priority?: number;
  issueType?: string;
  assignee?: string;
  /** ISO timestamps, as written. */
  updatedAt?: string;
  closedAt?: string;
  closeReason?: string;
  dueAt?: string;
  labels?: string[];
  externalRef?: string;
}

/**
 * What is known of a repository's Beads issues: plain data, so it crosses the worker boundary. It is
 * authoritative when a missing id means the issue does not exist (a JSONL-era repository, whose
 * issues.jsonl is the store, or answers of `bd show`); a Dolt repository's export is not.
 */
export interface BeadsData {
  /** Issues by id (tombstones and deleted issues left out). */
  issues: Record<string, BeadsIssue>;
  /** Ids that were deleted (tombstones, deletions.jsonl). */
  deleted: string[];
  authoritative: boolean;
  /** jsonl: the git-tracked store; export: a Dolt repository's export (or none); bd: answers of the bd command. */
  source: 'jsonl' | 'export' | 'bd';
  /** Where the data came from, for messages ("docs/.beads/issues.jsonl", "bd show"). */
  location: string;
  /** When the export was written (ISO), for source export; undefined when there is none. */
  exportedAt?: string;
  /** When the data was read (ISO): the export's age is counted from it. */
  readAt: string;
  /** Issue-id prefixes of the repository ("pay"): a bare id with one is a reference too. */
  prefixes: string[];
  /** The command that refreshes a stale or missing export. */
  refreshCommand: string;
}
