/**
 * Our extension, in real Chromium against the sandbox: each scenario navigated to in place
 * (pushState, like Gladly), timed in the sidebar frame, its requests read from the sandbox log.
 * One fresh browser profile per run, so each run's first visits start with an empty cache.
 */
import type { Frame, Page } from 'playwright-core';
import type { SandboxHandle } from '../../sandbox/server';
import { personas } from '../../sandbox/personas';
import {
  E2E_EXTENSION_DIR,
  forgetLookupsAndStopWorker,
  launchWithExtension,
  type LaunchedExtension,
} from '../../scripts/lib/browser';
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
import { buildsForRun, type Build } from './compare';
import { breakdownOf, startVisitMarks, takeVisitMarks, type VisitBreakdown } from './visit-breakdown';

export interface ScenarioSample {
  scenario: string;
  run: number;
  /** Which build made it, when the run compares two (`--compare`). */
  build?: string;
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
  /**
   * Median time the same requests took as the worker saw them (Chromium's Resource Timing: fetch
   * start → response end): the server's time plus the browser's network stack, TLS and transfer.
   */
  browserRequestMs?: number | null;
  images: number;
  missing: string[];
  /** The HTTP versions the sandbox saw this visit's requests come over ('2.0', '1.1'). */
  httpVersions?: string[];
  /** Navigation → the look-alike rendered the new customer's panel (its `data-rendered-at`). */
  panelMs?: number | null;
  /** The new customer's panel on screen → profile + orders in the sidebar: what the agent waits for. */
  panelToOrdersMs?: number | null;
  /** Cold-worker visits: the new worker's start-up (script evaluated and wired, `background-ready`), ms. */
  workerStartMs?: number | null;
  /** Cold-worker visits: of that, until the bundle's modules were evaluated (`background-evaluated`), ms. */
  workerEvaluatedMs?: number | null;
  /** Cold-worker visits: of that, until the script's first statement ran (`background-script-start`), ms. */
  workerScriptStartMs?: number | null;
  /** Where the time went, ms from navigation: each request's span and what was seen when (for the waterfall). */
  timeline?: VisitTimeline;
  /** Panel → orders split at the worker's and the sidebar's marks (not for a cold worker: it starts unmarked). */
  breakdown?: VisitBreakdown | null;
}

export interface VisitTimeline {
  requests: { start: number; end: number; label: string }[];
  marks: { name: string; at: number }[];
}

/** A full page load of Gladly at the start of a run (not pushState). */
export interface FirstLoadSample {
  run: number;
  build?: string;
  /** Navigation start → the look-alike's first customer panel on screen. */
  panelMs: number | null;
  /** Navigation start → the sidebar frame has its configuration from a running worker (`sidebar-ready`). */
  sidebarReadyMs: number | null;
}

export interface BrowserBenchResult {
  samples: ScenarioSample[];
  firstLoads: FirstLoadSample[];
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
  /** Built extensions to alternate within each run (./compare.ts); default: this checkout's e2e build. */
  builds?: readonly Build[];
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
  panelAt: number | null,
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
  say(`  ${scenario.key} seen: panel ${panelAt === null ? '–' : at(panelAt)}, ${seen.join(', ')}`);
}

/** How long a pushState visit's panel may take: the old panel lingers, then a skeleton, then the panel. */
const panelWaitMs = (options: BrowserBenchOptions) => options.lingerMs + options.skeletonMs + 3_000;

/** When the look-alike rendered the panel on screen (epoch ms), if it did after `after`. */
async function panelRenderedAt(page: Page, after: number, waitMs = 0): Promise<number | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const at = await page.evaluate(() => Number(document.getElementById('gladly-customer')?.dataset.renderedAt));
    if (Number.isFinite(at) && at >= after) return at;
    if (Date.now() >= deadline) return null;
    await page.waitForTimeout(20);
  }
}

/** Epoch ms of a `performance.mark` in a frame, or null when it was not made. */
async function markAt(frame: Frame, name: string): Promise<number | null> {
  return frame
    .evaluate((n) => {
      const mark = performance.getEntriesByName(n)[0];
      return mark ? performance.timeOrigin + mark.startTime : null;
    }, name)
    .catch(() => null);
}

/**
 * As after Chrome stopped an idle worker: leave the customer, empty the lookup cache (from the
 * sidebar, an extension page) and stop the extension's service worker over CDP. The next message
 * starts a new worker.
 */
async function stopWorker(launched: LaunchedExtension, page: Page, frame: Frame, options: BrowserBenchOptions) {
  const away = await navigateGladly(page, conversationPath(START_PERSONA));
  await panelRenderedAt(page, away, panelWaitMs(options));
  await page.waitForTimeout(400);
  await forgetLookupsAndStopWorker(launched.context, page, frame);
}

