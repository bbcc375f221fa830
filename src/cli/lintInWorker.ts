// `postmortem lint --timeout`: each file is linted in a worker thread (the extension's, dist/lintWorker.js,
// beside dist/cli.js), and a file that takes longer than the timeout stops the worker, so one document
// that remark needs minutes for cannot hold up CI. The command stays synchronous: it waits on the
// worker with Atomics.wait and takes the answer with receiveMessageOnPort.
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

function startWorker(): Running | undefined {
  if (running) return running;
  if (source === undefined) {
    source = lintWorkerSource() ?? null;
    if (!source) unavailable = `--timeout is not enforced: ${join(__dirname, 'lintWorker.js')} is missing, files are linted in this process`;
  }
  if (!source) return undefined;
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const sync: SyncChannel = { port: port2, signal };
  const options = { workerData: { sync }, transferList: [port2] };
  const worker = 'code' in source ? new Worker(source.code, { ...options, eval: true }) : new Worker(source.filename, options);
  worker.unref();
  port1.unref();
  if (Atomics.wait(signal, 0, 0, STARTUP_MS) === 'timed-out') {
    void worker.terminate();
    source = null;
    unavailable = `--timeout is not enforced: the lint worker did not start within ${STARTUP_MS / 1000} s, files are linted in this process`;
    return undefined;
  }
  running = { worker, port: port1, signal, seen: Atomics.load(signal, 0) };
  return running;
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

/** Runs core methods for the CLI: in the worker with a timeout, or in this process with timeoutMs 0. */
export class WorkerLinter {
  /** timeoutMs 0: no limit, lint in this process. */
  constructor(readonly timeoutMs: number) {}

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
