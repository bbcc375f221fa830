// The one cache of the core (as markdownlint's cache.mjs): what several rules read from a document
// (its Summary, its timeline, its section matches, its action tables...) or from a template (its
// slots, its checklists...) is computed once per owner and kept with it, so it lives exactly as long
// as the document or template it was read from. A lint builds a new document model, so every reading
// here is "once per lint"; templates are shared across lints and keep theirs.

/** Readings kept per owner (a document model, a template model, a timeline entry...). */
const stores = new WeakMap<object, Map<string, Branch>>();

/** One level of `parts`: a value per part, then the next level. */
interface Branch {
  value?: { v: unknown };
  next?: Map<unknown, Branch>;
}

/**
 * `compute()`, once per `owner`, reading `name` and `parts`: the template, an options key or anything
 * else the reading depends on besides the owner (compared by identity; pass strings for option values).
 * `name` must say what is read ("timeline", "summary"): two readers never share a name.
 */
export function memoize<T>(owner: object, name: string, parts: readonly unknown[], compute: () => T): T {
  let readings = stores.get(owner);
  if (!readings) stores.set(owner, (readings = new Map()));
  let branch = readings.get(name);
  if (!branch) readings.set(name, (branch = {}));
  for (const part of parts) {
    branch.next ??= new Map();
    let child = branch.next.get(part);
    if (!child) branch.next.set(part, (child = {}));
    branch = child;
  }
  if (branch.value) return branch.value.v as T;
  const v = compute();
  branch.value = { v };
  return v;
}
