// `npm run bench`, incident report: `postmortem report` of 1,000 post-mortems (the six fixture
// post-mortems of test/fixtures/report, repeated with their dates moved month by month over four years)
// by the built CLI, with one worker thread and with every CPU (--concurrency auto), as json and html.
// Wall time of the whole command (start-up included); rounds interleaved, the median kept.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const FILES = 1000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The fixtures, each copy dated in another month (day kept, so every date stays a real one: days are <= 28). */
function writeArchive(root, dir) {
  const source = join(root, 'test', 'fixtures', 'report');
  const docs = readdirSync(source)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(source, f), 'utf8'));
  for (let i = 0; i < FILES; i++) {
    const month = i % 48;
    const year = 2022 + Math.floor(month / 12);
    const mm = String((month % 12) + 1).padStart(2, '0');
    const text = (docs[i % docs.length] ?? '').replace(/\b2026-(\d{2})-(\d{2})\b/g, (_, _m, d) => `${year}-${mm}-${Number(d) > 28 ? '28' : d}`);
    writeFileSync(join(dir, `pm-${String(i).padStart(4, '0')}.md`), text.replace(/INC-1(\d\d)/g, `INC-${10000 + i}`));
  }
}

export async function reportSection({ root, quick, table, ms }) {
  const dir = join(root, '.bench', 'report');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeArchive(root, dir);
  const cli = join(root, 'dist', 'cli.js');
  const cpus = availableParallelism();
  const runners = [
    ['postmortem report --format json, 1 worker', ['report', '--format', 'json', '--no-gitignore', '--today', '2026-05-01', '--by', 'severity', '--concurrency', '1', '.']],
    [`postmortem report --format json, ${cpus} workers (auto)`, ['report', '--format', 'json', '--no-gitignore', '--today', '2026-05-01', '--by', 'severity', '.']],
    [`postmortem report --format html, ${cpus} workers (auto)`, ['report', '--format', 'html', '--no-gitignore', '--today', '2026-05-01', '--by', 'severity', '.']],
  ];
  const rounds = quick ? 1 : 3;
  const walls = runners.map(() => []);
  const outputs = [];
  process.stderr.write(`measuring the report of ${FILES} post-mortems...\n`);
  for (let round = 0; round < rounds; round++) {
    runners.forEach(([, args], i) => {
      const start = performance.now();
      const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
      walls[i].push(performance.now() - start);
      if (result.status !== 0) throw new Error(`report: exit ${result.status}: ${result.stderr.slice(0, 300)}`);
      outputs[i] = result.stdout;
    });
  }
  const incidents = JSON.parse(outputs[0]).incidents.length;
  const rows = runners.map(([name], i) => {
    const wall = median(walls[i]);
    return [name, String(FILES), ms(wall), (wall / 1000).toFixed(2), (wall / FILES).toFixed(2)];
  });
  console.log(`\nIncident report: ${FILES} post-mortems, wall time of the command, median of ${rounds} round(s), load ${loadavg()[0].toFixed(1)}:\n`);
  console.log(table(['runner', 'files', 'wall ms', 'seconds', 'ms/file'], rows));
  console.log(`post-mortems in the report: ${incidents}; 1 worker and ${cpus} workers give the same JSON: ${outputs[0] === outputs[1] ? 'yes' : 'NO'}`);
  rmSync(dir, { recursive: true, force: true });
}

// Alone (after npm run build): node bench/report.mjs [--quick]
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const root = join(import.meta.dirname, '..');
  const ms = (m) => (m >= 100 ? m.toFixed(0) : m.toFixed(1));
  const table = (header, rows) => [header, ...rows].map((r) => r.join(' | ')).join('\n');
  await reportSection({ root, quick: process.argv.includes('--quick'), table, ms });
}
