// Inline comments that turn rules off and on:
//   <!-- postmortem-disable [RULE...] -->            from this line on (all rules when none named)
//   <!-- postmortem-enable [RULE...] -->             from this line on
//   <!-- postmortem-disable-next-line [RULE...] -->  the line after the comment only
//   <!-- postmortem-disable-file [RULE...] -->       the whole document
import type { Html } from 'mdast';
import type { LineIndex } from './positions';
import type { Finding } from './types';

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
    DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE.exec(comment.value))) {
      const kind = m[1] as Kind;
      const rules = (m[2] as string).split(/[\s,]+/).filter(Boolean);
      const at = lines.point(base + m.index + m[0].length);
      directives.push({ kind, rules, line: kind === 'disable-next-line' ? at.line + 1 : at.line });
    }
  }
  return directives;
}

function names(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

export function isSuppressed(finding: Finding, directives: readonly Directive[]): boolean {
  let disabled = false;
  for (const d of directives) {
    if (!names(d, finding.ruleId)) continue;
    switch (d.kind) {
      case 'disable-file':
        return true;
      case 'disable-next-line':
        if (d.line === finding.line) return true;
        break;
      case 'disable':
        if (d.line <= finding.line) disabled = true;
        break;
      case 'enable':
        if (d.line <= finding.line) disabled = false;
        break;
    }
  }
  return disabled;
}
