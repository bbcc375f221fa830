// The YAML front matter read into its top-level entries, each with where its key and value are in
// the document and how a replacement value is written there (plain, quoted, or not at all).
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import type { DocumentModel } from '../markdown/document';

export interface FrontMatterEntry {
  /** The key as written ("incident_id"). */
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Text for a scalar (numbers and booleans as written), a list of texts, {} for a mapping; undefined when empty. */
  value: unknown;
  /** The value's text inside its quotes (for an empty value: the key). */
  start: number;
  end: number;
  empty: boolean;
  /** Writes a replacement value in this place's syntax; undefined for a block scalar (it spans lines). */
  write: ((value: string) => string) | undefined;
  /** Where a value goes when the entry is empty. */
  insertAt: number | undefined;
}

export interface FrontMatter {
  entries: FrontMatterEntry[];
  /** The first YAML error (its message ends with a full stop), where it is; the entries are then empty. */
  error: { message: string; start: number; end: number } | undefined;
}

const PLAIN_SAFE = /^[\p{L}\p{N}][\p{L}\p{N} ._/:@'-]*$/u;

/** Plain when YAML reads it back as the same text; quoted otherwise ("a: b", "#1"). */
const writeYamlText = (v: string) => (PLAIN_SAFE.test(v) && !/: | #|\s$/.test(v) ? v : JSON.stringify(v));

/** The value's text inside its quotes, and how to write a replacement there; no writer for block scalars. */
function yamlValue(scalar: Scalar, text: string, start: number, end: number): { start: number; end: number; write: FrontMatterEntry['write'] } {
  const quote = scalar.type === 'QUOTE_DOUBLE' ? '"' : scalar.type === 'QUOTE_SINGLE' ? "'" : undefined;
  if (quote && text[start] === quote && text[end - 1] === quote && end - start >= 2) {
    const write = quote === '"' ? (v: string) => JSON.stringify(v).slice(1, -1) : (v: string) => v.replace(/'/g, "''");
    return { start: start + 1, end: end - 1, write };
  }
  if (scalar.type === 'PLAIN' || scalar.type === undefined) return { start, end, write: writeYamlText };
  return { start, end, write: undefined };
}

/** A YAML value as the schema sees it: text for a scalar, a list of texts, an object for a mapping. */
function yamlData(node: unknown): unknown {
  if (isScalar(node)) return String(node.value ?? '').trim();
  if (isSeq(node)) return node.items.map(yamlData);
  return {};
}

const NONE: FrontMatter = { entries: [], error: undefined };

export function readFrontMatter(doc: DocumentModel): FrontMatter {
  const { text } = doc;
  const fm = doc.frontmatter;
  if (!fm?.position) return NONE;
  const fmStart = fm.position.start.offset ?? 0;
  const fmEnd = fm.position.end.offset ?? fmStart;
  // The YAML starts on the line after the opening `---`.
  let base = text.indexOf('\n', fmStart) + 1;
  if (!text.startsWith(fm.value, base)) base = text.indexOf(fm.value, fmStart);
  if (base < 0) return NONE;

  const yaml = parseDocument(fm.value, { prettyErrors: false });
  const error = yaml.errors[0];
  if (error) {
    const [from, to] = error.pos;
    const start = base + Math.min(from, fm.value.length);
    // The parser points at one character: show the whole token there ("severity" of a duplicate key).
    const token = /^[^\s:,\[\]{}]*/.exec(fm.value.slice(from))?.[0].length ?? 0;
    const message = error.message.replace(/\s+/g, ' ').trim().replace(/[^.!?]$/, '$&.');
    const end = base + Math.min(Math.max(to, from + token), fm.value.length);
    return { entries: [], error: { message, start, end: Math.max(start, end) } };
  }

  const entries: FrontMatterEntry[] = [];
  if (!isMap(yaml.contents)) return NONE;
  for (const pair of yaml.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const keyStart = base + pair.key.range[0];
    const keyEnd = base + pair.key.range[1];
    const node = pair.value;
    if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) {
      const at = node?.range ? base + node.range[0] : keyEnd + 1;
      entries.push({ key, keyStart, keyEnd, value: undefined, start: keyStart, end: keyEnd, empty: true, write: (v) => v, insertAt: Math.min(at, fmEnd) });
      continue;
    }
    if (!node.range) continue;
    let start = base + node.range[0];
    let end = base + node.range[1];
    let value: unknown;
    let write: FrontMatterEntry['write'];
    if (isScalar(node)) {
      // Numbers and booleans are checked as written ("45", not 45).
      value = typeof node.value === 'string' ? node.value.trim() : text.slice(start, end);
      ({ start, end, write } = yamlValue(node, text, start, end));
    } else {
      // An alias holds its anchor's value. A list or mapping where one value belongs, or an alias,
      // is replaced by the value written as text.
      value = yamlData(isAlias(node) ? node.resolve(yaml) : node);
      write = writeYamlText;
    }
    entries.push({ key, keyStart, keyEnd, value, start, end, empty: false, write, insertAt: undefined });
  }
  return { entries, error: undefined };
}
