// The documents the property tests mutate: the built-in template, the rule fixtures
// (test/fixtures/<rule>/*.md) and, when present, the corpus of real post-mortems (../shared/corpus,
// read-only; absent on some machines, so everything here works without it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplateText } from '../../src/core/index';
import { fixtureCases, fixtureFolders, fixtureRoot } from '../fixtureFiles';

export interface SourceDocument {
  /** Where it comes from: "template", "fixture:timeline/crlf.md", "corpus:geth-....md". */
  name: string;
  text: string;
}

/** Bases larger than this are left out (the unit suite never lints megabyte inputs). */
export const MAX_BASE_SIZE = 30 * 1024;

export const fixturesDir = fixtureRoot;
export const corpusDir = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function readMarkdown(dir: string, prefix: string, recurse: boolean): SourceDocument[] {
  if (!existsSync(dir)) return [];
  // The fixtures: each rule folder's own documents (a reference to a document kept elsewhere is that document, read once).
  if (dir === fixturesDir) {
    return fixtureFolders().flatMap((rule) =>
      fixtureCases(rule)
        .filter((c) => !c.shared && c.text.length <= MAX_BASE_SIZE)
        .map((c) => ({ name: `${prefix}${rule}/${c.file}`, text: c.text })),
    );
  }
  const out: SourceDocument[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && recurse) {
      for (const d of readMarkdown(path, `${prefix}${entry.name}/`, true)) out.push(d);
    } else if (entry.isFile() && entry.name.endsWith('.md')) {
      const text = readFileSync(path, 'utf8');
      if (text.length <= MAX_BASE_SIZE) out.push({ name: `${prefix}${entry.name}`, text });
    }
  }
  return out;
}

export const templateDocument: SourceDocument = { name: 'template', text: builtinTemplateText };

/** Rule fixtures, sorted by path (a stable order keeps fixed seeds reproducible). */
export const fixtureDocuments: SourceDocument[] = readMarkdown(fixturesDir, 'fixture:', true);

/** Why the corpus cannot be used, or undefined when it can. */
export const corpusMissing: string | undefined = existsSync(corpusDir) ? undefined : `no corpus at ${corpusDir}`;

/** Real post-mortems and other teams' templates (empty without the corpus). */
export const corpusDocuments: SourceDocument[] = readMarkdown(corpusDir, 'corpus:', false);

/** Other teams' templates from the corpus, used as the team template (LintOptions.templateText) of some inputs. */
export const teamTemplates: SourceDocument[] = corpusDocuments.filter((d) => /template/i.test(d.name));
