// Runs the core (lint, fix-all, the sections a document lacks, a new timeline row) in worker threads,
// never on the extension host's thread: remark alone needs about 1.7 s for a 1 MB post-mortem, and
// even the 5 KB template costs 20-30 ms, while a round-trip to a worker costs 1-2 ms. Two workers,
// so that a small document is not queued behind a large one. Each starts on first use and restarts
// if it dies. Without a worker script (no Node file system for the extension), the core runs inline.
import { Worker } from 'node:worker_threads';
import { fixAll } from '../core/fixAll';
import { lintDocument, type LintRunOptions } from '../core/lint';
import { missingSectionInsertions } from '../core/sectionInsert';
import { timelineEntryInsertion } from '../core/timelineEntry';

/** What the worker can run: core functions over a document's text. */
export const coreMethods = {
  // Findings, completion and timeline metrics all come from this one parse.
  lint: (text: string, options: LintRunOptions) => lintDocument(text, options),
  fixAll: (text: string, options: LintRunOptions) => fixAll(text, options),
  missingSections: (text: string, templateText: string | undefined) => missingSectionInsertions(text, templateText),
  // The time travels as milliseconds: the worker boundary copies plain data.
  timelineEntry: (text: string, now: number, templateText: string | undefined) => timelineEntryInsertion(text, new Date(now), templateText),
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

/** Documents up to this many UTF-16 code units go to the worker for small documents. */
export const SMALL_DOCUMENT_LENGTH = 64 * 1024;

interface Pending {
  resolve(outcome: Outcome<unknown>): void;
  reject(error: Error): void;
}

class WorkerLane {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly script: string) {}

  run(request: CoreRequest): Promise<Outcome<unknown>> {
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  stop(reason: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
    void worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (response: CoreResponse) => {
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if ('error' in response) pending.reject(new Error(response.error));
      else pending.resolve({ result: response.result, ms: response.ms, where: 'worker' });
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

export class Linter {
  private readonly small: WorkerLane | undefined;
  private readonly large: WorkerLane | undefined;
  private nextId = 1;

  /** workerScript: path of dist/lintWorker.js. */
  constructor(workerScript: string | undefined) {
    if (workerScript) {
      this.small = new WorkerLane(workerScript);
      this.large = new WorkerLane(workerScript);
    }
  }

  lint(text: string, options: LintRunOptions): Promise<Outcome<Result<'lint'>>> {
    return this.call('lint', [text, options], text.length);
  }

  /** Every safe fix, repeated until none is left (source.fixAll). */
  fixAll(text: string, options: LintRunOptions): Promise<Outcome<Result<'fixAll'>>> {
    return this.call('fixAll', [text, options], text.length);
  }

  missingSections(text: string, templateText: string | undefined): Promise<Outcome<Result<'missingSections'>>> {
    return this.call('missingSections', [text, templateText], text.length);
  }

  /** The row "Add Timeline Entry" inserts for `now` (ms since the epoch); undefined without a timeline table. */
  timelineEntry(text: string, now: number, templateText: string | undefined): Promise<Outcome<Result<'timelineEntry'>>> {
    return this.call('timelineEntry', [text, now, templateText], text.length);
  }

  dispose(): void {
    const reason = new Error('The linter was shut down.');
    this.small?.stop(reason);
    this.large?.stop(reason);
  }

  private call<M extends CoreMethod>(method: M, args: Args<M>, length: number): Promise<Outcome<Result<M>>> {
    const request: CoreRequest = { id: this.nextId++, method, args };
    const lane = length <= SMALL_DOCUMENT_LENGTH ? this.small : this.large;
    if (lane) return lane.run(request) as Promise<Outcome<Result<M>>>;
    const response = runCoreRequest(request);
    if ('error' in response) return Promise.reject(new Error(response.error));
    return Promise.resolve({ result: response.result as Result<M>, ms: response.ms, where: 'inline' });
  }
}
