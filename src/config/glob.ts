// Glob patterns of `overrides` -> matchers of '/'-separated relative paths: `**` any number of folders,
// `*` and `?` within a name, `{a,b}` alternatives, `[...]` classes. A pattern without a '/' matches the
// file name at any depth (as ESLint's overrides do): "*.md" is every Markdown file below the config.
const cache = new Map<string, (path: string) => boolean>();

function toRegExpSource(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        i++;
        if (atStart && atEnd) {
          // "**/" matches no folder or any number of them; a trailing "**" anything below.
          if (glob[i + 1] === '/') {
            out += '(?:[^/]*(?:/|$))*';
            i++;
          } else out += '.*';
          continue;
        }
      }
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return out;
}

export function globMatcher(glob: string): (path: string) => boolean {
  let matcher = cache.get(glob);
  if (!matcher) {
    const pattern = glob.replace(/^\.\//, '');
    const source = toRegExpSource(pattern);
    const regExp = new RegExp(pattern.includes('/') ? `^${source}$` : `(?:^|/)${source}$`);
    matcher = (path) => regExp.test(path);
    cache.set(glob, matcher);
  }
  return matcher;
}
