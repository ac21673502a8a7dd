/**
 * Every `lookup/update` arrives from the worker as a fresh copy (the port clones it), so each one
 * handed every order row a new object and every memoised row (OrderRow) rendered again: a second
 * store's answer re-rendered the first store's rows, round 2's tracking re-rendered all ten. The
 * sidebar keeps what did not change as the very objects it already shows: the new value, with
 * each part that is deep-equal to the previous value's part replaced by that part.
 */

type Keyed = Record<string, unknown>;

const isRecord = (value: unknown): value is Keyed =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** How an element of a list is recognised across updates: its id (orders, line items, stores). */
function keyOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const key = value.id ?? value.connectionId;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

/** `next`, sharing every part deep-equal to `previous`'s (itself, when all of it is). */
export function shareUnchanged<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return previous as T;
  if (Array.isArray(previous) && Array.isArray(next)) return shareList(previous, next) as T;
  if (isRecord(previous) && isRecord(next)) return shareRecord(previous, next) as T;
  return next;
}

function shareList(previous: unknown[], next: unknown[]): unknown[] {
  // Elements are matched by id where they have one (an order added above shifts the others).
  const byKey = new Map<string, unknown>();
  for (const item of previous) {
    const key = keyOf(item);
    if (key !== undefined) byKey.set(key, item);
  }
  let same = previous.length === next.length;
  const shared = next.map((item, index) => {
    const key = keyOf(item);
    const before = key !== undefined ? byKey.get(key) : previous[index];
    const result = shareUnchanged(before, item);
    if (result !== previous[index]) same = false;
    return result;
  });
  return same ? previous : shared;
}

function shareRecord(previous: Keyed, next: Keyed): Keyed {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(previous).length;
  const shared: Keyed = {};
  for (const key of keys) {
    const result = shareUnchanged(previous[key], next[key]);
    if (!(key in previous) || result !== previous[key]) same = false;
    shared[key] = result;
  }
  return same ? previous : shared;
}
