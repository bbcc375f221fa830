// A new post-mortem from a template: the answers to the "New Post-Mortem" prompts filled in, the
// rest left as the template writes it (plain text) or as tab stops (snippet), and a file name.
// Works on the template's source with exact offsets, so a team's own template scaffolds the same way.
import { detectEol } from '../markdown/positions';
import { renderSnippet, renderText, type SnippetFill } from '../markdown/snippetSyntax';
import type { TemplateModel } from '../template/model';
import { templateSlots } from '../template/slots';

export interface ScaffoldAnswers {
  title: string;
  severity?: string;
  /** YYYY-MM-DD */
  date?: string;
  incidentId?: string;
}

/**
 * The template with the answers filled in, as a VS Code snippet string: every remaining placeholder
 * becomes a tab stop (`${n:[Name]}`, numbered in document order), a Summary choice list becomes
 * `${n|SEV1,SEV2,SEV3,SEV4|}` unless answered, and `$`, `}` and `\` are escaped.
 * Checklist hints are not tab stops (see template/slots.ts).
 */
export function scaffoldSnippet(template: TemplateModel, answers: ScaffoldAnswers, options: ScaffoldSnippetOptions = {}): string {
  const { slots } = templateSlots(template);
  // A plain tab stop whose default is the choice list itself: Tab still visits it, and leaving it keeps
  // text the placeholder rule reports, where a snippet choice would silently keep its first value.
  const kept = options.undecidedChoices === 'text' ? slots.map((s) => (s.choices ? { start: s.start, end: s.end } : s)) : slots;
  return renderSnippet(template.source, 0, template.source.length, kept, answerFills(template, answers));
}

export interface ScaffoldSnippetOptions {
  /**
   * An unanswered choice list: 'choice' (default) a snippet choice (`${n|SEV1,SEV2|}`, which inserts
   * SEV1); 'text' a tab stop holding the choice list as written ("Decide later" in New Post-Mortem).
   */
  undecidedChoices?: 'choice' | 'text';
}

/** The same document as plain text: answers filled, other placeholders and choice lists left as written. */
export function scaffoldText(template: TemplateModel, answers: ScaffoldAnswers): string {
  return renderText(template.source, 0, template.source.length, answerFills(template, answers));
}

/**
 * Where each answer goes:
 * - title: replaces the H1's first placeholder ("Post-Mortem: [Incident Title]"); an H1 without a
 *   placeholder gets ": <title>" appended; a template without an H1 gets "# <title>" on top.
 * - severity, date, incidentId: the Summary fields named so (`Severity`, `Date`, `Incident ID`): the
 *   first placeholder of the value, or the whole value (a choice list or a literal).
 * - status: not asked. A new document is a draft, and the template's first Status choice is where
 *   its workflow starts ("Draft"), so a choice-list Status is set to it. That also makes the
 *   Draft strictness (placeholders as information, not errors) apply from the first keystroke.
 * Blank answers are not answers: their placeholder stays. Answers are one line (whitespace collapsed),
 * with brackets escaped: a title such as "[WIP] DB outage" is the author's text, not a placeholder.
 */
