// `postmortem lint --timeout`: each file is linted in a worker thread (the extension's, dist/lintWorker.js,
// beside dist/cli.js), and a file that takes longer than the timeout stops the worker, so one document
// that remark needs minutes for cannot hold up CI. The command stays synchronous: it waits on the
// worker with Atomics.wait and takes the answer with receiveMessageOnPort. Many files are spread over
// several workers (--concurrency, at most os.availableParallelism()), which share one signal: any
// answer wakes the command, which then looks at every worker's port.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { runCoreRequest, type CoreMethod, type CoreRequest, type CoreResponse, type coreMethods, type SyncChannel } from '../vscode/linter';

type Args<M extends CoreMethod> = Parameters<(typeof coreMethods)[M]>;
type Result<M extends CoreMethod> = ReturnType<(typeof coreMethods)[M]>;

export type Answer<T> = { kind: 'done'; result: T } | { kind: 'failed'; error: string } | { kind: 'timed-out' };

/** A worker that does not come up in this long is given up on (the files are then linted in this process). */
const STARTUP_MS = 20_000;

type WorkerSource = { filename: string } | { code: string };

/** The lint worker: the bundle's sibling, or (running from the sources, as the tests do) the TypeScript entry through tsx. */
function lintWorkerSource(): WorkerSource | undefined {
  const bundled = join(__dirname, 'lintWorker.js');
  if (existsSync(bundled)) return { filename: bundled };
  const source = join(__dirname, '..', 'vscode', 'lintWorker.ts');
  if (!__filename.endsWith('.ts') || !existsSync(source)) return undefined;
  const path = JSON.stringify(source);
  return { code: `const load = require('node:module').createRequire(${path}); load('tsx/cjs'); load(${path});` };
}

interface Running {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  /** signal[0] once the last answer (or the start) arrived. */
  seen: number;
}

// One worker for the process, started on first use and kept between runs (it holds no state; unref'd,
// it never keeps the process alive). A file that runs out of time stops it; the next starts another.
let running: Running | undefined;
let source: WorkerSource | undefined | null;
let unavailable: string | undefined;

function workerSource(): WorkerSource | null {
  if (source === undefined) {
    source = lintWorkerSource() ?? null;
    if (!source) unavailable = `--timeout is not enforced: ${join(__dirname, 'lintWorker.js')} is missing, files are linted in this process`;
  }
  return source;
}

/** A worker answering on its own port and adding 1 to signal[0] when it is ready and after each answer. */
function spawn(from: WorkerSource, signal: Int32Array): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const sync: SyncChannel = { port: port2, signal };
  const options = { workerData: { sync }, transferList: [port2] };
  const worker = 'code' in from ? new Worker(from.code, { ...options, eval: true }) : new Worker(from.filename, options);
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}

function startWorker(): Running | undefined {
  if (running) return running;
  const from = workerSource();
  if (!from) return undefined;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { worker, port: port1 } = spawn(from, signal);
  if (Atomics.wait(signal, 0, 0, STARTUP_MS) === 'timed-out') {
    void worker.terminate();
    source = null;
    unavailable = `--timeout is not enforced: the lint worker did not start within ${STARTUP_MS / 1000} s, files are linted in this process`;
    return undefined;
  }
  running = { worker, port: port1, signal, seen: Atomics.load(signal, 0) };
  return running;
}

/** Waits until `count` workers said they are ready (signal[0] reached count), at most STARTUP_MS. */
function waitFor(signal: Int32Array, count: number): boolean {
  const deadline = performance.now() + STARTUP_MS;
  for (let value = Atomics.load(signal, 0); value < count; value = Atomics.load(signal, 0)) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(signal, 0, value, left);
  }
  return true;
}

function stopWorker(): void {
  const stopped = running;
  running = undefined;
  if (!stopped) return;
  stopped.port.close();
  void stopped.worker.terminate();
}

/** Sends one request and waits for its answer, at most timeoutMs. */
function ask(worker: Running, request: CoreRequest, timeoutMs: number): CoreResponse | 'timed-out' {
  worker.port.postMessage(request);
  const deadline = performance.now() + timeoutMs;
  for (let left = timeoutMs; left > 0; left = deadline - performance.now()) {
    Atomics.wait(worker.signal, 0, worker.seen, left);
    const answer = receiveMessageOnPort(worker.port)?.message as CoreResponse | undefined;
    if (!answer) continue;
    worker.seen = Atomics.load(worker.signal, 0);
    if (answer.id === request.id) return answer;
  }
  const late = receiveMessageOnPort(worker.port)?.message as CoreResponse | undefined;
  if (late?.id === request.id) return late;
  // Still parsing: only stopping the thread stops it.
  stopWorker();
  return 'timed-out';
}

