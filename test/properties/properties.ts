// The properties every input must have, shared by the unit suite (test/unit/properties.test.ts, fixed
// seed, bounded runs) and the fuzz runner (test/properties/fuzz.ts, random seeds, as long as asked).
// Each check throws a Violation naming the property, a short kind (for grouping distinct failures)
// and a report with the input, the finding and the fix involved.
import { isDeepStrictEqual } from 'node:util';
import { applyEdits, applyFixes, builtinTemplateText, lintDocument, type LintResult, type LintRunOptions } from '../../src/core/index';
import { fixAll, MAX_FIX_PASSES } from '../../src/core/engine/fixAll';
import { LineIndex } from '../../src/core/markdown/positions';
import type { Finding, Fix, TextEdit } from '../../src/core/types';
import { describeOrigin, type Input } from './generators';

export type PropertyId = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

export class Violation extends Error {
  constructor(
    readonly property: PropertyId,
    /** Short and stable ("finding-splits-crlf/timeline"): failures with the same kind are one bug. */
    readonly kind: string,
    readonly detail: string,
    readonly input: Input,
  ) {
    super(`[${property}] ${kind}: ${detail}\n  input: ${describeInput(input)}`);
    this.name = 'Violation';
  }
}

export interface CheckOptions {
  /** Property e: at most this many distinct safe fixes are applied one by one per input (each costs a lint). */
  maxFixes?: number;
}

export interface Property {
  id: PropertyId;
  title: string;
  check(input: Input, options?: CheckOptions): void;
}

// ---- reporting helpers ----

/** A JS string literal, shortened in the middle beyond max characters. */
export function literal(s: string, max = 400): string {
  if (s.length <= max) return JSON.stringify(s);
  const half = Math.floor(max / 2);
  return `${JSON.stringify(s.slice(0, half))} + /* ${s.length - 2 * half} more chars */ ${JSON.stringify(s.slice(-half))}`;
}

/** The input as a replayable description: origin, then the full text when short. */
export function describeInput(input: Input, max = 1500): string {
  return `${describeOrigin(input)}\n  text (${input.text.length} chars): ${literal(input.text, max)}`;
}

/** The text around [start, end), the range marked with ⟦ ⟧. */
export function excerpt(text: string, start: number, end = start, around = 60): string {
  const a = Math.max(0, start - around);
  const b = Math.min(text.length, end + around);
  return JSON.stringify(`${text.slice(a, start)}⟦${text.slice(start, end)}⟧${text.slice(end, b)}`);
}

export function describeFinding(f: Finding): string {
  return `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} [${f.offset},${f.endOffset}) ${JSON.stringify(f.message)}`;
}

export function describeEdit(text: string, e: TextEdit): string {
  const s = e.range.start.offset;
  const t = e.range.end.offset;
  return `[${s},${t}) ${literal(text.slice(s, t), 160)} -> ${literal(e.text, 160)}`;
}

export function describeFix(text: string, fix: Fix): string {
  return `"${fix.title}": ${fix.edits.map((e) => describeEdit(text, e)).join('; ')}`;
}

function optionsOf(input: Input): LintRunOptions {
  return input.templateText === undefined ? {} : { templateText: input.templateText };
}

// Results by text, shared by the properties: the unit suite checks each property over the same
// inputs (same seed), so property b reuses property a's lint, d reuses c's fix-all. Property f
// compares fresh lints with these (linted earlier, many documents ago).
const CACHE_SIZE = 400;
const lintCache = new Map<string, LintResult>();
const fixAllCache = new Map<string, ReturnType<typeof fixAll>>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

const cacheKey = (input: Input, text: string) => `${input.templateText ?? ''}\u0000${text}`;

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n    ') : String(error);
}

/** Lint (a fresh run unless cached is true), turning an exception into a Violation. */
function lintOrViolation(input: Input, text: string, property: PropertyId, what: string, cached = true): LintResult {
  const key = cacheKey(input, text);
  const hit = cached ? lintCache.get(key) : undefined;
  if (hit) return hit;
  try {
    return remember(lintCache, key, lintDocument(text, optionsOf(input)));
  } catch (error) {
    throw new Violation(property, 'lint-throws', `lint threw on ${what} (${text.length} chars ${literal(text, 300)}): ${stackOf(error)}`, input);
  }
}

