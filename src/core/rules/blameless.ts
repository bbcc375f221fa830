// blameless: blaming and counterfactual phrasing in the narrative sections. Blameless post-mortems
// describe what happened and what the system allowed, not what a person should have done. Precise
// by design: a phrase counts only with a person as its subject (a pronoun, a role, an @handle, a name
// before a verb only people do), so "the deploy failed to", "we should have a runbook" (forward-looking)
// and "if someone had ..." (hypothetical) are not flagged.
import { closestSection, normalizeTitle, type Section, type TextRun } from '../markdown/document';
import { escapeRegExp } from '../markdown/text';
import { matchSections } from '../template/sectionMatch';
import { stringListOption, type Rule } from './rule';

/** How a phrase is read: `counterfactual` and `failure` need a person as their subject. */
type PhraseKind = 'counterfactual' | 'failure' | 'judgement' | 'team';

interface PhraseGroup {
  kind: PhraseKind;
  why: string;
  phrases: string[];
}

/** The default word list (documented in the README under "blameless"). */
export const BLAMELESS_PHRASES: PhraseGroup[] = [
  {
    kind: 'counterfactual',
    why: 'counterfactual: describe what happened and why it made sense at the time, not what should have happened',
    phrases: ['should have', "shouldn't have", 'should not have', 'could have', "couldn't have", 'could not have', 'ought to have', 'if only'],
  },
  {
    kind: 'failure',
    why: 'frames an action as a personal failure: describe the conditions (tooling, process, signals) that led to it',
    phrases: ['failed to', 'forgot to', 'neglected to', "didn't bother", 'did not bother', 'did not check', "didn't check", 'messed up', 'screwed up'],
  },
  {
    kind: 'judgement',
    why: 'judges a person: describe the action and its context instead',
    phrases: ['careless', 'carelessly', 'carelessness', 'negligent', 'negligence', 'sloppy', 'lazy', 'incompetent', 'incompetence', 'stupid', 'reckless', 'irresponsible', 'to blame', 'at fault', 'his fault', 'her fault', 'their fault'],
  },
];

/** The narrative sections checked by default (and their subsections), matched by their words. */
export const NARRATIVE_SECTIONS = [
  'Summary',
  'Impact',
  'Timeline',
  'Root Cause',
  'Trigger',
  'Contributing Factors',
  'Detection',
  'Response',
  'Resolution',
  'Recovery',
  'What Happened',
  'What Went Wrong',
  'What Went Poorly',
  "What Didn't Go Well",
  'Lessons Learned',
  'Analysis',
  'Investigation',
];

