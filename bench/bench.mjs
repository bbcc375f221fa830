// Lint speed and memory against the cost of parsing alone and against markdownlint, run by `npm run bench`
// (after a build: it measures dist/core.js, the code users run).
//
// For each document:
//   parse         unified + remark-parse + remark-gfm, the floor under any remark-based linter
//   lint          lint() from dist/core.js with the default config (one parse + every rule)
//   markdownlint  markdownlint/sync with its default rules, on the same text
// Target: lint / parse <= 1.15 at every size (the rules cost at most 15% on top of the parse).
//
// Times are CPU time (user + system) of the measuring process, which a busy machine skews less than
// wall time. parse and lint alternate run by run in one child process, so whatever slows the machine
// slows both alike (they share no code: lint runs the bundled copy of the parser in dist/core.js).
// markdownlint runs alone in its own child (it loads the same micromark modules as the bare parse and
// would change how the JIT compiles them). Rounds of these children are interleaved and pooled.
// Peak memory (maxRSS) comes from one child per kind that does nothing else.
// Then lint alone on documents around and above the core's size limit (DEFAULT_MAX_DOCUMENT_SIZE).
//
//   node --expose-gc bench/bench.mjs [--quick]     --quick: one round, fewer runs, no 10 MB unlimited parse
//   node --expose-gc bench/bench.mjs --child <kinds> <file> <minRuns> [maxDocumentSize]   (internal)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manyFilesSection } from './manyFiles.mjs';
import { incrementalSection } from './incremental.mjs';
import { reportSection } from './report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const TARGET = 1.15;

// ---------------------------------------------------------------------------------------------
// Child process: measures one or more kinds, alternating run by run, and prints JSON (times in ms).

async function loadKind(kind, text, maxDocumentSize) {
  if (kind === 'parse') {
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const remarkGfm = (await import('remark-gfm')).default;
    const processor = unified().use(remarkParse).use(remarkGfm);
    return () => processor.parse(text);
  }
  if (kind === 'lint') {
    const { lint } = require(join(root, 'dist', 'core.js'));
    const options = maxDocumentSize ? { maxDocumentSize: Number(maxDocumentSize) } : {};
    return () => lint(text, options);
  }
  if (kind === 'markdownlint') {
    const { lint } = await import('markdownlint/sync');
    return () => lint({ strings: { doc: text } });
  }
  throw new Error(`unknown kind ${kind}`);
}

async function child(kindList, file, minRuns, maxDocumentSize) {
  const text = readFileSync(file, 'utf8');
  const kinds = kindList.split(',');
  const work = {};
  for (const kind of kinds) work[kind] = await loadKind(kind, text, maxDocumentSize);
  const results = {};

  // Warm-up: at least 2 runs of each and 0.5 s (1 run for slow documents), so the JIT has seen the code.
  const warmStart = performance.now();
  for (let i = 0; i < 2 || performance.now() - warmStart < 500; i++) {
    for (const kind of kinds) results[kind] = work[kind]();
    if (performance.now() - warmStart > 3000) break;
  }
  globalThis.gc?.();
  // No forced GC between runs: the garbage a run leaves is part of its cost.
  const cpu = Object.fromEntries(kinds.map((k) => [k, []]));
  const wall = Object.fromEntries(kinds.map((k) => [k, []]));
  const start = performance.now();
  while (cpu[kinds[0]].length < minRuns || (performance.now() - start < 2000 * kinds.length && cpu[kinds[0]].length < 500)) {
    for (const kind of kinds) {
      const w0 = performance.now();
      const c0 = process.cpuUsage();
      results[kind] = work[kind]();
      const c = process.cpuUsage(c0);
      wall[kind].push(performance.now() - w0);
      cpu[kind].push((c.user + c.system) / 1000);
    }
  }
  const findings = (kind) => (kind === 'lint' ? results.lint.length : kind === 'markdownlint' ? results.markdownlint.doc.length : undefined);
  process.stdout.write(
    JSON.stringify({
      maxRSS: process.resourceUsage().maxRSS,
      kinds: Object.fromEntries(kinds.map((k) => [k, { cpu: cpu[k], wall: wall[k], findings: findings(k) }])),
    }),
  );
}

