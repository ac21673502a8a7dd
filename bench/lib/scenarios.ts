/** The benchmark's scenarios: personas from sandbox/personas.ts, visited in this order per run. */
import { personas, type PersonaKey } from '../../sandbox/personas';

export interface Scenario {
  key: string;
  label: string;
  persona: PersonaKey;
  /** A second visit to a customer already seen in this run (served from the lookup cache). */
  revisit: boolean;
  /**
   * The service worker is stopped (and the lookup cache emptied) just before navigating, as after
   * Chrome stopped an idle worker: the visit pays for starting it. Not run by the baseline.
   */
  coldWorker?: boolean;
  /**
   * Visited in a second browser whose extension also has the Gladly look-alike's REST API
   * connected (the API answers after the same latency as BigCommerce). Not run by the baseline.
   */
  gladlyApi?: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { key: 'jane', label: 'Customer with 10+ orders (6 shipped)', persona: 'jane', revisit: false },
  { key: 'guest', label: 'Guest orders only', persona: 'guest', revisit: false },
  { key: 'notFound', label: 'Not found', persona: 'notFound', revisit: false },
  { key: 'twoStores', label: 'Customer in two stores', persona: 'twoStores', revisit: false },
  { key: 'phoneOnly', label: 'Phone only', persona: 'phoneOnly', revisit: false },
  { key: 'revisit', label: 'Revisit of a cached customer (Jane)', persona: 'jane', revisit: true },
  {
    key: 'cold',
    label: 'Jane with a cold worker (stopped, cache emptied)',
    persona: 'jane',
    revisit: false,
    coldWorker: true,
  },
  { key: 'api', label: 'Jane with the Gladly API connected', persona: 'jane', revisit: false, gladlyApi: true },
];

/** Where each run starts: a conversation whose profile has no email or phone (nothing to look up). */
export const START_PERSONA: PersonaKey = 'noIdentity';

export function conversationPath(key: PersonaKey): string {
  const p = personas[key];
  return `/customer/${p.gladlyId}/conversation/${p.conversationId}`;
}
