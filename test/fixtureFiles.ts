// Reading the rule fixtures (test/fixtures/<rule-id>/<case>.md, see test/fixtures/README.md): one
// place that knows the layout, so every test that walks them sees the same documents.
// A <case>.md whose one line is "Same document as [...](path)." is the document at that path (the
// built-in template's source, another folder's fixture): kept once, read as that document.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PostmortemConfig } from '../src/core/types';

export const fixtureRoot = join(__dirname, 'fixtures');

/** "Same document as [timeline/complete.md](../timeline/complete.md)." : the path, relative to the fixture's folder. */
const REFERENCE = /^Same document as \[[^\]\n]+\]\(([^)\s]+\.md)\)\.\n?$/;

/** The path a fixture file refers to, when it is a reference. */
export function referenceOf(path: string): string | undefined {
  const reference = REFERENCE.exec(readFileSync(path, 'utf8'))?.[1];
  return reference === undefined ? undefined : join(dirname(path), reference);
}

/** The document a fixture file stands for: its text, or the text of the document it refers to. */
export function fixtureText(path: string): string {
  const target = referenceOf(path);
  if (target === undefined) return readFileSync(path, 'utf8');
  assert.ok(existsSync(target), `${relative(fixtureRoot, path)} refers to ${relative(fixtureRoot, target)}, which does not exist`);
  assert.ok(referenceOf(target) === undefined, `${relative(fixtureRoot, path)} refers to a reference: refer to the document`);
  return readFileSync(target, 'utf8');
}

export interface FixtureCase {
  /** The rule's id (the folder). */
  ruleId: string;
  /** "<case>.md" */
  file: string;
  /** The fixture's path without ".md". */
  base: string;
  text: string;
  config?: PostmortemConfig;
  /** Whether the file is a reference to a document kept elsewhere. */
  shared: boolean;
}

/** Folders of documents that other tests read, not rule fixtures: report/ holds the incident report's post-mortems. */
const NOT_RULE_FOLDERS = new Set(['report']);

/** The rule folders, sorted. */
export function fixtureFolders(): string[] {
  if (!existsSync(fixtureRoot)) return [];
  return readdirSync(fixtureRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_RULE_FOLDERS.has(d.name))
    .map((d) => d.name)
    .sort();
}

/** Every case of one rule folder, sorted by name. */
export function fixtureCases(ruleId: string): FixtureCase[] {
  const dir = join(fixtureRoot, ruleId);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const base = join(dir, file.slice(0, -3));
      const config = existsSync(`${base}.config.json`) ? (JSON.parse(readFileSync(`${base}.config.json`, 'utf8')) as PostmortemConfig) : undefined;
      return { ruleId, file, base, text: fixtureText(`${base}.md`), ...(config ? { config } : {}), shared: referenceOf(`${base}.md`) !== undefined };
    });
}
