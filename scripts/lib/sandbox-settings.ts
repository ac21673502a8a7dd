/**
 * The settings the options page would save for the sandbox's stores, and the check that they
 * took. Pure, so the demo, the benchmark and the e2e tests all connect stores the same way.
 */
import { newConnection, type Connection, type OverwriteAttribute, type Settings } from '../../lib/settings/schema';

/** What this needs of the sandbox (a subset of sandbox/server.ts SandboxInfo). */
export interface SandboxStoreLike {
  hash: string;
  name: string;
  accessToken: string;
  limitedAccessToken: string;
  clientId?: string;
}

export interface SandboxInfoLike {
  /** `baseUrl` is http://127.0.0.1:PORT, or https:// for a TLS sandbox (then with its `certPem`). */
  bigcommerce: { baseUrl: string; stores: SandboxStoreLike[]; certPem?: string };
  /** The Gladly look-alike (needed only to connect the Gladly API). */
  gladly?: { baseUrl: string; apiUser: { email: string; token: string } };
}

export interface ConnectOptions {
  /** Store hashes to connect; default all of the sandbox's stores. */
  stores?: string[];
  /** Use each store's limited token (one scope missing) instead of the full one. */
  limitedToken?: boolean;
  /** Turn actions on (every action switch on). Default off, as a new connection starts. */
  actions?: boolean;
  autoLink?: { email: boolean; phone: boolean };
  /** Also connect the Gladly look-alike's REST API (host = its base URL, an API user's email and token). */
  gladlyApi?: { host: string; email: string; token: string };
  /** Connect the Gladly look-alike's API, with Overwrite Existing Values on and these custom attributes. */
  overwrite?: { attributes: OverwriteAttribute[] };
}

export interface SaveRequest {
  settings: Settings;
  /** connection id → access token (goes to the vault, never into settings). */
  secrets: Record<string, string>;
  /** The Gladly API token (to the vault), when `gladlyApi` was asked for. */
  gladlyApiToken?: string;
}

/** A connection id that stays the same across runs, so re-connecting replaces rather than adds. */
export function sandboxConnectionId(hash: string): string {
  return `sandbox-${hash}`;
}

/** The connections (and their tokens) for the chosen sandbox stores, merged over `current`. */
export function buildSandboxSave(current: Settings, info: SandboxInfoLike, options: ConnectOptions = {}): SaveRequest {
  const wanted = options.stores ?? info.bigcommerce.stores.map((s) => s.hash);
  const chosen = wanted.map((hash) => {
    const store = info.bigcommerce.stores.find((s) => s.hash === hash);
    if (!store) {
      const known = info.bigcommerce.stores.map((s) => s.hash).join(', ');
      throw new Error(`The sandbox has no store "${hash}" (it has: ${known}).`);
    }
    return store;
  });
  const secrets: Record<string, string> = {};
  const connections: Connection[] = chosen.map((store) => {
    const id = sandboxConnectionId(store.hash);
    secrets[id] = options.limitedToken ? store.limitedAccessToken : store.accessToken;
    const base = newConnection(id);
    return {
      ...base,
      name: store.name,
      storeHash: store.hash,
      // The sandbox has no API-account client ids; the page requires one, so name it plainly.
      clientId: store.clientId ?? `sandbox-client-${store.hash}`,
      apiBaseUrl: info.bigcommerce.baseUrl,
      autoLink: options.autoLink ?? base.autoLink,
      actions: { ...base.actions, enabled: options.actions ?? false },
      ...(options.overwrite
        ? { overwriteExistingValues: true, overwriteAttributes: options.overwrite.attributes }
        : {}),
    };
  });
  const lookalike = options.overwrite ? info.gladly : undefined;
  if (options.overwrite && !lookalike)
    throw new Error("Connecting the Gladly API needs the sandbox's Gladly look-alike.");
  const ours = new Set(connections.map((c) => c.id));
  const gladly =
    options.gladlyApi ??
    (lookalike
      ? { host: lookalike.baseUrl, email: lookalike.apiUser.email, token: lookalike.apiUser.token }
      : undefined);
  return {
    settings: {
      ...current,
      connections: [...current.connections.filter((c) => !ours.has(c.id)), ...connections],
      ...(gladly ? { gladlyApi: { host: gladly.host, email: gladly.email, tokenHint: null } } : {}),
    },
    secrets,
    ...(gladly ? { gladlyApiToken: gladly.token } : {}),
  };
}

/** A connection as `settings/get` reports it (only what the check reads). */
export interface SavedConnectionLike {
  id: string;
  storeHash: string;
  enabled: boolean;
  apiBaseUrl?: string;
  tokenHint: string | null;
  actions: { enabled: boolean };
}

/** Why the saved settings do not match what was sent, or an empty list when they do. */
export function savedMismatches(saved: SavedConnectionLike[], sent: SaveRequest): string[] {
  const problems: string[] = [];
  for (const [id, token] of Object.entries(sent.secrets)) {
    const want = sent.settings.connections.find((c) => c.id === id);
    const got = saved.find((c) => c.id === id);
    if (!want) continue;
    if (!got) {
      problems.push(`store ${want.storeHash}: not in the saved settings`);
      continue;
    }
    if (got.storeHash !== want.storeHash) problems.push(`store ${want.storeHash}: saved with hash ${got.storeHash}`);
    if (!got.enabled) problems.push(`store ${want.storeHash}: saved disabled`);
    if (got.apiBaseUrl !== want.apiBaseUrl) {
      problems.push(
        `store ${want.storeHash}: API base URL saved as ${got.apiBaseUrl ?? '(none)'}, not ${want.apiBaseUrl ?? '(none)'}`,
      );
    }
    // The hint is at most the token's last 4 characters; anything else means the vault missed it.
    if (!got.tokenHint || !token.endsWith(got.tokenHint))
      problems.push(`store ${want.storeHash}: no access token saved`);
    if (got.actions.enabled !== want.actions.enabled) {
      problems.push(`store ${want.storeHash}: actions saved ${got.actions.enabled ? 'on' : 'off'}`);
    }
  }
  return problems;
}
