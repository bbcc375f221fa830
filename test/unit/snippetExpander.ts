// A strict expander of VS Code snippet syntax for the tests: resolves $n, ${n}, ${n:default}
// (nested), ${n|a,b|} (to the first choice), $VAR, ${VAR}, ${VAR:default} and escapes. Stricter than
// VS Code on purpose: where VS Code would quietly keep a stray `$`, `}` or `\` as text, this throws,
// because in generated snippets every literal one must be escaped.

export interface ExpandedTabStop {
  index: number;
  /** Offsets of the inserted default in the expanded text. */
  start: number;
  end: number;
  choices?: string[];
}

export interface Expansion {
  text: string;
  /** In the order they appear in the body. */
  tabStops: ExpandedTabStop[];
}

export const TEST_VARIABLES: Readonly<Record<string, string>> = {
  CURRENT_YEAR: '2024',
  CURRENT_MONTH: '05',
  CURRENT_DATE: '01',
  CURRENT_HOUR: '09',
  CURRENT_MINUTE: '05',
  CURRENT_SECOND: '30',
};

export function expandSnippet(body: string, variables: Readonly<Record<string, string>> = TEST_VARIABLES): Expansion {
  let i = 0;
  let text = '';
  const tabStops: ExpandedTabStop[] = [];
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`);
  };

  const readInt = (): number => {
    const m = /^\d+/.exec(body.slice(i));
    if (!m) return fail('expected a number');
    i += m[0].length;
    return Number(m[0]);
  };
  const readName = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(i));
    if (!m) return fail('expected a variable name');
    i += m[0].length;
    return m[0];
  };
  const variable = (name: string): string => {
    const value = variables[name];
    if (value === undefined) fail(`unknown variable ${name}`);
    return value as string;
  };

  // Text up to the `}` closing a placeholder (inside) or the end of the body (top level).
  const sequence = (inside: boolean): void => {
    while (i < body.length) {
      const c = body[i] as string;
      if (c === '\\') {
        const next = body[i + 1];
        if (next !== '$' && next !== '}' && next !== '\\') fail('backslash that escapes nothing');
        text += next;
        i += 2;
      } else if (c === '$') {
        dollar();
      } else if (c === '}') {
        if (inside) return;
        fail('unescaped }');
      } else {
        text += c;
        i++;
      }
    }
    if (inside) fail('unclosed ${');
  };

  const dollar = (): void => {
    i++;
    const c = body[i] ?? '';
    if (/\d/.test(c)) {
      const index = readInt();
      tabStops.push({ index, start: text.length, end: text.length });
      return;
    }
    if (/[A-Za-z_]/.test(c)) {
      text += variable(readName());
      return;
    }
    if (c !== '{') fail('unescaped $');
    i++;
    if (/\d/.test(body[i] ?? '')) {
      const index = readInt();
      const start = text.length;
      const stop: ExpandedTabStop = { index, start, end: start };
      tabStops.push(stop);
      const after = body[i];
      if (after === '}') {
        i++;
      } else if (after === ':') {
        i++;
        sequence(true);
        i++;
        stop.end = text.length;
      } else if (after === '|') {
        i++;
        stop.choices = choices();
        text += stop.choices[0];
        stop.end = text.length;
      } else {
        fail('unsupported tab stop form');
      }
      return;
    }
    const name = readName();
    if (body[i] === '}') {
      i++;
      text += variable(name);
    } else if (body[i] === ':') {
      i++;
      const start = text.length;
      sequence(true);
      i++;
      if (variables[name] !== undefined) text = text.slice(0, start) + variables[name];
    } else {
      fail('unsupported variable form');
    }
  };

  // `a,b|}` after `${n|`: `\` escapes `,`, `|` and `\` only.
  const choices = (): string[] => {
    const found: string[] = [];
    let current = '';
    while (i < body.length) {
      const c = body[i] as string;
      if (c === '\\') {
        const next = body[i + 1];
        if (next !== ',' && next !== '|' && next !== '\\') fail('backslash in a choice that escapes nothing');
        current += next;
        i += 2;
      } else if (c === ',') {
        found.push(current);
        current = '';
        i++;
      } else if (c === '|') {
        if (body[i + 1] !== '}') fail('| inside a choice');
        found.push(current);
        i += 2;
        return found;
      } else {
        current += c;
        i++;
      }
    }
    return fail('unclosed choice');
  };

  sequence(false);
  return { text, tabStops };
}

/** The rules that judge a document's structure against the template. */
export const STRUCTURAL_RULES = new Set(['missing-section', 'section-order', 'duplicate-section', 'empty-section']);