function answerFills(template: TemplateModel, answers: ScaffoldAnswers): SnippetFill[] {
  const source = template.source;
  const layout = templateSlots(template);
  const fills: SnippetFill[] = [];

  const title = asMarkdown(answers.title);
  if (title) {
    const h1 = layout.title;
    if (h1?.placeholder) fills.push({ ...h1.placeholder, text: title });
    else if (h1?.textEnd !== undefined) fills.push({ start: h1.textEnd, end: h1.textEnd, text: `: ${title}` });
    else if (h1) fills.push({ start: h1.start, end: h1.end, text: `# ${title}` });
    else {
      // On top of the body: after the front matter's closing line, if there is front matter.
      const eol = detectEol(source);
      let at = layout.bodyStart;
      const lineBreak = at > 0 ? /^\r?\n/.exec(source.slice(at, at + 2)) : null;
      if (lineBreak) at += lineBreak[0].length;
      const before = at > 0 && !lineBreak ? eol : '';
      fills.push({ start: at, end: at, text: `${before}# ${title}${eol}${eol}` });
    }
  }

  // Only a choice-list Status is defaulted: a template that writes "Status: [status]" keeps its placeholder.
  const statusField = layout.fields.find((f) => f.name === 'status');
  const statusChoices = statusField && layout.slots.find((s) => s.choices && s.start === statusField.valueStart)?.choices;
  const status = statusChoices?.[0];
  const byField: [string, string | undefined][] = [
    ['severity', answers.severity],
    ['date', answers.date],
    ['incidentId', answers.incidentId],
    ['status', status],
  ];
  for (const [name, answer] of byField) {
    const value = asMarkdown(answer);
    const field = layout.fields.find((f) => f.name === name);
    if (!value || !field) continue;
    const placeholder = layout.slots.find((s) => !s.choices && s.start >= field.valueStart && s.end <= field.valueEnd);
    if (placeholder) fills.push({ start: placeholder.start, end: placeholder.end, text: value });
    else if (field.valueStart < field.valueEnd) fills.push({ start: field.valueStart, end: field.valueEnd, text: value });
    // An empty value: write right after the label, so a trailing hard break stays a hard break.
    else fills.push({ start: field.labelEnd, end: field.labelEnd, text: ` ${value}` });
  }
  return fills;
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function asMarkdown(answer: string | undefined): string {
  return oneLine(answer).replace(/[\[\]]/g, '\\$&');
}

/** Longest slug slugify returns: file names stay readable and well under file-system limits. */
export const MAX_SLUG_LENGTH = 60;
/** Longest file name fileNameFor returns, in UTF-8 bytes (file systems allow 255; room is left for "-2" suffixes). */
export const MAX_FILE_NAME_BYTES = 200;

// Letters that Unicode decomposition does not reduce to ASCII but readers expect spelled out.
const SPELLED: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h' };

/**
 * "Zoë's DB outage" -> "zoes-db-outage": lower case, accents dropped, apostrophes removed, every other
 * run of non-letters a hyphen. Letters with no ASCII form (数据库) are kept. At most MAX_SLUG_LENGTH
 * characters, cut at a hyphen when one is near. Empty when the title has no letters or digits.
 */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæøœđðłþıħ]/g, (c) => SPELLED[c] ?? c)
    .replace(/['\u2018\u2019\u02bc`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const chars = Array.from(slug);
  if (chars.length <= MAX_SLUG_LENGTH) return slug;
  const cut = chars.slice(0, MAX_SLUG_LENGTH).join('');
  const hyphen = cut.lastIndexOf('-');
  return (hyphen >= MAX_SLUG_LENGTH / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

const TOKEN = /\{(date|slug|id|title)\}/g;
const SEPARATOR = /[-_. ]/;
// Characters no file system (or no shell user) wants in a name; control characters too.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const UNSAFE = /[\/\\:*?"<>|\u0000-\u001f\u007f]+/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name from a pattern such as "{date}-{slug}.md": {date} the date answer, {slug} slugify(title),
 * {id} the incident id, {title} the title as written (unsafe characters replaced). The result is one
 * safe name: no path separators or reserved characters, no leading dot, hyphen or space, no trailing
 * dot or space, not a Windows device name, at most MAX_FILE_NAME_BYTES. A token with no value takes
 * one neighbouring separator with it ("{date}-{slug}.md" without a date: "zoes-db-outage.md"). The
 * pattern's extension is kept (".md" when it has none); an empty name becomes "postmortem".
 */
export function fileNameFor(pattern: string, answers: ScaffoldAnswers): string {
  const extMatch = /\.[A-Za-z0-9]{1,10}$/.exec(pattern.replace(TOKEN, '\u0000'));
  const ext = extMatch ? extMatch[0] : '.md';
  const stemPattern = extMatch ? pattern.slice(0, pattern.length - ext.length) : pattern;
  const values: Record<string, string> = {
    date: safe(oneLine(answers.date)),
    slug: slugify(answers.title),
    id: safe(oneLine(answers.incidentId)),
    title: safe(oneLine(answers.title)),
  };

  // Split into literals and tokens, so an empty token can drop a separator next to it.
  const parts: { literal: string; token?: string }[] = [];
  let cursor = 0;
  for (const m of stemPattern.matchAll(TOKEN)) {
    parts.push({ literal: stemPattern.slice(cursor, m.index) });
    parts.push({ literal: '', token: m[1] as string });
    cursor = m.index + m[0].length;
  }
  parts.push({ literal: stemPattern.slice(cursor) });
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as { literal: string; token?: string };
    if (part.token === undefined) continue;
    part.literal = values[part.token] ?? '';
    if (part.literal) continue;
    const next = parts[i + 1];
    const prev = parts[i - 1];
    if (next && SEPARATOR.test(next.literal.charAt(0))) next.literal = next.literal.slice(1);
    else if (prev && SEPARATOR.test(prev.literal.charAt(prev.literal.length - 1))) prev.literal = prev.literal.slice(0, -1);
  }

  let stem = safe(parts.map((p) => p.literal).join('')).replace(/^[.\s-]+/, '');
  stem = truncateUtf8(stem, MAX_FILE_NAME_BYTES - utf8Length(ext)).replace(/[-_.\s]+$/, '');
  if (!stem) stem = 'postmortem';
  if (RESERVED.test(stem.split('.')[0] as string)) stem += '-postmortem';
  return stem + ext;
}

function safe(text: string): string {
  return text.replace(UNSAFE, '-').replace(/\s+/g, ' ');
}

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The longest prefix of whole characters that fits in `max` UTF-8 bytes. */
function truncateUtf8(text: string, max: number): string {
  if (utf8Length(text) <= max) return text;
  let out = '';
  let n = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (n + size > max) break;
    out += ch;
    n += size;
  }
  return out;
}

/** How many numbered names are tried before giving up (name.md, name-2.md, ... name-1000.md). */
export const MAX_NUMBERED_NAMES = 1000;

/** name, then name-2, name-3, ...: the names to try so that an existing file is never overwritten. */
export function* numberedNames(name: string): Generator<string> {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; n <= MAX_NUMBERED_NAMES; n++) yield n === 1 ? name : `${stem}-${n}${ext}`;
}
