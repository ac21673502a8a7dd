import fc from 'fast-check';
import { ZodType } from 'zod';
import { describe, it } from 'vitest';
import * as actions from '../../../lib/messages/actions';
import * as common from '../../../lib/messages/common';
import * as content from '../../../lib/messages/content';
import * as identity from '../../../lib/messages/identity';
import * as lookup from '../../../lib/messages/lookup';
import * as options from '../../../lib/messages/options';
import * as sidebar from '../../../lib/messages/sidebar';
import { createRouter } from '../../../lib/background/router';
import type { MessageHandler, TrustedSender } from '../../../lib/background/handler';
import type { SenderLike, SenderPolicy } from '../../../lib/background/senders';
import { createTabHandlers } from '../../../lib/background/tab-service';
import { createLookupHandlers } from '../../../lib/background/lookup-service';
import { createOptionsHandlers } from '../../../lib/background/options-service';
import { createActionsHandlers } from '../../../lib/background/actions-service';

const RUNS = 10_000;
const TIMEOUT = 60_000;

type Json = Record<string, unknown>;

const schemas = Object.entries({ actions, common, content, identity, lookup, options, sidebar }).flatMap(
  ([module, exports]) =>
    Object.entries(exports)
      .filter((entry): entry is [string, ZodType] => entry[1] instanceof ZodType)
      .map(([name, schema]) => ({ name: `${module}.${name}`, schema })),
);

// ---- one valid message of every type the background answers ----------------------------------

const panelIdentity = {
  name: 'Jane Cooper',
  emails: [{ value: 'jane.cooper@example.com', source: 'panel' }],
  phones: [{ value: '650 123 4569', type: 'Mobile', source: 'panel' }],
};
const selection = {
  lines: [{ lineItemId: '11', quantity: 1 }],
  shipping: [{ destinationId: 7, amount: '5.00' }],
  customAmount: null,
};
const order = { connectionId: 'main', orderId: '106' };
const VALID: Json[] = [
  { type: 'content/hello' },
  {
    type: 'identity/changed',
    url: 'https://acme.gladly.com/customer/abc',
    customerId: 'abc',
    identity: panelIdentity,
    agent: 'agent@acme.com',
  },
  { type: 'open-options', requestId: 'r1' },
  { type: 'gladly/insert-text', requestId: 'r2', text: 'Your code is SAVE10' },
  { type: 'lookup', requestId: 'r3', query: { kind: 'identity', identity: panelIdentity } },
  {
    type: 'lookup',
    requestId: 'r4',
    query: { kind: 'manual', attribute: 'email', value: 'jane@example.com' },
    refresh: true,
  },
  { type: 'link', requestId: 'r5', identity: panelIdentity, connectionId: 'main', customerId: '3' },
  { type: 'unlink', requestId: 'r6', identity: panelIdentity, connectionId: 'main' },
  { type: 'settings/get', requestId: 'r7' },
  { type: 'settings/save', requestId: 'r8', settings: { version: 1 }, secrets: { main: 'tok123' } },
  {
    type: 'settings/test-connection',
    requestId: 'r9',
    connection: {
      id: 'main',
      storeHash: 'abc123',
      actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true },
    },
  },
  {
    type: 'settings/test-gladly',
    requestId: 'r10',
    gladlyApi: { host: 'https://acme.gladly.com', email: 'api@acme.com' },
    token: 'tok',
  },
  { type: 'settings/export', requestId: 'r11' },
  { type: 'settings/import', requestId: 'r12', text: '{}' },
  { type: 'actions/cancel', requestId: 'r13', ...order, actionId: 'act-0001', reason: 'Customer asked' },
  { type: 'actions/refund-quote', requestId: 'r14', ...order, selection },
  {
    type: 'actions/refund',
    requestId: 'r15',
    ...order,
    actionId: 'act-0002',
    selection,
    payments: [{ providerId: 'storecredit', providerDescription: 'Store credit', amount: '12.50', offline: false }],
    expectedTotal: '12.50',
  },
  { type: 'actions/coupon-code-check', requestId: 'r16', connectionId: 'main', code: 'SAVE10' },
  {
    type: 'actions/coupon-create',
    requestId: 'r17',
    ...order,
    actionId: 'act-0003',
    coupon: { code: 'SAVE10', type: 'percentage', amount: '10', minPurchase: null, expires: '2030-01-01', maxUses: 1 },
  },
  { type: 'actions/status', requestId: 'r18', ...order },
  { type: 'audit/list', requestId: 'r19' },
];

