// Issue 13's measures, run by bench/bench.mjs after its own table (dist/core.js and dist/cli.js, after a build):
//   keystroke   createLinter().lint after a one-character edit, against a full lintDocument of the same text
//   large       4 MB and 10 MB many-sections documents: the CLI's lint (CPU, wall, peak RSS) against a
//               whole-document bare remark parse of the same text
//   cold start  `postmortem lint` of one small file against `node -e 0` and markdownlint-cli2
//
//   node bench/incremental.mjs --child keystroke <file> <offset>   (internal: one child per case)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const here = fileURLToPath(import.meta.url);

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cpuMs = (f) => {
  const c0 = process.cpuUsage();
  const r = f();
  const c = process.cpuUsage(c0);
  return [(c.user + c.system) / 1000, r];
};

/** Child: a warm incremental linter, then one-character edits at `offset` (typed, then deleted), then full lints. */
function keystrokeChild(file, offset, runs) {
  const { createLinter, lintDocument } = require(join(root, 'dist', 'core.js'));
  const text = readFileSync(file, 'utf8');
  const edited = text.slice(0, offset) + 'x' + text.slice(offset);
  const linter = createLinter();
  linter.lint(text);
  linter.lint(edited);
  const keystroke = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const [ms, r] = cpuMs(() => linter.lint(i % 2 ? edited : text));
    keystroke.push(ms);
    last = [i % 2 ? edited : text, r];
  }
  const full = [];
  let same = true;
  for (let i = 0; i < 3; i++) {
    const [ms, r] = cpuMs(() => lintDocument(last[0]));
    full.push(ms);
    if (i === 0) same = JSON.stringify(r) === JSON.stringify(last[1]);
  }
  process.stdout.write(JSON.stringify({ keystroke: median(keystroke), full: median(full), same }));
}

function spawnJson(args) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 20 * 60 * 1000 });
  if (r.status !== 0) throw new Error((r.error?.message ?? r.stderr.trim().split('\n').slice(-3).join(' ')) || `exit ${r.status ?? r.signal}`);
  return JSON.parse(r.stdout);
}

/** Wall ms, CPU ms and peak RSS (KB) of a command, by /usr/bin/time. */
function timed(command, args) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 20 * 60 * 1000 });
  const wall = performance.now() - t0;
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [user, sys, rss] = last.split(' ').map(Number);
  if (!Number.isFinite(rss)) throw new Error(`${command} ${args.join(' ')}: ${r.stderr.slice(-300)}`);
  return { wall, cpu: (user + sys) * 1000, rss, status: r.status, stdout: r.stdout };
}

