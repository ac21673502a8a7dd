/**
 * `npm run bench`: how fast agents see a customer, measured in real Chromium against the sandbox
 * with injected latency, next to the way Gladly's own BigCommerce app fetches the same profile;
 * bundle sizes; the order list's render time; a shared-quota simulation. JSON summary on stdout,
 * readable tables on stderr, the JSON also in bench/results/latest.json. Targets are reported,
 * never asserted. Talks only to 127.0.0.1; every part is bounded in time.
 *
 * The sandbox speaks HTTP/2 over TLS by default, as api.bigcommerce.com does (Chromium trusts its
 * self-signed certificate by its public key); `--http1` measures over plain HTTP/1.1 instead,
 * where Chromium opens at most 6 connections per host and queues the rest.
 *
 *   npm run bench -- [--latency 150] [--runs 5] [--agents 50] [--team-agents 50,100,200,400] [--no-build]
 *                    [--only browser,baseline,bundles,render,quota,team] [--timeline] [--http1]
 *                    [--timeline-svg docs/timeline.svg [--timeline-before an-earlier-run.json]]
 *                    [--compare another/checkout/.output-e2e/chrome-mv3]
 *
 * `--compare`: the browser scenarios only, this build and another built extension alternated
 * within every run (./lib/compare.ts); prints their medians side by side and writes
 * bench/results/compare.json (latest.json is left alone).
 *
 * `--timeline-svg` draws a typical visit (the run with the median panel → orders) of Jane as a
 * waterfall, and of Jane with Gladly's API connected; `--timeline-before` adds Jane's visit from an
 * earlier run's JSON (e.g. bench/results/latest.json saved before a change) above them.
 *
 * `team`: the quota simulation at each --team-agents count on one Standard-plan store (150 requests /
 * 30 s), standalone (each agent its own extension) against team mode (every lookup through one team
 * service on PGlite, or BENCH_DATABASE_URL).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxHandle } from '../sandbox/server';
import { personas } from '../sandbox/personas';
import { E2E_EXTENSION_DIR, findChrome } from '../scripts/lib/browser';
import { expectedLookup, probeSpecFor } from '../scripts/lib/expected';
import { PRODUCTION_EXTENSION_DIR, buildE2E, buildProduction, onStopSignal } from '../scripts/lib/run';
import type { ProbeSpec } from '../scripts/lib/sidebar-probe';
import { runBaselineBench, type BaselineSample } from './lib/baseline-bench';
import { runBrowserBench, type FirstLoadSample, type ScenarioSample } from './lib/browser-bench';
import { measureBundles, type EntrySize } from './lib/bundles';
import {
  compositionOfFile,
  compositionOfFiles,
  largestOwnFiles,
  removeSourceMaps,
  type CompositionPart,
} from './lib/bundle-composition';
import { runQuotaSim, type QuotaSimResult } from './lib/quota-sim';
import { startBenchTeamService } from './lib/team-sim';
import { runRenderBench, type RenderResult } from './lib/render-bench';
import { markdownReport, plainReport, summarise, summariseFirstLoads, targets } from './lib/report';
import { SCENARIOS } from './lib/scenarios';
import { compareBuilds, comparisonTable } from './lib/compare';
import { markdownTable, plainTable } from './lib/table';
import { typicalVisit, waterfallSvg, type WaterfallVisit } from './lib/waterfall';

const PARTS = ['browser', 'baseline', 'bundles', 'render', 'quota', 'team'] as const;
type Part = (typeof PARTS)[number];

const { values: flags } = parseArgs({
  options: {
    latency: { type: 'string', default: '150' },
    runs: { type: 'string', default: '5' },
    agents: { type: 'string', default: '50' },
    'team-agents': { type: 'string', default: '50,100,200,400' },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    skeleton: { type: 'string', default: '500' },
    linger: { type: 'string', default: '300' },
    timeout: { type: 'string', default: '20000' },
    timeline: { type: 'boolean', default: false },
    'timeline-svg': { type: 'string' },
    'timeline-before': { type: 'string' },
    http1: { type: 'boolean', default: false },
    compare: { type: 'string' },
  },
  strict: true,
});

const say = (line: string) => process.stderr.write(`${line}\n`);
function fail(message: string): never {
  say(`bench: ${message}`);
  process.exit(1);
}
function whole(name: string, raw: string | undefined, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) fail(`--${name} wants a whole number ≥ ${min}, got "${raw}"`);
  return value;
}

const config = {
  latencyMs: whole('latency', flags.latency, 0),
  runs: whole('runs', flags.runs, 1),
  agents: whole('agents', flags.agents, 1),
  teamAgents: (flags['team-agents'] ?? '').split(',').map((n) => whole('team-agents', n.trim(), 1)),
  skeletonMs: whole('skeleton', flags.skeleton, 0),
  lingerMs: whole('linger', flags.linger, 0),
  scenarioTimeoutMs: whole('timeout', flags.timeout, 1000),
  /** How the sandbox speaks: HTTP/2 over TLS (as api.bigcommerce.com), or plain HTTP/1.1 with --http1. */
  protocol: flags.http1 ? ('http/1.1' as const) : ('h2' as const),
  quota: { requests: 150, windowMs: 30_000, lookupIntervalMs: 60_000, compress: 10, lookupsPerAgent: 3 },
  renderRuns: 20,
};
/** The TLS sandbox (HTTP/2, as api.bigcommerce.com) unless --http1. */
const overHttp2 = config.protocol === 'h2';
const compareDir = flags.compare ? resolve(flags.compare) : undefined;
if (compareDir && !existsSync(join(compareDir, 'manifest.json')))
  fail(
    `--compare wants a built extension (a folder with manifest.json, e.g. .output-e2e/chrome-mv3); got "${flags.compare}"`,
  );
