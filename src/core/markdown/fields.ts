// `**Label:** value` lines (the Summary block), read from the source so value ranges are exact.
import type { RootContent } from 'mdast';
import { endOf, startOf } from './document';

export interface FieldLine {
  label: string;
  /** camelCase property name: "Incident ID" -> incidentId. */
  name: string;
  value: string;
  /** Offsets of the value (trimmed; empty value: start === end, just after the label). */
  valueStart: number;
  valueEnd: number;
  /** Offsets of the label including its markup (`**Label:**`). */
  labelStart: number;
  labelEnd: number;
}

const FIELD = /^([ \t]*(?:[-*+][ \t]+)?)(\*\*|__)([^*_\r\n]+?)(:?)\2(:?)[ \t]*/;

export function fieldName(label: string): string {
  const words = label
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words
    .map((w, i) => (i === 0 ? w.toLowerCase() : (w[0] as string).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

/** Field lines in the paragraphs and lists among `nodes` (code blocks and tables are skipped). */
export function readFieldLines(text: string, nodes: readonly RootContent[]): FieldLine[] {
  const fields: FieldLine[] = [];
  for (const node of nodes) {
    if (node.type !== 'paragraph' && node.type !== 'list') continue;
    const from = startOf(node);
    const to = endOf(node);
    let lineStart = from;
    while (lineStart < to) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > to) lineEnd = to;
      const line = text.slice(lineStart, lineEnd);
      const m = FIELD.exec(line);
      if (m && (m[4] || m[5])) {
        const labelStart = lineStart + (m[1] as string).length;
        const labelEnd = lineStart + m[0].trimEnd().length;
        let valueText = line.slice(m[0].length);
        // Trailing hard breaks ("  " or "\") and CR are layout, not value.
        valueText = valueText.trimEnd(); // trimEnd is linear; a /[ \t]+$/ regex is quadratic on long blank runs
        if (valueText.endsWith('\\')) valueText = valueText.slice(0, -1).trimEnd();
        const valueStart = lineStart + m[0].length;
        const label = (m[3] as string).trim();
        fields.push({
          label,
          name: fieldName(label),
          value: valueText,
          valueStart,
          valueEnd: valueStart + valueText.length,
          labelStart,
          labelEnd,
        });
      }
      lineStart = lineEnd + 1;
    }
  }
  return fields;
}
