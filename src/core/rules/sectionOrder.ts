// section-order: template sections present in a different order than the template's.
import type { Section } from '../markdown/document';
import { NO_OPTIONS, type Rule } from './rule';
import { matchSections } from '../template/sectionMatch';

/** Indices (into seq) of a longest strictly increasing subsequence: the sections that are in order. */
function inOrder(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((seq[tails[mid] as number] as number) < (seq[i] as number)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i] as number) keep.add(i);
  return keep;
}

/** Index into `kept` of the first kept section whose template index is >= `index` (kept.length if none). */
function firstAtLeast(kept: readonly number[], seq: readonly number[], index: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((seq[kept[mid] as number] as number) < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'Sections appear in the order of the template.',
  defaultSeverity: 'warning',
  fixable: false,
  hasSuggestions: false,
  layout: true,
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  check(ctx) {
    const matches = matchSections(ctx.doc, ctx.template);
    const templateIndex = new Map<Section, number>();
    for (const m of matches) for (const s of m.found) templateIndex.set(s, m.template.index);
    // Compare siblings only: top-level sections with each other, subsections within their parent.
    const scopes = new Map<Section | undefined, Section[]>();
    for (const s of ctx.doc.sections) {
      if (!templateIndex.has(s)) continue;
      const list = scopes.get(s.parent);
      if (list) list.push(s);
      else scopes.set(s.parent, [s]);
    }
    for (const siblings of scopes.values()) {
      const seq = siblings.map((s) => templateIndex.get(s) as number);
      const keep = inOrder(seq);
      // The kept sections' template indices increase in document order: the neighbours of an
      // out-of-order section are found by binary search, so the rule is linear in sections (times log).
      const kept = [...keep].sort((a, b) => a - b);
      siblings.forEach((s, i) => {
        if (keep.has(i)) return;
        const t = ctx.template.sections[seq[i] as number];
        const below = firstAtLeast(kept, seq, seq[i] as number);
        const above = firstAtLeast(kept, seq, (seq[i] as number) + 1);
        const after = below > 0 ? siblings[kept[below - 1] as number] : undefined;
        const before = above < kept.length ? siblings[kept[above] as number] : undefined;
        const expected = after ? `after "${after.title}"` : before ? `before "${before.title}"` : 'elsewhere';
        ctx.report({
          message: `Section "${s.title}" is out of template order: expected ${expected}${t ? '' : ''}.`,
          start: s.start,
          end: s.headingEnd,
        });
      });
    }
  },
};
