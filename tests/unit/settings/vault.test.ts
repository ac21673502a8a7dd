import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/core/kv-store';
import { VaultError, createVault, secretKey } from '../../../lib/settings/vault';

const TOKEN = 'tok_live_8f3a9c2d1e0b7a6f5e4d';

function setup() {
  const local = memoryStore();
  const indexedDB = new IDBFactory();
  return { local, indexedDB, vault: createVault({ indexedDB, local }) };
}

describe('vault', () => {
  it('returns what was stored, and storage.local never holds it in plain text', async () => {
    const { vault, local } = setup();
    await vault.setSecret('connection:acme', TOKEN);
    expect(await vault.getSecret('connection:acme')).toBe(TOKEN);
    expect(JSON.stringify(local.dump())).not.toContain(TOKEN);
    expect(await vault.hint('connection:acme')).toBe('5e4d');
  });

  it('keeps a key that cannot be exported', async () => {
    const { vault, indexedDB } = setup();
    await vault.setSecret('gladly-api', TOKEN);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('gladly-bigcommerce-vault', 1);
      open.onsuccess = () => resolve(open.result);
    });
    const record = await new Promise<{ key: CryptoKey }>((resolve) => {
      const get = db.transaction('keys').objectStore('keys').get('primary');
      get.onsuccess = () => resolve(get.result as { key: CryptoKey });
    });
    db.close();
    expect(record.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', record.key)).rejects.toThrow();
  });

  it('survives a restart (a new vault over the same IndexedDB and storage)', async () => {
    const { vault, local, indexedDB } = setup();
    await vault.setSecret('connection:acme', TOKEN);
    expect(await createVault({ indexedDB, local }).getSecret('connection:acme')).toBe(TOKEN);
  });

  it('answers null for a secret never stored and after removal', async () => {
    const { vault } = setup();
    expect(await vault.getSecret('connection:none')).toBeNull();
    expect(await vault.hint('connection:none')).toBeNull();
    await vault.setSecret('connection:acme', TOKEN);
    await vault.removeSecret('connection:acme');
    expect(await vault.getSecret('connection:acme')).toBeNull();
  });

  it('gives no characters away for a short secret', async () => {
    const { vault } = setup();
    await vault.setSecret('connection:short', 'abc123');
    expect(await vault.hint('connection:short')).toBe('');
  });

  it('says "wrong key" when the key in IndexedDB is not the one the secret was sealed with', async () => {
    const { vault, local } = setup();
    await vault.setSecret('connection:acme', TOKEN);
    // Another profile's IndexedDB (or a cleared one): a different key.
    const other = createVault({ indexedDB: new IDBFactory(), local });
    const error = await other.getSecret('connection:acme').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).reason).toBe('wrong-key');
    expect((error as VaultError).message).toMatch(/Enter it again/);
    expect((error as VaultError).message).not.toContain(TOKEN);
  });

  it('says "tampered" when the ciphertext was changed', async () => {
    const { vault, local } = setup();
    await vault.setSecret('connection:acme', TOKEN);
    const sealed = (await local.get<{ data: string }>(secretKey('connection:acme')))!;
    const bytes = Uint8Array.from(atob(sealed.data), (ch) => ch.charCodeAt(0));
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    await local.set(secretKey('connection:acme'), { ...sealed, data: btoa(String.fromCharCode(...bytes)) });
    await expect(vault.getSecret('connection:acme')).rejects.toMatchObject({ reason: 'tampered' });
  });

  it('refuses a ciphertext moved to another secret name', async () => {
    const { vault, local } = setup();
    await vault.setSecret('connection:acme', TOKEN);
    await local.set(secretKey('connection:other'), await local.get(secretKey('connection:acme')));
    await expect(vault.getSecret('connection:other')).rejects.toMatchObject({ reason: 'tampered' });
  });

  it('refuses names it does not keep', async () => {
    const { vault } = setup();
    await expect(vault.setSecret('password' as 'gladly-api', 'x')).rejects.toMatchObject({ reason: 'bad-name' });
  });
});
