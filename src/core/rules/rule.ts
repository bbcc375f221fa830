// The contract every rule module fulfils, and the context a rule's check receives.
import type { DocumentModel } from '../markdown/document';
import type { DocumentStatus } from '../postmortem/status';
import type { TemplateModel } from '../template/model';
import type { TimelineHeaderWords } from '../template/timelineColumns';
import type { BeadsData, Fix, Severity, TextEdit } from '../types';

/** A JSON Schema fragment (documented in schemas/postmortemrc.schema.json). */
export type OptionsSchema = Record<string, unknown>;

/** The options schema of a rule that has none. */
export const NO_OPTIONS: OptionsSchema = { type: 'object', properties: {}, additionalProperties: false };

/** Schema of an option that is a list of strings (section titles, phrases, statuses...). */
export function stringListOption(description: string): OptionsSchema {
  // \S: an empty or blank entry would match everywhere (or, in a match loop, never advance).
  return { type: 'array', items: { type: 'string', pattern: '\\S' }, description };
}

export interface Report {
  message: string;
  /** 0-based offsets of the offending text (end exclusive). */
  start: number;
  end: number;
  fix?: Fix;
  suggestions?: Fix[];
  related?: { message: string; start: number; end: number }[];
  /** Overrides the rule's configured severity for this one finding (rare). */
  severity?: Severity;
}

/** The options of a rule that has none. */
export type NoOptions = Record<never, never>;

/**
 * What a rule's check receives. The document's text and line index are `doc.text` and `doc.lines`.
 * `Options` is the rule's options type: the engine merges the defaults with the config, which was
 * validated against the rule's optionsSchema first (an invalid config lints with the defaults), so
 * the values have the declared types.
 */
export interface RuleContext<Options extends object = NoOptions> {
  doc: DocumentModel;
  template: TemplateModel;
  /** The rule's options, defaults merged with the config. */
  options: Readonly<Options>;
  /** The document's Status (Draft, In Review, Complete), when it says one. */
  status: DocumentStatus | undefined;
  /**
   * The words that name the timeline's time and event columns (the timeline rule's timeHeaders and
   * eventHeaders options): every rule that asks "is this a time column?" asks it with these.
   */
  timelineWords: TimelineHeaderWords;
  /** Whether the document follows the template (template-fit): when not, layout findings are noise. */
  followsTemplate: boolean;
  /** The document's line break ("\n" or "\r\n"), for inserted text. */
  eol: string;
  /** The repository's Beads issues (LintOptions.beads), when the caller found them. */
  beads?: BeadsData;
  report(report: Report): void;
  /** Builds an edit from offsets. */
  edit(start: number, end: number, text: string): TextEdit;
}

/**
 * A rule: its metadata and its check. `Options` is declared beside the rule and must describe what
 * `optionsSchema` accepts (test/unit/ruleOptions.test.ts validates the defaults against the schema).
 */
export interface Rule<Options extends object = NoOptions> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** The rule produces safe fixes, applied without asking by --fix, fix-all and fix-on-save. */
  fixable: boolean;
  /** The rule offers suggestions: edits the author picks one of, never applied without asking. */
  hasSuggestions: boolean;
  /**
   * The rule checks the document's layout against the template (sections present, in order, filled):
   * it is not run on a document that does not follow the template (see the template-fit rule).
   */
  layout?: true;
  /** JSON Schema of the rule's `options` object. */
  optionsSchema: OptionsSchema;
  /** Default option values. */
  defaultOptions: Options;
  check(ctx: RuleContext<Options>): void;
}

/** A rule of any options type, as the engine lists and runs them. */
// Method syntax makes check() bivariant, so a Rule<TimelineOptions> is an AnyRule.
export type AnyRule = Rule<object>;

/** What a rule's fixes are, as a sentence for its descriptions (config schema, SARIF); '' when it has none. */
export function fixKindsNote(rule: Pick<Rule, 'fixable' | 'hasSuggestions'>): string {
  if (rule.fixable && rule.hasSuggestions) return 'Fixable with --fix; more quick-fix suggestions in the editor.';
  if (rule.fixable) return 'Fixable with --fix.';
  if (rule.hasSuggestions) return 'Quick-fix suggestions in the editor (not applied by --fix).';
  return '';
}
