// Which document sections correspond to which template sections. Computed once per document and
// shared by the structural rules and by the adapters (Insert Section...).
import type { DocumentModel, Section } from '../markdown/document';
import { memoize } from '../markdown/memo';
import type { TemplateModel, TemplateSection } from './model';
import { aliasKeys, coveringKeys, titleKey, titleMatchTier } from './sectionTitles';

export interface SectionMatch {
  template: TemplateSection;
  /** Matching document sections, in document order (more than one: a duplicate). */
  found: Section[];
  /**
   * When not found: document sections that stand for it, so it is not missing. Its subsections
   * written under another heading (k8s' "Lessons learned" holding What went well / poorly / lucky is
   * the Response section), or a section that serves its purpose (Action Items for Prevention).
   */
  coveredBy?: Section[];
}

export function matchSections(doc: DocumentModel, template: TemplateModel): SectionMatch[] {
  return memoize(doc, 'section matches', [template], () => matchSectionsOnce(doc, template));
}

const MAX_TIER = 3;

/**
 * Which document sections are which template sections. A section matches by its title (titleKey:
 * word forms, spelling, articles; then aliases, then the name before a qualifier, then the template
 * title inside a longer one) and by its place: a template subsection among the descendants of its
 * parent's match, a top-level template section among the document's top-level sections (whatever their
 * heading level: a document written one level deeper is read by its structure). A top-level template
 * section not found there may be a heading one level down, under a section whose template section has
 * no subsections of its own ("### Timeline" under "## Issue Summary"); never under one that has some
 * (an "### Detection" under Action Items is an action item group, not the Detection section).
 */
function matchSectionsOnce(doc: DocumentModel, template: TemplateModel): SectionMatch[] {
  const used = new Set<Section>();
  const matches: SectionMatch[] = template.sections.map((t) => ({ template: t, found: [] }));
  // A subsection's parent: the nearest template section before it with the parent's key, one level up
  // (a template may use one title at two places, as PostHog's "Detection" checklist item).
  const parentOf = new Map<SectionMatch, SectionMatch>();
  matches.forEach((m, i) => {
    for (let j = i - 1; j >= 0 && m.template.parentKey !== undefined; j--) {
      const p = matches[j] as SectionMatch;
      if (p.template.key === m.template.parentKey && p.template.depth < m.template.depth) {
        parentOf.set(m, p);
        break;
      }
    }
  });
  const topLevel = doc.sections.filter((s) => s.parent === undefined);

  // Claims for `m` the best candidates up to `maxTier` (several only for the exact title: duplicates).
  // A heading that is exactly another template section's title is that section or none: a loose
  // match never takes it ("### Detection Delay" on its own is not the Detection section).
  const templateKeys = new Set(template.sections.map((t) => titleKey(t.title)));
  const claim = (m: SectionMatch, candidates: readonly Section[], maxTier: number): void => {
    if (m.found.length) return;
    const aliases = aliasKeys(template, m.template.title);
    const own = titleKey(m.template.title);
    let best: number | undefined;
    let found: Section[] = [];
    for (const s of candidates) {
      if (used.has(s)) continue;
      const tier = titleMatchTier(s.title, m.template.title, aliases);
      if (tier !== undefined && tier > 0 && templateKeys.has(titleKey(s.title)) && titleKey(s.title) !== own) continue;
      if (tier === undefined || tier > maxTier || (best !== undefined && tier > best)) continue;
      if (best === undefined || tier < best) {
        best = tier;
        found = [s];
      } else if (tier === 0) {
        found.push(s); // the same title twice in one place: a duplicate
      }
    }
    m.found = found;
    for (const s of found) used.add(s);
  };
  // Tier by tier, so a loose match never takes a heading that names another section exactly.
  const byTier = (run: (maxTier: number) => void) => {
    for (let tier = 0; tier <= MAX_TIER; tier++) run(tier);
  };

  const top = matches.filter((m) => m.template.parentKey === undefined);
  const subsections = matches.filter((m) => m.template.parentKey !== undefined);
  byTier((tier) => {
    for (const m of top) claim(m, topLevel, tier);
  });
  // Each subsection inside its parent's match; twice, for a subsection whose parent was found late.
  for (let pass = 0; pass < 2; pass++) {
    byTier((tier) => {
      for (const m of subsections) {
        // Under every match of the parent: a repeated parent's subsections repeat too (duplicates).
        const parents = parentOf.get(m)?.found ?? [];
        if (parents.length) claim(m, parents.flatMap(descendants), tier);
      }
    });
  }
  // A top-level template section still missing, one level down where no template subsection can be.
  const leafOwners = new Set(matches.filter((m) => m.template.childKeys.length === 0).flatMap((m) => m.found));
  const oneDown = doc.sections.filter((s) => s.parent !== undefined && leafOwners.has(s.parent));
  byTier((tier) => {
    for (const m of top) claim(m, oneDown, tier);
  });
  markCovered(doc, matches);
  return matches;
}

