// Inputs for the property tests: random mutations of real documents (the built-in template, the rule
// fixtures, the corpus) and small generated post-mortems (headings, summary fields, tables, lists).
// An input is plain data (base + mutations -> text), so fast-check shrinks it (fewer mutations, earlier
// positions, smaller generated documents) and prints it as a replayable description.
import fc from 'fast-check';
import { builtinTemplateText } from '../../src/core/index';
import { corpusDocuments, fixtureDocuments, teamTemplates, templateDocument, type SourceDocument } from './sources';

export type Mutation =
  | { op: 'delete-line'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; at: number; other: number }
  | { op: 'prefix-line'; at: number; prefix: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'truncate'; at: number }
  | { op: 'line-endings'; to: 'lf' | 'crlf' | 'cr' }
  | { op: 'bom' };

export type Family = 'template' | 'fixtures' | 'corpus' | 'generated';

export interface Input {
  family: Family;
  /** Name of the base document ("template", "fixture:timeline/crlf.md", "generated"). */
  base: string;
  mutations: Mutation[];
  /** The document to lint. */
  text: string;
  /** A team template (LintOptions.templateText); the built-in template when undefined. */
  templateText: string | undefined;
  templateName: string | undefined;
}

/** Positions are drawn in [0, SCALE) and scaled to the text, so shrinking moves them toward the start. */
const SCALE = 1 << 16;
const scaled = (at: number, n: number) => Math.min(n, Math.floor((at * (n + 1)) / SCALE));
const position = fc.integer({ min: 0, max: SCALE - 1 });

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair (editors never put the cursor there). A CRLF may be split on purpose: that makes a lone CR. */
function snap(text: string, at: number): number {
  return at > 0 && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at)) ? at - 1 : at;
}

interface Line {
  content: string;
  eol: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === '') break;
    out.push({ content: m[1] as string, eol: m[2] as string });
  }
  return out;
}

const joinLines = (lines: readonly Line[]) => lines.map((l) => l.content + l.eol).join('');

function eolOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'delete-line':
    case 'duplicate-line':
    case 'swap-lines':
    case 'prefix-line': {
      const lines = splitLines(text);
      if (lines.length === 0) return m.op === 'prefix-line' ? m.prefix : text;
      const i = scaled(m.at, lines.length - 1);
      const line = lines[i] as Line;
      if (m.op === 'delete-line') lines.splice(i, 1);
      else if (m.op === 'duplicate-line') lines.splice(i, 0, { content: line.content, eol: line.eol || eolOf(text) });
      else if (m.op === 'prefix-line') lines[i] = { content: m.prefix + line.content, eol: line.eol };
      else {
        const j = scaled(m.other, lines.length - 1);
        const other = lines[j] as Line;
        lines[i] = { content: other.content, eol: line.eol };
        lines[j] = { content: line.content, eol: other.eol };
      }
      return joinLines(lines);
    }
    case 'insert': {
      const at = snap(text, scaled(m.at, text.length));
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = snap(text, scaled(m.at, text.length));
      const end = snap(text, Math.min(text.length, at + m.length));
      return text.slice(0, at) + text.slice(end);
    }
    case 'truncate':
      return text.slice(0, snap(text, scaled(m.at, text.length)));
    case 'line-endings': {
      const to = m.to === 'lf' ? '\n' : m.to === 'crlf' ? '\r\n' : '\r';
      return text.replace(/\r\n|\r|\n/g, to);
    }
    case 'bom':
      return '\uFEFF' + text;
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

// Text inserted at random places: Markdown syntax that changes the structure around it, line breaks
// of every kind, and text that is hard on offsets (surrogate pairs, combining marks, a BOM inside).
export const SNIPPETS: readonly string[] = [
  '|', '||', '[', ']', '[]', '`', '``', '```', '```\n', '\n```\n', '\n~~~\n', '<!--', '-->', '<!-- x -->', '\n<!--\n',
  '\r', '\r\n', '\n', '\n\n', '\uFEFF', '\t', '\\', '\\|', '**', '*', '_', '> ', '- ', '- [ ] ', '- [x] ', '1. ',
  '# ', '## ', '\n## Timeline\n', '\n|---|---|\n', '| HH:MM | x |', '\n| 12:00 | restored |\n', 'HH:MM', 'YYYY-MM-DD',
  '{detected}', '{mitigated}', '[Name]', '[X minutes]', '[INC-XXXX]', '---\n', '<div>', '</div>', '&amp;', '&#124;',
  '💥', '👩‍💻', '🇩🇪', 'e\u0301', '\u0301', '\u200b', '\u00a0', 'Zoë Ångström', 'Straße', '日本語の障害', 'עברית', 'Ελληνικά',
];