const COMPARED: readonly [string, string] = ['this build', 'compared'];
const parts = new Set<Part>(
  compareDir
    ? ['browser']
    : flags.only
      ? flags.only.split(',').map((p) => {
          const part = p.trim() as Part;
          if (!PARTS.includes(part)) fail(`--only takes ${PARTS.join(', ')}; got "${p}"`);
          return part;
        })
      : PARTS,
);
/** Timing runs must not be slowed by the store's quota (the quota simulation covers that). */
const UNLIMITED = { quota: 1_000_000, windowMs: 30_000 };
/** The whole run stops by itself even if something hangs. */
const HARD_LIMIT_MS = 15 * 60_000;

async function main(): Promise<void> {
  let sandbox: SandboxHandle | undefined;
  const stop = async () => {
    await sandbox?.close().catch(() => undefined);
  };
  onStopSignal(async (signal) => {
    say(`${signal}: stopping`);
    await stop();
    process.exit(130);
  });
  setTimeout(() => {
    say(`bench: still running after ${HARD_LIMIT_MS / 60_000} min; stopping.`);
    void stop().finally(() => process.exit(1));
  }, HARD_LIMIT_MS).unref();

  const needsBrowser = parts.has('browser') || parts.has('render');
  if (needsBrowser) {
    try {
      findChrome();
    } catch (error) {
      fail((error as Error).message);
    }
  }
  if (!flags['no-build']) {
    if (parts.has('browser') || parts.has('bundles')) {
      say('Building the e2e extension…');
      await buildE2E();
    }
    if (parts.has('bundles')) {
      say('Building the production extension…');
      // Source maps (not referenced from the scripts, removed after measuring) tell what the background holds.
      process.env.BUNDLE_SOURCEMAPS = '1';
      await buildProduction();
      delete process.env.BUNDLE_SOURCEMAPS;
    }
  }

  const notes: string[] = [];
  if (parts.has('browser')) {
    notes.push(
      `Browser timings (ms from navigation by pushState) are medians of ${config.runs} runs ` +
        `in headless Chromium, a fresh profile per run, sandbox latency ${config.latencyMs} ` +
        `ms per request; they include the look-alike's ${config.lingerMs} ms old-panel linger ` +
        `and ${config.skeletonMs} ms skeleton.`,
      '"After detection" times start at the first BigCommerce request of the visit (the identity ' +
        "was read and sent). One round trip = the median server-side time of that scenario's " +
        'requests (latency included); "as the worker saw it" = the median duration of the same ' +
        "requests in the worker's Resource Timing (the server's time plus Chromium's network stack, " +
        'TLS and transfer, on the same 2 cores as everything else). Requests and round trips: the sandbox log between navigation ' +
        'and completion; round trips = the longest chain of requests each sent after the previous ' +
        'one answered.',
      '"First orders": the profile and the first expected order on screen; "all orders": every ' +
        'one of the (up to 10 per store) orders our lookup ends with; "complete": those plus ' +
        'tracking numbers, the newest order opened with its images loaded, and no loading indicator.',
      'Revisit: Jane again after the other customers in the same browser (the lookup cache is fresh for 60 s).',
      '"Panel ms": navigation → the look-alike rendered the new customer\'s panel (it stamps `data-rendered-at`); "panel → orders": from that moment to profile + orders in the sidebar, what the agent waits for. Goal: ≤ 1 round trip + 50 ms for a customer with an email.',
      "Cold worker: after the revisit, the bench goes to a customer without identity, empties the lookup cache (storage.session) and stops the extension's service worker over CDP (`ServiceWorker.stopAllWorkers`), then opens Jane (linked by the first visit); the next message starts a new worker. Worker start-up: the new worker's `background-ready` mark (bundle parsed and evaluated, listeners wired), ms from its start. Goal: panel → orders within 50 ms of the warm first visit.",
      "Gladly API connected: a second browser per run with the stores and the Gladly look-alike's REST API connected (the API answers after the same injected latency as BigCommerce); Jane's first visit. Goal: profile + orders no later than 50 ms after Gladly's own panel (a negative time: before it).",
      'First load: each run starts with a full page load of the look-alike; "sidebar ready" is the sidebar frame\'s `sidebar-ready` mark (a running worker sent its configuration), both ms from navigation start. Goal: the sidebar is ready before Gladly\'s first panel.',
      overHttp2
        ? 'The sandbox speaks HTTP/2 over TLS on one origin for every store, as api.bigcommerce.com ' +
            'does (Chromium trusts its self-signed certificate by its public key; `--http1` measures ' +
            'over plain HTTP/1.1): one connection carries every request, none waits for a free ' +
            'connection.'
        : 'The sandbox speaks plain HTTP/1.1 here (`--http1`) on one origin for every store, ' +
            'and Chromium opens at most 6 connections per host: a round of more than 6 requests ' +
            '(product images included) is split in two, where api.bigcommerce.com (HTTP/2) would ' +
            'send it at once. Our round trips and times are therefore upper bounds; the baseline, ' +
            'in Node, has no such limit.',
    );
  }
  if (parts.has('baseline')) {
    notes.push(
      'Scenario timings and the baseline run with the store quota lifted, so they measure latency ' +
        'only; the shared quota has its own simulation.',
      `Baseline: Gladly's own BigCommerce app (customer by primary email → orders by customer ` +
        `id → per order products, shipments, transactions), run in Node against the same sandbox ` +
        `and latency, each step's requests in parallel (its most generous reading: Node's fetch ` +
        `over HTTP/1.1${overHttp2 ? ' with TLS' : ''}, one connection per request in flight, ` +
        `no limit per host), once per connected store, no cache. Its time runs from its first ` +
        `request to its last answer; ours from detection to complete.`,
    );
  }

  let ours: ScenarioSample[] | null = null;
  let firstLoads: FirstLoadSample[] | null = null;
  let baseline: BaselineSample[] | null = null;
  let render: RenderResult | null = null;
  let quota: QuotaSimResult | null = null;
  const team: { agents: number; standalone: QuotaSimResult; team: QuotaSimResult }[] = [];
  const bundles: { build: string; sizes: EntrySize[] }[] = [];
  let backgroundParts: CompositionPart[] | null = null;
  let sidebarParts: CompositionPart[] | null = null;
  let contentScriptParts: CompositionPart[] | null = null;

  try {
    if (parts.has('browser') || parts.has('baseline') || parts.has('quota') || parts.has('team')) {
      sandbox = await startSandbox({ port: 0, gladlyPort: 0, latencyMs: 0, tls: overHttp2 });
      say(
        `Sandbox: ${sandbox.info.bigcommerce.baseUrl} (BigCommerce, ${overHttp2 ? 'HTTP/2 over TLS' : 'HTTP/1.1'}), ` +
          `${sandbox.info.gladly.baseUrl} (Gladly)`,
      );
    }
    if (sandbox && parts.has('browser')) {
      // What each visit should end with, from our own lookup in Node (no latency, before timing).
      const hashes = sandbox.info.bigcommerce.stores.map((s) => s.hash);
      const specs: Record<string, ProbeSpec> = {};
      for (const scenario of SCENARIOS)
        specs[scenario.key] = probeSpecFor(await expectedLookup(sandbox.info, personas[scenario.persona], hashes));
      sandbox.control.reset();
      sandbox.control.configure({ latencyMs: config.latencyMs, ...UNLIMITED });
      say(`Browser scenarios (${config.runs} runs${compareDir ? `, this build and ${compareDir} alternated` : ''})…`);
      const browserResult = await runBrowserBench({
        ...(compareDir
          ? {
              builds: [
                { label: COMPARED[0], dir: E2E_EXTENSION_DIR },
                { label: COMPARED[1], dir: compareDir },
              ],
            }
          : {}),
        sandbox,
        runs: config.runs,
        specs,
        skeletonMs: config.skeletonMs,
        lingerMs: config.lingerMs,
        timeoutMs: config.scenarioTimeoutMs,
        timeline: flags.timeline,
        progress: say,
      });
      if (compareDir) {
        reportComparison(browserResult.samples, compareDir);
        return;
      }
      ours = browserResult.samples;
      firstLoads = browserResult.firstLoads;
      const versions = [...new Set(ours.flatMap((s) => s.httpVersions ?? []))]
        .sort()
        .map((v) => `HTTP/${v === '2.0' ? '2' : v}`);
      notes.push(
        `Chromium's requests reached the sandbox over ${versions.length > 0 ? versions.join(' and ') : '– (none logged)'} ` +
          `(the sandbox's request log).`,
      );
    }
    if (sandbox && parts.has('baseline')) {
      sandbox.control.reset();
      sandbox.control.configure({ latencyMs: config.latencyMs, ...UNLIMITED });
      say(`Baseline (${config.runs} runs)…`);
      baseline = await runBaselineBench(sandbox, config.runs);
      const failed = baseline.filter((b) => b.failedRequests > 0);
      if (failed.length > 0) {
        notes.push(
          `Baseline: ${failed.reduce((n, b) => n + b.failedRequests, 0)} of its requests failed ` +
            `(${[...new Set(failed.flatMap((b) => b.failures))].join(', ')}); a 404 from an ` +
            `endpoint the sandbox does not serve still took the same latency, so request counts ` +
            `and times stand.`,
        );
      }
    }
    if (parts.has('bundles')) {
      bundles.push({ build: 'production', sizes: measureBundles(PRODUCTION_EXTENSION_DIR) });
      bundles.push({ build: 'e2e', sizes: measureBundles(E2E_EXTENSION_DIR) });
      for (const b of bundles)
        if (b.sizes.length === 0)
          notes.push(`No ${b.build} build found: its sizes are not measured (run without --no-build).`);
      backgroundParts = compositionOfFile(join(PRODUCTION_EXTENSION_DIR, 'background.js'));
      // The pages' scripts too: what the sidebar and the content script hold, per package.
      const production = bundles.find((b) => b.build === 'production')?.sizes ?? [];
      const scriptsOf = (entry: string) =>
        (production.find((e) => e.entry === entry)?.files ?? [])
          .filter((file) => file.endsWith('.js'))
          .map((file) => join(PRODUCTION_EXTENSION_DIR, file));
      sidebarParts = compositionOfFiles(scriptsOf('sidebar'));
      contentScriptParts = compositionOfFiles(scriptsOf('content script'));
      const ownFiles = largestOwnFiles(join(PRODUCTION_EXTENSION_DIR, 'background.js'), 10);
      if (ownFiles)
        notes.push(
          `The production background's 10 largest own source files (raw, gzip of each on its own): ${ownFiles
            .map((f) => `${f.part} ${(f.raw / 1024).toFixed(1)} / ${(f.gzip / 1024).toFixed(1)} kB`)
            .join(', ')}.`,
        );
      removeSourceMaps(PRODUCTION_EXTENSION_DIR);
      const listed = (parts: CompositionPart[]) =>
        parts
          .filter((p) => p.gzip >= 512)
          .map((p) => `${p.part} ${(p.gzip / 1024).toFixed(1)} kB`)
          .join(', ');
      for (const [what, entryParts] of [
        ['background', backgroundParts],
        ['sidebar (its scripts)', sidebarParts],
        ['content script', contentScriptParts],
      ] as const)
        if (entryParts)
          notes.push(
            `What the production ${what} holds (each part gzipped on its own, from the build's source map): ${listed(entryParts)}.`,
          );
    }
    if (parts.has('render')) {
      say('Render time of the order list…');
      render = await runRenderBench(10, 20, config.renderRuns);
      notes.push(
        `Render: the sidebar's real OrderList (production build) in headless Chromium with ` +
          `a synthetic ${render.orders} orders × ${render.lines} lines, median of ${render.runs} ` +
          `after warm-up, style and layout included. Line items are collapsed until an order ` +
          `is opened, so "as first shown" renders ${render.orders} rows; opening every order ` +
          `at once took ${render.openAllMsMedian ?? '–'} ms.`,
      );
    }
    if (sandbox && parts.has('quota')) {
      sandbox.control.reset();
      sandbox.control.configure({ latencyMs: config.latencyMs });
      const q = config.quota;
      say(`Shared-quota simulation (${config.agents} agents, time ÷ ${q.compress})…`);
      quota = await runQuotaSim(sandbox, {
        agents: config.agents,
        quota: q.requests,
        windowMs: q.windowMs,
        lookupIntervalMs: q.lookupIntervalMs,
        compress: q.compress,
        lookupsPerAgent: q.lookupsPerAgent,
        deadlineMs: 40_000,
      });
      notes.push(
        `Quota simulation: time compressed ÷ ${q.compress} (window ${quota.compressedWindowMs} ` +
          `ms for ${q.windowMs / 1000} s, one lookup per agent every ${quota.compressedLookupIntervalMs} ` +
          `ms for ${q.lookupIntervalMs / 1000} s; same ratios), ${q.lookupsPerAgent} lookups ` +
          `per agent, each agent with its own client and governor, request latency ${config.latencyMs} ` +
          `ms (not compressed).`,
      );
    }
    if (sandbox && parts.has('team')) {
      const q = config.quota;
      const simOptions = (agents: number) => ({
        agents,
        quota: q.requests,
        windowMs: q.windowMs,
        lookupIntervalMs: q.lookupIntervalMs,
        compress: q.compress,
        lookupsPerAgent: q.lookupsPerAgent,
        deadlineMs: 40_000,
      });
      const service = await startBenchTeamService(sandbox);
      try {
        for (const agents of config.teamAgents) {
          sandbox.control.reset();
          sandbox.control.configure({ latencyMs: config.latencyMs });
          say(`Team part: ${agents} agents standalone…`);
          const standalone = await runQuotaSim(sandbox, simOptions(agents));
          sandbox.control.reset();
          sandbox.control.configure({ latencyMs: config.latencyMs });
          await service.reset();
          say(`Team part: ${agents} agents through the team service (${service.database.split(':')[0]})…`);
          const viaTeam = await runQuotaSim(sandbox, { ...simOptions(agents), lookupVia: service.lookupVia });
          team.push({ agents, standalone, team: viaTeam });
        }
      } finally {
        await service.close();
      }
      notes.push(
        `Team part: the quota simulation's schedule (time ÷ ${q.compress}, ${q.lookupsPerAgent} lookups per agent, ${config.latencyMs} ms per request) on one store of ${q.requests} requests / ${q.windowMs / 1000} s, standalone (each agent its own client, governor and no shared cache) against team mode (each agent its own access key, every lookup through one team service on ${service.database.split(':')[0]}: shared cache, one governor for the store). p50/p95 are of the lookups that succeeded.`,
      );
    }
  } finally {
    await stop();
  }

  const scenarios = summarise(ours, baseline, config.latencyMs);
  const firstLoad = summariseFirstLoads(firstLoads);
  const targetList = targets(
    scenarios,
    bundles.find((b) => b.build === 'production' && b.sizes.length > 0)?.sizes ??
      bundles.find((b) => b.sizes.length > 0)?.sizes ??
      null,
    render,
    quota,
    firstLoad,
  );
  const tables = { scenarios, targets: targetList, bundles };
  const markdown = markdownReport(
    tables,
    `Measured ${new Date().toISOString().slice(0, 10)}: ${config.runs} runs, ${config.latencyMs} ` +
      `ms latency per request, sandbox over ${overHttp2 ? 'HTTP/2 (TLS)' : 'HTTP/1.1'} (\`npm ` +
      `run bench${overHttp2 ? '' : ' -- --http1'}\`).`,
    notes,
  );
  const summary = {
    generatedAt: new Date().toISOString(),
    config,
    parts: [...parts],
    notes,
    scenarios,
    bundles: bundles.map((b) => ({ build: b.build, entries: b.sizes })),
    backgroundParts,
    sidebarParts,
    contentScriptParts,
    render,
    quota,
    firstLoad,
    team,
    targets: targetList,
    samples: { ours, baseline, firstLoads },
    markdown,
  };

  if (flags['timeline-svg'] && ours) {
    const visits: WaterfallVisit[] = [];
    const label = (title: string, sample: ScenarioSample) =>
      `${title}: panel → orders ${sample.panelToOrdersMs == null ? '–' : Math.round(sample.panelToOrdersMs)} ms`;
    if (flags['timeline-before']) {
      const before = JSON.parse(readFileSync(flags['timeline-before'], 'utf8')) as {
        samples?: { ours?: ScenarioSample[] | null };
      };
      const visit = typicalVisit(before.samples?.ours ?? [], 'jane');
      if (visit?.timeline) visits.push({ title: label('Before · Jane', visit), timeline: visit.timeline });
      else notes.push(`--timeline-before: no timed visit of Jane in ${flags['timeline-before']}.`);
    }
    const jane = typicalVisit(ours, 'jane');
    if (jane?.timeline) visits.push({ title: label('After · Jane', jane), timeline: jane.timeline });
    const api = typicalVisit(ours, 'api');
    if (api?.timeline) visits.push({ title: label('After · Jane, Gladly API connected', api), timeline: api.timeline });
    const path = resolve(flags['timeline-svg']);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      waterfallSvg(
        visits,
        `One visit to Jane, ms from navigation (${config.latencyMs} ms latency per request, median run of ${config.runs})`,
      ),
    );
    say(`Waterfall written to ${path}`);
  }

  const json = JSON.stringify(summary, null, 2);
  writeResult('latest.json', json);

  say('');
  say(plainReport(tables));
  say('');
  for (const note of notes) say(`* ${note}`);
  if (quota)
    say(
      `* Quota: ${quota.lookups} lookups, ${quota.requests} requests, ${quota.http429} × 429, ` +
        `p50 ${quota.lookupMsP50 ?? '–'} ms, p95 ${quota.lookupMsP95 ?? '–'} ms.`,
    );
  if (team.length > 0) {
    say('');
    say(
      '| agents | standalone failed | standalone p50 / p95 ms | standalone 429s | team failed | team p50 / p95 ms | team 429s | team requests |',
    );
    say('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of team) {
      const a = row.standalone;
      const b = row.team;
      say(
        `| ${row.agents} | ${a.failedLookups} / ${a.lookups} | ${a.lookupMsP50 ?? '–'} / ${a.lookupMsP95 ?? '–'} | ${a.http429} | ${b.failedLookups} / ${b.lookups} | ${b.lookupMsP50 ?? '–'} / ${b.lookupMsP95 ?? '–'} | ${b.http429} | ${b.requests} |`,
      );
    }
  }
  say('');
  say('Markdown for the README (also in bench/results/latest.json):');
  say('');
  say(markdown);
  process.stdout.write(`${json}\n`);
}

/** Writes a JSON report into bench/results/ (ignored by git). */
function writeResult(name: string, json: string): void {
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, name), `${json}\n`);
}

/** `--compare`: both builds' medians side by side, on stderr and in bench/results/compare.json. */
function reportComparison(samples: ScenarioSample[], dir: string): void {
  const rows = compareBuilds(samples, COMPARED);
  const { headers, cells } = comparisonTable(rows, COMPARED);
  const summary = {
    generatedAt: new Date().toISOString(),
    config,
    compared: { thisBuild: E2E_EXTENSION_DIR, other: dir },
    rows,
    samples,
  };
  writeResult('compare.json', JSON.stringify(summary, null, 2));
  say('');
  say(plainTable(headers, cells));
  say('');
  say(markdownTable(headers, cells));
  say('');
  say(
    `* ${config.runs} runs; in each, every scenario with both builds, one browser after the other, the first build swapped every run. ` +
      `Difference: this build minus the compared one (negative: this build is faster). Samples in bench/results/compare.json.`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
