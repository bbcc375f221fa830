// Which document sections correspond to which template sections. Computed once per document and
// shared by the structural rules and by the adapters (Insert Section...).
import type { DocumentModel, Section } from '../markdown/document';
import { memoize } from '../markdown/memo';
import type { TemplateModel, TemplateSection } from './model';

export interface SectionMatch {
  template: TemplateSection;
  /** Matching document sections, in document order (more than one: a duplicate). */
  found: Section[];
}

export function matchSections(doc: DocumentModel, template: TemplateModel): SectionMatch[] {
  return memoize(doc, 'section matches', [template], () => matchSectionsOnce(doc, template));
}

function matchSectionsOnce(doc: DocumentModel, template: TemplateModel): SectionMatch[] {
  const byKey = new Map<string, Section[]>();
  for (const s of doc.sections) {
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else byKey.set(s.key, [s]);
  }
  const topLevelDepth = Math.min(...template.sections.map((t) => t.depth));
  const matches = template.sections.map((t) => {
    let found = byKey.get(t.key) ?? [];
    if (t.parentKey !== undefined && found.length > 1) {
      // The same subsection title can exist under several parents: keep the ones under the right parent.
      const underParent = found.filter((s) => s.parent?.key === t.parentKey);
      if (underParent.length) found = underParent;
    } else if (t.depth === topLevelDepth && found.length > 1) {
      const topLevel = found.filter((s) => s.parent === undefined);
      if (topLevel.length) found = topLevel;
    }
    return { template: t, found };
  });
  matchByWords(doc, matches);
  return matches;
}

/** The document's section matching the template section `key` (the first, when the document repeats it). */
export function matchedSection(doc: DocumentModel, template: TemplateModel, key: string): Section | undefined {
  return matchSections(doc, template).find((m) => m.template.key === key)?.found[0];
}

/**
 * Real post-mortems name sections in their own words around the template's: "Incident Timeline",
 * "Timeline (UTC)", "Action Items & Follow-ups". A template section with no exact match takes the
 * first unmatched heading in the same place (top level, or under its matched parent) whose title
 * contains the template title as whole words.
 */
function matchByWords(doc: DocumentModel, matches: SectionMatch[]): void {
  const used = new Set<Section>(matches.flatMap((m) => m.found));
  for (const m of matches) {
    if (m.found.length) continue;
    const t = m.template;
    const parent = t.parentKey === undefined ? undefined : matches.find((x) => x.template.key === t.parentKey)?.found[0];
    if (t.parentKey !== undefined && !parent) continue;
    const candidate = doc.sections.find(
      (s) => !used.has(s) && s.parent === parent && s.key !== t.key && ` ${s.key} `.includes(` ${t.key} `),
    );
    if (candidate) {
      m.found = [candidate];
      used.add(candidate);
    }
  }
}

/** The template sections missing from the document whose parent (if any) is present, in template order. */
export function missingSections(doc: DocumentModel, template: TemplateModel): SectionMatch[] {
  const matches = matchSections(doc, template);
  const present = new Set(matches.filter((m) => m.found.length).map((m) => m.template.key));
  return matches.filter(
    (m) => m.found.length === 0 && (m.template.parentKey === undefined || present.has(m.template.parentKey)),
  );
}

export interface Insertion {
  offset: number;
  text: string;
}

/**
 * Where and what to insert so that a missing template section lands at its template position: after
 * the nearest preceding section that is present, at the right heading level, with blank lines around it.
 */
export function sectionInsertion(doc: DocumentModel, template: TemplateModel, missing: TemplateSection, eol: string): Insertion {
  const matches = matchSections(doc, template);
  const text = doc.text;
  let offset: number | undefined;
  let depthShift = 0;

  for (let i = missing.index - 1; i >= 0 && offset === undefined; i--) {
    const m = matches[i] as SectionMatch;
    const anchor = m.found[0];
    if (!anchor) continue;
    if (m.template.key === missing.parentKey) {
      // First subsection: after the parent's own content, before its first subsection.
      offset = anchor.contentEnd;
      depthShift = anchor.depth - m.template.depth;
    } else {
      let scope: Section = anchor;
      const wanted = missing.depth + (missing.parentKey ? shiftOfParent(matches, missing) : 0);
      while (scope.parent && scope.depth > wanted) scope = scope.parent;
      offset = scope.end;
      depthShift = wanted - missing.depth;
    }
  }
  if (offset === undefined) {
    // Nothing precedes it: right after the title (or front matter), before the first section.
    const first = doc.sections[0];
    offset = first ? first.start : text.length;
    if (doc.title && offset < (doc.title.position?.end.offset ?? 0)) offset = doc.title.position?.end.offset ?? 0;
  }

  let body = missing.text;
  if (depthShift !== 0) body = body.replace(/^(#{1,6})(?=[ \t])/gm, (h) => '#'.repeat(Math.max(1, Math.min(6, h.length + depthShift))));
  body = body.replace(/\r?\n/g, eol);

  const before = text.slice(0, offset);
  const trailingBreaks = (before.match(/(?:\r?\n)*$/)?.[0] ?? '').split('\n').length - 1;
  const prefix = offset === 0 ? '' : eol.repeat(Math.max(0, 2 - trailingBreaks));
  const suffix = offset >= text.length ? eol : eol + eol;
  return { offset, text: prefix + body + suffix };
}

function shiftOfParent(matches: SectionMatch[], missing: TemplateSection): number {
  const parent = matches.find((m) => m.template.key === missing.parentKey);
  const found = parent?.found[0];
  return parent && found ? found.depth - parent.template.depth : 0;
}