/** A post-mortem of about `chars` characters with many sections: the sample's sections after its Summary, numbered, over and over. */
export function manySectionsPostmortem(chars) {
  const sample = readFileSync(join(root, 'examples', '2026-03-14-checkout-latency.md'), 'utf8');
  const cut = sample.indexOf('\n## Impact') + 1;
  const parts = [sample.slice(0, cut)];
  let length = cut;
  for (let i = 1; length < chars; i++) {
    const part = sample
      .slice(cut)
      .replace(/^(#{2,3}) (.+)$/gm, (_, hashes, title) => `${hashes} ${title} (${i})`);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** The measures; bench/bench.mjs passes its helpers (write puts a document in .bench/). */
export async function incrementalSection({ quick, table, write, generatedPostmortem, ms, mb, kb }) {
  const rows = [];
  // Keystroke: the 1 MB post-mortem with a 10k-row timeline, an edit in its Summary and one in the timeline; a 1 MB many-sections document.
  const timeline = join(root, '.bench', 'generated-1mb.md');
  if (!existsSync(timeline)) write('generated-1mb.md', generatedPostmortem(10_000));
  const timelineText = readFileSync(timeline, 'utf8');
  const many = write('many-sections-1mb.md', manySectionsPostmortem(1_000_000));
  const manyText = readFileSync(many, 'utf8');
  const cases = [
    ['1 MB, 10k-row timeline: edit in the Summary', timeline, timelineText.indexOf('**Severity:**'), 0.02],
    ['1 MB, 10k-row timeline: edit in row 5,000', timeline, timelineText.indexOf('\n', timelineText.indexOf('| Time | Event |') + 5000 * 90) - 3, 0.05],
    ['1 MB, many sections: edit in the middle one', many, manyText.indexOf('\n', manyText.indexOf('### What Happened', manyText.length >> 1) + 20), 0.02],
  ];
  for (const [name, file, offset, target] of cases) {
    process.stderr.write(`measuring keystroke: ${name}...\n`);
    try {
      const r = spawnJson([here, '--child', 'keystroke', file, String(offset), quick ? '6' : '20']);
      const ratio = r.keystroke / r.full;
      rows.push([name, ms(r.keystroke), ms(r.full), ratio.toFixed(3), `<= ${target} ${ratio <= target ? 'OK' : 'OVER'}`, r.same ? 'yes' : 'NO']);
    } catch (error) {
      rows.push([name, 'failed', String(error.message).slice(0, 60), '', '', '']);
    }
  }
  console.log('\nKeystroke (issue 13): createLinter().lint after a one-character edit vs a full lintDocument, median CPU ms:\n');
  console.log(table(['document and edit', 'keystroke ms', 'full lint ms', 'ratio', 'target', 'same findings'], rows));

  // Large many-sections documents: the CLI's lint against a whole bare parse (.bench/ is git-ignored: --no-gitignore).
  const large = [
    ['4 MB many sections', write('many-sections-4mb.md', manySectionsPostmortem(4_000_000)), 0.5],
    ['10 MB many sections', write('many-sections-10mb.md', manySectionsPostmortem(10_000_000)), undefined],
  ];
  const parseScript = write(
    'bare-parse.mjs',
    `import { readFileSync } from 'node:fs';\nimport { unified } from 'unified';\nimport remarkParse from 'remark-parse';\nimport remarkGfm from 'remark-gfm';\n` +
      `unified().use(remarkParse).use(remarkGfm).parse(readFileSync(process.argv[2], 'utf8'));\n`,
  );
  const bigRows = [];
  for (const [name, file, target] of large) {
    process.stderr.write(`measuring ${name}...\n`);
    const size = readFileSync(file, 'utf8').length;
    const lint = timed(process.execPath, [join(root, 'dist', 'cli.js'), 'lint', '--no-gitignore', '--format', 'json', file]);
    let findings = '';
    try {
      findings = String(JSON.parse(lint.stdout).length);
    } catch {
      findings = `exit ${lint.status}`;
    }
    const skipParse = quick && size > 5e6;
    let parse;
    if (!skipParse) parse = timed(process.execPath, [parseScript, file]);
    const ratio = parse ? lint.cpu / parse.cpu : undefined;
    bigRows.push([
      name,
      kb(size),
      ms(lint.cpu),
      ms(lint.wall),
      mb(lint.rss),
      parse ? ms(parse.cpu) : 'skipped',
      parse ? mb(parse.rss) : '',
      ratio === undefined ? '' : ratio.toFixed(2) + (target ? ` (<= ${target} ${ratio <= target ? 'OK' : 'OVER'})` : ''),
      findings,
    ]);
  }
  console.log('\nLarge many-sections documents (issue 13): `postmortem lint --format json` vs a whole bare remark parse, one run each:\n');
  console.log(table(['document', 'size', 'lint CPU ms', 'lint wall ms', 'lint peak RSS', 'parse CPU ms', 'parse peak RSS', 'lint/parse', 'findings'], bigRows));

  // Cold start: one small file.
  const small = join(root, 'examples', '2026-03-14-checkout-latency.md');
  const commands = [
    ['node -e 0', process.execPath, ['-e', '0']],
    ['postmortem lint (dist/cli.js)', process.execPath, [join(root, 'dist', 'cli.js'), 'lint', small]],
  ];
  const mdl = join(root, 'node_modules', '.bin', 'markdownlint-cli2');
  if (existsSync(mdl)) commands.push(['markdownlint-cli2', mdl, [small]]);
  const walls = commands.map(() => []);
  const runs = quick ? 5 : 15;
  for (let i = 0; i < runs; i++) commands.forEach(([, c, a], k) => walls[k].push(timed(c, a).wall));
  const base = median(walls[0]);
  console.log(`\nCold start (issue 13): one small file, median wall ms of ${runs} runs:\n`);
  console.log(table(['command', 'wall ms', 'x node -e 0'], commands.map(([name], k) => [name, ms(median(walls[k])), (median(walls[k]) / base).toFixed(2)])));
}

if (process.argv[2] === '--child' && process.argv[3] === 'keystroke') keystrokeChild(process.argv[4], Number(process.argv[5]), Number(process.argv[6] ?? 20));
