import type { ComponentChildren } from 'preact';

/** Stand-ins for `$1`, `$2` (private-use characters, never in a catalog or a name). */
const FIRST = '\uE001';
const SECOND = '\uE002';
/** Substitutions for `i18n.t` that `fill` then replaces with elements. */
export const ONE_PART: [string] = [FIRST];
export const TWO_PARTS: [string, string] = [FIRST, SECOND];

/**
 * A translated sentence with elements in it (a <strong> name, a <code> address): the catalog keeps
 * the whole sentence, so each language orders its words; call `i18n.t(key, ONE_PART)`, then fill.
 */
export function fill(text: string, parts: ComponentChildren[]): ComponentChildren[] {
  return text.split(/([\uE001\uE002])/).map((piece) => {
    if (piece === FIRST) return parts[0];
    if (piece === SECOND) return parts[1];
    return piece;
  });
}
