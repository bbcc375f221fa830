// Delta debugging of a failing text: drop chunks of lines, then of characters, while the same
// failure (property and kind) still happens. What fast-check's shrinking leaves (a whole document
// with a few mutations) becomes a few lines that can go into a regression test.
import { literalInput, type Input } from './generators';
import { Violation, type CheckOptions, type Property } from './properties';

function reduce(pieces: string[], stillFails: (text: string) => boolean, deadline: number): string[] {
  let chunk = Math.max(1, Math.floor(pieces.length / 2));
  while (pieces.length > 0 && Date.now() < deadline) {
    let reduced = false;
    for (let i = 0; i < pieces.length && Date.now() < deadline; ) {
      const candidate = [...pieces.slice(0, i), ...pieces.slice(i + chunk)];
      if (stillFails(candidate.join(''))) {
        pieces = candidate;
        reduced = true;
      } else {
        i += chunk;
      }
    }
    if (!reduced) {
      if (chunk === 1) break;
      chunk = Math.max(1, Math.floor(chunk / 2));
    }
  }
  return pieces;
}

const lines = (text: string) => text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
// Code points, so a surrogate pair is kept or dropped whole.
const chars = (text: string) => Array.from(text);

/** The smallest text (within timeMs) that still fails with the same property and kind. */
export function minimizeText(text: string, stillFails: (text: string) => boolean, timeMs: number): string {
  const deadline = Date.now() + timeMs;
  let current = text;
  for (const split of [lines, chars, lines, chars]) {
    current = reduce(split(current), stillFails, deadline).join('');
    if (Date.now() >= deadline) break;
  }
  return current;
}

/** Minimises input.text for one failure (the team template stays as it is). */
export function minimizeFailure(property: Property, violation: Violation, input: Input, timeMs: number, options: CheckOptions = {}): Input {
  const stillFails = (text: string) => {
    try {
      property.check(literalInput(text, input.templateText, 'minimised'), options);
      return false;
    } catch (error) {
      return error instanceof Violation && error.property === violation.property && error.kind === violation.kind;
    }
  };
  const text = minimizeText(input.text, stillFails, timeMs);
  return { ...literalInput(text, input.templateText, 'minimised'), templateName: input.templateName };
}
