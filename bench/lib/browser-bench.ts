/**
 * Our extension, in real Chromium against the sandbox: each scenario navigated to in place
 * (pushState, like Gladly), timed in the sidebar frame, its requests read from the sandbox log.
 * One fresh browser profile per run, so each run's first visits start with an empty cache.
 */
import type { Page } from 'playwright-core';
import type { SandboxHandle } from '../../sandbox/server';
import { personas } from '../../sandbox/personas';
import { launchWithExtension } from '../../scripts/lib/browser';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { sidebarFrameOf } from '../../scripts/lib/frames';
import {
  navigateGladly,
  startProbe,
  stopProbe,
  waitForProbe,
  type ProbeSpec,
  type ProbeTimes,
} from '../../scripts/lib/sidebar-probe';
import type { RequestLogEntry } from '../../sandbox/bigcommerce/types';
import { sequentialRoundTrips, spansBetween } from './round-trips';
import { median } from './stats';
import { SCENARIOS, START_PERSONA, conversationPath, type Scenario } from './scenarios';

export interface ScenarioSample {
  scenario: string;
  run: number;
  /** Requests BigCommerce saw between navigation and completion. */
  requests: number;
  roundTrips: number;
  /** ms from navigation (pushState); null when never seen. */
  profileMs: number | null;
  ordersMs: number | null;
  allOrdersMs: number | null;
  completeMs: number | null;
  /** Orders the sidebar ends up showing (what our own lookup finds for this person). */
  ordersShown: number;
  /** ms from the first BigCommerce request (≈ identity detected) to profile + orders / complete. */
  ordersAfterDetectionMs: number | null;
  completeAfterDetectionMs: number | null;
  /** Navigation → first request (the look-alike's skeleton + reading the panel + messaging). */
  detectionMs: number | null;
  /** The profile and orders were on screen before the first request was sent (or none was). */
  renderedBeforeAnyRequest: boolean;
  /** Median server-side time of this visit's requests (latency included). */
  requestMs: number | null;
  images: number;
  missing: string[];
  /** The HTTP versions the sandbox saw this visit's requests come over ('2.0', '1.1'). */
  httpVersions?: string[];
}

export interface BrowserBenchOptions {
  sandbox: SandboxHandle;
  runs: number;
  specs: Record<string, ProbeSpec>;
  /** Fixed look-alike timings (ms) so runs are comparable. */
  skeletonMs: number;
  lingerMs: number;
  timeoutMs: number;
  /** Print each visit's requests (ms since navigation) and probe times: where the time goes. */
  timeline?: boolean;
  progress(line: string): void;
}

/** Waits until BigCommerce has seen no new request for `quietMs` (bounded), so visits do not bleed into each other. */
async function settle(sandbox: SandboxHandle, page: Page, quietMs: number, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  let count = sandbox.control.log().length;
  let since = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(50);
    const now = sandbox.control.log().length;
    if (now !== count) {
      count = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

/** One visit, ms from navigation: each request's server-side span, then when the probe saw what. */
function printTimeline(
  scenario: Scenario,
  navigatedAt: number,
  requests: RequestLogEntry[],
  times: ProbeTimes,
  say: (line: string) => void,
): void {
  const at = (t: number) => Math.round(t - navigatedAt);
  for (const e of requests)
    say(
      `  ${scenario.key} ${at(e.start)}–${at(e.end)} ms ${e.store} ${e.method} ${e.path}${e.query ? `?${e.query.slice(0, 60)}` : ''}`,
    );
  const seen = (['profile', 'orders', 'allOrders', 'complete'] as const).map(
    (k) => `${k} ${times[k] === null ? '–' : at(times[k])}`,
  );
  say(`  ${scenario.key} seen: ${seen.join(', ')}`);
}

async function measure(
  sandbox: SandboxHandle,
  page: Page,
  scenario: Scenario,
  spec: ProbeSpec,
  run: number,
  options: BrowserBenchOptions,
): Promise<ScenarioSample> {
  const frame = await sidebarFrameOf(page);
  await startProbe(frame, spec);
  sandbox.control.clearLog();
  const navigatedAt = await navigateGladly(page, conversationPath(scenario.persona));
  const times = await waitForProbe(page, frame, options.timeoutMs);
  await stopProbe(frame);
  const latency = Math.max(300, 3 * (median(sandbox.control.log().map((e) => e.end - e.start)) ?? 100));
  await settle(sandbox, page, latency, 5_000);

  const until = times.complete ?? Number.POSITIVE_INFINITY;
  const requests = spansBetween(
    sandbox.control.log().filter((e) => e.service === 'bigcommerce'),
    navigatedAt - 5,
    until,
  );
  if (options.timeline) printTimeline(scenario, navigatedAt, requests, times, options.progress);
  const firstRequest = requests.length > 0 ? Math.min(...requests.map((e) => e.start)) : null;
  const since = (t: number | null, from: number | null) => (t === null || from === null ? null : t - from);
  return {
    scenario: scenario.key,
    run,
    requests: requests.length,
    roundTrips: sequentialRoundTrips(requests),
    profileMs: since(times.profile, navigatedAt),
    ordersMs: since(times.orders, navigatedAt),
    allOrdersMs: since(times.allOrders, navigatedAt),
    completeMs: since(times.complete, navigatedAt),
    ordersAfterDetectionMs: since(times.orders, firstRequest),
    completeAfterDetectionMs: since(times.complete, firstRequest),
    detectionMs: since(firstRequest, navigatedAt),
    renderedBeforeAnyRequest: times.orders !== null && (firstRequest === null || times.orders < firstRequest),
    requestMs: median(requests.map((e) => e.end - e.start)),
    ordersShown: spec.orderNumbers.length,
    images: times.imagesLoaded,
    missing: times.complete === null ? times.missing : [],
    httpVersions: [...new Set(requests.flatMap((e) => (e.httpVersion ? [e.httpVersion] : [])))].sort(),
  };
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<ScenarioSample[]> {
  const { sandbox } = options;
  const samples: ScenarioSample[] = [];
  const start = personas[START_PERSONA];
  for (let run = 1; run <= options.runs; run++) {
    // A TLS sandbox (HTTP/2): Chromium trusts its self-signed certificate by its public key.
    const { spki } = sandbox.info.bigcommerce;
    const browser = await launchWithExtension({ headless: true, ...(spki ? { trustSpki: spki } : {}) });
    try {
      await connectSandboxStores(browser, sandbox.info, { actions: true });
      const page = await browser.context.newPage();
      const query = `?skeleton=${options.skeletonMs}&linger=${options.lingerMs}`;
      await page.goto(
        `${sandbox.info.gladly.baseUrl}/customer/${start.gladlyId}/conversation/${start.conversationId}${query}`,
      );
      await sidebarFrameOf(page, 20_000);
      await settle(sandbox, page, 500, 5_000);
      for (const scenario of SCENARIOS) {
        const sample = await measure(sandbox, page, scenario, options.specs[scenario.key]!, run, options);
        samples.push(sample);
        options.progress(
          `run ${run}/${options.runs} ${scenario.key}: ${sample.requests} requests, ${sample.roundTrips} round trips, ` +
            `orders ${sample.ordersMs === null ? '–' : Math.round(sample.ordersMs)} ms, ` +
            `complete ${
              sample.completeMs === null
                ? `never (missing: ${sample.missing.join(', ')})`
                : `${Math.round(sample.completeMs)} ms`
            }`,
        );
      }
    } finally {
      await browser.close();
    }
  }
  return samples;
}
