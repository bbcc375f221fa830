// npm run fuzz -- --seconds N: the properties of the unit suite (test/unit/properties.test.ts) with
// random seeds, for as long as asked. Prints the inputs checked per property and every distinct
// failure (property + kind) once: the shrunk counterexample with its seed and path, a command that
// replays it, and a hand-sized version of it (delta-debugged). Exit code 1 when anything failed.
//
//   node --import tsx test/properties/fuzz.ts --seconds 60
//   node --import tsx test/properties/fuzz.ts --seconds 300 --property c,d --family corpus
//   node --import tsx test/properties/fuzz.ts --replay d --seed 123 --path "4:0:1"   (same --family/--max-mutations as the run)
//   node --import tsx test/properties/fuzz.ts --file doc.md [--template team.md]     (all properties on one file)
import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { inputArb, literalInput, type Family, type Input } from './generators';
import { minimizeFailure } from './minimize';
import { checkAll, literal, properties, propertyById, Violation, type CheckOptions, type Property } from './properties';
import { formatFailure, runProperty, type RunReport } from './runner';
import { corpusMissing } from './sources';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    property: { type: 'string' },
    family: { type: 'string' },
    'max-mutations': { type: 'string', default: '8' },
    'max-fixes': { type: 'string', default: '6' },
    chunk: { type: 'string', default: '20' },
    seed: { type: 'string' },
    replay: { type: 'string' },
    path: { type: 'string' },
    'shrink-seconds': { type: 'string', default: '30' },
    'minimize-seconds': { type: 'string', default: '30' },
    out: { type: 'string', default: join(tmpdir(), 'postmortem-fuzz') },
    file: { type: 'string' },
    template: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