const CHARS: readonly string[] = [
  '|', '[', ']', '`', '<', '!', '-', '\r', '\n', ' ', 'a', 'Z', '1', ':', '💥', '\u0301', 'é', '*', '_', '#', '>', '\\', '{', '}', '(', ')',
];

const insertedText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
);

const LINE_PREFIXES = ['> ', '  ', '    ', '- ', '1. ', '# ', '### ', '| ', '<!-- ', '\t', '```'];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete-line' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), at: position, other: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('prefix-line' as const), at: position, prefix: fc.constantFrom(...LINE_PREFIXES) }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at: position, text: insertedText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('line-endings' as const), to: fc.constantFrom('lf' as const, 'crlf' as const, 'cr' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('bom' as const) }) },
);

// ---- small generated post-mortems ----

const TEMPLATE_TITLES = [...builtinTemplateText.matchAll(/^#{2,3} (.+)$/gm)].map((m) => (m[1] as string).trim());
const TITLES = [...TEMPLATE_TITLES, 'Timeline (UTC)', 'Zeitleiste', 'Notes', 'Summary 💥', 'Action items'];

const HEADERS: readonly string[][] = [
  ['Time', 'Event'],
  ['Time (UTC)', 'Event', 'Notes'],
  ['Metric', 'Value'],
  ['Metric', 'Value', 'Notes'],
  ['Action', 'Owner', 'Due Date', 'Status', 'Beads Issue'],
  ['Role', 'Name', 'Date'],
  ['Zeit', 'Ereignis'],
  ['When', 'What'],
];

const CELLS: readonly string[] = [
  '', ' ', 'HH:MM', '14:32', '09:05', '23:59', '24:00', '2024-01-02 10:00', '2024-02-30 10:00', '--:--', '[Name]', '[X minutes]', '[Date]',
  '45 minutes', '1h 5m', '2 hours', 'Open', 'Done', 'In Progress', 'bd://abc-1', 'N/A', '#12', 'Alice', 'Zoë', 'Bob forgot the flag',
  'alert fired {detected}', 'mitigated', 'service restored', 'incident declared', 'Time to Detection (TTD)', 'Time to Mitigation (TTM)',
  'Duration of Impact', 'Users Affected', 'Author', 'Incident Commander', 'a \\| b', '`x|y`', '**bold**', '[link](https://x.y)', '💥 boom',
  'e\u0301te\u0301', '日本語',
];

const WORDS: readonly string[] = [
  'The', 'deploy', 'failed', 'Alice', 'rolled', 'back', 'after', '12', 'minutes', 'human', 'error', 'Bob', 'should', 'have', 'known',
  'cache', 'über', 'naïve', 'café', '💥', 'e\u0301', '[Name]', 'HH:MM', '`code`', '|', 'SEV2', 'N/A', '日本語',
];

const FIELDS: readonly [string, readonly string[]][] = [
  ['Incident ID', ['INC-1234', '[INC-XXXX]', '', 'INC 12']],
  ['Date', ['2024-01-02', '[YYYY-MM-DD]', '02/01/2024', '']],
  ['Duration', ['45 minutes', '[X hours Y minutes]', '1 h 2 min', '', 'roughly an hour']],
  ['Severity', ['SEV2', 'SEV1 | SEV2 | SEV3 | SEV4', 'sev9', '']],
  ['Status', ['Draft', 'Draft | In Review | Complete', 'Complete', 'Done']],
  ['Beads Issue', ['bd://abc-1', '[bd://issue-id or N/A]', 'N/A', 'JIRA-1']],
  ['Author', ['Zoë Ångström', '[Name]', '']],
  ['Incident Commander', ['Alice', '[Name]']],
];

type Block = (eol: string) => string;

const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

const tableArb: fc.Arbitrary<Block> = fc
  .record({
    header: fc.constantFrom(...HEADERS),
    style: fc.constantFrom('spaced', 'tight', 'open'),
    delimiterShort: fc.boolean(),
    rows: fc.array(fc.array(fc.constantFrom(...CELLS), { maxLength: 6 }), { maxLength: 6 }),
  })
  .map(({ header, style, delimiterShort, rows }) => (eol: string) => {
    const row = (cells: readonly string[]) =>
      style === 'spaced' ? `| ${cells.join(' | ')} |` : style === 'tight' ? `|${cells.join('|')}|` : cells.join(' | ');
    const delimiter = header.slice(delimiterShort ? 1 : 0).map(() => '---');
    return [row(header), row(delimiter), ...rows.map(row)].join(eol);
  });

const fieldsArb: fc.Arbitrary<Block> = fc
  .array(
    fc.integer({ min: 0, max: FIELDS.length - 1 }).chain((i) => {
      const [label, values] = FIELDS[i] as [string, readonly string[]];
      return fc.constantFrom(...values).map((v) => `**${label}:** ${v}`);
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((lines) => (eol: string) => lines.join(`  ${eol}`));

const listArb: fc.Arbitrary<Block> = fc
  .record({
    marker: fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] '),
    items: fc.array(fc.tuple(fc.boolean(), words), { minLength: 1, maxLength: 5 }),
  })
  .map(({ marker, items }) => (eol: string) => items.map(([nested, text]) => `${nested ? '  ' : ''}${marker}${text}`).join(eol));

const fenceArb: fc.Arbitrary<Block> = fc
  .record({ fence: fc.constantFrom('```', '~~~', '```md'), closed: fc.boolean(), body: fc.oneof(words, tableArb.map((t) => t('\n'))) })
  .map(({ fence, closed, body }) => (eol: string) => [fence, body.replace(/\n/g, eol), ...(closed ? [fence.slice(0, 3)] : [])].join(eol));

const commentArb: fc.Arbitrary<Block> = fc
  .record({ closed: fc.boolean(), body: words })
  .map(({ closed, body }) => () => `<!-- ${body}${closed ? ' -->' : ''}`);

const paragraphArb: fc.Arbitrary<Block> = words.map((w) => () => w);

const blockArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 3, arbitrary: tableArb },
  { weight: 2, arbitrary: fieldsArb },
  { weight: 2, arbitrary: listArb },
  { weight: 2, arbitrary: paragraphArb },
  { weight: 1, arbitrary: fenceArb },
  { weight: 1, arbitrary: commentArb },
);

// A timeline whose rows name milestones, and the tables and fields the metrics rule measures and
// fills from it (values left as placeholders, written by the author, or both in one cell).
const EVENTS: readonly string[] = [
  'Impact began {start}', 'Error-rate alert fired {detected}', 'alert fired', 'Customers reported errors', 'Incident declared',
  'On-call acknowledged', 'Investigation started', 'Root cause identified', 'Mitigation applied', 'Rollback deployed {mitigated}',
  'Service restored', 'Incident closed', 'Zoë paged the team 💥', '[Service restored]',
];

const pad2 = (n: number) => String(n).padStart(2, '0');

const timelineArb: fc.Arbitrary<Block> = fc
  .record({
    start: fc.integer({ min: 0, max: 23 * 60 }),
    format: fc.constantFrom('date', 'time', 'seconds'),
    rows: fc.array(
      fc.record({
        step: fc.integer({ min: -20, max: 120 }),
        event: fc.constantFrom(...EVENTS),
        time: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'HH:MM', '', '25:61'),
      }),
      { minLength: 3, maxLength: 9 },
    ),
  })
  .map(({ start, format, rows }) => (eol: string) => {
    let minutes = start;
    const lines = ['| Time | Event |', '|---|---|'];
    for (const r of rows) {
      minutes = Math.max(0, minutes + r.step);
      const day = 14 + Math.floor(minutes / 1440);
      const hm = `${pad2(Math.floor(minutes / 60) % 24)}:${pad2(minutes % 60)}`;
      const time =
        r.time !== 'ok' ? r.time : format === 'date' ? `2026-03-${pad2(day)} ${hm}` : format === 'seconds' ? `${hm}:${pad2((minutes * 7) % 60)}` : hm;
      lines.push(`| ${time} | ${r.event} |`);
    }
    return lines.join(eol);
  });

const METRIC_VALUES: readonly string[] = [
  '[X minutes]', '', '45 minutes', '1 h 5 min', '12m', '[X minutes] (estimate by Zoë)', 'about 10 minutes', '10 minutes (paged late)', 'n/a', '2 hours',
];
const METRIC_ROWS: readonly string[] = ['Time to Detection (TTD)', 'Time to Acknowledgment (TTA)', 'Time to Mitigation (TTM)', 'Time to Resolution (TTR/MTTR)'];

const delayTableArb: fc.Arbitrary<Block> = fc
  .array(fc.tuple(fc.constantFrom(...METRIC_ROWS), fc.constantFrom(...METRIC_VALUES), fc.constantFrom('First alert', '', 'Bob was asleep')), { minLength: 1, maxLength: 4 })
  .map((rows) => (eol: string) => ['| Metric | Value | Notes |', '|---|---|---|', ...rows.map(([m, v, n]) => `| ${m} | ${v} | ${n} |`)].join(eol));

const impactTableArb: fc.Arbitrary<Block> = fc
  .constantFrom('[Time]', '', '3 hours', '[Time] (still counting)', 'roughly 2 hours')
  .map((v) => (eol: string) => ['| Metric | Value |', '|---|---|', '| Users Affected | 10% |', `| Duration of Impact | ${v} |`].join(eol));

const summaryFieldsArb: fc.Arbitrary<Block> = fc
  .record({
    duration: fc.constantFrom('[X hours Y minutes]', '2 hours', '', '[X hours Y minutes] (about 2 hours)', '90 minutes', '1 hour 10 minutes'),
    severity: fc.constantFrom('SEV2', 'SEV1 | SEV2 | SEV3 | SEV4'),
    status: fc.constantFrom('Draft', 'In Review', 'Complete'),
  })
  .map(({ duration, severity, status }) => (eol: string) =>
    [`**Incident ID:** INC-1234`, `**Date:** 2026-03-14`, `**Duration:** ${duration}`, `**Severity:** ${severity}`, `**Status:** ${status}`].join(`  ${eol}`),
  );

/** Summary, Impact, Timeline and Detection Delay that the metrics rule reads together. */
const metricsSectionsArb = fc
  .record({ summary: summaryFieldsArb, impact: impactTableArb, timeline: timelineArb, delay: delayTableArb, order: fc.boolean() })
  .map(({ summary, impact, timeline, delay, order }) => {
    const sections = [
      { depth: '## ', title: 'Summary', blocks: [summary] },
      { depth: '### ', title: 'User Impact', blocks: [impact] },
      { depth: '## ', title: 'Timeline', blocks: [timeline] },
      { depth: '### ', title: 'Detection Delay', blocks: [delay] },
    ];
    return order ? sections : [sections[2], sections[3], sections[0], sections[1]] as typeof sections;
  });

const sectionArb = fc.record({
  depth: fc.constantFrom('## ', '### '),
  title: fc.constantFrom(...TITLES),
  blocks: fc.array(blockArb, { maxLength: 3 }),
});

export const generatedDocumentArb: fc.Arbitrary<string> = fc
  .record({
    eol: fc.constantFrom('\n', '\n', '\r\n'),
    frontMatter: fc.boolean(),
    title: fc.constantFrom('# Post-Mortem: Payment API outage', '# Post-Mortem: [Incident Title]', '# Postmortem – Zoë 💥', '', '# Notes'),
    sections: fc.array(sectionArb, { maxLength: 8 }),
    metrics: fc.option(metricsSectionsArb, { freq: 2 }),
    tight: fc.boolean(),
  })
  .map(({ eol, frontMatter, title, sections: random, metrics, tight }) => {
    const sections = metrics ? [...metrics, ...random.slice(0, 3)] : random;
    const gap = tight ? eol : eol + eol;
    const parts: string[] = [];
    if (frontMatter) parts.push(['---', 'type: postmortem', 'severity: SEV2', '---'].join(eol));
    if (title) parts.push(title);
    for (const s of sections) {
      parts.push(s.depth + s.title);
      for (const b of s.blocks) parts.push(b(eol));
    }
    return parts.join(gap) + eol;
  });

// ---- inputs ----

export interface InputOptions {
  /** Most mutations applied to one base document. */
  maxMutations: number;
}

const teamTemplateArb: fc.Arbitrary<SourceDocument | undefined> =
  teamTemplates.length === 0
    ? fc.constant(undefined)
    : fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...teamTemplates) });

