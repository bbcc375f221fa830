// Beads data for documents: locate the .beads folder, read it, and where it is only a Dolt export ask
// `bd show` (when bd is on PATH) about the ids a document references. Used by the CLI (synchronous)
// and the editor; src/cli and src/vscode import src/beads through this file.
import { dirname } from 'node:path';
import { scanBeadsIds, type BeadsData, type BeadsIssue } from '../core/index';
import { findBd, showIssuesSync } from './bd';
import { locateBeads, type BeadsLocation, type LocateOptions } from './locate';
import { readBeadsRepository, type BeadsRepository } from './repository';

export { locateBeads, type BeadsLocation, type LocateOptions } from './locate';
export { readBeadsRepository, issuePrefixes, type BeadsRepository } from './repository';
export { parseIssuesJsonl, toIssue, type IssuesFile } from './issuesFile';
export { findBd, showIssue, showIssuesSync, createIssue, createArguments, readShowAnswer, type NewIssue, type ShowAnswer } from './bd';

export interface BeadsFinderOptions extends Omit<LocateOptions, 'base'> {
  /** Ask `bd show` about a Dolt repository's references when bd is on PATH (default true). */
  useBd?: boolean;
  now?: () => Date;
}

/** Beads data for one document, and what could not be read (for a note). */
export interface DocumentBeads {
  data: BeadsData | undefined;
  repository: BeadsRepository | undefined;
  notes: string[];
}

/** bd's answers as BeadsData: authoritative for the ids asked (one not found does not exist). */
export function fromBd(repository: BeadsRepository, answered: Map<string, BeadsIssue | null>, now: Date): BeadsData {
  const issues: Record<string, BeadsIssue> = {};
  for (const [id, issue] of answered) if (issue) issues[id] = issue;
  return { ...repository.data, issues, deleted: [], authoritative: true, source: 'bd', location: 'bd show', readAt: now.toISOString() };
}

/** The data a document needs: only the issues its text names (the whole file would be copied to a lint worker per document). */
export function forIds(data: BeadsData, ids: readonly string[]): BeadsData {
  const issues: Record<string, BeadsIssue> = {};
  for (const id of ids) {
    const issue = data.issues[id];
    if (issue) issues[id] = issue;
  }
  return { ...data, issues, deleted: data.deleted.filter((id) => ids.includes(id)) };
}

/** Finds and reads each document's Beads data; one reading per .beads folder, one bd answer per id. */
export class BeadsFinder {
  private readonly repositories = new Map<string, BeadsRepository>();
  private readonly answers = new Map<string, Map<string, BeadsIssue | null>>();
  private readonly reported = new Set<string>();
  private bd: string | null | undefined;

  constructor(private readonly options: BeadsFinderOptions = {}) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The repository of a document (read once per .beads folder). */
  repositoryFor(file: string): BeadsRepository | undefined {
    const location: BeadsLocation | undefined = locateBeads(dirname(file), this.options);
    if (!location) return undefined;
    let repository = this.repositories.get(location.dir);
    if (!repository) {
      repository = readBeadsRepository(location, this.now());
      this.repositories.set(location.dir, repository);
    }
    return repository;
  }

  private bdPath(): string | undefined {
    if (this.bd === undefined) this.bd = this.options.useBd === false ? null : (findBd(this.options.env ?? process.env) ?? null);
    return this.bd ?? undefined;
  }

  /** A problem is worth one note per run, not one per file. */
  private once(notes: string[], note: string): void {
    if (this.reported.has(note)) return;
    this.reported.add(note);
    notes.push(note);
  }

  forDocument(file: string, text: string): DocumentBeads {
    const notes: string[] = [];
    const repository = this.repositoryFor(file);
    if (!repository) return { data: undefined, repository, notes };
    for (const p of repository.problems) this.once(notes, `Beads: ${p}`);
    const ids = scanBeadsIds(text, repository.data.prefixes);
    const read = forIds(repository.data, ids);
    if (repository.data.authoritative) return { data: read, repository, notes };
    const bd = this.bdPath();
    if (!bd) return { data: read, repository, notes };
    let answered = this.answers.get(repository.location.dir);
    if (!answered) this.answers.set(repository.location.dir, (answered = new Map()));
    const missing = ids.filter((id) => !answered.has(id));
    const shown = showIssuesSync(bd, missing, repository.location.root, this.options.env ?? process.env);
    if ('error' in shown) {
      this.once(notes, `Beads: bd show failed (${shown.error}); using ${repository.data.location}`);
      return { data: read, repository, notes };
    }
    for (const id of missing) answered.set(id, shown.issues.find((i) => i.id === id) ?? null);
    const asked = new Map(ids.map((id) => [id, answered.get(id) ?? null]));
    return { data: fromBd(repository, asked, this.now()), repository, notes };
  }
}