const USAGE = `Usage: node --import tsx test/properties/fuzz.ts [options]
  --seconds N           generate inputs for N seconds (default 60; shrinking a new failure comes on top)
  --property a,b,...    properties to run (default all: ${properties.map((p) => p.id).join(',')})
  --family f,...        template,fixtures,corpus,generated (default all that have documents)
  --max-mutations N     mutations per base document (default 8)
  --max-fixes N         safe fixes applied one by one per input by property e (default 6)
  --chunk N             inputs per fast-check run, each with its own seed (default 20)
  --seed S              seed of the first chunk (the next chunks use S+1, S+2...): a reproducible session
  --shrink-seconds T    time to shrink each new failure (default 30)
  --minimize-seconds T  time to delta-debug each new failure's text (default 30, 0 = off)
  --out DIR             where full counterexamples are written (default ${join(tmpdir(), 'postmortem-fuzz')})
  --replay ID --seed S --path P   replay (and shrink) one counterexample of property ID
  --file F [--template T]         check every property on one document`;

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const int = (name: string, value: string | undefined): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} wants a number, got ${value}\n${USAGE}`);
    process.exit(2);
  }
  return n;
};

const seconds = int('seconds', values.seconds);
const maxMutations = int('max-mutations', values['max-mutations']);
const check: CheckOptions = { maxFixes: int('max-fixes', values['max-fixes']) };
const chunk = Math.max(1, int('chunk', values.chunk));
const shrinkMs = int('shrink-seconds', values['shrink-seconds']) * 1000;
const minimizeMs = int('minimize-seconds', values['minimize-seconds']) * 1000;

const selected: Property[] = (values.property ?? properties.map((p) => p.id).join(','))
  .split(',')
  .filter(Boolean)
  .map((id) => {
    const p = propertyById(id.trim());
    if (!p) {
      console.error(`Unknown property "${id}" (have ${properties.map((x) => x.id).join(', ')})`);
      process.exit(2);
    }
    return p;
  });

const allFamilies: Family[] = ['template', 'fixtures', 'corpus', 'generated'];
const families = (values.family ? values.family.split(',').map((f) => f.trim()) : allFamilies) as Family[];
for (const f of families) {
  if (!allFamilies.includes(f)) {
    console.error(`Unknown family "${f}" (have ${allFamilies.join(', ')})`);
    process.exit(2);
  }
}
const arbs = families.map((f) => inputArb(f, { maxMutations })).filter((a): a is fc.Arbitrary<Input> => a !== undefined);
if (families.includes('corpus') && corpusMissing) console.log(`(corpus family skipped: ${corpusMissing})`);
if (arbs.length === 0) {
  console.error('No documents to mutate for the families asked.');
  process.exit(2);
}
const arb = arbs.length === 1 ? (arbs[0] as fc.Arbitrary<Input>) : fc.oneof(...arbs);

/** The flags that make the arbitrary what it was, for replay commands. */
const arbFlags = [
  values.family ? `--family ${values.family}` : '',
  `--max-mutations ${maxMutations}`,
  `--max-fixes ${check.maxFixes}`,
]
  .filter(Boolean)
  .join(' ');
const replayCommand = (r: RunReport) =>
  `node --import tsx test/properties/fuzz.ts --replay ${r.property.id} --seed ${r.seed} --path "${r.path ?? ''}" ${arbFlags}`;

function writeCounterexample(name: string, input: Input): string {
  mkdirSync(values.out as string, { recursive: true });
  const file = join(values.out as string, `${name.replace(/[^A-Za-z0-9_.-]+/g, '_')}.md`);
  writeFileSync(file, input.text);
  if (input.templateText !== undefined) writeFileSync(file.replace(/\.md$/, '.template.md'), input.templateText);
  return file;
}

function reportFailure(r: RunReport, occurrence: string): void {
  console.log(`\n=== FAILURE ${occurrence} ===`);
  console.log(formatFailure(r, replayCommand(r)));
  const v = r.error;
  if (r.counterexample) console.log(`  full shrunk text: ${writeCounterexample(`${r.property.id}-${v instanceof Violation ? v.kind : 'error'}`, r.counterexample)}`);
  if (v instanceof Violation && r.counterexample && minimizeMs > 0) {
    const started = Date.now();
    const small = minimizeFailure(r.property, v, r.counterexample, minimizeMs, check);
    console.log(`  minimised in ${((Date.now() - started) / 1000).toFixed(1)} s (${small.text.length} chars, same property and kind): ${literal(small.text, 2000)}`);
    if (small.templateName) console.log(`  (linted against team template ${small.templateName})`);
  }
}

// ---- --file: every property on one document ----
if (values.file) {
  const text = readFileSync(values.file, 'utf8');
  const templateText = values.template ? readFileSync(values.template, 'utf8') : undefined;
  const violations = checkAll(literalInput(text, templateText, values.file), { maxFixes: Infinity });
  for (const v of violations) console.log(`\n${v.message}`);
  console.log(`\n${values.file}: ${violations.length ? `${violations.length} properties fail` : 'all properties hold'}`);
  process.exit(violations.length ? 1 : 0);
}

// ---- --replay: one counterexample ----
if (values.replay) {
  const p = propertyById(values.replay);
  if (!p || values.seed === undefined || values.path === undefined) {
    console.error(`--replay wants a property id, --seed and --path\n${USAGE}`);
    process.exit(2);
  }
  const seed = int('seed', values.seed);
  const details = fc.check<[Input]>(
    fc.property(arb, (input) => {
      p.check(input, check);
    }),
    { seed, path: values.path, plugins: [fc.interruptAfterTimeLimit(shrinkMs)] },
  );
  if (!details.failed) {
    console.log(`property ${p.id} holds for seed ${seed} path ${values.path} (fixed since?)`);
    process.exit(0);
  }
  reportFailure(
    { property: p, seed, numRuns: details.numRuns, failed: true, error: details.errorInstance, counterexample: details.counterexample?.[0], path: details.counterexamplePath ?? values.path, numShrinks: details.numShrinks, elapsedMs: 0 },
    'replayed',
  );
  process.exit(1);
}

// ---- the fuzz loop ----
interface Tally {
  inputs: number;
  failing: number;
  ms: number;
}
const tally = new Map<string, Tally>(selected.map((p) => [p.id, { inputs: 0, failing: 0, ms: 0 }]));
const distinct = new Map<string, { count: number; first: RunReport }>();
const started = Date.now();
const deadline = started + seconds * 1000;
let nextSeed = values.seed !== undefined ? int('seed', values.seed) : undefined;
let lastProgress = started;

console.log(
  `Fuzzing properties ${selected.map((p) => p.id).join(',')} for ${seconds} s over ${families.filter((f) => inputArb(f, { maxMutations }) !== undefined).join(', ')} (max ${maxMutations} mutations, ${chunk} inputs per seed)`,
);
let round = 0;
while (Date.now() < deadline) {
  for (const p of selected) {
    const now = Date.now();
    if (now >= deadline) break;
    const seed = nextSeed !== undefined ? (nextSeed++ | 0) : randomInt(0, 2 ** 31 - 1);
    const r = runProperty(p, arb, { seed, numRuns: chunk, check, shrinkMs, timeLimitMs: deadline - now });
    const t = tally.get(p.id) as Tally;
    t.inputs += r.numRuns;
    t.ms += r.elapsedMs;
    if (r.failed) {
      t.failing++;
      const kind = r.error instanceof Violation ? r.error.kind : 'harness-error';
      const key = `${p.id}:${kind}`;
      const seen = distinct.get(key);
      if (seen) seen.count++;
      else {
        distinct.set(key, { count: 1, first: r });
        reportFailure(r, `#${distinct.size} ${key}`);
      }
    }
    if (Date.now() - lastProgress > 15_000) {
      lastProgress = Date.now();
      const total = [...tally.values()].reduce((n, x) => n + x.inputs, 0);
      console.log(`... ${((lastProgress - started) / 1000).toFixed(0)} s: ${total} inputs, ${distinct.size} distinct failures`);
    }
  }
  round++;
}

const elapsed = (Date.now() - started) / 1000;
const total = [...tally.values()].reduce((n, x) => n + x.inputs, 0);
console.log(`\n=== SUMMARY: ${total} inputs in ${elapsed.toFixed(1)} s (${round} rounds) ===`);
for (const p of selected) {
  const t = tally.get(p.id) as Tally;
  console.log(`  ${p.id}  ${String(t.inputs).padStart(6)} inputs  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.failing ? `${t.failing} failing seeds` : 'no failure'}  ${p.title}`);
}
if (distinct.size) {
  console.log(`\n${distinct.size} distinct failures (property:kind, seeds that hit it):`);
  for (const [key, { count, first }] of distinct) console.log(`  ${key}  x${count}  replay: ${replayCommand(first)}`);
}
process.exit(distinct.size ? 1 : 0);
