// The edit behind "Disable postmortem/RULE for this line": a postmortem-disable-next-line comment on
// its own line above the finding. A comment line inside a table would split the table, so a finding
// in a table's body gets disable/enable comments around the whole table instead. Nothing may stand
// above the front matter (nor inside it: it is YAML), so a finding there gets the comment right below
// it, which lint reads as covering the front matter.
import { bomLength, detectEol, LineIndex } from '../markdown/positions';
import type { Fix, TextEdit } from '../types';

const NEXT_LINE_COMMENT = /^([ \t]*)<!--\s*postmortem-disable-next-line\b([^]*?)-->[ \t]*$/;
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const OTHER_BLOCK = /^[ \t]{0,3}(?:#|>|```|~~~|<)/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;

export function disableRuleFix(text: string, line: number, ruleId: string): Fix {
  const lines = new LineIndex(text);
  const eol = detectEol(text);
  const lineText = (n: number) => text.slice(lines.lineStart(n), lines.lineEnd(n));
  const at = Math.max(1, Math.min(line, lines.lineCount));
  const edit = (start: number, end: number, newText: string): TextEdit => ({ range: lines.range(start, end), text: newText });
  // A byte-order mark stays the document's first character.
  const lineStart = (n: number) => (n === 1 ? bomLength(text) : lines.lineStart(n));

  const frontMatterEnd = frontMatterLastLine(lines.lineCount, lineText);
  if (frontMatterEnd !== undefined && at <= frontMatterEnd) {
    const title = `Disable postmortem/${ruleId} for the front matter`;
    const below = frontMatterEnd < lines.lineCount ? NEXT_LINE_COMMENT.exec(lineText(frontMatterEnd + 1)) : null;
    const merged = below && mergedComment(below, ruleId);
    if (merged) return { title, edits: [edit(lines.lineStart(frontMatterEnd + 1), lines.lineEnd(frontMatterEnd + 1), merged)] };
    const end = lines.lineEnd(frontMatterEnd);
    return { title, edits: [edit(end, end, `${eol}<!-- postmortem-disable-next-line ${ruleId} -->`)] };
  }

  const table = tableBodyAround(at, lines.lineCount, lineText);
  if (table) {
    return {
      title: `Disable postmortem/${ruleId} for this table`,
      edits: [
        edit(lineStart(table.first), lineStart(table.first), `<!-- postmortem-disable ${ruleId} -->${eol}`),
        edit(lines.lineEnd(table.last), lines.lineEnd(table.last), `${eol}<!-- postmortem-enable ${ruleId} -->`),
      ],
    };
  }

  const title = `Disable postmortem/${ruleId} for this line`;
  const above = at > 1 ? NEXT_LINE_COMMENT.exec(lineText(at - 1)) : null;
  const merged = above && mergedComment(above, ruleId);
  if (merged) return { title, edits: [edit(lines.lineStart(at - 1), lines.lineEnd(at - 1), merged)] };
  const indent = /^[ \t]*/.exec(lineText(at))?.[0] ?? '';
  const start = lineStart(at);
  return { title, edits: [edit(start, start, `${indent}<!-- postmortem-disable-next-line ${ruleId} -->${eol}`)] };
}

/** An existing disable-next-line comment that names other rules, with this one added; undefined when it covers every rule or names this one. */
function mergedComment(comment: RegExpExecArray, ruleId: string): string | undefined {
  const names = (comment[2] as string).split(/[\s,]+/).filter(Boolean);
  if (names.length === 0 || names.includes(ruleId)) return undefined;
  return `${comment[1]}<!-- postmortem-disable-next-line ${[...names, ruleId].join(' ')} -->`;
}

/** The closing `---` line of YAML front matter opening the document (remark-frontmatter's fences). */
function frontMatterLastLine(lineCount: number, lineText: (n: number) => string): number | undefined {
  if (!FRONT_MATTER_FENCE.test(lineText(1).replace(/^\uFEFF/, ''))) return undefined;
  for (let n = 2; n <= lineCount; n++) if (FRONT_MATTER_FENCE.test(lineText(n))) return n;
  return undefined;
}

/** When line is a table's delimiter or body row: the table's first and last lines. */
function tableBodyAround(line: number, lineCount: number, lineText: (n: number) => string): { first: number; last: number } | undefined {
  const isRowLike = (n: number) => {
    const t = lineText(n);
    return t.trim() !== '' && !OTHER_BLOCK.test(t);
  };
  let delimiter: number | undefined;
  for (let n = line; n >= 1 && isRowLike(n); n--) {
    if (DELIMITER_ROW.test(lineText(n))) {
      delimiter = n;
      break;
    }
  }
  if (delimiter === undefined || delimiter < 2 || !lineText(delimiter - 1).includes('|')) return undefined;
  const first = delimiter - 1;
  let last = line;
  while (last < lineCount && isRowLike(last + 1)) last++;
  return { first, last };
}
