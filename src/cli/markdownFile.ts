// Reading a post-mortem from disk (BOM, invalid UTF-8, binary files) and writing a fixed one back safely.
import { closeSync, fchmodSync, fchownSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type MarkdownFile =
  | { kind: 'binary' }
  | {
      kind: 'text';
      /** The text without its byte-order mark. */
      text: string;
      bom: boolean;
      /** False when the bytes were not valid UTF-8: writing the decoded text back would alter them. */
      lossless: boolean;
    };

/** Git's heuristic: a NUL byte early in the file means it is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

/** Throws the file system's error when the file cannot be read. */
export function readMarkdownFile(path: string): MarkdownFile {
  return decodeMarkdown(readFileSync(path));
}

/** A file's bytes (or standard input's) as text: binary, BOM, valid UTF-8 or not. */
export function decodeMarkdown(bytes: Uint8Array): MarkdownFile {
  if (looksBinary(bytes)) return { kind: 'binary' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bom, lossless: true };
  } catch {
    return { kind: 'text', text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), bom, lossless: false };
  }
}

let tempCounter = 0;

/**
 * Replaces the file's content through a temporary file in the same folder and a rename, so a crash
 * never leaves a half-written post-mortem. Keeps the file mode (and owner, when allowed); writes through
 * symlinks to their target.
 */
export function writeMarkdownFile(path: string, text: string, bom: boolean): void {
  const target = realpathSync(path);
  const stat = statSync(target);
  const mode = stat.mode & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${++tempCounter}.postmortem-tmp`);
  let created = false;
  try {
    // wx: never write through a file (or a planted symlink) that already has the temp name.
    const fd = openSync(temp, 'wx', mode);
    created = true;
    try {
      writeFileSync(fd, (bom ? '\uFEFF' : '') + text, 'utf8');
      fchmodSync(fd, mode); // the umask may have narrowed the mode given to openSync
      try {
        fchownSync(fd, stat.uid, stat.gid);
      } catch {
        // Only root may give a file away; anyone else keeps their own ownership, as any editor would.
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    if (created) unlinkSync(temp);
    throw error;
  }
}
