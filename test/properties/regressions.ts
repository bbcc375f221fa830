// Known counterexamples: inputs for which a property failed (found by the unit suite or the fuzz
// runner, shrunk by fast-check, delta-debugged by test/properties/minimize.ts, then made readable by
// hand). test/unit/properties.test.ts checks every property on each: they fail while the bug is there
// and keep it fixed afterwards.
//
// "Found at 6e34b1d": the known bugs of issue 7's starting point (the properties run against that
// commit's core); the working tree fixes them. "Found in the working tree": against the core being
// fixed at the same time (after 9767367 / af7ac4c, uncommitted changes included).

export interface Regression {
  name: string;
  /** The property that found it (all properties are checked). */
  property: string;
  /** What went wrong, and where the bug probably is. */
  note: string;
  text: string;
  templateText?: string;
}

const TIMELINE = '## Timeline\n\n| Time | Event |\n|---|---|\n| 2026-03-14 00:00 | Impact began {start} |\n| 2026-03-14 00:10 | alert fired |\n';

export const REGRESSIONS: Regression[] = [
  // ---- found in the working tree ----
  {
    name: 'metrics: a fill replaces the author\'s words next to a placeholder',
    property: 'c',
    note: 'The TTD cell "[X minutes] estimated by Zoë" counts as unfilled (it holds a placeholder), and the safe fill replaces the whole cell with "10 minutes": "estimated by Zoë" is lost. src/core/rules/metrics.ts (isUnfilled / the fill edit spans the whole cell).',
    text: `${TIMELINE}\n| Metric | Value |\n|---|---|\n| Time to Detection (TTD) | [X minutes] estimated by Zoë |\n`,
  },
  {
    name: 'two leading BOMs: ranges one short, a finding splits a CRLF',
    property: 'b',
    note: 'lintDocument strips one BOM (bomLength), then micromark drops the next U+FEFF as a BOM too, so every node offset is one short: the empty-section finding starts between \\r and \\n. src/core/engine/lint.ts / src/core/markdown/positions.ts (bomLength vs what remark drops).',
    text: '\uFEFF\uFEFF# Post-Mortem: x\r\n\r\n## Summary\r\n',
  },
  {
    name: 'two leading BOMs and an unclosed comment: fix-all does not converge',
    property: 'd',
    note: 'Same shift as above: the open block at the end is not seen where it is, the inserted sections land inside the comment, the missing-section findings survive their fix (e) and every fix-all run adds the template again (d). src/core/engine/lint.ts (BOM) with src/core/markdown/openBlocks.ts.',
    text: '\uFEFF\uFEFF# Post-Mortem: x\n\n<!-- draft',
  },
  {
    name: 'fix-all: sorting the timeline pads the wrong row',
    property: 'd',
    note: 'The sort fix replaces the rows; the pad fix of the short last row inserts at the end of that range, so after the sort it lands on "| 09:20 | declared |" (now 3 cells) and "| 09:05 |" stays short. fixAll then drops the pad fix as resolving nothing; a second run pads it. src/core/rules/timeline.ts (sort and pad edits touch) / src/core/engine/fixAll.ts.',
    text: '## Timeline\n\n| Time | Event |\n|---|---|\n| 09:20 | declared |\n| 09:05 |\n',
  },
  {
    name: 'a two-line setext heading: its line break goes into the messages',
    property: 'g',
    note: 'The section title is the heading text with its raw line break ("Root\\ncause"; "Root\\r\\ncause" with CRLF), quoted as such in empty-section and missing-section messages. src/core/markdown/document.ts (section title not whitespace-collapsed).',
    text: '# Post-Mortem: x\n\nRoot\ncause\n---\n',
  },
  {
    name: 'fix-all: a short last row without a line break, and sections inserted at the same offset',
    property: 'd',
    note: 'Fixed meanwhile. The missing-section insertions and the pad-row insertion both sat at the end of the text; applyEdits put the sections first, so the cells were appended after them and the row stayed short; fixAll then took the pad fix as one that resolves nothing and a second run padded the row. src/core/engine/fixAll.ts (stuck fixes) / src/core/engine/lint.ts applyEdits (order of insertions at one offset).',
    text: '## Action Items\nc|||||\n-|-|-|-|-\nA',
  },
  {
    name: 'fix-all: a short last timeline row without a line break',
    property: 'd',
    note: 'Fixed meanwhile. As above, for the timeline rule.',
    text: '## Timeline\n||e\n-|-\n2',
  },
  {
    name: 'fix-all: the timeline fixture with CRLF did not converge',
    property: 'd',
    note: 'Fixed meanwhile. test/fixtures/timeline/crlf.md as it was: the sort of the rows and the padding of the short row (inside the sorted range) in one pass; the pad fix was skipped as overlapping, then treated as resolving nothing, and a second fix-all run padded the row. src/core/engine/fixAll.ts.',
    text:
      '# Post-Mortem: Windows line endings\r\n\r\n## Timeline\r\n\r\n| Time | Event |\r\n|---|---|\r\n| 2026-03-14 09:05 | Alert fired |\r\n| 2026-03-14 09:20 | Incident declared |\r\n' +
      '| 2026-03-14 09:12 | Investigation started |\r\n| 2026-03-14 09:30 |\r\n| 2026-03-14 9:45 | Fixed |\r\n\r\n### Later\r\n\r\n| Time | Event |\r\n|---|---|\r\n| 2026-03-15 9:61 | Review |\r\n|  |  |\r\n\r\n## Root Cause\r\n\r\nA deploy.\r\n',
  },
  {
    name: 'fix-all: a metric fill in an inserted section taken for a stuck fix',
    property: 'd',
    note: 'Fixed meanwhile. Pass 1 fills the document\'s TTD and inserts the template\'s Detection Delay table, whose TTD "[X minutes]" has the same finding message and fix title; fixAll keyed fixes by rule+message+title, counted it as the same fix resolving nothing, and stopped; a second run filled it. src/core/engine/fixAll.ts.',
    text: `${TIMELINE}\n| Metric | Value |\n|---|---|\n| Time to Detection (TTD) | [X minutes] |\n`,
  },
  // ---- found at 6e34b1d (the known bugs) ----
  {
    name: 'unclosed comment at the end: fix-all grows the document',
    property: 'd',
    note: 'The missing sections are inserted inside the open <!-- and never count as present: 28 chars become 45 KB in 10 passes; each missing-section fix leaves its finding (e). src/core/template/sectionMatch.ts insertion point / fixAll.ts (now src/core/markdown/openBlocks.ts).',
    text: '# Post-Mortem: x\n\n<!-- draft',
  },
  {
    name: 'unclosed fence at the end: fix-all grows the document',
    property: 'd',
    note: 'As above for an open ``` fence.',
    text: '# Post-Mortem: x\n\n```',
  },
  {
    name: 'leading BOM: ranges shifted by one, a finding splits a CRLF',
    property: 'b',
    note: 'remark drops the BOM and its offsets are one short of the text\'s. src/core/engine/lint.ts / src/core/markdown/parse.ts.',
    text: '\uFEFF# Post-Mortem: x\r\n\r\n## Summary\r\n',
  },
  {
    name: 'leading BOM: an inserted field block splits the heading\'s last word',
    property: 'c',
    note: 'The metadata fix inserts at the heading end minus one, inside "summary": fix-all\'s result lacks the word. src/core/engine/lint.ts (BOM offsets).',
    text: '\uFEFF## summary\n\nIt broke.\n',
  },
  {
    name: 'leading BOM and CR: the sort finding splits a CRLF',
    property: 'b',
    note: 'The timeline finding starts between \\r and \\n. src/core/engine/lint.ts (BOM offsets), src/core/markdown/positions.ts (lone CR).',
    text: '\uFEFF# Post-Mortem: x\r## Timeline\r\n\r\n| Time | Event |\r\n|---|---|\r\n| 09:20 | declared |\r\n| 09:05 | alert |\r\n',
  },
  {
    name: 'CR-only line breaks: summary fields read as one line',
    property: 'g',
    note: 'With \\r line breaks "**Status:** ...\\r**Severity:** SEV2" is read as one field: other metadata and placeholder findings than with \\n. src/core/markdown/fields.ts (splits lines on \\n only).',
    text: '# Post-Mortem: x\n\n## Summary\n\n**Status:** Draft | In Review | Complete\n**Severity:** SEV2\n',
  },
  {
    name: 'metrics: the safe fix rewrites the author\'s value',
    property: 'c',
    note: '"**Duration:** 10 minutes" disagrees with the timeline (30 minutes) and --fix overwrote it with "30 minutes". src/core/rules/metrics.ts.',
    text: '**Duration:** 10 minutes\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 2026-03-14 01:00 | alert fired |\n| 2026-03-14 01:30 | closed |\n',
  },
];
