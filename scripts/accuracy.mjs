// Measured accuracy of the linter on the labelled corpus of real post-mortems (issue 9).
//
//   npm run accuracy                      builds dist/ first, then runs this script
//   node scripts/accuracy.mjs [--json] [--verbose] [--corpus DIR] [--labels DIR]
//                                         needs dist/core.js (npm run -s build)
//
// The corpus (../shared/corpus next to the repository, or --corpus / $POSTMORTEM_CORPUS) holds the
// documents; test/accuracy/labels holds what a careful author expects the linter to say about each,
// written before anyone looked at the linter's output. <name>.json judges <name>.md against the
// built-in template; <name>.<org>-template.json judges it against the template file its "template"
// field names (an organisation's own template in the corpus), linted with that file's text.
//
// A finding matches an unmatched label with the same rule whose line is within LINE_TOLERANCE.
// Precision and recall count warnings and errors only (a label's severity decides whether it counts,
// a finding's severity whether it counts); info labels and info findings are matched and reported
// separately. This is a measurement, not a test: it exits 0 unless it cannot run at all, and a
// document the linter throws on is reported, never fatal.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The rule id the linter uses for "this document does not follow the template" (labelled "template-fit"). */
const TEMPLATE_FIT_RULE = 'template-fit';
/** Label rule ids that the linter spells differently. */
const LABEL_RULE_TO_FINDING_RULE = { 'template-fit': TEMPLATE_FIT_RULE };
/** A finding may be this many lines away from its label. */
const LINE_TOLERANCE = 1;
const COUNTED = new Set(['warning', 'error']);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined;
};
const asJson = flag('--json');
const verbose = flag('--verbose');
const corpusDir = resolve(option('--corpus') ?? process.env.POSTMORTEM_CORPUS ?? join(root, '..', 'shared', 'corpus'));
const labelsDir = resolve(option('--labels') ?? join(root, 'test', 'accuracy', 'labels'));

function fail(message) {
  console.error(`accuracy: ${message}`);
  process.exit(2);
}

const corePath = join(root, 'dist', 'core.js');
if (!existsSync(corePath)) fail(`${corePath} is missing: run \`npm run -s build\` first (\`npm run accuracy\` does).`);
const { lint } = createRequire(import.meta.url)(corePath);
if (!existsSync(corpusDir)) fail(`no corpus at ${corpusDir} (use --corpus DIR or POSTMORTEM_CORPUS).`);
if (!existsSync(labelsDir)) fail(`no labels at ${labelsDir}.`);

// ---- inputs -------------------------------------------------------------------------------------

