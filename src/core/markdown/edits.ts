// Edits an editor applies all at once (a VS Code WorkspaceEdit, an LSP TextEdit[]) must not overlap.
// disjointEdits turns any list of TextEdits into such a list with the same result as applyEdits.
import { LineIndex } from './positions';
import type { TextEdit } from '../types';

/** Whether an edit is an insertion that starts a new line (a section, a field line) rather than continuing the one it is in. */
const startsNewLine = (e: TextEdit) => (e.range.start.offset === e.range.end.offset && /^[\r\n]/.test(e.text) ? 1 : 0);

/**
 * The order edits apply in: by range; at one offset, text continuing the line (cells padding a row)
 * before text on new lines (a section inserted after that row); otherwise as given (a stable sort).
 */
export function editOrder(a: TextEdit, b: TextEdit): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || startsNewLine(a) - startsNewLine(b);
}

/**
 * Sorted, non-overlapping edits that, applied simultaneously to the original text, give exactly what
 * applyEdits gives: an edit overlapping one already taken is dropped, and edits that touch (one
 * starts where the previous ends, e.g. two insertions at one offset) are merged so their order holds.
 */
export function disjointEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort(editOrder);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (!last) {
      out.push(edit);
      continue;
    }
    const cursor = last.range.end.offset;
    if (edit.range.start.offset < cursor) continue;
    if (edit.range.start.offset === cursor) {
      out[out.length - 1] = { range: { start: last.range.start, end: edit.range.end }, text: last.text + edit.text };
      continue;
    }
    out.push(edit);
  }
  return out;
}

/**
 * One edit that turns before into after: the span between their common prefix and common suffix.
 * The span never starts or ends inside a CRLF or a surrogate pair, so editors can address it.
 */
export function replacementEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const splits = (text: string, at: number) => {
    const a = text.charCodeAt(at - 1);
    const b = text.charCodeAt(at);
    return (a === 13 && b === 10) || (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff);
  };
  while (prefix > 0 && (splits(before, prefix) || splits(after, prefix))) prefix--;
  while (suffix > 0 && (splits(before, before.length - suffix) || splits(after, after.length - suffix))) suffix--;
  const lines = new LineIndex(before);
  return { range: lines.range(prefix, before.length - suffix), text: after.slice(prefix, after.length - suffix) };
}
