// Offset <-> line/column conversion over one text, built once per lint (binary search per lookup).
// Line breaks are those of micromark: LF, CRLF and a lone CR.
import type { Point, Range } from '../types';

export class LineIndex {
  /** Offset at which each line starts (line 1 at index 0). */
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (this.starts[lo] as number) + 1, offset: o };
  }

  range(start: number, end: number): Range {
    return { start: this.point(start), end: this.point(end) };
  }

  /** Offset of the start of a 1-based line (clamped). */
  lineStart(line: number): number {
    const i = Math.max(1, Math.min(line, this.starts.length)) - 1;
    return this.starts[i] as number;
  }

  /** Offset of the end of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.starts.length) return this.text.length;
    let end = this.starts[line] as number;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** A line break as Markdown (micromark) knows them: LF, CRLF, or a lone CR. */
export type LineBreak = '\n' | '\r\n' | '\r';

/** The document's own line break (its first one; LF when it has none), so inserted text matches it. */
export function detectEol(text: string): LineBreak {
  const match = /\r\n?|\n/.exec(text);
  return match ? (match[0] as LineBreak) : '\n';
}

/** The same place in a text with `by` more code units in front of its first line (a byte-order mark). */
export function shiftPoint(point: Point, by: number): Point {
  return { line: point.line, column: point.line === 1 ? point.column + by : point.column, offset: point.offset + by };
}

/**
 * The text with every lone CR read as LF: same length and offsets, same Markdown (micromark ends lines
 * at both), so code that splits lines at LF reads a classic-Mac document right. Inserted text still
 * takes the document's own line break (detectEol of the original).
 */
export function withLineFeeds(text: string): string {
  return /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

export function shiftRange(range: Range, by: number): Range {
  return { start: shiftPoint(range.start, by), end: shiftPoint(range.end, by) };
}

/** A leading byte-order mark: remark drops it, so offsets of its tree start one code unit late. */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}