/** kind=template|filled per file, from the corpus's SOURCES.tsv when it has one. */
function readKinds() {
  const kinds = new Map();
  const tsv = join(corpusDir, 'SOURCES.tsv');
  if (!existsSync(tsv)) return kinds;
  const [head, ...rows] = readFileSync(tsv, 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = head.split('\t');
  const fileCol = cols.indexOf('file');
  const kindCol = cols.indexOf('kind');
  if (fileCol < 0 || kindCol < 0) return kinds;
  for (const row of rows) {
    const cells = row.split('\t');
    kinds.set(cells[fileCol], cells[kindCol]);
  }
  return kinds;
}

/** Every label file, grouped by the document it judges. */
function readLabels() {
  const byDoc = new Map();
  const problems = [];
  for (const name of readdirSync(labelsDir).filter((f) => f.endsWith('.json')).sort()) {
    try {
      const set = JSON.parse(readFileSync(join(labelsDir, name), 'utf8'));
      if (typeof set.file !== 'string' || typeof set.template !== 'string' || !Array.isArray(set.expected)) {
        throw new Error('needs "file", "template" and an "expected" array');
      }
      for (const e of set.expected) {
        if (typeof e.rule !== 'string' || !Number.isInteger(e.line) || !['error', 'warning', 'info'].includes(e.severity)) {
          throw new Error(`bad label ${JSON.stringify(e)}`);
        }
      }
      const list = byDoc.get(set.file) ?? [];
      list.push({ labelFile: name, ...set });
      byDoc.set(set.file, list);
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { byDoc, problems };
}

// ---- matching -----------------------------------------------------------------------------------

const findingRule = (labelRule) => LABEL_RULE_TO_FINDING_RULE[labelRule] ?? labelRule;

const words = (s) => new Set(String(s).toLowerCase().match(/[\p{L}\p{N}&]{3,}/gu) ?? []);
/**
 * How much of what a finding names (its quoted text, e.g. a section title, else its whole message)
 * the label's reason mentions, 0..1: only breaks ties between equally near pairs.
 */
const overlap = (l, f) => {
  const reason = words(l.why);
  const quoted = [...String(f.message).matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(' ');
  const named = [...words(quoted || f.message)];
  return named.length ? named.filter((x) => reason.has(x)).length / named.length : 0;
};

/**
 * Pairs labels with findings: same rule, lines within the tolerance, each used once. Nearest pairs
 * first; between equally near ones, the finding whose quoted text the label's reason mentions most
 * (so two missing sections on one heading pair with the right labels; the counts are unaffected).
 */
function match(labels, findings) {
  const pairs = [];
  labels.forEach((l, li) =>
    findings.forEach((f, fi) => {
      const d = Math.abs(f.line - l.line);
      if (f.ruleId === findingRule(l.rule) && d <= LINE_TOLERANCE) pairs.push({ li, fi, d, o: overlap(l, f) });
    }),
  );
  pairs.sort((a, b) => a.d - b.d || b.o - a.o || a.li - b.li || a.fi - b.fi);
  const labelTo = new Map();
  const findingTo = new Map();
  for (const p of pairs) {
    if (labelTo.has(p.li) || findingTo.has(p.fi)) continue;
    labelTo.set(p.li, p.fi);
    findingTo.set(p.fi, p.li);
  }
  return {
    pairs: [...labelTo].map(([li, fi]) => ({ label: labels[li], finding: findings[fi] })),
    labelsLeft: labels.filter((_, i) => !labelTo.has(i)),
    findingsLeft: findings.filter((_, i) => !findingTo.has(i)),
  };
}

const bySeverity = (items, key) => ({
  error: items.filter((x) => x[key] === 'error').length,
  warning: items.filter((x) => x[key] === 'warning').length,
  info: items.filter((x) => x[key] === 'info').length,
});
const brief = (f) => ({ rule: f.ruleId, line: f.line, severity: f.severity, message: f.message });
const briefLabel = (l) => ({ rule: l.rule, line: l.line, severity: l.severity, why: l.why });

function score(set, text, isTemplateFile, templateText) {
  const run = {
    file: set.file,
    template: set.template,
    run: set.template === 'builtin' ? 'builtin' : 'org',
    labelFile: set.labelFile,
    templateFile: isTemplateFile,
    followsTemplate: !set.expected.some((e) => e.rule === 'template-fit'),
  };
  let findings;
  try {
    findings = lint(text, { file: set.file, ...(templateText !== undefined ? { templateText } : {}) });
  } catch (err) {
    return { ...run, crashed: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  const countedLabels = set.expected.filter((e) => COUNTED.has(e.severity));
  const infoLabels = set.expected.filter((e) => !COUNTED.has(e.severity));
  const countedFindings = findings.filter((f) => COUNTED.has(f.severity));
  const infoFindings = findings.filter((f) => !COUNTED.has(f.severity));
  const counted = match(countedLabels, countedFindings);
  const info = match(infoLabels, infoFindings);
  // Right place and rule, other severity: still a miss / a false positive, shown so it is not mistaken for one.
  const up = match(info.labelsLeft, counted.findingsLeft);
  const down = match(counted.labelsLeft, info.findingsLeft);
  return {
    ...run,
    labels: bySeverity(set.expected, 'severity'),
    findings: bySeverity(findings, 'severity'),
    tp: counted.pairs.length,
    fp: counted.findingsLeft.length,
    misses: counted.labelsLeft.length,
    info: { labels: infoLabels.length, findings: infoFindings.length, matched: info.pairs.length },
    internalErrors: findings.filter((f) => f.ruleId === 'internal-error').map(brief),
    truePositives: counted.pairs.map((p) => ({ ...brief(p.finding), labelLine: p.label.line })),
    falsePositives: counted.findingsLeft.map(brief),
    missed: counted.labelsLeft.map(briefLabel),
    infoMatched: info.pairs.map((p) => ({ ...brief(p.finding), labelLine: p.label.line })),
    infoUnlabelled: info.findingsLeft.map(brief),
    infoMissed: info.labelsLeft.map(briefLabel),
    severityMismatches: [
      ...up.pairs.map((p) => ({ label: briefLabel(p.label), finding: brief(p.finding) })),
      ...down.pairs.map((p) => ({ label: briefLabel(p.label), finding: brief(p.finding) })),
    ],
  };
}

// ---- run ----------------------------------------------------------------------------------------

const kinds = readKinds();
const { byDoc, problems } = readLabels();
const documents = readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort();
const runs = [];
const unlabelled = [];
for (const file of documents) {
  const sets = byDoc.get(file) ?? [];
  if (!sets.some((s) => s.template === 'builtin')) unlabelled.push(file);
  if (sets.length === 0) continue;
  let text;
  try {
    text = readFileSync(join(corpusDir, file), 'utf8');
  } catch (err) {
    runs.push({ file, template: 'builtin', run: 'builtin', crashed: `cannot read: ${err instanceof Error ? err.message : String(err)}` });
    continue;
  }
  const isTemplateFile = kinds.get(file) === 'template';
  sets.sort((a, b) => (a.template === 'builtin' ? -1 : b.template === 'builtin' ? 1 : a.template.localeCompare(b.template)));
  for (const set of sets) {
    let templateText;
    if (set.template !== 'builtin') {
      try {
        templateText = readFileSync(join(corpusDir, basename(set.template)), 'utf8');
      } catch (err) {
        runs.push({ file, template: set.template, run: 'org', labelFile: set.labelFile, crashed: `cannot read template: ${err instanceof Error ? err.message : String(err)}` });
        continue;
      }
    }
    runs.push(score(set, text, isTemplateFile, templateText));
  }
}
for (const file of byDoc.keys()) if (!documents.includes(file)) problems.push(`labels for ${file}, which is not in the corpus`);

function summarize(list) {
  const ok = list.filter((r) => !r.crashed);
  const sum = (f) => ok.reduce((n, r) => n + f(r), 0);
  const tp = sum((r) => r.tp);
  const fp = sum((r) => r.fp);
  const labels = sum((r) => r.labels.warning + r.labels.error);
  const avg = (rs) => (rs.length ? rs.reduce((n, r) => n + r.findings.warning + r.findings.error, 0) / rs.length : null);
  const notFollowing = ok.filter((r) => !r.templateFile && !r.followsTemplate);
  const following = ok.filter((r) => !r.templateFile && r.followsTemplate);
  const templates = ok.filter((r) => r.templateFile);
  return {
    runs: list.length,
    crashed: list.length - ok.length,
    labels,
    findings: sum((r) => r.findings.warning + r.findings.error),
    tp,
    fp,
    misses: sum((r) => r.misses),
    precision: tp + fp ? tp / (tp + fp) : null,
    recall: labels ? tp / labels : null,
    info: { labels: sum((r) => r.info.labels), findings: sum((r) => r.info.findings), matched: sum((r) => r.info.matched) },
    internalErrors: sum((r) => r.internalErrors.length),
    avgWarningsErrorsNotFollowing: { documents: notFollowing.length, average: avg(notFollowing) },
    avgWarningsErrorsFollowing: { documents: following.length, average: avg(following) },
    avgWarningsErrorsTemplateFiles: { documents: templates.length, average: avg(templates) },
  };
}

function byRule(list) {
  const rules = {};
  const at = (id) => (rules[id] ??= { labels: 0, tp: 0, fp: 0, misses: 0 });
  for (const r of list.filter((x) => !x.crashed)) {
    for (const t of r.truePositives) {
      at(t.rule).tp++;
      at(t.rule).labels++;
    }
    for (const f of r.falsePositives) at(f.rule).fp++;
    for (const m of r.missed) {
      at(m.rule).misses++;
      at(m.rule).labels++;
    }
  }
  return Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b)));
}

const groups = { builtin: runs.filter((r) => r.run === 'builtin'), org: runs.filter((r) => r.run === 'org'), combined: runs };
const report = {
  corpus: corpusDir,
  labels: labelsDir,
  lineTolerance: LINE_TOLERANCE,
  templateFitRule: TEMPLATE_FIT_RULE,
  problems,
  unlabelled,
  summary: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, summarize(v)])),
  byRule: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, byRule(v)])),
  runs,
};

