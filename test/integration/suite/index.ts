// extensionTestsPath entry: runs the mocha suite inside the extension host. Prints one line per test
// ("ok - ..." / "not ok - ...", which the harness counts) and a final "N passed, N failed".
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_SUITE_BEGIN } = Mocha.Runner.constants;

class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) console.log(`# ${suite.fullTitle()}`);
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => console.log(`ok - ${test.fullTitle()} (${test.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => console.log(`skipped - ${test.fullTitle()}`));
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
      const detail = (error.stack ?? String(error)).split('\n').map((l) => `    ${l}`).join('\n');
      console.log(`not ok - ${test.fullTitle()}\n${detail}`);
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: LineReporter });
  // POSTMORTEM_IT_GREP=<text> runs only the tests whose full title contains it (the extension host inherits the environment).
  const grep = process.env['POSTMORTEM_IT_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else resolve();
    });
  });
}
