// The words that name a timeline's columns and the template table they pick out. With
// isTimeColumnHeader (./placeholders) the one definition of "a time column": the timeline reads its
// rows by it, the placeholder rule and the template's tab stops look for HH:MM in it.
import { headerNames } from '../markdown/tableCells';
import type { TemplateModel, TemplateTable } from './model';

/** Header words that name the timeline's columns (compared as whole words, case-insensitive). */
export interface TimelineHeaderWords {
  time: readonly string[];
  event: readonly string[];
}

export const DEFAULT_HEADER_WORDS: TimelineHeaderWords = {
  time: ['Time', 'Timestamp', 'When', 'Date', 'Datetime'],
  event: ['Event', 'Description', 'What happened', 'Action', 'What', 'Activity', 'Details', 'Update'],
};

function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : fallback;
}

/** The header words the timeline rule's options (`timeHeaders`, `eventHeaders`) give; the defaults where they give none. */
export function headerWordsOf(options: { readonly timeHeaders?: unknown; readonly eventHeaders?: unknown }): TimelineHeaderWords {
  return {
    time: stringList(options.timeHeaders, DEFAULT_HEADER_WORDS.time),
    event: stringList(options.eventHeaders, DEFAULT_HEADER_WORDS.event),
  };
}

/** The template table whose first column names a time: the timeline. */
export function templateTimelineTable(template: TemplateModel, words: TimelineHeaderWords = DEFAULT_HEADER_WORDS): TemplateTable | undefined {
  return template.tables.find((t) => t.columns[0] !== undefined && headerNames(t.columns[0], words.time));
}
