/**
 * URLs that come from store data (tracking links, product images, any link) are only used as a
 * link or an image source when they are plain web addresses: `javascript:`, `data:` and the like
 * would run or embed whatever the store (or anyone who can write to it) put there.
 */
const WEB_SCHEMES = new Set(['https:', 'http:']);

/** The URL, normalised, when its scheme is https: or http:; null for anything else. */
export function webUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return null;
  }
  return WEB_SCHEMES.has(parsed.protocol) ? parsed.href : null;
}
