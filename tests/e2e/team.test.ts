/**
 * Team mode end to end: the sandbox as BigCommerce, two team-service replicas on one database
 * (two processes on PostgreSQL when TEST_DATABASE_URL is set; on the embedded PGlite, which one
 * process only may open, the service's own `--replicas 2`: two services in one process), and two
 * agents in two Chromium profiles, each connected from the options page to a different replica.
 * Counted in the sandbox's own state, never in what the extension says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toMinor } from '../../lib/actions/money';
import { personas } from '../../sandbox/personas';
import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { E2E_EXTENSION_DIR, launchWithExtension, type LaunchedExtension } from '../../scripts/lib/browser';
import {
  BACKENDS,
  createTestDatabase,
  mainStoreInput,
  startReplicas,
  teamClient,
  type ServiceProcess,
  type TestDatabase,
} from '../team/harness';
import {
  JANE_ORDERS,
  eventually,
  holdsFor,
  openDialog,
  openJane,
  refundConfirm,
  refundPosts,
  storeReader,
  waitForQuote,
} from './actions-helpers';
import {
  dumpState,
  dumpStorage,
  filesUnder,
  openOptions,
  readText,
  recordConsole,
  secretsIn,
  storeSection,
  visibleText,
  type ConsoleLine,
} from './admin-helpers';
import { gladlyUrl, sidebarFrame, type E2EWorld } from './harness';
import { sidebarText, waitSettled } from './sidebar-helpers';

const REVOKED = 'This access key was revoked. Ask your admin for a new one.';
const STORE_NAME = 'Main';
const AGENTS = ['Alice (agent)', 'Bob (agent)'] as const;
const cents = (amount: number | string) => toMinor(String(amount));

interface Agent {
  name: string;
  key: string;
  keyId: string;
  serviceUrl: string;
  world: E2EWorld;
  console: { lines: ConsoleLine[] };
}

/** Every `message` event each page's window receives, from its first script on. */
async function recordWindowMessages(browser: LaunchedExtension): Promise<void> {
  await browser.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __seenMessages: string[] }).__seenMessages = seen;
    addEventListener('message', (event) => {
      try {
        seen.push(JSON.stringify(event.data) ?? String(event.data));
      } catch {
        seen.push(String(event.data));
      }
    });
  });
}

/** The agent's own steps on the options page: Team mode, address, key, Connect. */
async function connectFromOptions(agent: Agent): Promise<Page> {
  const options = await openOptions(agent.world.browser);
  await options.getByLabel('Team (a shared team service)').check();
  await options.getByLabel('Team service address').fill(agent.serviceUrl);
  await options.getByLabel('Access key').fill(agent.key);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.getByText(`Connected as ${agent.name} (agent).`).waitFor({ timeout: 30_000 });
  return options;
}

