/**
 * Store tokens at rest: AES-256-GCM under TEAM_SECRET_KEY, bound to the store id (as associated
 * data, so a sealed token copied onto another store does not open). The sealed text names its
 * key by a short fingerprint, which makes rotation possible: the previous key still opens old
 * tokens, and the service re-seals them under the current key at start.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface Sealer {
  seal(plain: string, storeId: string): string;
  open(sealed: string, storeId: string): string;
  /** True when the text was sealed under the current key. */
  isCurrent(sealed: string): boolean;
}

export class SecretKeyError extends Error {}

/** A base64 32-byte key, or a clear error that never quotes the value. */
export function parseSecretKey(raw: string, name = 'TEAM_SECRET_KEY'): Buffer {
  const key = Buffer.from(raw.trim(), 'base64');
  if (key.length !== 32)
    throw new SecretKeyError(`${name} must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`).`);
  return key;
}

const fingerprint = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createSealer(current: Buffer, previous: Buffer[] = []): Sealer {
  const keys = new Map<string, Buffer>();
  for (const key of [...previous, current]) keys.set(fingerprint(key), key);
  const currentId = fingerprint(current);
  return {
    seal(plain, storeId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(`store:${storeId}`));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        'v1',
        currentId,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64'),
      ].join('.');
    },
    open(sealed, storeId) {
      const [version, keyId, iv, tag, body] = sealed.split('.');
      const key = keyId ? keys.get(keyId) : undefined;
      if (version !== 'v1' || !key || !iv || !tag || body === undefined) {
        throw new SecretKeyError(
          'A stored token was sealed with a key this service does not have. Set TEAM_SECRET_KEY (and TEAM_SECRET_KEY_PREVIOUS while rotating).',
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(`store:${storeId}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretKeyError(
          'A stored token could not be opened (wrong key or damaged data). Save the token again.',
        );
      }
    },
    isCurrent: (sealed) => sealed.split('.')[1] === currentId,
  };
}
