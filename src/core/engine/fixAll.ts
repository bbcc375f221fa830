// Fix-all, the same for `postmortem --fix` and the editor's source.fixAll: apply every finding's safe
// fix, lint again, and repeat while fixes appear (one fix can make another possible, e.g. an inserted
// section whose metrics the timeline can fill), up to MAX_FIX_PASSES.
// A fix that does not resolve its finding is not applied again (it would only pile up its text),
// and the loop stops when the text comes back to an earlier state or grows out of all proportion.
import { applyEdits, lintDocument, takenEdits, type LintResult, type LintRunOptions } from './lint';
import { builtinTemplateText } from '../template/model';
import type { Finding, Fix, TextEdit } from '../types';

export const MAX_FIX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** The findings of the final text (without a safe fix where applying it did not resolve the finding). */
  findings: Finding[];
  /** The whole lint result of the final text (status, completion, metrics). */
  result: LintResult;
  passes: number;
  /** Titles of the fixes that were applied but left their finding in place (a bug in a rule). */
  unresolved: string[];
}

/** A finding and its fix, as fix-all tells them apart across passes. */
function fixKey(finding: Finding, fix: Fix): string {
  return `${finding.ruleId}\u0000${finding.message}\u0000${fix.title}`;
}

/**
 * Where an offset of the text is once the edits (takenEdits order) are applied: one place, or the
 * whole new text of the edits that touch it (an insertion there, a replacement around it).
 */
function placesAfter(offset: number, edits: readonly TextEdit[]): { from: number; to: number } {
  let delta = 0;
  let from: number | undefined;
  let to = offset;
  for (const e of edits) {
    const s = e.range.start.offset;
    const t = e.range.end.offset;
    const change = e.text.length - (t - s);
    if (t < offset || (t === offset && s < offset)) {
      delta += change;
      continue;
    }
    if (s > offset) break;
    from ??= s + delta;
    delta += change;
    to = t + delta;
  }
  return from === undefined ? { from: offset + delta, to: offset + delta } : { from, to };
}

/**
 * The fixes to apply together in one pass. An insertion exactly where another fix's replacement ends
 * is ambiguous (cells padding the last row of rows being sorted would go to whichever row ends up
 * last): such a fix waits for the next pass, when the replacement is done.
 */
function withoutAmbiguousInsertions<T extends { fix: Fix }>(findings: readonly T[]): T[] {
  const replacementEnds = new Map<number, Set<Fix>>();
  for (const { fix } of findings) {
    for (const e of fix.edits) {
      if (e.range.start.offset === e.range.end.offset) continue;
      const fixes = replacementEnds.get(e.range.end.offset) ?? new Set<Fix>();
      fixes.add(fix);
      replacementEnds.set(e.range.end.offset, fixes);
    }
  }
  const waits = (fix: Fix) =>
    fix.edits.some((e) => {
      if (e.range.start.offset !== e.range.end.offset) return false;
      const others = replacementEnds.get(e.range.start.offset);
      return others !== undefined && [...others].some((other) => other !== fix);
    });
  const now = findings.filter((f) => !waits(f.fix));
  return now.length ? now : [...findings];
}

export function fixAll(text: string, options: LintRunOptions = {}): FixAllResult {
  // Fixes insert at most the template's text again and again; more than that is a fix gone wrong.
  const growthLimit = 2 * (text.length + (options.templateText ?? builtinTemplateText).length) + 4096;
  const seen = new Set<string>([text]);
  const stuck = new Set<string>();
  const usable = (f: Finding): f is Finding & { fix: Fix } => f.fix !== undefined && !stuck.has(fixKey(f, f.fix));

  let current = text;
  let result = lintDocument(current, options);
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const candidates = result.findings.filter(usable);
    if (candidates.length === 0) break;
    const fixable = withoutAmbiguousInsertions(candidates);
    const edits = fixable.flatMap((f) => f.fix.edits);
    const next = applyEdits(current, edits);
    if (seen.has(next) || next.length > growthLimit) break;
    seen.add(next);
    // A fix counts as applied when all its edits were (one overlapping another fix waits for the next pass).
    const taken = takenEdits(edits);
    const takenSet = new Set(taken);
    const applied = fixable.filter((f) => f.fix.edits.every((e) => takenSet.has(e)));
    passes++;
    current = next;
    result = lintDocument(current, options);
    // The same finding, with the same fix, where the applied one was: that fix resolves nothing.
    const byKey = new Map<string, Finding[]>();
    for (const f of result.findings) {
      if (!f.fix) continue;
      const key = fixKey(f, f.fix);
      byKey.set(key, [...(byKey.get(key) ?? []), f]);
    }
    for (const f of applied) {
      const key = fixKey(f, f.fix);
      const place = placesAfter(f.offset, taken);
      if (byKey.get(key)?.some((g) => g.offset >= place.from && g.offset <= place.to)) stuck.add(key);
    }
  }
  const findings = result.findings.map((f) => {
    if (!f.fix || !stuck.has(fixKey(f, f.fix))) return f;
    const withoutFix = { ...f };
    delete withoutFix.fix;
    return withoutFix;
  });
  const unresolved = [...stuck].map((key) => key.split('\u0000')[2] as string);
  return { text: current, findings, result: { ...result, findings }, passes, unresolved };
}
