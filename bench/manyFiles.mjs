// `npm run bench`, many files: 1,000 post-mortems (the corpus and the template, repeated) linted by the
// built CLI with one worker thread and with every CPU (--concurrency auto), and by markdownlint-cli2 on
// the same files. Wall time of the whole command, as CI sees it (start-up included); rounds interleaved,
// the median kept.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const FILES = 1000;

function corpus(root) {
  const dir = join(root, '..', 'shared', 'corpus');
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
  docs.push(['template.md', readFileSync(join(root, 'src', 'core', 'template', 'postmortem-template.md'), 'utf8')]);
  return docs;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(command, args, cwd) {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const wall = performance.now() - start;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')}: exit ${result.status}: ${result.stderr.slice(0, 300)}`);
  return { wall, stdout: result.stdout };
}

export async function manyFilesSection({ root, quick, table, ms }) {
  const dir = join(root, '.bench', 'many');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const docs = corpus(root);
  for (let i = 0; i < FILES; i++) {
    const [name, text] = docs[i % docs.length];
    writeFileSync(join(dir, `pm-${String(i).padStart(4, '0')}-${name}`), text);
  }
  const cli = join(root, 'dist', 'cli.js');
  const mdl = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const cpus = availableParallelism();
  const runners = [
    ['postmortem-kit lint, 1 worker', process.execPath, [cli, 'lint', '--format', 'json', '--no-gitignore', '--concurrency', '1', '.']],
    [`postmortem-kit lint, ${cpus} workers (auto)`, process.execPath, [cli, 'lint', '--format', 'json', '--no-gitignore', '.']],
    ['markdownlint-cli2 (default rules)', process.execPath, [mdl, '*.md']],
  ];
  const rounds = quick ? 1 : 3;
  const walls = runners.map(() => []);
  const outputs = [];
  process.stderr.write(`measuring ${FILES} files...\n`);
  for (let round = 0; round < rounds; round++) {
    runners.forEach(([, command, args], i) => {
      const { wall, stdout } = timed(command, args, dir);
      walls[i].push(wall);
      outputs[i] = stdout;
    });
  }
  const same = outputs[0] === outputs[1];
  const base = median(walls[0]);
  const rows = runners.map(([name], i) => {
    const wall = median(walls[i]);
    return [name, String(FILES), ms(wall), (wall / FILES).toFixed(2), (base / wall).toFixed(2)];
  });
  console.log(`\nMany files: ${FILES} post-mortems (${docs.length} documents repeated), wall time of the command, median of ${rounds} round(s), load ${loadavg()[0].toFixed(1)}:\n`);
  console.log(table(['runner', 'files', 'wall ms', 'ms/file', 'speed-up vs 1 worker'], rows));
  console.log(`1 worker and ${cpus} workers print the same report: ${same ? 'yes' : 'NO'}`);
  rmSync(dir, { recursive: true, force: true });
}