function makeInput(family: Family, base: string, text: string, mutations: Mutation[], team: SourceDocument | undefined): Input {
  return {
    family,
    base,
    mutations,
    text: applyMutations(text, mutations),
    templateText: team?.text,
    templateName: team?.name,
  };
}

function mutatedArb(family: Family, docs: readonly SourceDocument[], minMutations: number, options: InputOptions): fc.Arbitrary<Input> {
  return fc
    .record({
      doc: fc.integer({ min: 0, max: Math.max(0, docs.length - 1) }),
      mutations: fc.array(mutationArb, { minLength: minMutations, maxLength: Math.max(minMutations, options.maxMutations) }),
      team: teamTemplateArb,
    })
    .map(({ doc, mutations, team }) => {
      const d = docs[doc] as SourceDocument;
      return makeInput(family, d.name, d.text, mutations, team);
    });
}

/** Inputs of one family; undefined when it has no documents (the corpus is missing). */
export function inputArb(family: Family, options: InputOptions): fc.Arbitrary<Input> | undefined {
  switch (family) {
    case 'template':
      return mutatedArb(family, [templateDocument], 1, options);
    case 'fixtures':
      return fixtureDocuments.length ? mutatedArb(family, fixtureDocuments, 0, options) : undefined;
    case 'corpus':
      return corpusDocuments.length ? mutatedArb(family, corpusDocuments, 0, options) : undefined;
    case 'generated':
      return fc
        .record({
          text: generatedDocumentArb,
          mutations: fc.array(mutationArb, { maxLength: Math.min(2, options.maxMutations) }),
          team: teamTemplateArb,
        })
        .map(({ text, mutations, team }) => makeInput('generated', 'generated', text, mutations, team));
  }
}

