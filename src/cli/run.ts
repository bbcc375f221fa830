// The `postmortem` command, as a function of its arguments and its output streams (main.ts wires it to
// the process): args.ts says what to run, commands/ runs it.
import { HELP, parseCommandLine } from './args';
import { runLint } from './commands/lint';
import { runInit } from './commands/init';
import { runReport } from './commands/report';
import { runMetrics } from './commands/metrics';
import { runNew } from './commands/new';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { TOOL_NAME, TOOL_VERSION } from './packageInfo';

export function run(argv: readonly string[], io: CliIo): number {
  const invocation = parseCommandLine(argv);
  switch (invocation.command) {
    case 'usage-error':
      io.stderr(`${TOOL_NAME}: ${invocation.message}\nRun "${TOOL_NAME} --help" for usage.\n`);
      return EXIT_USAGE;
    case 'help':
      io.stdout(HELP);
      return EXIT_OK;
    case 'version':
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'lint':
      return runLint(invocation.options, io);
    case 'metrics':
      return runMetrics(invocation.options, io);
    case 'new':
      return runNew(invocation.options, io);
    case 'report':
      return runReport(invocation.options, io);
    case 'init':
      return runInit(invocation.options, io);
  }
}
