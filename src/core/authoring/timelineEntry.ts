// "Add Timeline Entry": a new row stamped with the current UTC time, written the way the table
// already writes times, at its chronological place.
import { buildDocument } from '../markdown/document';
import { parseMarkdown } from '../markdown/parse';
import { detectEol } from '../markdown/positions';
import { templateFor } from '../template/model';
import { readTimeline, type TableTimelineEntry as TimelineEntry } from '../postmortem/timeline';

export interface TimelineEntryInsertion {
  /** Offset where the new row's line is inserted (the start of a line). */
  offset: number;
  /** The inserted text: the row and a line break. */
  text: string;
  /** Offset, in the document after the insertion, where the event text goes (the cursor). */
  eventOffset: number;
  /** The time as written in the row. */
  time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `now` (UTC) in the shape of an existing time cell: "14:05", "14:05:09", "2026-03-14 14:05", "2026-03-14T14:05Z". */
export function formatLike(sample: string | undefined, now: Date): string {
  const date = `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
  const hm = `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}`;
  const hms = `${hm}:${pad(now.getUTCSeconds())}`;
  if (!sample) return hm;
  const withSeconds = /\d{1,2}:\d{2}:\d{2}/.test(sample);
  const time = withSeconds ? hms : hm;
  const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(sample);
  if (iso) return `${date}T${time}${/(?:Z|[+-]\d{2}:?\d{2})$/.test(sample) ? 'Z' : ''}`;
  const dated = /^\d{4}-\d{2}-\d{2}(\s+)\d/.exec(sample);
  if (dated) return `${date}${dated[1]}${time}`;
  return time;
}

export function timelineEntryInsertion(text: string, now: Date, templateText?: string): TimelineEntryInsertion | undefined {
  const doc = buildDocument(text, parseMarkdown(text));
  const timeline = readTimeline(doc, templateFor(templateText));
  const table = timeline?.tables[0];
  if (!table) return undefined;
  const eol = detectEol(text);
  const parsed = table.entries.filter((e): e is TimelineEntry & { minutes: number } => e.minutes !== undefined);
  const sample = parsed.find((e) => e.time?.precision === 'minute' || e.time?.precision === 'second') ?? parsed[0];
  const time = formatLike(sample?.timeText, now);

  // Where `now` falls: after the last row at or before it (undated rows compare by time of day,
  // continuing past midnight when the table already did).
  let after: TimelineEntry | undefined;
  if (parsed.length) {
    const last = parsed[parsed.length - 1] as TimelineEntry & { minutes: number };
    let candidate: number;
    if (last.dated) {
      candidate = Math.floor(now.getTime() / 60000);
    } else {
      const day = Math.floor(last.minutes / 1440) * 1440;
      candidate = day + now.getUTCHours() * 60 + now.getUTCMinutes();
      if (candidate < last.minutes - 720) candidate += 1440;
    }
    after = [...parsed].reverse().find((e) => e.minutes <= candidate);
  }

  const reference = after ?? table.entries[0];
  const columns = Math.max(2, table.header?.cells.length ?? 2);
  const eventColumn = table.eventColumn ?? 1;
  // The new row copies the line prefix of its neighbour (a blockquote's "> ", a list's indent).
  const prefix = reference ? text.slice(reference.span.lineStart, reference.span.start) : '';
  const cells = Array.from({ length: columns }, (_, i) => (i === 0 ? time : ''));
  const before = `${prefix}| ${cells.slice(0, eventColumn).join(' | ')} | `;
  const rest = cells.slice(eventColumn + 1);
  const row = `${before}${rest.length ? ` | ${rest.join(' | ')} |` : ' |'}`;

  let offset: number;
  if (after) offset = nextLineStart(text, after.span.lineEnd);
  else if (table.entries[0]) offset = table.entries[0].span.lineStart;
  else offset = nextLineStart(text, delimiterLineEnd(text, table.header?.lineEnd ?? 0));
  const needsBreakBefore = offset === text.length && text.length > 0 && !text.endsWith('\n');
  const inserted = `${needsBreakBefore ? eol : ''}${row}${eol}`;
  return { offset, text: inserted, eventOffset: offset + (needsBreakBefore ? eol.length : 0) + before.length, time };
}

function nextLineStart(text: string, lineEnd: number): number {
  const i = text.indexOf('\n', lineEnd);
  return i < 0 ? text.length : i + 1;
}

/** End of the delimiter row (the line after the header). */
function delimiterLineEnd(text: string, headerLineEnd: number): number {
  const start = nextLineStart(text, headerLineEnd);
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}
