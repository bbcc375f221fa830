// Is this Markdown a post-mortem? Decided from the text alone, without a full parse, so adapters can
// ask on every keystroke: the first H1 starts with "Post-Mortem" / "Postmortem", or the YAML front
// matter says so (`type: postmortem`, `kind: post-mortem`, `tags: [postmortem]`, ...).

const POSTMORTEM_WORD = /^post[- ]?mortem\b/i;
const FRONTMATTER_KEYS = /^(?:type|kind|category|layout|template|doctype|document_type)\s*:\s*["']?(post[- ]?mortem)s?["']?\s*$/im;
const FRONTMATTER_TAGS = /^(?:tags|categories)\s*:[^\n]*\bpost[- ]?mortems?\b/im;
const FRONTMATTER_TAG_ITEM = /^\s*-\s*["']?post[- ]?mortems?["']?\s*$/im;

export function isPostmortem(text: string): boolean {
  const body = skipBom(text);
  const frontmatter = readFrontmatter(body);
  if (frontmatter !== undefined && frontmatterSaysPostmortem(frontmatter.yaml)) return true;
  const title = firstH1(body, frontmatter?.end ?? 0);
  return title !== undefined && POSTMORTEM_WORD.test(title);
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

/** Text of the first level-1 heading (ATX "# X" or setext "X\n==="), skipping fenced code. */
function firstH1(text: string, from: number): string | undefined {
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
    const atx = /^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) return (atx[1] ?? '').trim();
    if (previous !== undefined && previous.trim() !== '' && /^ {0,3}=+[ \t]*$/.test(line)) return previous.trim();
    previous = line;
  }
  return undefined;
}
