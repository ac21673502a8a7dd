/**
 * Shared-quota simulation: N agents, each with their own extension (own client and governor),
 * each looking a customer up once a minute in ONE store whose quota is 150 requests per 30 s.
 * Time is compressed (same ratios: window and interval divided by `compress`) so it runs in
 * well under a minute; the real client (lib/bigcommerce) and lookup (lib/lookup) do the work.
 */
import type { SandboxHandle } from '../../sandbox/server';
import { personas, type PersonaKey } from '../../sandbox/personas';
import { createConnectionApis } from '../../lib/bigcommerce';
import { Governor } from '../../lib/bigcommerce/governor';
import { toErrorInfo } from '../../lib/bigcommerce/errors';
import { createLinkStore } from '../../lib/lookup/linking';
import { createLookupCache } from '../../lib/lookup/cache';
import { runLookup } from '../../lib/lookup/lookup';
import { memoryStore } from '../../lib/core/kv-store';
import { samePhone } from '../../lib/core/phone';
import type { StoreLookup } from '../../lib/messages/lookup';
import type { Identity } from '../../lib/messages/identity';
import { personaIdentity } from '../../scripts/lib/expected';
import { sandboxFetch } from '../../scripts/lib/sandbox-fetch';
import { sandboxConnectionId } from '../../scripts/lib/sandbox-settings';
import { percentile, round1 } from './stats';

export interface QuotaSimOptions {
  agents: number;
  /** Real-world figures the simulation stands for. */
  quota: number;
  windowMs: number;
  lookupIntervalMs: number;
  /** Time divided by this (e.g. 10: a 30 s window becomes 3 s). */
  compress: number;
  lookupsPerAgent: number;
  /** Hard stop for the whole simulation (ms of compressed time). */
  deadlineMs: number;
  /**
   * How agent `index` looks a customer up; default: its own extension in standalone mode (own
   * client and governor). The team part passes a lookup through the team service.
   */
  lookupVia?(index: number, identity: Identity): Promise<StoreLookup[]>;
}

export interface QuotaSimResult {
  agents: number;
  quota: number;
  realWindowMs: number;
  realLookupIntervalMs: number;
  compressedWindowMs: number;
  compressedLookupIntervalMs: number;
  lookups: number;
  failedLookups: number;
  /** Lookups still unfinished at the deadline (counted as failed). */
  unfinishedLookups: number;
  requests: number;
  http429: number;
  /** Per lookup, latency included; any wait for the quota window is in compressed time. */
  lookupMsP50: number | null;
  lookupMsP95: number | null;
  elapsedMs: number;
  failures: string[];
}

/** Customers of the main store (and some that are not), so lookups differ like real traffic. */
const ROTATION: PersonaKey[] = [
  'jane',
  'guest',
  'phoneOnly',
  'twoStores',
  'notFound',
  'multiEmail',
  'conflict',
  'sharedPhone',
];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runQuotaSim(sandbox: SandboxHandle, options: QuotaSimOptions): Promise<QuotaSimResult> {
  const windowMs = Math.round(options.windowMs / options.compress);
  const intervalMs = Math.round(options.lookupIntervalMs / options.compress);
  const store = sandbox.info.bigcommerce.stores[0]!;
  const fetchSandbox = sandboxFetch(sandbox.info); // trusts a TLS sandbox's certificate
  sandbox.control.configure({ quota: options.quota, windowMs });
  sandbox.control.clearLog();

  const durations: number[] = [];
  const failures: string[] = [];
  let lookups = 0;
  let failed = 0;
  let finished = 0;
  const started = Date.now();
  const deadline = started + options.deadlineMs;

  const agent = async (index: number) => {
    const id = sandboxConnectionId(store.hash);
    const api = createConnectionApis({
      storeHash: store.hash,
      accessToken: store.accessToken,
      apiBaseUrl: sandbox.info.bigcommerce.baseUrl,
      allowCustomBase: true,
      fetch: fetchSandbox,
      connectionId: id,
      storeName: store.name,
      governor: new Governor({ now: Date.now, sleep }), // each agent's own browser
    }).lookup;
    const links = createLinkStore(memoryStore());
    // Spread the agents evenly over one interval, then one lookup per interval each.
    const offset = (index * intervalMs) / options.agents;
    for (let k = 0; k < options.lookupsPerAgent; k++) {
      const at = started + offset + k * intervalMs;
      if (at >= deadline) break;
      await sleep(Math.max(0, at - Date.now()));
      const persona = personas[ROTATION[(index + k) % ROTATION.length]!];
      lookups++;
      const t0 = Date.now();
      let final: StoreLookup[] = [];
      try {
        const identity = personaIdentity(persona);
        if (options.lookupVia) final = await options.lookupVia(index, identity);
        else
          await runLookup(
            { kind: 'identity', identity },
            [
              {
                id,
                name: store.name,
                autoLink: { email: true, phone: true },
                searchBy: { email: true, phone: true },
                api,
              },
            ],
            { links, cache: createLookupCache(null), samePhone, toErrorInfo },
            (stores) => {
              final = stores;
            },
          );
        const error = final.find((s) => s.status === 'error')?.error;
        if (error) {
          failed++;
          failures.push(`${persona.name}: ${error.message}`);
        } else durations.push(Date.now() - t0);
      } catch (error) {
        failed++;
        failures.push(`${persona.name}: ${(error as Error).message}`);
      }
      finished++;
    }
  };

  const all = Promise.all(Array.from({ length: options.agents }, (_, i) => agent(i)));
  await Promise.race([all, sleep(Math.max(0, deadline - Date.now()) + 15_000)]);
  const unfinished = lookups - finished;
  const log = sandbox.control.log().filter((e) => e.service === 'bigcommerce' && e.store === store.hash);
  const p50 = round1(percentile(durations, 50));
  const p95 = round1(percentile(durations, 95));
  return {
    agents: options.agents,
    quota: options.quota,
    realWindowMs: options.windowMs,
    realLookupIntervalMs: options.lookupIntervalMs,
    compressedWindowMs: windowMs,
    compressedLookupIntervalMs: intervalMs,
    lookups,
    failedLookups: failed + unfinished,
    unfinishedLookups: unfinished,
    requests: log.length,
    http429: log.filter((e) => e.status === 429).length,
    lookupMsP50: p50,
    lookupMsP95: p95,
    elapsedMs: Date.now() - started,
    failures: [...new Set(failures)].slice(0, 10),
  };
}