// ---- mutations of valid messages: drop, null, retype, replace --------------------------------

type Path = string[];
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length) out.push(prefix);
  if (value && typeof value === 'object')
    for (const key of Object.keys(value)) pathsOf((value as Json)[key], [...prefix, key], out);
  return out;
}
const PATHS = VALID.map((message) => pathsOf(message));

const odd = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    '',
    ' ',
    'x'.repeat(70),
    '12.505',
    '-1',
    '1e3',
    0,
    -1,
    1.5,
    2 ** 53,
    NaN,
    null,
    undefined,
    true,
    [],
    {},
    'refund',
    'actions/refund',
    '/sidebar.html',
  ),
);
type Op = { kind: 'drop' } | { kind: 'retype' } | { kind: 'set'; value: unknown };
const op = fc.oneof(
  fc.constant<Op>({ kind: 'drop' }),
  fc.constant<Op>({ kind: 'retype' }),
  odd.map((value): Op => ({ kind: 'set', value })),
);

function mutate(index: number, mutations: Array<{ at: number; op: Op }>): unknown {
  const copy = structuredClone(VALID[index]!);
  const paths = PATHS[index]!;
  for (const m of mutations) {
    const path = paths[m.at % paths.length]!;
    let parent: unknown = copy;
    for (const key of path.slice(0, -1))
      parent = parent && typeof parent === 'object' ? (parent as Json)[key] : undefined;
    const key = path[path.length - 1]!;
    if (!parent || typeof parent !== 'object') continue;
    const target = parent as Json;
    if (m.op.kind === 'drop') delete target[key];
    else if (m.op.kind === 'retype') {
      const value = target[key];
      target[key] =
        typeof value === 'string'
          ? Number.isFinite(Number(value))
            ? Number(value)
            : [value]
          : typeof value === 'number'
            ? String(value)
            : value === null
              ? 0
              : null;
    } else target[key] = m.op.value;
  }
  return copy;
}

/** Arbitrary values, valid messages, and valid messages with 0–3 fields broken. */
const message = fc.oneof(
  { weight: 2, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.nat(VALID.length - 1).map((i) => structuredClone(VALID[i]!)) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.nat(VALID.length - 1), fc.array(fc.record({ at: fc.nat(), op }), { minLength: 1, maxLength: 3 }))
      .map(([i, list]) => mutate(i, list)),
  },
);

// ---- the router with the real handlers' types, schemas and sender rules; stub handle() ---------

const stubDeps = new Proxy({}, { get: () => () => undefined }) as never;
const realHandlers: MessageHandler[] = [
  ...createTabHandlers(stubDeps),
  ...createLookupHandlers(stubDeps),
  ...createOptionsHandlers(stubDeps),
  ...createActionsHandlers(stubDeps),
];

