// blameless: counterfactual and blaming phrasing in the analysis sections. Blameless post-mortems
// describe what happened and what the system allowed, not what a person should have done.
import { closestSection, normalizeTitle, type TextRun } from '../markdown/document';
import { escapeRegExp } from '../markdown/text';
import { stringListOption, type Rule } from './rule';

interface PhraseGroup {
  why: string;
  phrases: string[];
}

/** The default word list (documented in the README under "blameless"). */
export const BLAMELESS_PHRASES: PhraseGroup[] = [
  {
    why: 'counterfactual: describe what happened and why it made sense at the time, not what should have happened',
    phrases: ['should have', "shouldn't have", 'should not have', 'could have', "couldn't have", 'could not have', 'would have', 'ought to have', 'if only'],
  },
  {
    why: 'frames an action as a personal failure: describe the conditions (tooling, process, signals) that led to it',
    phrases: ['failed to', 'forgot to', 'neglected to', "didn't bother", 'did not bother', 'did not check', "didn't check", 'messed up', 'screwed up'],
  },
  {
    why: 'judges a person: describe the action and its context instead',
    phrases: ['careless', 'carelessly', 'carelessness', 'negligent', 'negligence', 'sloppy', 'lazy', 'incompetent', 'incompetence', 'stupid', 'reckless', 'irresponsible', 'to blame', 'at fault', 'his fault', 'her fault', 'their fault'],
  },
];

const HUMAN_ERROR = /\bhuman[\s-]+error\b/gi;
// Verbs only people do (systems also "fail" and "miss", so those count only after an @handle).
const HUMAN_FAILURE = "forgot|neglected|ignored|overlooked|messed up|screwed up|didn't notice|did not notice|failed to (?:notice|check|verify|follow|read|test|review|escalate|respond)";
const ANY_FAILURE = `failed|broke|missed|did not|didn't|${HUMAN_FAILURE}`;
// "Alice forgot", "Bob Smith ignored", "@carol broke".
const PERSON_FAILED = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:(@[\\w.-]+)\\s+(?:${ANY_FAILURE})|(\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)?)\\s+(?:${HUMAN_FAILURE}))(?![\\p{L}])`,
  'gu',
);
// Sentence starters and pronouns that are capitalised but are not a person's name.
const NOT_A_NAME = new Set(
  'I We You He She They It This That These Those There The A An Our Their His Her Its My Your Someone Somebody Nobody Everyone Everybody Nothing Something Team Engineering Ops On-call Monitoring Alerting System Service Deploy Deployment Nginx Kubernetes Postgres Redis Database Server Client Job Script Test Tests CI Also Then Which Who'.split(' '),
);

/** The entries that say something (a library caller's options are not validated against the schema). */
function nonBlank(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
}

/** Offsets of text between quotation marks within a run: quoted words are someone else's. */
function quotedSpans(source: string): [number, number][] {
  return [...source.matchAll(/"[^"\n]*"|\u201c[^\u201d\n]*\u201d/g)].map((m) => [m.index, m.index + m[0].length]);
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
  description: 'Blameless language in Root Cause, Contributing Factors and Response: no counterfactuals, blame or a person as the subject of a failure.',
  defaultSeverity: 'info',
  fixable: false, hasSuggestions: false,
  optionsSchema: {
    type: 'object',
    properties: {
      sections: stringListOption('Section titles checked (with their subsections).'),
      phrases: stringListOption('Extra phrases to flag.'),
      allow: stringListOption('Phrases from the default list not to flag.'),
      names: { type: 'boolean', description: 'Flag a name or @handle as the subject of a failure ("Alice forgot").' },
      rootCauseSections: stringListOption('Sections where "human error" is flagged as a root cause (elsewhere it may name a contributing-factor category).'),
    },
    additionalProperties: false,
  },
  defaultOptions: { sections: ['Root Cause', 'Contributing Factors', 'Response'], phrases: [], allow: [], names: true, rootCauseSections: ['Root Cause'] },
  check(ctx) {
    const sections = new Set(nonBlank(ctx.options.sections).map(normalizeTitle));
    const allow = new Set(nonBlank(ctx.options.allow).map((p) => p.toLowerCase()));
    const extra = nonBlank(ctx.options.phrases);
    const groups: PhraseGroup[] = [...BLAMELESS_PHRASES, ...(extra.length ? [{ why: 'on the team\'s list of phrases to avoid', phrases: extra }] : [])];
    const matchers = groups
      .map((g) => ({ why: g.why, phrases: g.phrases.filter((p) => !allow.has(p.toLowerCase())) }))
      .filter((g) => g.phrases.length)
      .map((g) => ({ why: g.why, re: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${g.phrases.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu') }));
    const checkNames = ctx.options.names;
    const rootCause = new Set(nonBlank(ctx.options.rootCauseSections).map(normalizeTitle));

    const inScope = (run: TextRun, keys: Set<string>): boolean => closestSection(run.section, (s) => keys.has(s.key)) !== undefined;

    for (const run of ctx.doc.textRuns) {
      if (run.inQuote || run.cell) continue;
      // A checklist option is the team template's category ("Human Error"), not the author's words.
      if (run.listItem && typeof run.listItem.checked === 'boolean') continue;
      if (!inScope(run, sections)) continue;
      const source = ctx.doc.text.slice(run.start, run.end);
      const quoted = quotedSpans(source);
      const isQuoted = (i: number) => quoted.some(([a, b]) => i >= a && i < b);
      const flag = (index: number, length: number, message: string) => {
        if (isQuoted(index)) return;
        ctx.report({ message, start: run.start + index, end: run.start + index + length });
      };
      const hits: { index: number; length: number; message: string }[] = [];
      const overlaps = (index: number, length: number) => hits.some((h) => index < h.index + h.length && h.index < index + length);
      // matchAll, not a loop over exec: it steps past an empty match instead of finding it forever.
      if (checkNames) {
        for (const m of source.matchAll(PERSON_FAILED)) {
          const name = m[2];
          if (name !== undefined && NOT_A_NAME.has(name.split(' ')[0] as string)) continue;
          hits.push({ index: m.index, length: m[0].length, message: `"${m[0]}": a person as the subject of a failure; describe what the system allowed or what signal was missing.` });
        }
      }
      if (!allow.has('human error') && inScope(run, rootCause)) {
        for (const m of source.matchAll(HUMAN_ERROR))
          hits.push({ index: m.index, length: m[0].length, message: `"${m[0]}" is not a root cause: ask why the system made the error possible and easy to make.` });
      }
      for (const { why, re } of matchers) {
        for (const m of source.matchAll(re)) if (!overlaps(m.index, m[0].length)) hits.push({ index: m.index, length: m[0].length, message: `"${m[0]}": ${why}.` });
      }
      for (const h of hits.sort((a, b) => a.index - b.index)) flag(h.index, h.length, h.message);
    }
  },
};