describe.runIf(BACKENDS.length > 0)(
  `team mode: two agents, two service replicas on one database (${BACKENDS.at(-1)})`,
  () => {
    let sandbox: SandboxHandle;
    let database: TestDatabase;
    let services: ServiceProcess[] = [];
    let admin: ReturnType<typeof teamClient>;
    let storeTokens: string[];
    const agents: Agent[] = [];

    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0, gladlyPort: 0 });
      storeTokens = sandbox.info.bigcommerce.stores.flatMap((s) => [s.accessToken, s.limitedAccessToken]);
      database = await createTestDatabase(BACKENDS.at(-1)!);
      const replicas = await startReplicas(database);
      services = replicas.processes;
      if (!replicas.adminKey) throw new Error('The fresh service printed no admin key');
      admin = teamClient(replicas.urls[0], replicas.adminKey);
      // The admin connects the store once, on the service (its token never goes to an agent).
      const saved = await admin.json('PUT', '/v1/admin/stores/main', mainStoreInput(sandbox, { name: STORE_NAME }));
      expect(saved.status).toBe(200);
      for (const [index, name] of AGENTS.entries()) {
        const issued = await admin.json<{ id: string; key: string }>('POST', '/v1/admin/keys', { name, role: 'agent' });
        expect(issued.status).toBe(201);
        const browser = await launchWithExtension();
        await recordWindowMessages(browser);
        const world: E2EWorld = { sandbox, browser, close: () => browser.close() };
        agents.push({
          name,
          key: issued.body.key,
          keyId: issued.body.id,
          // Each agent on its own replica: only the database is shared.
          serviceUrl: replicas.urls[index]!,
          world,
          console: recordConsole(browser.context),
        });
      }
    }, 240_000);

    afterAll(async () => {
      for (const agent of agents) await agent.world.browser.close();
      for (const service of services) await service.stop();
      await database?.drop();
      await sandbox?.close();
    });

    it('each agent connects from the options page; the key is sealed, never in storage in clear', async () => {
      for (const agent of agents) {
        const options = await connectFromOptions(agent);
        expect(await options.getByLabel('Access key').inputValue()).toBe('');
        // Everything lives in the background's own IndexedDB store (out of content-script reach).
        const local = await dumpState(options);
        expect(local['vault:team-key']).toBeTruthy();
        expect(secretsIn(JSON.stringify({ state: local, ...(await dumpStorage(options)) }), [agent.key])).toEqual([]);
        expect(secretsIn(await options.content(), [agent.key])).toEqual([]);
        await options.close();
      }
    });

    it("both agents see Jane's orders, looked up by the service", async () => {
      for (const agent of agents) {
        const { page, frame } = await openJane(agent.world);
        await visibleText(storeSection(frame, STORE_NAME).locator('section[aria-label="Customer profile"]'), 30_000);
        expect(await frame.locator('body').innerText()).toContain(personas.jane.name);
        await page.close();
      }
    });

    it('the same refund confirmed by both agents at once, through two replicas: exactly one refund in the store', async () => {
      const order = JANE_ORDERS.janeCustomLine;
      const store = storeReader(agents[0]!.world);
      const before = (await store.refunds(order)).length;
      const tabs = await Promise.all(agents.map((agent) => openJane(agent.world)));
      const dialogs = [];
      for (const tab of tabs) {
        const dialog = await openDialog(tab.frame, order, 'Partial refund');
        // A custom amount may be refunded again and again: only the team-wide order lock keeps it to one.
        await dialog.getByLabel(/^Custom amount/).fill('5.00');
        expect(await waitForQuote(dialog)).toBe('Refund $5.00');
        dialogs.push(dialog);
      }
      sandbox.control.clearLog();
      sandbox.control.configure({ latencyMs: 400 });
      try {
        await Promise.all(dialogs.map((dialog) => refundConfirm(dialog).click()));
        const done = /^Refunded \$5\.00 \(refund \d+\)\.$/;
        const busy = /Another action on this order is still running/;
        const outcomes = await Promise.all(
          dialogs.map(async (dialog) => {
            const result = dialog.getByText(done).or(dialog.getByRole('alert').filter({ hasText: busy }));
            await result.first().waitFor({ timeout: 30_000 });
            return done.test(((await result.first().textContent()) ?? '').trim()) ? 'refunded' : 'busy';
          }),
        );
        expect(outcomes.sort()).toEqual(['busy', 'refunded']);
      } finally {
        sandbox.control.configure({ latencyMs: 0 });
      }
      await holdsFor(
        () => store.refunds(order).then((r) => r.length),
        (n) => n === before + 1,
        2_000,
        'exactly one new refund',
      );
      expect(cents((await store.refunds(order)).at(-1)!.total_amount)).toBe(500);
      expect(refundPosts(agents[0]!.world, order)).toBe(1);
      for (const tab of tabs) await tab.page.close();
    });

    it("both agents' actions are in the team audit log, under their keys' names", async () => {
      // The agent who was told "busy" refunds one sock of another order: an action of their own.
      const order = JANE_ORDERS.janeCapturedAwaiting;
      const audit = async () =>
        (
          await admin.json<{ entries: Array<{ agent: string; action: string; result: string }> }>(
            'GET',
            '/v1/admin/audit',
          )
        ).body.entries;
      const done = new Set((await audit()).filter((e) => e.result === 'succeeded').map((e) => e.agent));
      const other = agents.find((a) => !done.has(a.name));
      if (other) {
        const { page, frame } = await openJane(other.world);
        const dialog = await openDialog(frame, order, 'Partial refund');
        await dialog.getByLabel(/^Alpine Wool Socks/).fill('1');
        await waitForQuote(dialog);
        await refundConfirm(dialog).click();
        await dialog.getByText(/^Refunded .* \(refund \d+\)\.$/).waitFor({ timeout: 30_000 });
        await page.close();
      }
      const entries = await eventually(
        audit,
        (list) =>
          AGENTS.every((name) =>
            list.some((e) => e.agent === name && e.action === 'refund' && e.result === 'succeeded'),
          ),
        10_000,
        "both agents' refunds in the audit log",
      );
      expect(new Set(entries.map((e) => e.agent))).toEqual(new Set(AGENTS));
    });

    it('an unlink by one agent stops the auto-link for the other', async () => {
      const [alice, bob] = agents as [Agent, Agent];
      const { page, frame } = await openJane(alice.world);
      const main = storeSection(frame, STORE_NAME);
      // Linked since the first lookup (by the rules, team-wide).
      const unlink = main.locator('section[aria-label="Customer profile"]').getByRole('button', { name: 'Unlink' });
      await unlink.waitFor({ timeout: 30_000 });
      await unlink.click();
      const linkJane = (f: typeof frame) =>
        storeSection(f, STORE_NAME).getByRole('button', { name: `Link ${personas.jane.name}`, exact: true });
      await linkJane(frame).waitFor({ timeout: 30_000 });
      await page.close();

      // Bob, on the other replica and in another browser: Jane is offered, never linked.
      const other = await bob.world.browser.context.newPage();
      await other.goto(gladlyUrl(bob.world, 'jane', '?skeleton=0'));
      const bobFrame = await sidebarFrame(other, 30_000);
      await linkJane(bobFrame).waitFor({ timeout: 30_000 });
      await waitSettled(bobFrame);
      expect(await sidebarText(bobFrame)).not.toContain('Linked automatically');
      expect(await sidebarText(bobFrame)).toContain(
        'This customer was unlinked before, so it is not linked automatically.',
      );
      expect(await storeSection(bobFrame, STORE_NAME).getByText('Linked automatically', { exact: true }).count()).toBe(
        0,
      );
      expect(await storeSection(bobFrame, STORE_NAME).locator('section[aria-label="Customer profile"]').count()).toBe(
        0,
      );
      await other.close();
    });

    it("a revoked key: the agent's next lookup is refused with the contract's clear message", async () => {
      const bob = agents[1]!;
      const revoked = await admin.json('DELETE', `/v1/admin/keys/${encodeURIComponent(bob.keyId)}`);
      expect(revoked.status).toBe(200);
      sandbox.control.clearLog();
      const page = await bob.world.browser.context.newPage();
      await page.goto(gladlyUrl(bob.world, 'guest', '?skeleton=0'));
      const frame = await sidebarFrame(page, 30_000);
      await frame.getByText(REVOKED).waitFor({ timeout: 30_000 });
      // Nothing reached the store for Bob's lookup.
      expect(sandbox.control.log().filter((e) => e.service === 'bigcommerce')).toEqual([]);
      await page.close();
    });

    it('the store token never reaches either browser: storage, DOM, window messages, console, bundles', async () => {
      expect(storeTokens.length).toBeGreaterThan(0);
      for (const agent of agents) {
        const options = await openOptions(agent.world.browser);
        const local = await dumpState(options);
        const { local: plain, sync } = await dumpStorage(options);
        expect(Object.keys(local)).toEqual(expect.arrayContaining(['settings', 'vault:team-key', 'team.profile']));
        expect(secretsIn(JSON.stringify(plain), storeTokens)).toEqual([]);
        // No store token, sealed or not: in team mode the browser holds none at all.
        expect(Object.keys(local).filter((k) => k.startsWith('vault:connection:'))).toEqual([]);
        expect(secretsIn(JSON.stringify({ local, sync }), storeTokens)).toEqual([]);
        expect(secretsIn(await options.content(), storeTokens)).toEqual([]);
        await options.close();

        const page = await agent.world.browser.context.newPage();
        await page.goto(gladlyUrl(agent.world, 'jane', '?skeleton=0'));
        const frame = await sidebarFrame(page, 30_000);
        // Alice sees Jane; Bob, whose key was revoked, the refusal.
        await storeSection(frame, STORE_NAME).or(frame.getByText(REVOKED)).first().waitFor({ timeout: 30_000 });
        for (const f of page.frames()) expect(secretsIn(await f.content(), storeTokens), f.url()).toEqual([]);
        const seen = await page.evaluate(
          () => (window as unknown as { __seenMessages?: string[] }).__seenMessages ?? [],
        );
        for (const m of seen) expect(secretsIn(m, storeTokens)).toEqual([]);
        await page.close();

        expect(agent.console.lines.filter((l) => secretsIn(l.text, [...storeTokens, agent.key]).length > 0)).toEqual(
          [],
        );
      }
      for (const file of filesUnder(E2E_EXTENSION_DIR))
        expect(secretsIn(readText(file), storeTokens), file).toEqual([]);
    });
  },
);