function median(values) {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Parent: runs the children.

function spawnChild(kinds, file, minRuns, maxDocumentSize) {
  const args = ['--expose-gc', fileURLToPath(import.meta.url), '--child', kinds.join(','), file, String(minRuns)];
  if (maxDocumentSize !== undefined) args.push(String(maxDocumentSize));
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 << 20, timeout: 15 * 60 * 1000 });
  if (r.status !== 0) {
    throw new Error((r.error?.message ?? r.stderr.trim().split('\n').slice(-3).join(' ')) || `exit ${r.status ?? r.signal}`);
  }
  return JSON.parse(r.stdout);
}

/** Times (pooled over rounds), peak memory per kind and finding counts for one document. */
function measureDocument(file, minRuns, rounds) {
  const times = { parse: [], lint: [], markdownlint: [] };
  const findings = {};
  for (let round = 0; round < rounds; round++) {
    const pair = spawnChild(['parse', 'lint'], file, minRuns);
    const alone = spawnChild(['markdownlint'], file, minRuns);
    for (const r of [pair, alone]) {
      for (const [kind, k] of Object.entries(r.kinds)) {
        times[kind].push(...k.cpu);
        findings[kind] = k.findings;
      }
    }
  }
  const rss = {};
  for (const kind of ['parse', 'lint', 'markdownlint']) rss[kind] = spawnChild([kind], file, 2).maxRSS;
  return { ms: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])), rss, findings };
}

// ---------------------------------------------------------------------------------------------
// Documents

