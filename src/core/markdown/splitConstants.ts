// Sizes of a section-split parse, shared by the plan (splitPlan.ts) and the parse (splitParse.ts).

/** Rows of a table parsed together; a table of at least two chunks is split. */
export const TABLE_CHUNK_ROWS = 64;

/** Sections are parsed together (about four a piece) up to this length (SplitOptions.joinUpTo). */
export const MAX_JOINED_PIECE = 8 * 1024;
