// Inline comments that turn rules off and on:
//   <!-- postmortem-disable [RULE...] -->            from this line on (all rules when none named)
//   <!-- postmortem-enable [RULE...] -->             from this line on
//   <!-- postmortem-disable-next-line [RULE...] -->  the line after the comment only
//   <!-- postmortem-disable-file [RULE...] -->       the whole document
import type { Html } from 'mdast';
import type { LineIndex } from '../markdown/positions';
import { memoize } from '../markdown/memo';
import type { Finding } from '../types';

type Kind = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

interface Directive {
  kind: Kind;
  /** Empty: every rule. */
  rules: string[];
  /** For disable/enable: the line from which it applies; for next-line: the one line it covers. */
  line: number;
}

const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable-file|disable|enable)\b([^]*?)-->/g;

export function readDirectives(comments: readonly Html[], lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const base = comment.position?.start.offset ?? 0;
    for (const m of comment.value.matchAll(DIRECTIVE)) {
      const kind = m[1] as Kind;
      const rules = (m[2] as string).split(/[\s,]+/).filter(Boolean);
      const at = lines.point(base + m.index + m[0].length);
      directives.push({ kind, rules, line: kind === 'disable-next-line' ? at.line + 1 : at.line });
    }
  }
  return directives;
}

/**
 * Where one rule is off, read once per rule from all directives: `lines` ascending, and `off[i]`
 * holds from `lines[i]` until the next entry.
 */
interface RuleRanges {
  lines: number[];
  off: boolean[];
  nextLines: Set<number>;
  wholeFile: boolean;
}

/** The directives indexed by rule, so a document with thousands of comments is not read once per finding. */
class SuppressionIndex {
  private readonly byRule = new Map<string, RuleRanges>();
  // disable/enable in line order (stable: comments on one line keep their order, the last one wins).
  private readonly ranged: Directive[];

  constructor(private readonly directives: readonly Directive[]) {
    this.ranged = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.line - b.line);
  }

  isSuppressed(finding: Finding): boolean {
    const ranges = this.rangesOf(finding.ruleId);
    if (ranges.wholeFile || ranges.nextLines.has(finding.line)) return true;
    // The last change at or before the finding's line.
    let lo = 0;
    let hi = ranges.lines.length - 1;
    let off = false;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((ranges.lines[mid] as number) <= finding.line) {
        off = ranges.off[mid] as boolean;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return off;
  }

  private rangesOf(ruleId: string): RuleRanges {
    let ranges = this.byRule.get(ruleId);
    if (ranges) return ranges;
    ranges = { lines: [], off: [], nextLines: new Set(), wholeFile: false };
    for (const d of this.directives) {
      if (!names(d, ruleId)) continue;
      if (d.kind === 'disable-file') ranges.wholeFile = true;
      else if (d.kind === 'disable-next-line') ranges.nextLines.add(d.line);
    }
    for (const d of this.ranged) {
      if (!names(d, ruleId)) continue;
      const off = d.kind === 'disable';
      const last = ranges.lines.length - 1;
      if (last >= 0 && ranges.lines[last] === d.line) ranges.off[last] = off;
      else {
        ranges.lines.push(d.line);
        ranges.off.push(off);
      }
    }
    this.byRule.set(ruleId, ranges);
    return ranges;
  }
}

function names(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

/** The findings no directive turns off: O(rules x directives + findings x log directives). */
export function unsuppressed(findings: readonly Finding[], directives: readonly Directive[]): Finding[] {
  if (directives.length === 0) return [...findings];
  const index = new SuppressionIndex(directives);
  return findings.filter((f) => !index.isSuppressed(f));
}

/** Whether a directive turns the finding off. Repeated calls with the same directives share one index. */
export function isSuppressed(finding: Finding, directives: readonly Directive[]): boolean {
  return memoize(directives, 'suppression index', [], () => new SuppressionIndex(directives)).isSuppressed(finding);
}