/** Sets coveredBy on the top-level template sections that are not found but stand in the document. */
function markCovered(doc: DocumentModel, matches: SectionMatch[]): void {
  for (const m of matches) {
    if (m.found.length || m.template.parentKey !== undefined) continue;
    const by = coveringKeys(m.template.title);
    const serving = by.length ? matches.filter((x) => x.found.length && by.includes(titleKey(x.template.title))).flatMap((x) => x.found) : [];
    if (serving.length) {
      m.coveredBy = serving;
      continue;
    }
    // Its subsections, under whatever heading: most of them by their exact titles.
    const children = matches.filter((x) => x.template.parentKey === m.template.key && x.template.depth === m.template.depth + 1);
    if (children.length < 2) continue;
    const elsewhere = children.flatMap((c) => doc.sections.filter((s) => s.parent !== undefined && titleKey(s.title) === titleKey(c.template.title)).slice(0, 1));
    if (elsewhere.length * 2 >= children.length) m.coveredBy = elsewhere;
  }
}

/** A section's subsections at every depth, in document order. */
function descendants(section: Section): Section[] {
  const out: Section[] = [];
  const visit = (s: Section) => {
    for (const c of s.children) {
      out.push(c);
      visit(c);
    }
  };
  visit(section);
  return out;
}

/** The document's section matching the template section `key` (the first, when the document repeats it). */
export function matchedSection(doc: DocumentModel, template: TemplateModel, key: string): Section | undefined {
  return matchSections(doc, template).find((m) => m.template.key === key)?.found[0];
}

/** The template sections missing from the document whose parent (if any) is present, in template order. */
export function missingSections(doc: DocumentModel, template: TemplateModel): SectionMatch[] {
  const matches = matchSections(doc, template);
  const present = new Set(matches.filter((m) => m.found.length).map((m) => m.template.key));
  // A subsection is missing only where the author follows the template's subsections: in a document
  // that has most of them (one written from the template), or under a parent that has at least one. A
  // parent written in the author's own words ("## Impact" as a paragraph, as real post-mortems do) is
  // complete as written; only its absence is reported.
  const expected = matches.filter((m) => m.template.parentKey !== undefined && present.has(m.template.parentKey));
  const found = expected.filter((m) => m.found.length);
  const followsSubsections = expected.length > 0 && found.length * 2 >= expected.length;
  const usesSubsections = new Set(found.map((m) => m.template.parentKey as string));
  return matches.filter(
    (m) =>
      m.found.length === 0 &&
      // "### [Date and time]", "Additional Sections as required": room for entries, never a required section.
      !m.template.repeatable &&
      // A document written from the template (most subsections kept) misses what it dropped; one
      // written in its own way has a section it covers otherwise.
      (!m.coveredBy || followsSubsections) &&
      (m.template.parentKey === undefined ||
        (present.has(m.template.parentKey) && (followsSubsections || usesSubsections.has(m.template.parentKey)))),
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