const HUMAN_ERROR = /\bhuman[\s-]+error\b/gi;
// Verbs only people do: with these a capitalised name is a person ("Alice forgot"), not a system.
const HUMAN_FAILURE = "forgot|neglected|ignored|overlooked|messed up|screwed up|didn't notice|did not notice|failed to (?:notice|check|verify|follow|read|test|review|escalate|respond)";
const HANDLE_FAILURE = `failed|broke|missed|did not (?:check|verify|test|review|follow|read|notice)|didn't (?:check|verify|test|review|follow|read|notice)|${HUMAN_FAILURE}`;
// "Alice forgot", "Bob Smith ignored", "@carol broke".
const PERSON_FAILED = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:(@[\\w.-]+)\\s+(?:${HANDLE_FAILURE})|(\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)?)\\s+(?:${HUMAN_FAILURE}))(?![\\p{L}])`,
  'gu',
);
// Sentence starters, pronouns and systems that are capitalised but are not a person's name.
const NOT_A_NAME = new Set(
  'I We You He She They It This That These Those There The A An Our Their His Her Its My Your Someone Somebody Nobody Everyone Everybody Nothing Something Team Engineering Ops On-call Monitoring Alerting System Service Deploy Deployment Nginx Kubernetes Postgres Redis Database Server Client Job Script Test Tests CI Also Then Which Who When While After Before Because Since If Unless Once Prow Tide Boskos Envoy Grafana Kafka Docker Terraform Helm Jenkins Github Gitlab Argo'.split(' '),
);

// The words just before a phrase that make a person its subject ("we", "the on-call engineer", "@bob").
const PERSON_SUBJECT =
  /(?:^|[^\p{L}\p{N}_])(?:i|we|you|he|she|they|someone|somebody|everyone|everybody|anyone|anybody|@[\w.-]+|(?:on-?call|the|an?|our|their|his|her)?\s*(?:engineers?|operators?|on-?call(?:ers?)?|developers?|reviewers?|authors?|admins?|administrators?|maintainers?|responders?|sres?|team members?|incident commanders?|commanders?|staff|employees?|colleagues?|contractors?|person|people|humans?))$/iu;
// Adverbs between the subject and the phrase ("we also failed to", "Alice then forgot").
const ADVERBS = /(?:\s+(?:also|then|still|just|initially|again|simply|probably|clearly|really|even|never|\p{L}+ly))+$/iu;
// A clause starts after a sentence end, a semicolon, a colon, a comma or a conjunction.
const CLAUSE_BREAK = /[.!?;:,(]\s+|\s(?:and|but|so|because|when|while|which|that|who|although|though)\s/gi;
// "If someone had forgotten ...", "unless we ...": a hypothetical is no account of what happened.
const HYPOTHETICAL = /\b(?:if|unless|otherwise|imagine|suppose|whether)\b|\bhad (?:we|they|i|you|he|she|someone|anyone)\b/i;
// A past participle after "should have": counterfactual; anything else ("should have a runbook") looks forward.
const PARTICIPLE =
  /^(?:been|known|done|gone|seen|caught|taken|made|written|run|put|set|built|sent|kept|read|given|thought|found|told|brought|understood|begun|chosen|driven|spoken|shown|hit|cut|let|shut|spent|paid|held|left|lost|meant|met|stood|won|\p{L}+ed)\b/iu;
// "lazy loading" is a technique; "the config change was to blame" blames a thing.
const NOT_JUDGEMENT_AFTER = /^\s+(?:load|loading|loaded|evaluation|evaluated|init|initiali[sz]ation|initiali[sz]ed|fetch|fetching)\b/i;

/** The entries that say something (a library caller's options are not validated against the schema). */
function nonBlank(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
}

/** Offsets of text between quotation marks within a run: quoted words are someone else's. */
function quotedSpans(source: string): [number, number][] {
  return [...source.matchAll(/"[^"\n]*"|\u201c[^\u201d\n]*\u201d/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** The clause before `index`: from the last sentence end, comma or conjunction, at most 200 characters back. */
function clauseBefore(source: string, index: number): string {
  const from = Math.max(0, index - 200);
  const before = source.slice(from, index);
  let start = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) start = m.index + m[0].length;
  return before.slice(start);
}

/** The sentence before `index` (for "if ..."), at most 200 characters back. */
function sentenceBefore(source: string, index: number): string {
  const before = source.slice(Math.max(0, index - 200), index);
  const end = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('\n'));
  return before.slice(end + 1);
}

function hasPersonSubject(clause: string): boolean {
  return PERSON_SUBJECT.test(clause.trimEnd().replace(ADVERBS, ''));
}

/** Title words compared loosely: lower case, no plural s, British "learnt". */
function looseWords(title: string): string {
  return ` ${normalizeTitle(title)
    .split(' ')
    .map((w) => (w === 'learnt' ? 'learned' : w.length > 3 ? w.replace(/s$/, '') : w))
    .join(' ')} `;
}

export interface BlamelessOptions {
  sections: string[];
  phrases: string[];
  allow: string[];
  names: boolean;
  rootCauseSections: string[];
}

export const blameless: Rule<BlamelessOptions> = {
  id: 'blameless',
  description: 'Blameless language in the narrative sections (Summary, Timeline, Root Cause, Response, Lessons Learned...): no blame, no counterfactual about a person, no person as the subject of a failure.',
  defaultSeverity: 'info',
  fixable: false, hasSuggestions: false,
  optionsSchema: {
    type: 'object',
    properties: {
      sections: stringListOption('Section titles checked (with their subsections); a section whose title contains one of them as whole words counts ("Incident Timeline" for Timeline).'),
      phrases: stringListOption('Extra phrases to flag.'),
      allow: stringListOption('Phrases from the default list not to flag.'),
      names: { type: 'boolean', description: 'Flag a name or @handle as the subject of a failure ("Alice forgot").' },
      rootCauseSections: stringListOption('Sections where "human error" is flagged as a root cause (elsewhere it may name a contributing-factor category).'),
    },
    additionalProperties: false,
  },
  defaultOptions: { sections: [...NARRATIVE_SECTIONS], phrases: [], allow: [], names: true, rootCauseSections: ['Root Cause'] },
  check(ctx) {
    const allow = new Set(nonBlank(ctx.options.allow).map((p) => p.toLowerCase()));
    const extra = nonBlank(ctx.options.phrases);
    const groups: PhraseGroup[] = [...BLAMELESS_PHRASES, ...(extra.length ? [{ kind: 'team' as const, why: "on the team's list of phrases to avoid", phrases: extra }] : [])];
    const matchers = groups
      .map((g) => ({ kind: g.kind, why: g.why, phrases: g.phrases.filter((p) => !allow.has(p.toLowerCase())) }))
      .filter((g) => g.phrases.length)
      .map((g) => ({ kind: g.kind, why: g.why, re: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${g.phrases.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu') }));
    const checkNames = ctx.options.names;

    // A section is in scope when its title (or an ancestor's) holds a listed title's words, or it
    // matches the template section of that title (the team's alias for it).
    const scopeOf = (titles: string[]): ((s: Section | undefined) => boolean) => {
      const wanted = titles.map(looseWords);
      const keys = new Set(titles.map(normalizeTitle));
      const matched = new Set<Section>();
      for (const m of matchSections(ctx.doc, ctx.template)) if (keys.has(m.template.key)) for (const s of m.found) matched.add(s);
      const cache = new Map<Section, boolean>();
      const own = (s: Section) => {
        let v = cache.get(s);
        if (v === undefined) cache.set(s, (v = matched.has(s) || wanted.some((w) => looseWords(s.title).includes(w))));
        return v;
      };
      return (section) => closestSection(section, own) !== undefined;
    };
    const inSections = scopeOf(nonBlank(ctx.options.sections));
    const inRootCause = scopeOf(nonBlank(ctx.options.rootCauseSections));

    for (const run of ctx.doc.textRuns) {
      if (run.inQuote || run.cell) continue;
      // A checklist option is the team template's category ("Human Error"), not the author's words.
      if (run.listItem && typeof run.listItem.checked === 'boolean') continue;
      if (!inSections(run.section)) continue;
      checkRun(run);
    }

    function checkRun(run: TextRun): void {
      const source = ctx.doc.text.slice(run.start, run.end);
      const quoted = quotedSpans(source);
      const isQuoted = (i: number) => quoted.some(([a, b]) => i >= a && i < b);
      const hits: { index: number; length: number; message: string }[] = [];
      const overlaps = (index: number, length: number) => hits.some((h) => index < h.index + h.length && h.index < index + length);
      // matchAll, not a loop over exec: it steps past an empty match instead of finding it forever.
      if (checkNames) {
        for (const m of source.matchAll(PERSON_FAILED)) {
          const name = m[2];
          if (name !== undefined && NOT_A_NAME.has(name.split(' ')[0] as string)) continue;
          if (HYPOTHETICAL.test(sentenceBefore(source, m.index))) continue;
          hits.push({ index: m.index, length: m[0].length, message: `"${m[0]}": a person as the subject of a failure; describe what the system allowed or what signal was missing.` });
        }
      }
      if (!allow.has('human error') && inRootCause(run.section)) {
        for (const m of source.matchAll(HUMAN_ERROR))
          hits.push({ index: m.index, length: m[0].length, message: `"${m[0]}" is not a root cause: ask why the system made the error possible and easy to make.` });
      }
      for (const { kind, why, re } of matchers) {
        for (const m of source.matchAll(re)) {
          if (overlaps(m.index, m[0].length) || !blames(kind, source, m.index, m[0])) continue;
          hits.push({ index: m.index, length: m[0].length, message: `"${m[0]}": ${why}.` });
        }
      }
      for (const h of hits.sort((a, b) => a.index - b.index)) {
        if (!isQuoted(h.index)) ctx.report({ message: h.message, start: run.start + h.index, end: run.start + h.index + h.length });
      }
    }
  },
};

/** Whether a phrase found at `index` blames a person here (its subject, what follows, the mood). */
function blames(kind: PhraseKind, source: string, index: number, phrase: string): boolean {
  if (kind === 'team') return true;
  const after = source.slice(index + phrase.length, index + phrase.length + 40);
  const lower = phrase.toLowerCase();
  if (kind === 'judgement') {
    if (lower === 'lazy' && NOT_JUDGEMENT_AFTER.test(after)) return false;
    if (lower === 'to blame' || lower === 'at fault') {
      const subject = clauseBefore(source, index).replace(/\s+(?:was|were|is|are|be|been)\s*$/i, '');
      const name = /(?:^|\s)(\p{Lu}\p{Ll}+)$/u.exec(subject)?.[1];
      return hasPersonSubject(subject) || (name !== undefined && !NOT_A_NAME.has(name));
    }
    return true;
  }
  if (lower === 'if only') return true;
  if (HYPOTHETICAL.test(sentenceBefore(source, index))) return false;
  if (kind === 'counterfactual' && !PARTICIPLE.test(after.trimStart())) return false;
  return hasPersonSubject(clauseBefore(source, index));
}
