/**
 * Secrets at rest. A secret (a store's access token, the Gladly API token, the team service key) is encrypted with
 * AES-GCM under a key WebCrypto generates as NON-extractable and that only ever lives in this
 * extension's own IndexedDB (a CryptoKey survives structured clone, its bytes never leave the
 * crypto engine). The background's store holds only { keyId, iv, ciphertext, hint }. The secret's name is
 * bound in as additional data, so a ciphertext copied to another name fails like a tampered one.
 */
import type { KeyValueStore } from '../core/kv-store';

export type VaultErrorKind = 'wrong-key' | 'tampered' | 'bad-name' | 'unavailable';

export class VaultError extends Error {
  /** Maps onto ErrorInfo's 'config': the admin has to enter the secret again. */
  readonly kind = 'config';
  constructor(
    readonly reason: VaultErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

export type SecretName = `connection:${string}` | 'gladly-api' | 'team-key';

export interface Vault {
  setSecret(name: SecretName, value: string): Promise<void>;
  getSecret(name: SecretName): Promise<string | null>;
  removeSecret(name: SecretName): Promise<void>;
  /** The last 4 characters at most ('' for a short secret), or null when none is saved. */
  hint(name: SecretName): Promise<string | null>;
}

export interface VaultDeps {
  indexedDB: IDBFactory;
  local: KeyValueStore;
  /** Defaults to globalThis.crypto. */
  crypto?: Crypto;
}

interface SealedSecret {
  v: 1;
  keyId: string;
  iv: string;
  data: string;
  hint: string;
}

interface StoredKey {
  id: string;
  key: CryptoKey;
}

const DB_NAME = 'gladly-bigcommerce-vault';
const KEY_STORE = 'keys';
const KEY_RECORD = 'primary';
const NAME = /^(connection:[\w.-]{1,64}|gladly-api|team-key)$/;

export function secretKey(name: SecretName): string {
  return `vault:${name}`;
}

export function createVault(deps: VaultDeps): Vault {
  const subtle = (deps.crypto ?? globalThis.crypto).subtle;
  const random = deps.crypto ?? globalThis.crypto;
  // One key per browser profile; the promise is kept so concurrent first uses share one key.
  let keyPromise: Promise<StoredKey> | null = null;
  const currentKey = () => {
    keyPromise ??= loadOrCreateKey(deps.indexedDB, subtle, random).catch((error: unknown) => {
      keyPromise = null;
      throw error;
    });
    return keyPromise;
  };

  return {
    async setSecret(name, value) {
      checkName(name);
      const { id, key } = await currentKey();
      const iv = random.getRandomValues(new Uint8Array(12));
      const data = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encode(name) }, key, encode(value));
      const sealed: SealedSecret = {
        v: 1,
        keyId: id,
        iv: toBase64(iv),
        data: toBase64(new Uint8Array(data)),
        hint: hintOf(value),
      };
      await deps.local.set(secretKey(name), sealed);
    },

    async getSecret(name) {
      checkName(name);
      const sealed = await deps.local.get<SealedSecret>(secretKey(name));
      if (sealed === undefined) return null;
      if (!isSealed(sealed)) throw tampered(name);
      const { id, key } = await currentKey();
      if (sealed.keyId !== id) {
        throw new VaultError(
          'wrong-key',
          `The saved ${describe(name)} was locked with a key this browser no longer has. Enter it again in the settings.`,
        );
      }
      try {
        const plain = await subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: encode(name) },
          key,
          fromBase64(sealed.data),
        );
        return new TextDecoder().decode(plain);
      } catch {
        throw tampered(name);
      }
    },

    async removeSecret(name) {
      checkName(name);
      await deps.local.remove(secretKey(name));
    },

    async hint(name) {
      checkName(name);
      const sealed = await deps.local.get<SealedSecret>(secretKey(name));
      return sealed !== undefined && isSealed(sealed) ? sealed.hint : null;
    },
  };
}

/** Short secrets get no hint at all: 4 characters of 6 would give too much away. */
export function hintOf(value: string): string {
  return value.length >= 12 ? value.slice(-4) : '';
}

function checkName(name: string): void {
  if (!NAME.test(name)) throw new VaultError('bad-name', 'That is not a secret the extension keeps.');
}

function describe(name: SecretName): string {
  if (name === 'team-key') return 'team service access key';
  return name === 'gladly-api' ? 'Gladly API token' : 'store access token';
}

function tampered(name: SecretName): VaultError {
  return new VaultError(
    'tampered',
    `The saved ${describe(name)} was changed outside the extension and cannot be trusted. Enter it again in the settings.`,
  );
}

function isSealed(value: unknown): value is SealedSecret {
  const v = value as Partial<SealedSecret> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.v === 1 &&
    typeof v.keyId === 'string' &&
    typeof v.iv === 'string' &&
    typeof v.data === 'string' &&
    typeof v.hint === 'string'
  );
}

async function loadOrCreateKey(factory: IDBFactory, subtle: SubtleCrypto, random: Crypto): Promise<StoredKey> {
  const db = await openDb(factory);
  try {
    const existing = await request<StoredKey | undefined>(
      db.transaction(KEY_STORE, 'readonly').objectStore(KEY_STORE).get(KEY_RECORD),
    );
    if (existing?.key) return existing;
    const key = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const created: StoredKey = { id: random.randomUUID(), key };
    // `add`, not `put`: if another context created a key meanwhile, theirs wins and we read it back.
    try {
      await request(db.transaction(KEY_STORE, 'readwrite').objectStore(KEY_STORE).add(created, KEY_RECORD));
      return created;
    } catch {
      const winner = await request<StoredKey | undefined>(
        db.transaction(KEY_STORE, 'readonly').objectStore(KEY_STORE).get(KEY_RECORD),
      );
      if (winner?.key) return winner;
      throw new VaultError('unavailable', 'The extension could not store its encryption key in this browser profile.');
    }
  } finally {
    db.close();
  }
}

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(KEY_STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () =>
      reject(new VaultError('unavailable', 'The extension could not open its key store in this browser profile.'));
    open.onblocked = () =>
      reject(new VaultError('unavailable', 'The extension key store is busy in another window. Try again.'));
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
