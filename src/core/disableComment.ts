// The edit behind "Disable postmortem/RULE for this line": a postmortem-disable-next-line comment on
// its own line above the finding. A comment line inside a table would split the table, so a finding
// in a table's body gets disable/enable comments around the whole table instead.
import { detectEol, LineIndex } from './positions';
import type { Fix, TextEdit } from './types';

const NEXT_LINE_COMMENT = /^([ \t]*)<!--\s*postmortem-disable-next-line\b([^]*?)-->[ \t]*$/;
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const OTHER_BLOCK = /^[ \t]{0,3}(?:#|>|```|~~~|<)/;

export function disableRuleFix(text: string, line: number, ruleId: string): Fix {
  const lines = new LineIndex(text);
  const eol = detectEol(text);
  const lineText = (n: number) => text.slice(lines.lineStart(n), lines.lineEnd(n));
  const at = Math.max(1, Math.min(line, lines.lineCount));
  const edit = (start: number, end: number, newText: string): TextEdit => ({ range: lines.range(start, end), text: newText });

  const table = tableBodyAround(at, lines.lineCount, lineText);
  if (table) {
    return {
      title: `Disable postmortem/${ruleId} for this table`,
      edits: [
        edit(lines.lineStart(table.first), lines.lineStart(table.first), `<!-- postmortem-disable ${ruleId} -->${eol}`),
        edit(lines.lineEnd(table.last), lines.lineEnd(table.last), `${eol}<!-- postmortem-enable ${ruleId} -->`),
      ],
    };
  }

  const title = `Disable postmortem/${ruleId} for this line`;
  const above = at > 1 ? NEXT_LINE_COMMENT.exec(lineText(at - 1)) : null;
  if (above) {
    const names = (above[2] as string).split(/[\s,]+/).filter(Boolean);
    if (names.length > 0 && !names.includes(ruleId)) {
      const comment = `${above[1]}<!-- postmortem-disable-next-line ${[...names, ruleId].join(' ')} -->`;
      return { title, edits: [edit(lines.lineStart(at - 1), lines.lineEnd(at - 1), comment)] };
    }
  }
  const indent = /^[ \t]*/.exec(lineText(at))?.[0] ?? '';
  const start = lines.lineStart(at);
  return { title, edits: [edit(start, start, `${indent}<!-- postmortem-disable-next-line ${ruleId} -->${eol}`)] };
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