/**
 * The worker's fetches to `origin` that started within [from, to] (epoch ms): their median
 * duration as Chromium's Resource Timing measured it. Clears the worker's buffer (250 entries).
 */
async function workerRequestMs(launched: LaunchedExtension, origin: string, from: number, to: number) {
  const worker = newestWorker(launched);
  if (!worker) return null;
  const durations = await worker
    .evaluate(
      ({ origin, from, to }) => {
        const spans = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.startsWith(origin))
          .map((e) => ({ at: performance.timeOrigin + e.startTime, ms: e.duration }))
          .filter((e) => e.at >= from && e.at <= to)
          .map((e) => e.ms);
        performance.clearResourceTimings();
        return spans;
      },
      { origin, from, to },
    )
    .catch(() => [] as number[]);
  return median(durations);
}

/** The extension's service worker that started last (after a stop, the one now running). */
function newestWorker(launched: LaunchedExtension) {
  return launched.context
    .serviceWorkers()
    .filter((w) => w.url().includes(launched.extensionId))
    .at(-1);
}

/** A mark in the newest extension worker (ms since that worker started). */
async function workerMark(launched: LaunchedExtension, mark: string): Promise<number | null> {
  const worker = newestWorker(launched);
  if (!worker) return null;
  return worker.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? null, mark).catch(() => null);
}

async function measure(
  launched: LaunchedExtension,
  sandbox: SandboxHandle,
  page: Page,
  scenario: Scenario,
  spec: ProbeSpec,
  run: number,
  options: BrowserBenchOptions,
): Promise<ScenarioSample> {
  const frame = await sidebarFrameOf(page);
  if (scenario.coldWorker) await stopWorker(launched, page, frame, options);
  await startProbe(frame, spec);
  // A stopped worker cannot be switched on: the cold visit's new worker goes unmarked.
  const worker = scenario.coldWorker ? undefined : newestWorker(launched);
  await startVisitMarks([worker, frame]);
  sandbox.control.clearLog();
  const navigatedAt = await navigateGladly(page, conversationPath(scenario.persona));
  const times = await waitForProbe(page, frame, options.timeoutMs);
  await stopProbe(frame);
  // With Gladly's API connected the sidebar can be complete before the look-alike's panel renders:
  // wait for the panel then too, or that visit has no panel → orders figure.
  const panelAt = await panelRenderedAt(page, navigatedAt, panelWaitMs(options));
  const workerMarks = await takeVisitMarks(worker);
  const sidebarMarks = await takeVisitMarks(frame);
  const latency = Math.max(300, 3 * (median(sandbox.control.log().map((e) => e.end - e.start)) ?? 100));
  await settle(sandbox, page, latency, 5_000);

  const until = times.complete ?? Number.POSITIVE_INFINITY;
  const requests = spansBetween(
    sandbox.control.log().filter((e) => e.service === 'bigcommerce'),
    navigatedAt - 5,
    until,
  );
  if (options.timeline) printTimeline(scenario, navigatedAt, requests, times, panelAt, options.progress);
  const rel = (t: number) => Math.round((t - navigatedAt) * 10) / 10;
  // Gladly's REST API calls too (with the API connected), for the waterfall.
  const gladlyCalls = spansBetween(
    sandbox.control.log().filter((e) => e.service === 'gladly'),
    navigatedAt - 5,
    until,
  );
  const timeline: VisitTimeline = {
    requests: [...gladlyCalls, ...requests]
      .sort((a, b) => a.start - b.start)
      .map((e) => ({
        start: rel(e.start),
        end: rel(e.end),
        label: `${e.service === 'gladly' ? 'Gladly ' : ''}${e.method} ${e.path.replace(/^\/stores\/[^/]+/, '')}`,
      })),
    marks: [
      ...(panelAt === null ? [] : [{ name: 'panel', at: rel(panelAt) }]),
      ...(['profile', 'orders', 'complete'] as const).flatMap((k) =>
        times[k] === null ? [] : [{ name: k, at: rel(times[k]) }],
      ),
    ],
  };
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
    browserRequestMs: await workerRequestMs(launched, sandbox.info.bigcommerce.baseUrl, navigatedAt - 5, until),
    ordersShown: spec.orderNumbers.length,
    images: times.imagesLoaded,
    missing: times.complete === null ? times.missing : [],
    httpVersions: [...new Set(requests.flatMap((e) => (e.httpVersion ? [e.httpVersion] : [])))].sort(),
    timeline,
    panelMs: since(panelAt, navigatedAt),
    panelToOrdersMs: since(times.orders, panelAt),
    breakdown:
      worker && panelAt !== null && times.orders !== null && times.orders > panelAt && requests.length > 0
        ? breakdownOf(workerMarks, sidebarMarks, panelAt, times.orders)
        : null,
    workerStartMs: scenario.coldWorker ? await workerMark(launched, 'background-ready') : null,
    workerEvaluatedMs: scenario.coldWorker ? await workerMark(launched, 'background-evaluated') : null,
    workerScriptStartMs: scenario.coldWorker ? await workerMark(launched, 'background-script-start') : null,
  };
}

