// Worker thread (dist/lintWorker.js): runs the core off the caller's thread, so a large post-mortem
// (about two seconds per megabyte) never freezes the editor, and a caller can stop one that takes too
// long. The extension talks over parentPort; the CLI, which waits synchronously, passes a SyncChannel
// as workerData (see src/cli/lintInWorker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { runCoreRequest, type CoreRequest, type SyncChannel } from './linter';

const sync = (workerData as { sync?: SyncChannel } | null | undefined)?.sync;
if (sync) {
  const signal = sync.signal;
  sync.port.on('message', (request: CoreRequest) => {
    sync.port.postMessage(runCoreRequest(request));
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
} else {
  parentPort?.on('message', (request: CoreRequest) => parentPort?.postMessage(runCoreRequest(request)));
}
