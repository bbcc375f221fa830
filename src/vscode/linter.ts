// Runs the core (lint, fix-all, the sections a document lacks, a new timeline row) in worker threads,
// never on the extension host's thread: remark alone needs about 1.7 s for a 1 MB post-mortem, and
// even the 5 KB template costs 20-30 ms, while a round-trip to a worker costs 1-2 ms. Two workers,
// so that a small document is not queued behind a large one. Each starts on first use and restarts
// if it dies. Without a worker script (no Node file system for the extension), the core runs inline.
// A request that runs past the time budget (Markdown that remark needs minutes for) stops its
// worker: a lint then gives one lint-timeout finding, and the next request starts a fresh worker.
import type { MessagePort } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import { beadsReferences } from '../core/index';
import { fixAll, lintDocument, lintTimeoutResult, missingSectionInsertions, readIncident, timelineEntryInsertion, type FixAllResult, type LintResult, type LintRunOptions } from '../core/index';

/** What the worker can run: core functions over a document's text. */
export const coreMethods = {
  // Findings, completion and timeline metrics all come from this one parse.
  lint: (text: string, options: LintRunOptions) => lintDocument(text, options),
  fixAll: (text: string, options: LintRunOptions) => fixAll(text, options),
  // The Beads references of a document and its action-item rows (hover, links, Create Beads issue).
  beadsReferences: (text: string, templateText: string | undefined, prefixes: string[]) => beadsReferences(text, templateText, prefixes),
  missingSections: (text: string, templateText: string | undefined) => missingSectionInsertions(text, templateText),
  // The time travels as milliseconds: the worker boundary copies plain data.
  timelineEntry: (text: string, now: number, templateText: string | undefined) => timelineEntryInsertion(text, new Date(now), templateText),
  // One post-mortem read for the incident report (postmortem report, Show Incident Report).
  reportIncident: (text: string, options: LintRunOptions) => readIncident(text, options),
};

export type CoreMethod = keyof typeof coreMethods;
type Args<M extends CoreMethod> = Parameters<(typeof coreMethods)[M]>;
type Result<M extends CoreMethod> = ReturnType<(typeof coreMethods)[M]>;

export interface CoreRequest {
  id: number;
  method: CoreMethod;
  args: unknown[];
}

export type CoreResponse = { id: number; result: unknown; ms: number } | { id: number; error: string };

export interface Outcome<T> {
  result: T;
  /** Time spent in the core (in a worker: without the message round-trip). */
  ms: number;
  where: 'inline' | 'worker';
}

/** Runs a request where it is received: in the worker, or inline without one. */
export function runCoreRequest(request: CoreRequest): CoreResponse {
  try {
    const start = performance.now();
    const method = coreMethods[request.method] as (...args: unknown[]) => unknown;
    const result = method(...request.args);
    return { id: request.id, result, ms: performance.now() - start };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/**
 * For a caller that waits synchronously (the CLI, with Atomics.wait): the worker answers on `port`
 * and then adds 1 to `signal[0]`, which it also does once when it is ready for requests.
 */
export interface SyncChannel {
  port: MessagePort;
  signal: Int32Array;
}

/** Documents up to this many UTF-16 code units go to the worker for small documents. */
export const SMALL_DOCUMENT_LENGTH = 64 * 1024;

/** How long one request may run in a worker before the worker is stopped (no setting: a constant). */
export const LINT_TIME_BUDGET_MS = 10_000;

/** Larger documents get longer: remark needs about 2 s per megabyte, twice that on a busy machine. */
const BUDGET_MS_PER_MB = 5_000;

/** The time budget for a document of `length` UTF-16 code units, in whole seconds. */
export function timeBudgetMs(length: number, budgetMs = LINT_TIME_BUDGET_MS): number {
  return Math.max(budgetMs, Math.ceil((length / (1024 * 1024)) * (BUDGET_MS_PER_MB / 1000)) * 1000);
}

/** A request stopped after the time budget. */
export class LintTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`The post-mortem could not be processed within ${budgetMs / 1000} s.`);
  }
}

interface Queued {
  request: CoreRequest;
  budgetMs: number;
  resolve(outcome: Outcome<unknown>): void;
  reject(error: Error): void;
}

/** One worker, one request at a time: the budget counts from when the worker takes a request up. */
class WorkerLane {
  private worker: Worker | undefined;
  private readonly queue: Queued[] = [];
  private current: { queued: Queued; timer: ReturnType<typeof setTimeout> } | undefined;

  constructor(private readonly script: string) {}

