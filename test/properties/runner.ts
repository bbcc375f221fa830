// Runs one property over generated inputs with fast-check: first without shrinking (cheap when it
// holds), then, on a failure, shrinking from that failure's path within a time limit, so a failing
// property can neither hang the unit suite nor the fuzz runner.
import fc from 'fast-check';
import type { Input } from './generators';
import { describeInput, Violation, type CheckOptions, type Property } from './properties';

export interface RunOptions {
  seed: number;
  numRuns: number;
  check?: CheckOptions;
  /** Time allowed for shrinking a failure. */
  shrinkMs?: number;
  /** Stop generating new inputs after this time (the fuzz runner's deadline); runs done so far count. */
  timeLimitMs?: number;
}

export interface RunReport {
  property: Property;
  seed: number;
  /** Inputs checked (up to and including the failing one). */
  numRuns: number;
  failed: boolean;
  /** What the (shrunk) counterexample threw. */
  error?: unknown;
  counterexample?: Input | undefined;
  /** fast-check's path to the shrunk counterexample (replay with the same seed). */
  path?: string;
  numShrinks: number;
  elapsedMs: number;
}

function propertyOf(p: Property, arb: fc.Arbitrary<Input>, options: CheckOptions) {
  return fc.property(arb, (input) => {
    p.check(input, options);
  });
}

export function runProperty(p: Property, arb: fc.Arbitrary<Input>, options: RunOptions): RunReport {
  const started = Date.now();
  const property = propertyOf(p, arb, options.check ?? {});
  const plugins = options.timeLimitMs === undefined ? [] : [fc.interruptAfterTimeLimit(options.timeLimitMs)];
  const first = fc.check<[Input]>(property, { seed: options.seed, numRuns: options.numRuns, endOnFailure: true, plugins });
  const report: RunReport = { property: p, seed: options.seed, numRuns: first.numRuns, failed: first.failed, numShrinks: 0, elapsedMs: 0 };
  if (first.failed && first.counterexamplePath !== null) {
    report.error = first.errorInstance;
    report.counterexample = first.counterexample?.[0];
    report.path = first.counterexamplePath;
    // Replaying the path runs the failing input again and shrinks it.
    const shrunk = fc.check<[Input]>(property, {
      seed: options.seed,
      path: first.counterexamplePath,
      numRuns: options.numRuns,
      plugins: [fc.interruptAfterTimeLimit(options.shrinkMs ?? 10_000)],
    });
    if (shrunk.failed && shrunk.counterexample) {
      report.error = shrunk.errorInstance;
      report.counterexample = shrunk.counterexample[0];
      report.path = shrunk.counterexamplePath ?? report.path;
      report.numShrinks = shrunk.numShrinks;
    }
  }
  report.elapsedMs = Date.now() - started;
  return report;
}

/** The failure as text: the violation's report, the counterexample and how to replay it. */
export function formatFailure(report: RunReport, replay: string): string {
  const e = report.error;
  const message = e instanceof Violation ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
  const input = report.counterexample ? describeInput(report.counterexample, 3000) : '(no counterexample)';
  return [
    `property ${report.property.id} (${report.property.title}) failed after ${report.numRuns} inputs, ${report.numShrinks} shrinks`,
    `  seed ${report.seed}, path ${JSON.stringify(report.path ?? '')}; replay: ${replay}`,
    `  ${message.split('\n').join('\n  ')}`,
    // A Violation's message already holds the input.
    ...(e instanceof Violation ? [] : [`  shrunk counterexample: ${input}`]),
  ].join('\n');
}
