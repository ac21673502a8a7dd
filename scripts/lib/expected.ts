/**
 * What the sidebar should end up showing for a persona: our own lookup (lib/lookup/lookup.ts with the
 * real client) run in Node against the same sandbox, so the probe knows which order numbers and
 * tracking numbers to wait for without hard-coding them. Run it before timing (it makes requests).
 */
import { createConnectionApis } from '../../lib/bigcommerce';
import { Governor } from '../../lib/bigcommerce/governor';
import { createLinkStore } from '../../lib/lookup/linking';
import { createLookupCache } from '../../lib/lookup/cache';
import { runLookup, type LookupConnection } from '../../lib/lookup/lookup';
import { memoryStore } from '../../lib/core/kv-store';
import { samePhone } from '../../lib/core/phone';
import { toErrorInfo } from '../../lib/bigcommerce/errors';
import type { Identity } from '../../lib/messages/identity';
import type { StoreLookup } from '../../lib/messages/lookup';
import type { Persona } from '../../sandbox/personas';
import type { ProbeSpec } from './sidebar-probe';
import { sandboxFetch } from './sandbox-fetch';
import { sandboxConnectionId, type SandboxInfoLike } from './sandbox-settings';

const SHOWN = 10;

/** The identity the content script reads from the look-alike's panel for this persona. */
export function personaIdentity(persona: Persona): Identity {
  return {
    gladlyCustomerId: persona.gladlyId,
    name: persona.name,
    emails: persona.emails.map((value) => ({ value, source: 'panel' as const })),
    phones: persona.phones.map((p) => ({ value: p.number, type: p.type, source: 'panel' as const })),
  };
}

/** Our lookup's final per-store result for this persona, in the given stores. */
export async function expectedLookup(
  info: SandboxInfoLike,
  persona: Persona,
  storeHashes: string[],
): Promise<StoreLookup[]> {
  const fetchSandbox = sandboxFetch(info); // trusts a TLS sandbox's certificate
  const connections: LookupConnection[] = storeHashes.map((hash) => {
    const store = info.bigcommerce.stores.find((s) => s.hash === hash)!;
    const id = sandboxConnectionId(hash);
    return {
      id,
      name: store.name,
      autoLink: { email: true, phone: true },
      searchBy: { email: true, phone: true },
      api: createConnectionApis({
        storeHash: hash,
        accessToken: store.accessToken,
        apiBaseUrl: info.bigcommerce.baseUrl,
        allowCustomBase: true,
        fetch: fetchSandbox,
        connectionId: id,
        storeName: store.name,
        // Its own governor: this check must not share quota bookkeeping with anything timed.
        governor: new Governor({ now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }),
      }).lookup,
    };
  });
  let last: StoreLookup[] = [];
  await runLookup(
    { kind: 'identity', identity: personaIdentity(persona) },
    connections,
    { links: createLinkStore(memoryStore()), cache: createLookupCache(null), samePhone, toErrorInfo },
    (stores) => {
      last = stores;
    },
  );
  return last;
}

/** The probe's targets from the expected result: per-person texts, never fixed numbers. */
export function probeSpecFor(stores: StoreLookup[], expandFirstOrder = true): ProbeSpec {
  const linked = stores.filter((s) => s.status === 'linked' && s.customer);
  const withOrders = stores.filter((s) => s.status === 'linked' || s.status === 'guest' || s.status === 'candidates');
  const shown = withOrders.flatMap((s) =>
    [...(s.orders ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, SHOWN),
  );
  const kind: ProbeSpec['kind'] =
    linked.length > 0 ? 'linked' : stores.some((s) => s.status === 'guest') ? 'guest' : 'not-found';
  return {
    kind,
    profiles: linked.length,
    profileTexts: linked.map((s) => s.customer!.email).filter((e) => e !== ''),
    orderNumbers: shown.map((o) => o.orderNumber),
    trackingNumbers: shown.flatMap((o) => (o.firstTrackingNumber ? [o.firstTrackingNumber] : [])),
    expandFirstOrder: expandFirstOrder && shown.length > 0,
  };
}
