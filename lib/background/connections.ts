/**
 * One BigCommerce client per enabled store connection, built on demand with the token decrypted
 * from the vault. Clients, tokens and the list of connections are kept (their governor and group
 * cache are worth keeping; a lookup should not wait on storage) until the settings change.
 */
import { i18n } from '../core/i18n';
import type { ConnectionApis } from '../core/store-ports';
import type { Connection } from '../settings/schema';

export interface ConnectionRegistryDeps {
  connections(): Promise<Connection[]>;
  token(connectionId: string): Promise<string | null>;
  create(connection: Connection, token: string): ConnectionApis;
}

export class NotConfiguredError extends Error {
  readonly kind = 'config';
  constructor(message: string) {
    super(message);
    this.name = 'NotConfiguredError';
  }
}

export interface ConnectionRegistry {
  /** Enabled connections, in the admin's order. */
  enabled(): Promise<Connection[]>;
  apis(connectionId: string): Promise<{ connection: Connection; apis: ConnectionApis }>;
  /** Requests sent so far through every client (for per-lookup counters). */
  requestCount(): number;
  /** Forget every client, token and the connection list (settings or a token changed). */
  reset(): void;
}

export function createConnectionRegistry(deps: ConnectionRegistryDeps): ConnectionRegistry {
  const built = new Map<string, { fingerprint: string; apis: ConnectionApis }>();
  // Decrypted tokens stay in the worker's memory (never storage) until settings change, so a
  // lookup does not open the vault each time.
  const tokens = new Map<string, Promise<string | null>>();
  let retiredRequests = 0;
  let snapshot: Promise<Connection[]> | null = null;
  const connections = (): Promise<Connection[]> => {
    const read = (snapshot ??= deps.connections());
    // A failed read is not remembered: the next call reads again.
    read.catch(() => {
      if (snapshot === read) snapshot = null;
    });
    return read;
  };

  return {
    async enabled() {
      return (await connections()).filter((c) => c.enabled);
    },
    async apis(connectionId) {
      const connection = (await connections()).find((c) => c.id === connectionId);
      if (!connection) throw new NotConfiguredError(i18n.t('sidebarErrors.connectionGone'));
      if (!connection.enabled) throw new NotConfiguredError(i18n.t('sidebarErrors.storeOff', [connection.name]));
      if (!tokens.has(connectionId)) tokens.set(connectionId, deps.token(connectionId));
      const token = await tokens.get(connectionId)!.catch((error: unknown) => {
        tokens.delete(connectionId);
        throw error;
      });
      if (!token) tokens.delete(connectionId);
      if (!token) throw new NotConfiguredError(i18n.t('sidebarErrors.noToken', [connection.name]));
      // The fingerprint never holds the token itself: only its length and last characters.
      const fingerprint = [connection.storeHash, connection.apiBaseUrl ?? '', token.length, token.slice(-4)].join('|');
      const existing = built.get(connectionId);
      if (existing && existing.fingerprint === fingerprint) return { connection, apis: existing.apis };
      if (existing) retiredRequests += existing.apis.requestCount();
      const apis = deps.create(connection, token);
      built.set(connectionId, { fingerprint, apis });
      return { connection, apis };
    },
    requestCount() {
      let total = retiredRequests;
      for (const { apis } of built.values()) total += apis.requestCount();
      return total;
    },
    reset() {
      for (const { apis } of built.values()) retiredRequests += apis.requestCount();
      built.clear();
      tokens.clear();
      snapshot = null;
    },
  };
}
