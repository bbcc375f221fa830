// `postmortem` command entry: wires run() to the process. All behaviour lives in run.ts and what it calls.
// Started by the GitHub Action (action.yml: no arguments, INPUT_* variables), it runs the action instead.
import { readFileSync } from 'node:fs';
import { isActionRun, runAction } from './action';
import { useColor } from './formats';
import type { CliIo } from './io';
import { run } from './run';

// `postmortem lint . | head` closes the pipe early: that is not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const argv = process.argv.slice(2);
const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  readStdin: () => readFileSync(0),
  color: useColor(process.env, process.stdout.isTTY === true),
};
process.exitCode = isActionRun(argv, process.env) ? runAction(process.env, { ...io, color: useColor({ FORCE_COLOR: '1', ...process.env }, true) }) : run(argv, io);
