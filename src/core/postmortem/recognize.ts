// Is this Markdown a post-mortem? Decided from the text alone, without a full parse, so adapters can
// ask on every keystroke: the first H1 starts with the template's title prefix (built-in:
// "Post-Mortem", also written "Postmortem" or "Post Mortem"), or the YAML front matter says so
// (`type: postmortem`, `kind: post-mortem`, `tags: [postmortem]`, ...).
import { escapeRegExp } from '../markdown/text';
import builtinTemplateText from '../template/builtin';
import type { TemplateModel } from '../template/model';
import { scanBracketPlaceholders } from '../template/placeholders';
import { aliasKeys, titleMatchTier } from '../template/sectionTitles';

const FRONTMATTER_KEYS = /^(?:type|kind|category|layout|template|doctype|document_type)\s*:\s*["']?(post[- ]?mortem)s?["']?\s*$/im;
const FRONTMATTER_TAGS = /^(?:tags|categories)\s*:[^\n]*\bpost[- ]?mortems?\b/im;
const FRONTMATTER_TAG_ITEM = /^\s*-\s*["']?post[- ]?mortems?["']?\s*$/im;

/** How a document is known to be a post-mortem. */
export type Recognition = 'front-matter' | 'title' | 'sections';

/**
 * Whether a Markdown document is a post-mortem, the one definition the editor and the CLI use (besides
 * the `files` globs of the settings, and files named on the command line, which always are): its front
 * matter says so, its H1 starts with the template's title prefix ("Post-Mortem:", a team's "Incident
 * Report:"), or, given the whole template model, it has at least half of the template's top-level
 * sections (read from its heading lines, without parsing the document).
 */
export function recognizePostmortem(text: string, template?: Pick<TemplateModel, 'titlePrefix'> & Partial<Pick<TemplateModel, 'sections'>>): Recognition | undefined {
  const body = skipBom(text);
  const frontmatter = readFrontmatter(body);
  if (frontmatter !== undefined && frontmatterSaysPostmortem(frontmatter.yaml)) return 'front-matter';
  const headings = headingLines(body, frontmatter?.end ?? 0);
  const title = headings.find((h) => h.depth === 1)?.text;
  // A template whose title starts with a placeholder gives no words to recognise: the built-in's stand in.
  const pattern = (template && titlePattern(template.titlePrefix)) ?? titlePattern(builtinTitlePrefix());
  if (title !== undefined && pattern !== undefined && pattern.test(title)) return 'title';
  if (template?.sections && hasMostSections(headings, template as Pick<TemplateModel, 'sections'> & TemplateModel)) return 'sections';
  return undefined;
}

/** `template`: whose title prefix the H1 must start with (default: the built-in template's), and whose sections count. */
export function isPostmortem(text: string, template?: Pick<TemplateModel, 'titlePrefix'> & Partial<Pick<TemplateModel, 'sections'>>): boolean {
  return recognizePostmortem(text, template) !== undefined;
}

/** At least half of the template's top-level sections among the headings (as section matching compares titles). */
function hasMostSections(headings: readonly Heading[], template: TemplateModel): boolean {
  const top = template.sections.filter((t) => t.parentKey === undefined);
  if (top.length === 0) return false;
  const titles = headings.filter((h, i) => h.depth > 1 || i > 0).map((h) => h.text);
  let found = 0;
  for (const t of top) {
    const aliases = aliasKeys(template, t.title);
    if (titles.some((title) => titleMatchTier(title, t.title, aliases) !== undefined)) found++;
  }
  return found * 2 >= top.length;
}

let builtinPrefix: string | undefined;

/** The built-in template's title prefix, read from its H1 as a document's is (building the template model would parse it). */
export function builtinTitlePrefix(): string {
  if (builtinPrefix === undefined) {
    const title = firstH1(builtinTemplateText, 0) ?? '';
    const placeholder = scanBracketPlaceholders(title)[0];
    builtinPrefix = (placeholder ? title.slice(0, placeholder.start) : title).trim();
  }
  return builtinPrefix;
}

const patterns = new Map<string, RegExp | undefined>();

/**
 * A title starting with the prefix's words as a whole word, in any case, each pair written with the
 * template's separator, a hyphen, a space or nothing: "Post-Mortem:" matches "Postmortem" and "post mortem".
 */
function titlePattern(prefix: string): RegExp | undefined {
  if (patterns.has(prefix)) return patterns.get(prefix);
  // [lead, word, separator, word, ..., trail]
  const parts = prefix.split(/([\p{L}\p{N}]+)/u);
  let pattern: RegExp | undefined;
  if (parts.length >= 3) {
    const lead = (parts[0] as string).trim();
    let source = lead ? `^(?:${escapeRegExp(lead)}\\s*)?` : '^';
    for (let i = 1; i < parts.length; i += 2) {
      if (i > 1) source += `(?:${escapeRegExp(parts[i - 1] as string)}|[- ])?`;
      source += escapeRegExp(parts[i] as string);
    }
    pattern = new RegExp(`${source}(?![\\p{L}\\p{N}_])`, 'iu');
  }
  if (patterns.size > 16) patterns.clear();
  patterns.set(prefix, pattern);
  return pattern;
}

function skipBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function frontmatterSaysPostmortem(yaml: string): boolean {
  if (FRONTMATTER_KEYS.test(yaml) || FRONTMATTER_TAGS.test(yaml)) return true;
  // A block list under tags: / categories: ("tags:\n  - postmortem").
  const list = /^(?:tags|categories)\s*:\s*\r?\n((?:[ \t]*-[^\n]*\r?\n?)+)/im.exec(yaml);
  return list !== null && FRONTMATTER_TAG_ITEM.test(list[1] as string);
}

/** YAML front matter: "---" on the first line up to the next "---" (or "..."). */
function readFrontmatter(text: string): { yaml: string; end: number } | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return undefined;
  return { yaml: rest.slice(0, m.index), end: open[0].length + m.index + m[0].length };
}

interface Heading {
  depth: number;
  text: string;
}

/** Text of the first level-1 heading (ATX "# X" or setext "X\n==="), skipping fenced code. */
function firstH1(text: string, from: number): string | undefined {
  return headingLines(text, from, true).find((h) => h.depth === 1)?.text;
}

/** The ATX and setext headings of the text from `from`, outside fenced code (`firstOnly`: stop at the first H1). */
function headingLines(text: string, from: number, firstOnly = false): Heading[] {
  const out: Heading[] = [];
  let fence: string | undefined;
  let previous: string | undefined;
  let pos = from;
  while (pos < text.length) {
    let next = text.indexOf('\n', pos);
    if (next < 0) next = text.length;
    const line = text.slice(pos, next).replace(/\r$/, '');
    pos = next + 1;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (fenceMark && (fenceMark[1] as string)[0] === fence[0] && (fenceMark[1] as string).length >= fence.length) fence = undefined;
      previous = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark[1] as string;
      previous = undefined;
      continue;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    const setext = previous !== undefined && previous.trim() !== '' ? /^ {0,3}(=+|-+)[ \t]*$/.exec(line) : null;
    if (atx) out.push({ depth: (atx[1] as string).length, text: (atx[2] ?? '').trim() });
    else if (setext) out.push({ depth: (setext[1] as string)[0] === '=' ? 1 : 2, text: (previous as string).trim() });
    if (firstOnly && out.some((h) => h.depth === 1)) return out;
    previous = atx || setext ? undefined : line;
  }
  return out;
}