function fixAllOrViolation(input: Input, text: string, property: PropertyId, what: string): ReturnType<typeof fixAll> {
  const key = cacheKey(input, text);
  const hit = fixAllCache.get(key);
  if (hit) return hit;
  try {
    return remember(fixAllCache, key, fixAll(text, optionsOf(input)));
  } catch (error) {
    throw new Violation(property, 'fix-all-throws', `fixAll threw on ${what}: ${stackOf(error)}`, input);
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Why an offset is not a place an editor can address, or undefined when it is. */
export function badOffset(text: string, offset: number): string | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return `offset ${offset} outside the text (0..${text.length})`;
  const a = text.charCodeAt(offset - 1);
  const b = text.charCodeAt(offset);
  if (a === 13 && b === 10) return `offset ${offset} splits a CRLF`;
  if (isHigh(a) && isLow(b)) return `offset ${offset} splits a surrogate pair`;
  return undefined;
}

function samePoint(lines: LineIndex, p: { line: number; column: number; offset: number }): boolean {
  const q = lines.point(p.offset);
  return q.line === p.line && q.column === p.column && q.offset === p.offset;
}

// ---- (a) lint never throws, never reports internal-error ----

export const neverThrows: Property = {
  id: 'a',
  title: 'lint never throws and never reports internal-error',
  check(input) {
    const result = lintOrViolation(input, input.text, 'a', 'the input');
    for (const f of result.findings) {
      if (f.ruleId === 'internal-error') {
        const rule = /^Rule (\S+) failed/.exec(f.message)?.[1] ?? 'unknown';
        throw new Violation('a', `internal-error/${rule}`, describeFinding(f), input);
      }
    }
  },
};

// ---- (b) ranges are well-formed ----

/** Messages that quote the exact source of their range. */
const QUOTES_SOURCE: readonly RegExp[] = [/^Unfilled placeholder "(.*)": replace it/s, / says "(.*)" but the timeline gives/s];

export function checkRanges(input: Input, text: string, findings: readonly Finding[], property: PropertyId, what = 'the input'): void {
  const lines = new LineIndex(text);
  const fail = (kind: string, f: Finding, detail: string): never => {
    throw new Violation(property, `${kind}/${f.ruleId}`, `${detail} in ${what}\n  finding: ${describeFinding(f)}\n  at: ${excerpt(text, Math.max(0, Math.min(f.offset, text.length)), Math.max(0, Math.min(f.endOffset, text.length)))}`, input);
  };
  for (const f of findings) {
    if (!(f.offset <= f.endOffset)) fail('finding-inverted', f, `start ${f.offset} after end ${f.endOffset}`);
    for (const [name, offset] of [['start', f.offset], ['end', f.endOffset]] as const) {
      const bad = badOffset(text, offset);
      if (bad) fail(bad.includes('outside') ? 'finding-outside' : bad.includes('CRLF') ? 'finding-splits-crlf' : 'finding-splits-surrogate', f, `finding ${name}: ${bad}`);
    }
    if (!samePoint(lines, { line: f.line, column: f.column, offset: f.offset }) || !samePoint(lines, { line: f.endLine, column: f.endColumn, offset: f.endOffset })) {
      const s = lines.point(f.offset);
      const e = lines.point(f.endOffset);
      fail('finding-line-column', f, `line/column disagree with offsets: offsets give ${s.line}:${s.column}-${e.line}:${e.column}`);
    }
    for (const re of QUOTES_SOURCE) {
      const quoted = re.exec(f.message)?.[1];
      if (quoted !== undefined && text.slice(f.offset, f.endOffset) !== quoted) {
        fail('finding-misplaced', f, `the range holds ${literal(text.slice(f.offset, f.endOffset), 120)}, not the quoted ${literal(quoted, 120)}`);
      }
    }
    for (const r of f.related ?? []) {
      const ok = (line: number, column: number) =>
        Number.isInteger(line) && line >= 1 && line <= lines.lineCount && column >= 1 && column <= lines.lineEnd(line) - lines.lineStart(line) + 1;
      if (!ok(r.line, r.column) || !ok(r.endLine, r.endColumn)) fail('related-outside', f, `related ${r.line}:${r.column}-${r.endLine}:${r.endColumn} "${r.message}" is not inside the text`);
    }
    const fixes: [string, Fix][] = [...(f.fix ? [['fix', f.fix] as [string, Fix]] : []), ...(f.suggestions ?? []).map((s) => ['suggestion', s] as [string, Fix])];
    for (const [which, fix] of fixes) {
      for (const e of fix.edits) {
        const s = e.range.start.offset;
        const t = e.range.end.offset;
        const where = `${which} ${describeFix(text, fix)}`;
        if (!(s <= t)) fail(`${which}-inverted`, f, `${where}: edit start after end`);
        for (const [name, offset] of [['start', s], ['end', t]] as const) {
          const bad = badOffset(text, offset);
          if (bad) fail(`${which}-${bad.includes('outside') ? 'outside' : bad.includes('CRLF') ? 'splits-crlf' : 'splits-surrogate'}`, f, `${where}: edit ${name}: ${bad}`);
        }
        if (!samePoint(lines, e.range.start) || !samePoint(lines, e.range.end)) fail(`${which}-line-column`, f, `${where}: edit line/column disagree with its offsets`);
      }
    }
  }
}

export const wellFormedRanges: Property = {
  id: 'b',
  title: 'finding, fix and suggestion ranges are inside the text, agree with line/column, split no CRLF or surrogate pair',
  check(input) {
    const result = lintOrViolation(input, input.text, 'b', 'the input');
    checkRanges(input, input.text, result.findings, 'b');
  },
};

// ---- (c) fix-all removes no author word ----

const WORD = /[\p{L}\p{N}\p{M}\p{Extended_Pictographic}]+/gu;

interface Word {
  word: string;
  start: number;
  end: number;
}

function wordsIn(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  const slice = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) out.push({ word: m[0], start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

type Bag = Map<string, number>;

function bagOf(words: readonly string[]): Bag {
  const bag: Bag = new Map();
  for (const w of words) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/** Template tokens that are placeholders wherever they are written. */
const PLACEHOLDER_TOKENS: readonly RegExp[] = [/\{[^{}\r\n]*\}/g, /\b(?:YYYY|20XX)-MM-DD\b/gi, /\bHH:MM(?::SS)?\b/gi];

/** Placeholder text of a document: the placeholder findings' ranges and the template tokens. */
export function placeholderRanges(text: string, findings: readonly Finding[]): [number, number][] {
  const ranges: [number, number][] = findings.filter((f) => f.ruleId === 'placeholder').map((f) => [f.offset, f.endOffset]);
  for (const token of PLACEHOLDER_TOKENS) {
    const re = new RegExp(token.source, token.flags);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

const inside = (ranges: readonly [number, number][], w: Word) => ranges.some(([s, e]) => s <= w.start && w.end <= e);

/** Whether the removed and inserted text are the same lines in another order (a sort moves whole rows unchanged). */
function sameLines(removed: string, inserted: string): boolean {
  const a = removed.split(/\r\n|\r|\n/).sort();
  const b = inserted.split(/\r\n|\r|\n/).sort();
  return isDeepStrictEqual(a, b);
}

/** The most fix-all may make of a document: twice its size plus the template's (in CRLF, the most any line breaks take). */
function growthLimit(input: Input): number {
  return 2 * input.text.length + (input.templateText ?? builtinTemplateText).replace(/\r?\n/g, '\r\n').length;
}

interface AppliedEdit {
  edit: TextEdit;
  finding: Finding;
  fix: Fix;
}

interface Pass {
  text: string;
  result: LintResult;
  /** The edits applyFixes took (the ones overlapping an earlier edit are skipped). */
  applied: AppliedEdit[];
}

/**
 * Fix-all step by step, keeping which finding each applied edit came from: apply every safe fix
 * (applyFixes), lint again, repeat while the text changes. A model of src/core/engine/fixAll.ts, whose loop
 * may stop earlier (fixes that resolve nothing, growth limits): its later passes are only checked
 * when the model ends where fixAll does.
 */
function modelFixAll(input: Input): { passes: Pass[]; text: string } {
  const passes: Pass[] = [];
  const seen = new Set<string>([input.text]);
  let current = input.text;
  let result = lintOrViolation(input, current, 'c', 'the input');
  while (passes.length < MAX_FIX_PASSES && result.findings.some((f) => f.fix)) {
    const all: AppliedEdit[] = [];
    for (const f of result.findings) if (f.fix) for (const edit of f.fix.edits) all.push({ edit, finding: f, fix: f.fix });
    // applyEdits' order and overlap rule: sorted by range (stable), an edit starting before the previous one's end is skipped.
    all.sort((x, y) => x.edit.range.start.offset - y.edit.range.start.offset || x.edit.range.end.offset - y.edit.range.end.offset);
    const applied: AppliedEdit[] = [];
    let cursor = 0;
    for (const a of all) {
      if (a.edit.range.start.offset < cursor) continue;
      applied.push(a);
      cursor = a.edit.range.end.offset;
    }
    const next = applyFixes(current, result.findings);
    if (applyEdits(current, applied.map((a) => a.edit)) !== next) {
      throw new Violation('c', 'model-out-of-date', "the edits the test models as applied do not give what applyFixes gives: update modelFixAll in test/properties/properties.ts", input);
    }
    passes.push({ text: current, result, applied });
    // A cycle, or growth property d reports: no use linting megabytes.
    if (seen.has(next) || next.length > growthLimit(input)) break;
    seen.add(next);
    current = next;
    result = lintOrViolation(input, current, 'c', `the text after fix pass ${passes.length}`);
  }
  return { passes, text: current };
}

export const fixKeepsAuthorWords: Property = {
  id: 'c',
  title: 'fix-all removes no author word outside placeholder text',
  check(input) {
    const real = fixAllOrViolation(input, input.text, 'c', 'the input');
    const model = modelFixAll(input);
    // Every edit a pass applies: each word it removes is placeholder text, or the edit puts it back
    // (a sort moves whole rows). The first pass's fixes are the input's own; later passes' only when
    // the model is fixAll.
    const faithful = model.text === real.text;
    const passes = faithful ? model.passes : model.passes.slice(0, 1);
    passes.forEach((pass, p) => {
      const placeholders = placeholderRanges(pass.text, pass.result.findings);
      for (const { edit, finding, fix } of pass.applied) {
        const s = edit.range.start.offset;
        const t = edit.range.end.offset;
        const removed = pass.text.slice(s, t);
        if (removed === '' || sameLines(removed, edit.text)) continue;
        const author = wordsIn(pass.text, s, t).filter((w) => !inside(placeholders, w));
        if (author.length === 0) continue;
        const reinserted = bagOf(wordsIn(edit.text).map((w) => w.word));
        const lost: Word[] = [];
        for (const w of author) {
          const n = reinserted.get(w.word) ?? 0;
          if (n > 0) reinserted.set(w.word, n - 1);
          else lost.push(w);
        }
        if (lost.length === 0) continue;
        const which = p === 0 ? 'a safe fix of the input' : `a safe fix in fix-all pass ${p + 1}`;
        throw new Violation(
          'c',
          `removes-author-words/${finding.ruleId}`,
          `${which} removes ${lost.map((w) => JSON.stringify(w.word)).join(', ')}, which no placeholder covers\n  finding: ${describeFinding(finding)}\n  fix: ${describeFix(pass.text, fix)}\n  at: ${excerpt(pass.text, s, t)}`,
          input,
        );
      }
    });
    // fixAll's result holds every word of the input, except placeholder text. (A word inserted by one
    // pass and removed by a later one cancels out, so the input's placeholders are the whole allowance.)
    const before = bagOf(wordsIn(input.text).map((w) => w.word));
    const after = bagOf(wordsIn(real.text).map((w) => w.word));
    const first = lintOrViolation(input, input.text, 'c', 'the input');
    const ranges = placeholderRanges(input.text, first.findings);
    const allowed = bagOf(wordsIn(input.text).filter((w) => inside(ranges, w)).map((w) => w.word));
    const missing: string[] = [];
    for (const [w, n] of before) {
      const gone = n - (after.get(w) ?? 0) - (allowed.get(w) ?? 0);
      if (gone > 0) missing.push(`${JSON.stringify(w)}${gone > 1 ? ` x${gone}` : ''}`);
    }
    if (missing.length) {
      const edits = model.passes.flatMap((pass, p) => pass.applied.map((a) => `pass ${p + 1}: ${a.finding.ruleId} ${describeEdit(pass.text, a.edit)}`));
      throw new Violation(
        'c',
        'words-missing-after-fix-all',
        `after fixAll (${real.passes} passes) the document lacks ${missing.slice(0, 12).join(', ')}\n  edits (as modelled${faithful ? '' : ', the model ends elsewhere than fixAll'}): ${edits.slice(0, 12).join('\n    ')}`,
        input,
      );
    }
  },
};

// ---- (d) fix-all converges and stays bounded ----

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export const fixAllConverges: Property = {
  id: 'd',
  title: 'fix-all converges (a second run changes nothing) and the result is at most 2x the input + the template',
  check(input) {
    const first = fixAllOrViolation(input, input.text, 'd', 'the input');
    const limit = growthLimit(input);
    // The safe fixes a lint of the result still offers (fixAll's own findings leave out fixes it gave up on).
    const pending = () => lintOrViolation(input, first.text, 'd', 'the fix-all result').findings.filter((f) => f.fix);
    const rulesOf = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.ruleId))].sort().join(',') || 'none';
    // Checked first: fixing a runaway result again would take minutes.
    if (first.text.length > limit) {
      const left = first.text.length > 4 * limit ? [] : pending();
      throw new Violation(
        'd',
        'grows',
        `fix-all turns ${input.text.length} chars into ${first.text.length} (limit ${limit}) in ${first.passes} passes` +
          (left.length ? `\n  fixes left (${rulesOf(left)}): ${left.slice(0, 3).map((f) => `${describeFinding(f)} ${describeFix(first.text, f.fix as Fix)}`).join('\n              ')}` : '') +
          `\n  end of the result: ${literal(first.text.slice(-300), 300)}`,
        input,
      );
    }
    const second = fixAllOrViolation(input, first.text, 'd', 'the fix-all result');
    if (second.text !== first.text) {
      const at = firstDifference(first.text, second.text);
      const left = pending();
      const rules = rulesOf(left);
      throw new Violation(
        'd',
        `not-converged/${rules}`,
        `fix-all (${first.passes} passes, ${input.text.length} -> ${first.text.length} chars) leaves fixes, a second run changes the text (-> ${second.text.length} chars)` +
          `\n  fixes left: ${left.slice(0, 5).map((f) => `${describeFinding(f)} ${describeFix(first.text, f.fix as Fix)}`).join('\n              ')}` +
          `\n  first change at ${at}: ${excerpt(first.text, at)} -> ${excerpt(second.text, at)}`,
        input,
      );
    }
  },
};

// ---- (e) each safe fix removes its own finding and touches nothing else ----

/**
 * Maps a range of the edited text back to the original. A start at the end of an edit's new text
 * belongs to what follows the edit, an end at its start to what precedes it; a position strictly
 * inside new text maps to the edit's whole range.
 */
function mapBack(sorted: readonly TextEdit[], start: number, end: number): [number, number] {
  const map = (p: number, side: 'start' | 'end'): number => {
    let delta = 0;
    for (const e of sorted) {
      const s = e.range.start.offset;
      const t = e.range.end.offset;
      const from = s + delta;
      const to = from + e.text.length;
      if (side === 'start' ? p < from : p <= from) return p - delta;
      if (side === 'start' ? p < to : p <= to) return side === 'start' ? s : t;
      delta += e.text.length - (t - s);
    }
    return p - delta;
  };
  return [map(start, 'start'), map(end, 'end')];
}

function hashText(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const fixRemovesItsFinding: Property = {
  id: 'e',
  title: 'each safe fix, applied alone, removes its finding and changes nothing outside its edits',
  check(input, options = {}) {
    const text = input.text;
    const result = lintOrViolation(input, text, 'e', 'the input');
    // Findings that share one fix (the sort of a timeline) are all answered by it.
    const byFix = new Map<Fix, Finding[]>();
    for (const f of result.findings) if (f.fix) byFix.set(f.fix, [...(byFix.get(f.fix) ?? []), f]);
    let entries = [...byFix.entries()];
    const max = options.maxFixes ?? Infinity;
    if (entries.length > max) {
      const from = hashText(text) % entries.length;
      const step = entries.length / max;
      entries = Array.from({ length: max }, (_, i) => entries[(from + Math.floor(i * step)) % entries.length] as [Fix, Finding[]]);
    }
    for (const [fix, findings] of entries) {
      const f0 = findings[0] as Finding;
      const about = `\n  finding: ${describeFinding(f0)}\n  fix: ${describeFix(text, fix)}`;
      if (fix.edits.length === 0) throw new Violation('e', `no-edits/${f0.ruleId}`, `the fix has no edits${about}`, input);
      const sorted = [...fix.edits].sort((x, y) => x.range.start.offset - y.range.start.offset || x.range.end.offset - y.range.end.offset);
      for (let i = 1; i < sorted.length; i++) {
        if ((sorted[i] as TextEdit).range.start.offset < (sorted[i - 1] as TextEdit).range.end.offset) {
          throw new Violation('e', `overlapping-edits/${f0.ruleId}`, `the fix's edits overlap (applyEdits would drop one)${about}`, input);
        }
      }
      const fixed = applyEdits(text, fix.edits);
      if (fixed === text) throw new Violation('e', `no-op/${f0.ruleId}`, `the fix changes nothing${about}`, input);
      // Rebuild the expected text from the untouched spans and the edits' texts.
      let expected = '';
      let cursor = 0;
      for (const e of sorted) {
        expected += text.slice(cursor, e.range.start.offset) + e.text;
        cursor = e.range.end.offset;
      }
      expected += text.slice(cursor);
      if (expected !== fixed) {
        const at = firstDifference(expected, fixed);
        throw new Violation('e', `changes-outside-edits/${f0.ruleId}`, `applying the fix changes text outside its edits at ${at}: ${excerpt(fixed, at)}${about}`, input);
      }
      const after = lintOrViolation(input, fixed, 'e', `the text after the fix "${fix.title}"`);
      const broken = after.findings.find((f) => f.ruleId === 'internal-error');
      if (broken) throw new Violation('e', 'internal-error-after-fix', `${describeFinding(broken)}${about}`, input);
      for (const f of findings) {
        const survivor = after.findings.find((g) => {
          if (g.ruleId !== f.ruleId || g.message !== f.message) return false;
          const [s, t] = mapBack(sorted, g.offset, g.endOffset);
          return s <= f.endOffset && f.offset <= t;
        });
        if (survivor) {
          throw new Violation(
            'e',
            `finding-survives-fix/${f.ruleId}`,
            `after its fix the finding is still there\n  finding: ${describeFinding(f)}\n  fix: ${describeFix(text, fix)}\n  after: ${describeFinding(survivor)} at ${excerpt(fixed, survivor.offset, survivor.endOffset)}`,
            input,
          );
        }
      }
    }
  },
};

// ---- (f) determinism ----

function firstDifferentFinding(a: LintResult, b: LintResult): string {
  const n = Math.max(a.findings.length, b.findings.length);
  for (let i = 0; i < n; i++) {
    const x = a.findings[i];
    const y = b.findings[i];
    if (!isDeepStrictEqual(x, y)) return `finding ${i}: ${x ? describeFinding(x) : 'none'} vs ${y ? describeFinding(y) : 'none'}${x && y && x.message === y.message ? ' (same message, other fields differ)' : ''}`;
  }
  for (const key of ['status', 'completion', 'metrics'] as const) {
    if (!isDeepStrictEqual(a[key], b[key])) return `${key}: ${JSON.stringify(a[key]).slice(0, 300)} vs ${JSON.stringify(b[key]).slice(0, 300)}`;
  }
  return 'no difference found';
}

let previousText: string | undefined;

export const deterministic: Property = {
  id: 'f',
  title: 'the same input twice gives the same result (with other documents linted in between)',
  check(input) {
    // Linted before (by another property, when the suite has cached it) or now; then another document; then again.
    const first = lintOrViolation(input, input.text, 'f', 'the input');
    const other = previousText !== undefined && previousText !== input.text ? previousText : (input.templateText ?? builtinTemplateText);
    lintOrViolation(input, other, 'f', 'another document', false);
    previousText = input.text;
    const again = lintOrViolation(input, input.text, 'f', 'the input', false);
    if (!isDeepStrictEqual(first, again)) throw new Violation('f', 'differs', firstDifferentFinding(first, again), input);
  },
};

// ---- (g) line endings and a BOM change no finding ----

/** A finding in the coordinates of the LF text: rule, message, lines and columns. */
function findingKey(f: Finding, lfLines: LineIndex, shift: number): string {
  const s = lfLines.point(Math.max(0, f.offset - shift));
  const e = lfLines.point(Math.max(0, f.endOffset - shift));
  return `${f.ruleId} ${s.line}:${s.column}-${e.line}:${e.column} ${JSON.stringify(f.message)}`;
}

export const lineEndingsInvariant: Property = {
  id: 'g',
  title: 'CRLF, CR-only line breaks and a leading BOM give the same findings as LF (same rules, messages, lines and columns)',
  check(input) {
    // One leading BOM is the encoding's; a second one is text (and stays).
    const lf = input.text.replace(/^\uFEFF/, '').replace(/\r\n|\r/g, '\n');
    const lfLines = new LineIndex(lf);
    const keys = (text: string, shift: number) =>
      lintOrViolation(input, text, 'g', 'a variant of the input')
        .findings.map((f) =>
          // CRLF and CR keep lines and columns; the BOM shifts offsets by one (and columns of line 1).
          shift ? findingKey(f, lfLines, shift) : `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${JSON.stringify(f.message)}`,
        )
        .sort();
    const base = keys(lf, 0);
    const variants: [string, string, number][] = [
      ['crlf', lf.replace(/\n/g, '\r\n'), 0],
      ['cr', lf.replace(/\n/g, '\r'), 0],
      ...(lf.startsWith('\uFEFF') ? [] : [['bom', '\uFEFF' + lf, 1] as [string, string, number]]),
    ];
    for (const [name, text, shift] of variants) {
      const got = keys(text, shift);
      if (isDeepStrictEqual(base, got)) continue;
      const bagBase = bagOf(base);
      const bagGot = bagOf(got);
      const only = (x: Bag, y: Bag) => [...x].filter(([k, n]) => (y.get(k) ?? 0) < n).map(([k]) => k);
      const lost = only(bagBase, bagGot);
      const extra = only(bagGot, bagBase);
      const rules = [...new Set([...lost, ...extra].map((k) => k.split(' ')[0]))].sort().join(',');
      throw new Violation(
        'g',
        `${name}-differs/${rules}`,
        `${name === 'bom' ? 'with a leading BOM' : `with ${name} line breaks`} the findings of the LF-normalised input differ\n  only with LF (${lost.length}): ${lost.slice(0, 4).join('\n                ')}\n  only with ${name} (${extra.length}): ${extra.slice(0, 4).join('\n                ')}`,
        input,
      );
    }
  },
};

export const properties: readonly Property[] = [neverThrows, wellFormedRanges, fixKeepsAuthorWords, fixAllConverges, fixRemovesItsFinding, deterministic, lineEndingsInvariant];

export function propertyById(id: string): Property | undefined {
  return properties.find((p) => p.id === id);
}

/** Every property on one input: the violations (empty when all hold). */
export function checkAll(input: Input, options: CheckOptions = {}): Violation[] {
  const out: Violation[] = [];
  for (const p of properties) {
    try {
      p.check(input, options);
    } catch (error) {
      if (error instanceof Violation) out.push(error);
      else throw error;
    }
  }
  return out;
}