/** The sample post-mortem with its timeline replaced by `rows` rows, one per minute from the incident start. */
function generatedPostmortem(rows) {
  const sample = readFileSync(join(root, 'examples', '2026-03-14-checkout-latency.md'), 'utf8');
  const services = ['checkout-api', 'payments-client', 'payment-gateway', 'cart-service', 'edge-proxy', 'inventory'];
  const events = [
    (i, s) => `${s} p99 latency ${800 + ((i * 37) % 13000)} ms, pool wait ${(i * 53) % 9000} ms`,
    (i, s) => `${s} HTTP 504 rate ${((i * 7) % 190) / 10}% on ${(i * 11) % 48} pods`,
    (i, s) => `Deploy \`${s}@v2026.3.${i % 97}\` rolled to wave ${(i % 3) + 1} of 3 by the release bot`,
    (i, s) => `On-call notes **${s}**: thread dump ${i} shows ${(i * 3) % 64} threads waiting on the pool`,
    (i, s) => `Alert [${s}-latency-burn](https://alerts.example.com/rules/${i}) fired, ticket INC-${2417 + (i % 9)}`,
  ];
  const start = Date.UTC(2026, 2, 14, 13, 52);
  const lines = ['| Time | Event |', '|---|---|'];
  for (let i = 0; i < rows; i++) {
    const when = new Date(start + i * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    const service = services[i % services.length];
    lines.push(`| ${when} | ${events[i % events.length](i, service)} |`);
  }
  return sample.replace(/\| Time \| Event \|\n\|---\|---\|\n(?:\|.*\|\n)+/, `${lines.join('\n')}\n`);
}

/** Rows for a generated document of about `chars` characters. */
function rowsFor(chars) {
  const probe = generatedPostmortem(1000);
  const base = generatedPostmortem(0).length;
  return Math.max(1, Math.round(((chars - base) * 1000) / (probe.length - base)));
}

function write(name, text) {
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function largestCorpusDocument() {
  const dir = join(root, '..', 'shared', 'corpus');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  files.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size);
  return join(dir, files[0]);
}

// ---------------------------------------------------------------------------------------------
// Report

const kb = (chars) => (chars >= 1e6 ? `${(chars / 1e6).toFixed(2)} MB` : `${(chars / 1e3).toFixed(1)} KB`);
const ms = (m) => (m === undefined ? 'n/a' : m >= 100 ? m.toFixed(0) : m >= 10 ? m.toFixed(1) : m.toFixed(2));
const mb = (k) => `${(k / 1024).toFixed(0)} MB`;

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(quick) {
  const { DEFAULT_MAX_DOCUMENT_SIZE } = require(join(root, 'dist', 'core.js'));
  const generated = write('generated-1mb.md', generatedPostmortem(10_000));
  const documents = [
    ['seed template', join(root, 'src', 'core', 'template', 'postmortem-template.md')],
    [`corpus: ${relative(join(root, '..', 'shared', 'corpus'), largestCorpusDocument())}`, largestCorpusDocument()],
    ['generated, 10,000 timeline rows', generated],
  ];
  const minRuns = quick ? 3 : 7;
  // Small documents cost little per round: more rounds average out a busy machine.
  const roundsFor = (file) => (quick ? 1 : statSync(file).size < 100_000 ? 5 : 3);

  const [load] = loadavg();
  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load ${load.toFixed(1)}. ` +
      `Median CPU time per run over ${roundsFor(documents[0][1])} rounds (small documents) or ${roundsFor(generated)} (1 MB) ` +
      `of >= ${minRuns} runs after warm-up; RSS = peak resident memory of a process doing only that.\n`,
  );
  const rows = [];
  let worst = 0;
  for (const [name, file] of documents) {
    process.stderr.write(`measuring ${name}...\n`);
    const m = measureDocument(file, minRuns, roundsFor(file));
    const ratio = m.ms.lint / m.ms.parse;
    worst = Math.max(worst, ratio);
    rows.push([
      name,
      kb(readFileSync(file, 'utf8').length),
      ms(m.ms.parse),
      ms(m.ms.lint),
      ms(m.ms.markdownlint),
      ratio.toFixed(2),
      (m.ms.lint / m.ms.markdownlint).toFixed(2),
      mb(m.rss.parse),
      mb(m.rss.lint),
      mb(m.rss.markdownlint),
      `${m.findings.lint} / ${m.findings.markdownlint}`,
    ]);
  }
  console.log(
    table(
      ['document', 'size', 'parse ms', 'lint ms', 'mdlint ms', 'lint/parse', 'lint/mdlint', 'RSS parse', 'RSS lint', 'RSS mdlint', 'findings ours/mdl'],
      rows,
    ),
  );
  console.log(`\nlint/parse worst: ${worst.toFixed(2)} (target <= ${TARGET}) ${worst <= TARGET ? 'OK' : 'OVER TARGET'}`);
  if (load > cpus().length) console.log(`(the machine was busy: load ${load.toFixed(1)} on ${cpus().length} CPUs; expect noise)`);

  // Around the size limit: lint parses a document just under it, and refuses one over it.
  const limit = DEFAULT_MAX_DOCUMENT_SIZE;
  const near = write('generated-4mb.md', generatedPostmortem(rowsFor(4_000_000)));
  const over = write('generated-10mb.md', generatedPostmortem(rowsFor(10_000_000)));
  const limitNote = (file) => (readFileSync(file, 'utf8').length > limit ? 'over the limit: document-size' : 'under the limit: parsed');
  const big = [
    [`4 MB (${limitNote(near)})`, near, 'lint', undefined],
    ['4 MB, bare parse', near, 'parse', undefined],
    [`10 MB (${limitNote(over)})`, over, 'lint', undefined],
  ];
  if (!quick) big.push(['10 MB with the limit lifted', over, 'lint', Number.MAX_SAFE_INTEGER]);
  const bigRows = [];
  for (const [name, file, kind, maxSize] of big) {
    process.stderr.write(`measuring ${name}...\n`);
    const size = statSync(file).size;
    try {
      const r = spawnChild([kind], file, 1, maxSize);
      const k = r.kinds[kind];
      bigRows.push([name, kb(size), ms(median(k.cpu)), ms(median(k.wall)), mb(r.maxRSS), String(k.findings ?? '')]);
    } catch (error) {
      bigRows.push([name, kb(size), 'failed', String(error.message).slice(0, 60), '', '']);
    }
  }
  console.log(`\nLarge documents (DEFAULT_MAX_DOCUMENT_SIZE = ${limit} UTF-16 code units = ${(limit / 1048576).toFixed(0)} MiB):\n`);
  console.log(table(['document', 'size', 'CPU ms', 'wall ms', 'peak RSS', 'findings'], bigRows));

  // Issue 11: 1,000 files, one worker thread against all, and against markdownlint-cli2 (bench/manyFiles.mjs).
  await manyFilesSection({ root, quick, table, ms });

  // Issue 12: postmortem report of 1,000 post-mortems, one worker thread against all (bench/report.mjs).
  await reportSection({ root, quick, table, ms });

  // Issue 13: keystrokes with createLinter, large many-sections documents, cold start (bench/incremental.mjs).
  await incrementalSection({ quick, table, write, generatedPostmortem, ms, mb, kb });
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], Number(process.argv[5]), process.argv[6]);
} else {
  await main(process.argv.includes('--quick'));
}
