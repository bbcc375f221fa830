// What every command is given (its output streams and the folder it runs in) and what it returns.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder that relative paths and globs start from, and that output paths are relative to. */
  cwd: string;
  /** Standard input's bytes, for the path `-` (absent: standard input cannot be read). */
  readStdin?(): Uint8Array;
  /** Colours in human-readable output (a terminal, FORCE_COLOR / NO_COLOR). */
  color?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE = 2;
