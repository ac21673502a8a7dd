/**
 * One BigCommerce client per enabled store connection, built on demand with the token decrypted
 * from the vault. Clients are kept (their governor and group cache are worth keeping) until the
 * connection's settings or token change.
 */
import type { ConnectionApis } from '../store-api';
import type { Connection } from '../settings-schema';

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
  /** Forget every client (settings or a token changed). */
  reset(): void;
}

export function createConnectionRegistry(deps: ConnectionRegistryDeps): ConnectionRegistry {
  const built = new Map<string, { fingerprint: string; apis: ConnectionApis }>();
  // Decrypted tokens stay in the worker's memory (never storage) until settings change, so a
  // lookup does not open the vault each time.
  const tokens = new Map<string, Promise<string | null>>();
  let retiredRequests = 0;

  return {
    async enabled() {
      return (await deps.connections()).filter((c) => c.enabled);
    },
    async apis(connectionId) {
      const connection = (await deps.connections()).find((c) => c.id === connectionId);
      if (!connection) throw new NotConfiguredError('That store connection no longer exists. Reload the sidebar.');
      if (!connection.enabled) throw new NotConfiguredError(`The store "${connection.name}" is turned off in the settings.`);
      if (!tokens.has(connectionId)) tokens.set(connectionId, deps.token(connectionId));
      const token = await tokens.get(connectionId)!.catch((error: unknown) => {
        tokens.delete(connectionId);
        throw error;
      });
      if (!token) tokens.delete(connectionId);
      if (!token) throw new NotConfiguredError(`No access token is saved for "${connection.name}". Add one in the settings.`);
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
    },
  };
}