let nextId = 1;

/** A worker of a pool and the request it is working on. */
interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  busy?: { index: number; id: number; deadline: number } | undefined;
}

/** Files per worker below which another worker is not worth its start-up (about as long as linting a few files). */
const FILES_PER_WORKER = 4;

/** Runs core methods for the CLI: in the worker with a timeout, or in this process with timeoutMs 0. */
export class WorkerLinter {
  /** timeoutMs 0: no limit (lint in this process, or in workers without a deadline when concurrency > 1). */
  constructor(
    readonly timeoutMs: number,
    /** Most workers callAll may use. */
    readonly concurrency = 1,
  ) {}

  /** How many workers callAll uses for this many requests. */
  workersFor(requests: number): number {
    return Math.max(1, Math.min(this.concurrency, Math.ceil(requests / FILES_PER_WORKER)));
  }

  /**
   * Many calls at once, spread over workersFor(n) worker threads; the answers come in the order of the
   * requests whatever order the workers finish in. One worker (or none available): call() one by one.
   */
  callAll<M extends CoreMethod>(method: M, argsList: readonly Args<M>[]): Answer<Result<M>>[] {
    const size = this.workersFor(argsList.length);
    const from = size > 1 ? workerSource() : null;
    if (!from) return argsList.map((args) => this.call(method, args));
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const pool: PoolWorker[] = Array.from({ length: size }, () => spawn(from, signal));
    if (!waitFor(signal, size)) {
      for (const w of pool) void w.worker.terminate();
      return argsList.map((args) => this.call(method, args));
    }
    const answers: (Answer<Result<M>> | undefined)[] = new Array(argsList.length);
    let next = 0;
    let done = 0;
    try {
      while (done < argsList.length) {
        for (const w of pool) {
          if (w.busy || next >= argsList.length) continue;
          const request: CoreRequest = { id: nextId++, method, args: argsList[next] as Args<M> };
          w.busy = { index: next++, id: request.id, deadline: this.timeoutMs > 0 ? performance.now() + this.timeoutMs : Infinity };
          w.port.postMessage(request);
        }
        // Read the signal before the ports: an answer that lands after this read changes it, so the wait returns at once.
        const seen = Atomics.load(signal, 0);
        let progressed = false;
        for (const w of pool) {
          const answer = w.busy && (receiveMessageOnPort(w.port)?.message as CoreResponse | undefined);
          if (!w.busy || !answer || answer.id !== w.busy.id) continue;
          answers[w.busy.index] = 'error' in answer ? { kind: 'failed', error: answer.error } : { kind: 'done', result: answer.result as Result<M> };
          w.busy = undefined;
          done++;
          progressed = true;
        }
        const now = performance.now();
        for (const [i, w] of pool.entries()) {
          if (!w.busy || w.busy.deadline > now) continue;
          // Still parsing: only stopping the thread stops it; a fresh one takes its place.
          answers[w.busy.index] = { kind: 'timed-out' };
          done++;
          progressed = true;
          w.port.close();
          void w.worker.terminate();
          pool[i] = spawn(from, signal);
        }
        if (progressed || done >= argsList.length) continue;
        const deadline = Math.min(...pool.map((w) => w.busy?.deadline ?? Infinity));
        Atomics.wait(signal, 0, seen, Number.isFinite(deadline) ? Math.max(0, deadline - performance.now()) : undefined);
      }
    } finally {
      for (const w of pool) {
        w.port.close();
        void w.worker.terminate();
      }
    }
    return answers as Answer<Result<M>>[];
  }

  /** Why files were linted in this process despite a timeout (worth a note), if they were. */
  get unavailable(): string | undefined {
    return this.timeoutMs > 0 ? unavailable : undefined;
  }

  call<M extends CoreMethod>(method: M, args: Args<M>): Answer<Result<M>> {
    const request: CoreRequest = { id: nextId++, method, args };
    const worker = this.timeoutMs > 0 ? startWorker() : undefined;
    const response = worker ? ask(worker, request, this.timeoutMs) : runCoreRequest(request);
    if (response === 'timed-out') return { kind: 'timed-out' };
    if ('error' in response) return { kind: 'failed', error: response.error };
    return { kind: 'done', result: response.result as Result<M> };
  }
}
