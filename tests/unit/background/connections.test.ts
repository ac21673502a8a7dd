import { describe, expect, it } from 'vitest';
import { createConnectionRegistry } from '../../../lib/background/connections';
import type { ConnectionApis } from '../../../lib/core/store-ports';
import type { Connection } from '../../../lib/settings/schema';
import { newConnection } from '../../../lib/settings/schema';

function connection(id: string, overrides: Partial<Connection> = {}): Connection {
  return { ...newConnection(id), name: `Store ${id}`, storeHash: `hash${id}`, tokenHint: 'abcd', ...overrides };
}

function fakeApis(): ConnectionApis {
  let requests = 0;
  return { requestCount: () => requests, lookup: { bump: () => requests++ } } as unknown as ConnectionApis;
}

describe('the connection registry', () => {
  it('builds one client per connection and keeps it while settings and token stay the same', async () => {
    let connections = [connection('a'), connection('b', { enabled: false })];
    const tokens: Record<string, string> = { a: 'token-aaaa' };
    let built = 0;
    let vaultReads = 0;
    const registry = createConnectionRegistry({
      connections: async () => connections,
      token: async (id) => (vaultReads++, tokens[id] ?? null),
      create: () => (built++, fakeApis()),
    });
    expect((await registry.enabled()).map((c) => c.id)).toEqual(['a']);
    const first = await registry.apis('a');
    expect((await registry.apis('a')).apis).toBe(first.apis);
    expect(built).toBe(1);
    // The vault is opened once, not on every lookup.
    expect(vaultReads).toBe(1);
    // A new token is saved with the settings, which resets the registry.
    tokens.a = 'token-bbbb';
    registry.reset();
    expect((await registry.apis('a')).apis).not.toBe(first.apis);
    expect(vaultReads).toBe(2);
    connections = [connection('a', { storeHash: 'other' })];
    registry.reset();
    await registry.apis('a');
    expect(built).toBe(3);
  });

  it('reads the settings once for a whole lookup, again after a reset, and retries a failed read', async () => {
    let reads = 0;
    let failNext = false;
    const registry = createConnectionRegistry({
      connections: async () => {
        reads += 1;
        if (failNext) {
          failNext = false;
          throw new Error('storage unavailable');
        }
        return [connection('a'), connection('b')];
      },
      token: async () => 'token-aaaa',
      create: fakeApis,
    });
    await registry.enabled();
    await Promise.all([registry.apis('a'), registry.apis('b')]);
    expect(reads).toBe(1);
    registry.reset();
    failNext = true;
    await expect(registry.enabled()).rejects.toThrow('storage unavailable');
    expect((await registry.enabled()).map((c) => c.id)).toEqual(['a', 'b']);
    expect(reads).toBe(3);
  });

  it('says in plain words why a store cannot be used, never with the token', async () => {
    const registry = createConnectionRegistry({
      connections: async () => [connection('a'), connection('off', { enabled: false })],
      token: async () => null,
      create: fakeApis,
    });
    await expect(registry.apis('a')).rejects.toThrow(/No access token is saved for "Store a"/);
    await expect(registry.apis('off')).rejects.toThrow(/turned off/);
    await expect(registry.apis('gone')).rejects.toThrow(/no longer exists/);
  });
});
