// Worker thread (dist/lintWorker.js): runs the core off the extension host's thread, so a large
// post-mortem (about two seconds per megabyte) never freezes the editor.
import { parentPort } from 'node:worker_threads';
import { runCoreRequest, type CoreRequest } from './linter';

parentPort?.on('message', (request: CoreRequest) => parentPort?.postMessage(runCoreRequest(request)));