const policy: SenderPolicy = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext',
  isAllowedPage: (url) => url.startsWith('https://acme.gladly.com/'),
};
const gladlyTab = { id: 4, url: 'https://acme.gladly.com/customer/abc' };
/** Senders as the browser reports them; strangers (another extension, a web page, a subframe) get no reply at all. */
const SENDERS: Array<{ sender: SenderLike; stranger: boolean }> = [
  { sender: { id: 'ext', url: 'chrome-extension://ext/sidebar.html', tab: gladlyTab, frameId: 2 }, stranger: false },
  { sender: { id: 'ext', url: 'chrome-extension://ext/options.html' }, stranger: false },
  { sender: { id: 'ext', url: gladlyTab.url, tab: gladlyTab, frameId: 0 }, stranger: false },
  { sender: { id: 'ext', url: 'chrome-extension://ext/popup.html' }, stranger: false },
  { sender: { id: 'ext', url: gladlyTab.url, tab: gladlyTab, frameId: 3 }, stranger: true },
  {
    sender: {
      id: 'ext',
      url: 'chrome-extension://ext/sidebar.html',
      tab: { id: 5, url: 'https://evil.example/' },
      frameId: 1,
    },
    stranger: true,
  },
  { sender: { id: 'other', url: 'chrome-extension://other/sidebar.html' }, stranger: true },
  {
    sender: { id: 'ext', url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' }, frameId: 0 },
    stranger: true,
  },
  { sender: {}, stranger: true },
];
const PORT_SENDERS: TrustedSender[] = [
  { kind: 'extension-page', page: '/sidebar.html', tabId: 4 },
  { kind: 'extension-page', page: '/options.html' },
  { kind: 'content-script', tabId: 4, url: gladlyTab.url },
];

function setup() {
  const calls = new Map<string, number>();
  let invalidCalls = 0;
  const handlers = realHandlers.map(
    (real): MessageHandler => ({
      ...real,
      async handle(parsed, context) {
        if (!real.schema.safeParse(parsed).success) invalidCalls++;
        const allowed =
          real.from.includes(context.sender.kind) &&
          (context.sender.kind !== 'extension-page' || !real.pages || real.pages.includes(context.sender.page));
        if (!allowed) invalidCalls++;
        calls.set(real.type, (calls.get(real.type) ?? 0) + 1);
        return { handled: real.type };
      },
    }),
  );
  const router = createRouter({
    policy,
    handlers,
    toErrorInfo: () => ({ kind: 'unknown', message: 'Something went wrong.' }),
  });
  return { router, calls, invalid: () => invalidCalls };
}

/** A reply is either a refusal a page understands, or the handler's answer to a message that parses. */
function replyIsSound(reply: unknown, sent: unknown): boolean {
  const parsed = common.ReplySchema.safeParse(reply);
  if (!parsed.success) return false;
  if (!parsed.data.ok) return parsed.data.error.kind === 'bad-message' || parsed.data.error.kind === 'forbidden-sender';
  const handler = realHandlers.find((h) => h.type === (parsed.data as { data: { handled: string } }).data.handled);
  return handler !== undefined && handler.schema.safeParse(sent).success;
}

describe('the message protocol', () => {
  it(
    'every zod schema in lib/messages answers any value with a parse result, and what it accepts parses again',
    () => {
      // Each schema also gets its own valid messages, broken or whole, so acceptance is exercised too.
      const own = schemas.map(({ schema }) => VALID.map((_, i) => i).filter((i) => schema.safeParse(VALID[i]).success));
      const accepted = new Set<string>();
      const input = fc.tuple(
        fc.nat(schemas.length - 1),
        fc.nat(),
        fc.oneof(
          fc.constant(null),
          fc.constant<Array<{ at: number; op: Op }>>([]),
          fc.array(fc.record({ at: fc.nat(), op }), { minLength: 1, maxLength: 3 }),
        ),
        fc.anything(),
      );
      fc.assert(
        fc.property(input, ([index, pick, mutations, anything]) => {
          const { name, schema } = schemas[index]!;
          const mine = own[index]!;
          const value =
            mutations === null || mine.length === 0 ? anything : mutate(mine[pick % mine.length]!, mutations);
          const result = schema.safeParse(value);
          if (!result.success) return result.error.issues.length > 0;
          accepted.add(name);
          return schema.safeParse(result.data).success;
        }),
        { numRuns: RUNS },
      );
      schemas.forEach(({ name }, i) => {
        if (own[i]!.length > 0 && !accepted.has(name)) throw new Error(`${name} never accepted a generated value`);
      });
    },
    TIMEOUT,
  );

  it(
    'runtime messages: a refusal (bad-message / forbidden-sender), no reply for strangers, or a handled valid message',
    async () => {
      const { router, calls, invalid } = setup();
      await fc.assert(
        fc.asyncProperty(message, fc.nat(SENDERS.length - 1), async (sent, senderIndex) => {
          const { sender, stranger } = SENDERS[senderIndex]!;
          const reply = await router.onMessage(sent, sender);
          if (reply === undefined) return stranger;
          return !stranger && replyIsSound(reply, sent);
        }),
        { numRuns: RUNS },
      );
      if (invalid() > 0) throw new Error(`${invalid()} handler calls with an invalid message or sender`);
      for (const type of VALID.map((v) => v.type as string))
        if (!calls.get(type)) throw new Error(`${type} was never handled`);
    },
    TIMEOUT,
  );

  it(
    'port messages: exactly one sound reply per message, handlers only see valid messages',
    async () => {
      const { router, invalid } = setup();
      await fc.assert(
        fc.asyncProperty(message, fc.nat(PORT_SENDERS.length - 1), async (sent, senderIndex) => {
          const posted: unknown[] = [];
          await router.onPortMessage(sent, PORT_SENDERS[senderIndex]!, (m) => posted.push(m));
          return posted.length === 1 && replyIsSound(posted[0], sent);
        }),
        { numRuns: RUNS },
      );
      if (invalid() > 0) throw new Error(`${invalid()} handler calls with an invalid message or sender`);
    },
    TIMEOUT,
  );
});
