// Small text helpers shared by the layers above: one definition each.

/** A cell's or an event's text cut to fit a message: at most 40 characters, "…" marking the cut. */
export function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `text` matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
