// `postmortem init [--from FILE] [--template PATH]`: sets a repository up with a team template in one
// step: writes the template (derived from one of the team's post-mortems, or the built-in one to edit)
// and a .postmortemrc.json that names it. It never overwrites or changes a file: what exists is left
// as it is, and the message says what to do instead.
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { builtinTemplateText, deriveTemplate, templateFor, templateProblem } from '../../core/index';
import { CONFIG_FILE_NAMES, parseConfigText } from '../../config/configLoader';
import { displayPath, errorCode } from '../inputs';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { decodeMarkdown } from '../markdownFile';
import { TOOL_NAME } from '../packageInfo';
import { DEFAULT_DIRECTORY } from './new';

export interface InitOptions {
  /** A post-mortem to derive the template from. */
  from: string | undefined;
  /** Where the template is (with --from: where to write it); relative to the working folder. */
  template: string | undefined;
}

/** The team template sits with the post-mortems `new` writes, under the name teams give it. */
export const DEFAULT_TEMPLATE_PATH = `${DEFAULT_DIRECTORY}/TEMPLATE.md`;

const CONFIG_NAME = CONFIG_FILE_NAMES[0];

/** The config file already in `folder` (a package.json only with a "postmortem" key), if any. */
function existingConfig(folder: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const path = resolve(folder, name);
    if (!existsSync(path)) continue;
    if (name !== 'package.json') return path;
    try {
      if (parseConfigText(readFileSync(path, 'utf8'), path, name) !== undefined) return path;
    } catch {
      // A package.json that does not parse holds no config of ours.
    }
  }
  return undefined;
}

/** A path as a config file writes it: relative to the config's folder, '/'-separated. */
function configPath(path: string, configFolder: string): string {
  const rel = relative(configFolder, path);
  return isAbsolute(rel) ? path : rel.split(sep).join('/');
}

export function runInit(options: InitOptions, io: CliIo): number {
  const fail = (message: string) => {
    io.stderr(`${TOOL_NAME}: init: ${message}\n`);
    return EXIT_USAGE;
  };
  const shown = (path: string) => displayPath(path, io.cwd);
  const templatePath = resolve(io.cwd, options.template ?? DEFAULT_TEMPLATE_PATH);
  const templateSetting = configPath(templatePath, io.cwd);

  const config = existingConfig(io.cwd);
  if (config !== undefined) {
    const where = config.endsWith('package.json') ? `the "postmortem" key of ${shown(config)}` : shown(config);
    const derive = options.from !== undefined ? ` (write the template there first: the VS Code command "Post-Mortem: Use as Team Template" does both, or move ${shown(config)} aside and run init again)` : '';
    return fail(`${shown(config)} already exists, and init never changes or overwrites a file. To use ${templateSetting} as the team template, set "template": "${templateSetting}" in ${where}${derive}.`);
  }

  let templateText: string;
  let source: string | undefined;
  if (options.from !== undefined) {
    const from = resolve(io.cwd, options.from);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(from);
    } catch (error) {
      const code = errorCode(error);
      return fail(code === 'ENOENT' ? `--from ${options.from}: no such file` : code === 'EISDIR' ? `--from ${options.from} is a folder: name one post-mortem` : `cannot read ${shown(from)} (${code})`);
    }
    const file = decodeMarkdown(bytes);
    if (file.kind === 'binary') return fail(`${shown(from)} is not a text file: --from names a post-mortem written in Markdown`);
    templateText = deriveTemplate(file.text);
    const sections = templateFor(templateText).sections.length;
    if (sections === 0) return fail(`${shown(from)} has no section headings (## ...) to learn a layout from: name a post-mortem written with headings`);
    source = shown(from);
    if (existsSync(templatePath))
      return fail(`${shown(templatePath)} already exists, and init never overwrites a file: name another path with --template, or run init without --from to use ${shown(templatePath)} as it is.`);
  } else if (options.template !== undefined) {
    // An existing template is used as it is; nothing is written but the config.
    try {
      templateText = readFileSync(templatePath, 'utf8');
    } catch (error) {
      const code = errorCode(error);
      return fail(code === 'ENOENT' ? `--template ${options.template}: no such file (add --from FILE to derive it from one of your post-mortems, or leave out --template to start from the built-in template)` : `cannot read ${shown(templatePath)} (${code})`);
    }
  } else {
    if (existsSync(templatePath))
      return fail(`${shown(templatePath)} already exists, and init never overwrites a file. To use it as the team template, run: ${TOOL_NAME} init --template ${shown(templatePath)}`);
    templateText = builtinTemplateText;
  }
  const tooBig = templateProblem(templateText);
  if (tooBig) return fail(tooBig);

  const written: string[] = [];
  const writeNew = (path: string, text: string): string | undefined => {
    try {
      mkdirSync(dirname(path), { recursive: true });
      // "wx": create only; a file that appeared since the checks above is never overwritten.
      writeFileSync(path, text, { flag: 'wx' });
      written.push(path);
      return undefined;
    } catch (error) {
      const code = errorCode(error);
      return code === 'EEXIST' ? `${shown(path)} already exists, and init never overwrites a file` : `cannot write ${shown(path)} (${code})`;
    }
  };
  const writesTemplate = options.from !== undefined || options.template === undefined;
  const templateError = writesTemplate ? writeNew(templatePath, templateText) : undefined;
  if (templateError) return fail(templateError);
  const configFile = resolve(io.cwd, CONFIG_NAME);
  const configError = writeNew(configFile, `${JSON.stringify({ template: templateSetting }, null, 2)}\n`);
  if (configError) {
    // Take back only what this run created, so a failed init leaves the folder as it was.
    for (const path of written) unlinkSync(path);
    return fail(configError);
  }

  // The nearest config wins: one further up no longer applies to the files here.
  let above: string | undefined;
  for (let dir = dirname(io.cwd); above === undefined && dir !== dirname(dir); dir = dirname(dir)) above = existingConfig(dir);
  const model = templateFor(templateText);
  const top = model.sections.filter((s) => s.parentKey === undefined).length;
  const what = source !== undefined ? `derived from ${source}: ${top} sections` : writesTemplate ? 'the built-in template, yours to edit' : 'as it is';
  io.stdout(
    [
      ...(writesTemplate ? [`Wrote ${shown(templatePath)} (${what})`] : [`Using ${shown(templatePath)} (${what})`]),
      `Wrote ${shown(configFile)} ("template": "${templateSetting}")`,
      '',
      'Next steps:',
      `  1. Review ${shown(templatePath)}: its headings, field labels and tables are your layout; [Describe], [Item] and the like are placeholders to reword as guidance for authors.`,
      source !== undefined ? `  2. ${TOOL_NAME} lint ${source}   (it follows its own template: only content findings remain)` : `  2. ${TOOL_NAME} lint ${DEFAULT_DIRECTORY}`,
      `  3. ${TOOL_NAME} new "Title"   (a new post-mortem from the template)`,
      `  4. Commit ${shown(templatePath)} and ${shown(configFile)}.`,
      ...(above !== undefined
        ? ['', `Note: ${shown(above)} no longer applies to the files here (the nearest config wins): to keep its rules, add "extends": "${configPath(above, io.cwd)}" to ${shown(configFile)}.`]
        : []),
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
