/** The baseline scenarios in Node, against the same sandbox with the same latency. */
import type { SandboxHandle } from '../../sandbox/server';
import { personas } from '../../sandbox/personas';
import { sandboxFetch } from '../../scripts/lib/sandbox-fetch';
import { runBaseline } from './baseline';
import { sequentialRoundTrips } from './round-trips';
import { SCENARIOS } from './scenarios';

export interface BaselineSample {
  scenario: string;
  run: number;
  requests: number;
  roundTrips: number;
  completeMs: number;
  ordersFound: number;
  failedRequests: number;
  /** Distinct "status path" of the failures, ids replaced by {id}. */
  failures: string[];
}

export async function runBaselineBench(sandbox: SandboxHandle, runs: number): Promise<BaselineSample[]> {
  const samples: BaselineSample[] = [];
  const { baseUrl, stores } = sandbox.info.bigcommerce;
  const fetchSandbox = sandboxFetch(sandbox.info); // trusts a TLS sandbox's certificate
  for (let run = 1; run <= runs; run++) {
    for (const scenario of SCENARIOS.filter((s) => !s.coldWorker && !s.gladlyApi)) {
      const email = personas[scenario.persona].emails[0];
      sandbox.control.clearLog();
      const started = performance.now();
      // Gladly's app is set up once per store; each one looks the profile up on its own.
      const outcomes = await Promise.all(
        stores.map((s) =>
          runBaseline(fetchSandbox, { apiBase: `${baseUrl}/stores/${s.hash}`, accessToken: s.accessToken }, email),
        ),
      );
      const completeMs = performance.now() - started;
      const log = sandbox.control.log().filter((e) => e.service === 'bigcommerce');
      samples.push({
        scenario: scenario.key,
        run,
        requests: log.length,
        roundTrips: sequentialRoundTrips(log),
        completeMs,
        ordersFound: outcomes.reduce((n, o) => n + o.ordersFound, 0),
        failedRequests: outcomes.reduce((n, o) => n + o.failures, 0),
        failures: [
          ...new Set(
            log
              .filter((e) => e.status >= 400)
              .map((e) => `${e.status} ${e.method} ${e.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`),
          ),
        ],
      });
    }
  }
  return samples;
}
