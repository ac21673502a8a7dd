/**
 * `fetch` for Node code that calls the sandbox (the benchmark's baseline and quota simulation,
 * the expected-lookup oracle, tests). For a TLS sandbox (`startSandbox({ tls: true })`) it trusts
 * that sandbox's own self-signed certificate and nothing else, for this fetch only — never
 * NODE_TLS_REJECT_UNAUTHORIZED. For a plain HTTP sandbox it is the global fetch.
 *
 * Node's fetch speaks HTTP/1.1 (one connection per request in flight, no limit per host), so the
 * Node side never queues the way a browser's 6 connections per HTTP/1.1 host do.
 */
import { Agent } from 'undici';

export type SandboxFetch = (input: string, init?: RequestInit) => Promise<Response>;

/** What this needs of SandboxInfo. */
export interface TrustedSandboxLike {
  bigcommerce: { certPem?: string };
}

const agents = new Map<string, Agent>();

export function sandboxFetch(info: TrustedSandboxLike): SandboxFetch {
  const ca = info.bigcommerce.certPem;
  if (!ca) return (input, init) => fetch(input, init);
  let dispatcher = agents.get(ca);
  if (!dispatcher) {
    dispatcher = new Agent({ connect: { ca } });
    agents.set(ca, dispatcher);
  }
  const trusted = dispatcher;
  // Node 20's fetch takes an undici dispatcher; its RequestInit type does not name that option.
  return (input, init) => fetch(input, { ...init, dispatcher: trusted } as RequestInit);
}
