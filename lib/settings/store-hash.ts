/**
 * Admins paste whatever they have at hand for "Store hash": the hash, the "store-abc123" form the
 * control panel shows, the API path from the credentials file, or the control-panel address.
 * All of them name one store; we keep only the bare hash ("abc123").
 */
export type StoreHashResult = { ok: true; hash: string; understoodAs: string } | { ok: false; message: string };

const HASH = /^[a-z0-9]{1,32}$/;
const CONTROL_PANEL_HOST = /^store-([a-z0-9]{1,32})\.mybigcommerce\.com$/;
const STORES_PATH = /\/stores\/([a-z0-9]{1,32})(?:\/|$)/;

const HELP = 'Paste the store hash (e.g. abc123), the API path or the control-panel address.';

export function parseStoreHash(input: string): StoreHashResult {
  const text = input.trim();
  if (text === '') return { ok: false, message: `The store hash is missing. ${HELP}` };
  if (text.includes('/') || text.includes('.')) return fromAddress(text);

  const lower = text.toLowerCase();
  const prefixed = /^store-(.+)$/.exec(lower);
  const hash = prefixed?.[1] ?? lower;
  if (!HASH.test(hash)) {
    return { ok: false, message: `“${text}” is not a store hash: it is letters and digits only. ${HELP}` };
  }
  if (prefixed) return { ok: true, hash, understoodAs: `Store hash ${hash} (from “${text}”)` };
  return { ok: true, hash, understoodAs: `Store hash ${hash}` };
}

function fromAddress(text: string): StoreHashResult {
  const address = /^\/?stores\//i.test(text) ? `https://api.bigcommerce.com/${text.replace(/^\//, '')}` : text;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `https://${address}`);
  } catch {
    return { ok: false, message: `That address could not be read. ${HELP}` };
  }
  const path = STORES_PATH.exec(url.pathname.toLowerCase());
  if (path?.[1]) return { ok: true, hash: path[1], understoodAs: `Store hash ${path[1]} (from the API path)` };
  const host = CONTROL_PANEL_HOST.exec(url.hostname.toLowerCase());
  if (host?.[1])
    return { ok: true, hash: host[1], understoodAs: `Store hash ${host[1]} (from the control-panel address)` };
  return { ok: false, message: `That address does not contain a store hash. ${HELP}` };
}
