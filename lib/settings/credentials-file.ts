/**
 * Reads the text file BigCommerce downloads once when a store API account is created
 * (`KEY: value` lines). The client secret is read past and never kept: the extension has no use
 * for it. Error messages never repeat a value from the file.
 */
import { parseStoreHash } from './store-hash';

export interface StoreCredentials {
  /** The API account's name ('' when the file has none). */
  name: string;
  clientId: string;
  accessToken: string;
  storeHash: string;
}

export type CredentialsFileResult = { ok: true; credentials: StoreCredentials } | { ok: false; message: string };

/** Far more than any real credentials file; keeps a wrongly dropped file from being read whole. */
export const MAX_CREDENTIALS_FILE_BYTES = 16 * 1024;

const NOT_THE_FILE =
  'This does not look like a BigCommerce API credentials file ' +
  '(it should have lines such as “ACCESS TOKEN: …” and “API PATH: …”).';

export function parseCredentialsFile(text: string): CredentialsFileResult {
  if (text.length > MAX_CREDENTIALS_FILE_BYTES) return { ok: false, message: NOT_THE_FILE };
  const fields = new Map<string, string>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const match = /^\s*([A-Za-z][A-Za-z _]*?)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match?.[1]) continue;
    const key = match[1].toUpperCase().replace(/[\s_]+/g, ' ');
    if (!fields.has(key)) fields.set(key, match[2] ?? '');
  }

  const accessToken = fields.get('ACCESS TOKEN') ?? '';
  const clientId = fields.get('CLIENT ID') ?? '';
  const apiPath = fields.get('API PATH') ?? '';
  if (!accessToken && !clientId && !apiPath) return { ok: false, message: NOT_THE_FILE };
  const missing = [
    accessToken ? null : 'ACCESS TOKEN',
    clientId ? null : 'CLIENT ID',
    apiPath ? null : 'API PATH',
  ].filter((key): key is string => key !== null);
  if (missing.length > 0) {
    return {
      ok: false,
      message:
        `The credentials file has no ${missing.join(', ')} line. Use the file BigCommerce ` +
        `downloaded when the API account was created.`,
    };
  }
  if (/\s/.test(accessToken))
    return { ok: false, message: 'The ACCESS TOKEN line of the credentials file is not a single token.' };

  const hash = parseStoreHash(apiPath);
  if (!hash.ok)
    return { ok: false, message: 'The API PATH line of the credentials file has no store hash (…/stores/abc123/…).' };

  const name = fields.get('CLIENT NAME') ?? fields.get('NAME') ?? '';
  return { ok: true, credentials: { name, clientId, accessToken, storeHash: hash.hash } };
}
