// An incremental linter (issue 13): one per open document. It keeps each piece's parse (a section,
// or a chunk of a big table's rows) keyed by the text it was parsed from and the definitions parsed
// with it, so a lint after a small edit parses only the piece(s) the edit touched. The findings are
// those of lintDocument(text, options) on the same text, always (test/unit/incremental.test.ts).
import { lintDocumentReusing, type LintResult, type LintRunOptions } from './lint';
import { createPieceCache } from '../markdown/splitParse';

export interface IncrementalLinter {
  /** The lint of `text`, as lintDocument(text, options) gives it. */
  lint(text: string): LintResult;
}

export function createLinter(options: LintRunOptions = {}): IncrementalLinter {
  const pieces = createPieceCache();
  return { lint: (text) => lintDocumentReusing(text, options, pieces) };
}