// ---- output -------------------------------------------------------------------------------------

if (asJson) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(0);
}

const pct = (x) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const num = (x) => (x === null ? 'n/a' : x.toFixed(2));
const we = (s) => `${s.warning}/${s.error}`;
const out = [];
out.push(`Accuracy on ${documents.length} corpus documents (${corpusDir})`);
out.push(`labels: ${labelsDir}; a finding matches a label of the same rule within ±${LINE_TOLERANCE} line; label "template-fit" = rule "${TEMPLATE_FIT_RULE}"`);
out.push('counts are warning/error; precision and recall count warnings and errors only');
for (const p of problems) out.push(`! ${p}`);
for (const u of unlabelled) out.push(`! no built-in labels for ${u}`);
out.push('');
const w = Math.max(...runs.map((r) => `${r.file}${r.run === 'org' ? ` @ ${r.template}` : ''}`.length), 10);
out.push(`${'document'.padEnd(w)}  labels  findings   TP   FP miss   info(l/f/m)`);
for (const r of runs) {
  const name = `${r.file}${r.run === 'org' ? ` @ ${r.template}` : ''}`.padEnd(w);
  if (r.crashed) {
    out.push(`${name}  CRASHED: ${r.crashed.split('\n')[0]}`);
    continue;
  }
  const mark = r.templateFile ? ' [template file]' : r.followsTemplate ? '' : ' [does not follow]';
  out.push(
    `${name}  ${we(r.labels).padStart(6)}  ${we(r.findings).padStart(8)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.misses).padStart(4)}   ${r.info.labels}/${r.info.findings}/${r.info.matched}${mark}`,
  );
  if (r.internalErrors.length) out.push(`${''.padEnd(w)}  internal-error: ${r.internalErrors.map((e) => `${e.line} ${e.message}`).join('; ')}`);
  if (verbose) {
    for (const f of r.falsePositives) out.push(`    FP   ${String(f.line).padStart(4)} ${f.rule} (${f.severity}): ${f.message}`);
    for (const m of r.missed) out.push(`    MISS ${String(m.line).padStart(4)} ${m.rule} (${m.severity}): ${m.why}`);
    for (const s of r.severityMismatches) out.push(`    SEV  ${String(s.finding.line).padStart(4)} ${s.finding.rule}: labelled ${s.label.severity}, found ${s.finding.severity}`);
    for (const m of r.infoMissed) out.push(`    info missed ${m.line} ${m.rule}`);
    for (const f of r.infoUnlabelled) out.push(`    info extra  ${f.line} ${f.rule}: ${f.message}`);
  }
}
out.push('');
for (const [name, s] of Object.entries(report.summary)) {
  out.push(
    `${name.padEnd(8)} runs ${s.runs}${s.crashed ? ` (${s.crashed} crashed)` : ''}: labels ${s.labels}, findings ${s.findings}, TP ${s.tp}, FP ${s.fp}, misses ${s.misses}; precision ${pct(s.precision)}, recall ${pct(s.recall)}`,
  );
  out.push(
    `${''.padEnd(8)} w+e per document: not following the template ${num(s.avgWarningsErrorsNotFollowing.average)} (${s.avgWarningsErrorsNotFollowing.documents}), following ${num(s.avgWarningsErrorsFollowing.average)} (${s.avgWarningsErrorsFollowing.documents}), template files ${num(s.avgWarningsErrorsTemplateFiles.average)} (${s.avgWarningsErrorsTemplateFiles.documents}); info labels ${s.info.labels}, info findings ${s.info.findings}, matched ${s.info.matched}${s.internalErrors ? `; internal errors ${s.internalErrors}` : ''}`,
  );
}
out.push('');
out.push('by rule (combined)      labels   TP   FP miss');
for (const [rule, c] of Object.entries(report.byRule.combined)) {
  out.push(`  ${rule.padEnd(20)} ${String(c.labels).padStart(6)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.misses).padStart(4)}`);
}
process.stdout.write(`${out.join('\n')}\n`);