  run(request: CoreRequest, budgetMs: number): Promise<Outcome<unknown>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, budgetMs, resolve, reject });
      this.next();
    });
  }

  stop(reason: Error): void {
    const stopped = [...(this.current ? [this.current.queued] : []), ...this.queue.splice(0)];
    if (this.current) clearTimeout(this.current.timer);
    this.current = undefined;
    this.discardWorker();
    for (const q of stopped) q.reject(reason);
  }

  private next(): void {
    if (this.current) return;
    const queued = this.queue.shift();
    if (!queued) return;
    const timer = setTimeout(() => this.timeOut(), queued.budgetMs);
    this.current = { queued, timer };
    this.ensureWorker().postMessage(queued.request);
  }

  private finish(response: CoreResponse): void {
    const current = this.current;
    if (!current || current.queued.request.id !== response.id) return;
    clearTimeout(current.timer);
    this.current = undefined;
    if ('error' in response) current.queued.reject(new Error(response.error));
    else current.queued.resolve({ result: response.result, ms: response.ms, where: 'worker' });
    this.next();
  }

  private timeOut(): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    // The worker is busy in the parser and cannot be interrupted otherwise; the next request starts another.
    this.discardWorker();
    current.queued.reject(new LintTimeoutError(current.queued.budgetMs));
    this.next();
  }

  private discardWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (response: CoreResponse) => {
      if (this.worker === worker) this.finish(response);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.stop(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stop(new Error(`The lint worker exited with code ${code}.`));
    });
    // A worker must not keep a shutting-down extension host alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

function timedOut(text: string, options: LintRunOptions, error: LintTimeoutError): LintResult {
  return lintTimeoutResult(text, options.file ?? '<text>', error.budgetMs / 1000);
}

export class Linter {
  private readonly small: WorkerLane | undefined;
  private readonly large: WorkerLane | undefined;
  private nextId = 1;

  /** workerScript: path of dist/lintWorker.js. budgetMs: how long a request may take in a worker (more for a document over 2 MB, see timeBudgetMs). */
  constructor(
    workerScript: string | undefined,
    private readonly budgetMs = LINT_TIME_BUDGET_MS,
  ) {
    if (workerScript) {
      this.small = new WorkerLane(workerScript);
      this.large = new WorkerLane(workerScript);
    }
  }

  private optionsHook: ((text: string, options: LintRunOptions) => LintRunOptions) | undefined;

  /** Adds to the options of every lint and fix-all (the Beads data of the document's repository). */
  setOptionsHook(hook: (text: string, options: LintRunOptions) => LintRunOptions): void {
    this.optionsHook = hook;
  }

  private withHook(text: string, options: LintRunOptions): LintRunOptions {
    return this.optionsHook ? this.optionsHook(text, options) : options;
  }

  /** Out of time: a result with the one lint-timeout finding. */
  async lint(text: string, options: LintRunOptions): Promise<Outcome<LintResult>> {
    try {
      return await this.call('lint', [text, this.withHook(text, options)], text.length);
    } catch (error) {
      if (!(error instanceof LintTimeoutError)) throw error;
      return { result: timedOut(text, options, error), ms: error.budgetMs, where: 'worker' };
    }
  }

  /** Every safe fix, repeated until none is left (source.fixAll). Out of time: the text unchanged, with the lint-timeout finding. */
  async fixAll(text: string, options: LintRunOptions): Promise<Outcome<FixAllResult>> {
    try {
      return await this.call('fixAll', [text, this.withHook(text, options)], text.length);
    } catch (error) {
      if (!(error instanceof LintTimeoutError)) throw error;
      const result = timedOut(text, options, error);
      // Nothing applied, nothing left unresolved.
      const nothingApplied = { passes: 0, unresolved: [] as string[] };
      return { result: { text, findings: result.findings, result, ...nothingApplied }, ms: error.budgetMs, where: 'worker' };
    }
  }

  /** Out of time: rejects with a LintTimeoutError. */
  missingSections(text: string, templateText: string | undefined): Promise<Outcome<Result<'missingSections'>>> {
    return this.call('missingSections', [text, templateText], text.length);
  }

  /** The row "Add Timeline Entry" inserts for `now` (ms since the epoch); undefined without a timeline table. Out of time: rejects with a LintTimeoutError. */
  timelineEntry(text: string, now: number, templateText: string | undefined): Promise<Outcome<Result<'timelineEntry'>>> {
    return this.call('timelineEntry', [text, now, templateText], text.length);
  }

  /** The Beads references of a document (see beadsReferences in the core). Out of time: rejects with a LintTimeoutError. */
  beadsReferences(text: string, templateText: string | undefined, prefixes: string[]): Promise<Outcome<Result<'beadsReferences'>>> {
    return this.call('beadsReferences', [text, templateText, prefixes], text.length);
  }

  /** One post-mortem read for the incident report (readIncident in the core). Out of time: rejects with a LintTimeoutError. */
  reportIncident(text: string, options: LintRunOptions): Promise<Outcome<Result<'reportIncident'>>> {
    return this.call('reportIncident', [text, options], text.length);
  }

  dispose(): void {
    const reason = new Error('The linter was shut down.');
    this.small?.stop(reason);
    this.large?.stop(reason);
  }

  private call<M extends CoreMethod>(method: M, args: Args<M>, length: number): Promise<Outcome<Result<M>>> {
    const request: CoreRequest = { id: this.nextId++, method, args };
    const lane = length <= SMALL_DOCUMENT_LENGTH ? this.small : this.large;
    if (lane) return lane.run(request, timeBudgetMs(length, this.budgetMs)) as Promise<Outcome<Result<M>>>;
    const response = runCoreRequest(request);
    if ('error' in response) return Promise.reject(new Error(response.error));
    return Promise.resolve({ result: response.result as Result<M>, ms: response.ms, where: 'inline' });
  }
}