/** A full load of the look-alike: when its first panel and the sidebar (with a live worker) were ready. */
async function firstLoad(page: Page, url: string, run: number): Promise<FirstLoadSample> {
  await page.goto(url);
  const origin = await page.evaluate(() => performance.timeOrigin);
  const frame = await sidebarFrameOf(page, 20_000);
  const panelAt = await panelRenderedAt(page, origin, 10_000);
  const deadline = Date.now() + 10_000;
  let readyAt = await markAt(frame, 'sidebar-ready');
  while (readyAt === null && Date.now() < deadline) {
    await page.waitForTimeout(20);
    readyAt = await markAt(frame, 'sidebar-ready');
  }
  return {
    run,
    panelMs: panelAt === null ? null : panelAt - origin,
    sidebarReadyMs: readyAt === null ? null : readyAt - origin,
  };
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const { sandbox } = options;
  const samples: ScenarioSample[] = [];
  const firstLoads: FirstLoadSample[] = [];
  const start = personas[START_PERSONA];
  const query = `?skeleton=${options.skeletonMs}&linger=${options.lingerMs}`;
  const startUrl = `${sandbox.info.gladly.baseUrl}/customer/${start.gladlyId}/conversation/${start.conversationId}${query}`;
  // Two browsers per run: the stores only, then the stores and Gladly's REST API.
  const sessions = [
    { gladlyApi: false, scenarios: SCENARIOS.filter((s) => !s.gladlyApi) },
    { gladlyApi: true, scenarios: SCENARIOS.filter((s) => s.gladlyApi) },
  ].filter((session) => session.scenarios.length > 0);
  const builds = options.builds ?? [{ label: '', dir: E2E_EXTENSION_DIR }];
  for (let run = 1; run <= options.runs; run++) {
    for (const build of buildsForRun(builds, run))
      for (const session of sessions) {
        const tag = build.label ? `${build.label} ` : '';
        // A TLS sandbox (HTTP/2): Chromium trusts its self-signed certificate by its public key.
        const { spki } = sandbox.info.bigcommerce;
        const browser = await launchWithExtension({
          headless: true,
          extensionDir: build.dir,
          ...(spki ? { trustSpki: spki } : {}),
        });
        try {
          const { gladly } = sandbox.info;
          await connectSandboxStores(browser, sandbox.info, {
            actions: true,
            ...(session.gladlyApi
              ? { gladlyApi: { host: gladly.baseUrl, email: gladly.apiUser.email, token: gladly.apiUser.token } }
              : {}),
          });
          const page = await browser.context.newPage();
          if (session.gladlyApi) {
            await page.goto(startUrl);
            await sidebarFrameOf(page, 20_000);
          } else {
            const load = await firstLoad(page, startUrl, run);
            firstLoads.push(build.label ? { ...load, build: build.label } : load);
            options.progress(
              `${tag}run ${run}/${options.runs} first load: panel ${load.panelMs === null ? '–' : Math.round(load.panelMs)} ms, sidebar ready ${load.sidebarReadyMs === null ? '–' : Math.round(load.sidebarReadyMs)} ms`,
            );
          }
          await settle(sandbox, page, 500, 5_000);
          for (const scenario of session.scenarios) {
            const sample = await measure(browser, sandbox, page, scenario, options.specs[scenario.key]!, run, options);
            samples.push(build.label ? { ...sample, build: build.label } : sample);
            options.progress(
              `${tag}run ${run}/${options.runs} ${scenario.key}: ${sample.requests} requests, ${sample.roundTrips} round trips, ` +
                `orders ${sample.ordersMs === null ? '–' : Math.round(sample.ordersMs)} ms (panel → orders ${sample.panelToOrdersMs == null ? '–' : Math.round(sample.panelToOrdersMs)} ms${scenario.coldWorker ? `, worker start ${sample.workerStartMs == null ? '–' : Math.round(sample.workerStartMs)} ms: script began at ${sample.workerScriptStartMs == null ? '–' : Math.round(sample.workerScriptStartMs)}, evaluated at ${sample.workerEvaluatedMs == null ? '–' : Math.round(sample.workerEvaluatedMs)}` : ''}), complete ${sample.completeMs === null ? `never (missing: ${sample.missing.join(', ')})` : `${Math.round(sample.completeMs)} ms`}`,
            );
          }
        } finally {
          await browser.close();
        }
      }
  }
  return { samples, firstLoads };
}