/** All families that have documents, mixed. */
export function anyInputArb(options: InputOptions): fc.Arbitrary<Input> {
  const families: Family[] = ['template', 'fixtures', 'corpus', 'generated'];
  const arbs = families.map((f) => inputArb(f, options)).filter((a): a is fc.Arbitrary<Input> => a !== undefined);
  return fc.oneof(...arbs);
}

/** A known input (a regression case) in the same shape. */
export function literalInput(text: string, templateText?: string, base = 'literal'): Input {
  return { family: 'generated', base, mutations: [], text, templateText, templateName: templateText === undefined ? undefined : 'literal template' };
}

function describeMutation(m: Mutation): string {
  switch (m.op) {
    case 'insert':
      return `insert(${JSON.stringify(m.text)} @${m.at})`;
    case 'swap-lines':
      return `swap-lines(@${m.at}, @${m.other})`;
    case 'prefix-line':
      return `prefix-line(${JSON.stringify(m.prefix)} @${m.at})`;
    case 'delete':
      return `delete(@${m.at}, ${m.length})`;
    case 'line-endings':
      return `line-endings(${m.to})`;
    case 'bom':
      return 'bom';
    default:
      return `${m.op}(@${m.at})`;
  }
}

/** "fixture:timeline/crlf.md + insert("|" @1234) + bom (team template corpus:dfds-template.md)" */
export function describeOrigin(input: Input): string {
  const parts = [input.base, ...input.mutations.map(describeMutation)];
  return parts.join(' + ') + (input.templateName ? ` (team template ${input.templateName})` : '');
}
