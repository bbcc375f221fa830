// `postmortem new "Title"`: a post-mortem from the (team) template, answers filled in, in a new
// file that never overwrites another (name.md, name-2.md, ...).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileNameFor, numberedNames, parseIsoDate, scaffoldText, templateFor, templateProblem, type ScaffoldAnswers } from '../../core/index';
import { ConfigError, ConfigResolver } from '../configFiles';
import { displayPath, errorCode } from '../inputs';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { TOOL_NAME } from '../packageInfo';

export interface NewOptions {
  title: string | undefined;
  severity: string | undefined;
  date: string | undefined;
  id: string | undefined;
  dir: string | undefined;
  name: string | undefined;
  config: string | undefined;
}

export const DEFAULT_DIRECTORY = 'docs/postmortems';
export const DEFAULT_FILE_NAME = '{date}-{slug}.md';

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function runNew(options: NewOptions, io: CliIo): number {
  const fail = (message: string) => {
    io.stderr(`${TOOL_NAME}: ${message}\n`);
    return EXIT_USAGE;
  };
  const title = options.title?.trim();
  if (!title) return fail('new: a title is required, e.g. postmortem new "Checkout latency after deploy 412"');
  const date = options.date ?? todayUtc();
  if (!parseIsoDate(date)) return fail(`new: "${date}" is not a date: expected YYYY-MM-DD`);

  const directory = resolve(io.cwd, options.dir ?? DEFAULT_DIRECTORY);
  let templateText: string | undefined;
  try {
    templateText = new ConfigResolver(io.cwd, options.config).forFile(join(directory, 'new.md'))?.templateText;
  } catch (error) {
    return fail(error instanceof ConfigError ? error.message : String(error));
  }
  const templateTooBig = templateProblem(templateText);
  if (templateTooBig) return fail(`new: ${templateTooBig}`);
  const template = templateFor(templateText);
  const severities = template.summaryFields.find((f) => f.name === 'severity')?.choices;
  if (options.severity !== undefined && severities && !severities.includes(options.severity))
    return fail(`new: severity "${options.severity}" is not one of ${severities.join(', ')}`);

  const answers: ScaffoldAnswers = { title, date };
  if (options.severity !== undefined) answers.severity = options.severity;
  if (options.id !== undefined) answers.incidentId = options.id;
  const text = scaffoldText(template, answers);
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    return fail(`new: cannot create ${displayPath(directory, io.cwd)} (${errorCode(error)})`);
  }
  for (const candidate of numberedNames(fileNameFor(options.name ?? DEFAULT_FILE_NAME, answers))) {
    const path = join(directory, candidate);
    try {
      // "wx": create only; an existing file (even one created a moment ago) is never overwritten.
      writeFileSync(path, text, { flag: 'wx' });
      io.stdout(`${displayPath(path, io.cwd)}\n`);
      return EXIT_OK;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') return fail(`new: cannot write ${displayPath(path, io.cwd)} (${errorCode(error)})`);
    }
  }
  return fail('new: every numbered name is taken');
}
