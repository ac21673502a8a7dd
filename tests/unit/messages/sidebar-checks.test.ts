/** The sidebar's hand checks (lib/messages/sidebar-checks.ts) read exactly what the protocol's zod schemas read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { GladlyCustomerIdSchema } from '../../../lib/messages/actions';
import { ERROR_KINDS, ErrorInfoSchema, ReplySchema } from '../../../lib/messages/common';
import { IdentitySchema } from '../../../lib/messages/identity';
import { LookupUpdateSchema } from '../../../lib/messages/lookup';
import { ConfigPushSchema, IdentityPushSchema } from '../../../lib/messages/sidebar';
import {
  ErrorInfoSchema as ErrorInfoCheck,
  GladlyCustomerIdSchema as GladlyCustomerIdCheck,
  readGladlyCustomerId,
  readConfigPush,
  readErrorInfo,
  readIdentity,
  readIdentityPush,
  readLookupUpdate,
  readReply,
} from '../../../lib/messages/sidebar-checks';

/** Mostly valid values, sometimes at, over or beside a limit: both sides of each schema are reached. */
const text = (max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(max)) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(max + 1)) },
    { weight: 1, arbitrary: fc.anything() },
  );
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: arb },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.anything() },
  );
const requestId = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant('r'.repeat(65)) },
);
const source = fc.constantFrom<unknown>('panel', 'api', 'panel', 'api', 'gladly', undefined);
const list = <T>(arb: fc.Arbitrary<T>, max: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(arb, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: max + 1 }, () => undefined)) },
    { weight: 1, arbitrary: fc.anything() },
  );
const extra = { extra: fc.anything() };
const errorInfo = fc.record(
  {
    kind: fc.constantFrom<unknown>(...ERROR_KINDS, 'nope', 3),
    message: fc.oneof(fc.string({ maxLength: 8 }), fc.anything()),
    scope: maybe(fc.string({ maxLength: 8 })),
    field: maybe(fc.string({ maxLength: 8 })),
    status: maybe(fc.oneof(fc.integer(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY))),
    ...extra,
  },
  { requiredKeys: ['kind', 'message'] },
);
const email = fc.record({ value: text(320), source, ...extra }, { requiredKeys: ['value', 'source'] });
const phone = fc.record(
  { value: text(60), type: maybe(text(40)), source, ...extra },
  { requiredKeys: ['value', 'source'] },
);
const identity = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        gladlyCustomerId: maybe(text(100)),
        name: maybe(text(300)),
        emails: list(email, 50),
        phones: list(phone, 50),
        ...extra,
      },
      { requiredKeys: ['emails', 'phones'] },
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.anything() },
);
const reply = fc.record(
  {
    type: fc.constantFrom<unknown>('reply', 'lookup/update'),
    requestId,
    ok: fc.constantFrom<unknown>(true, false, 'yes'),
    data: fc.anything(),
    error: fc.oneof(errorInfo, fc.anything()),
    ...extra,
  },
  { requiredKeys: ['type', 'requestId', 'ok'] },
);
const store = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ connectionId: maybe(fc.string()), status: maybe(fc.string()), customer: fc.anything() }),
  },
  { weight: 1, arbitrary: fc.anything() },
);
const stats = fc.record(
  {
    requests: maybe(fc.integer()),
    roundTrips: maybe(fc.integer()),
    ms: maybe(fc.oneof(fc.double(), fc.integer())),
    fromCache: maybe(fc.boolean()),
    ...extra,
  },
  { requiredKeys: ['requests', 'roundTrips', 'ms', 'fromCache'] },
);
const update = fc.record(
  {
    type: fc.constantFrom<unknown>('lookup/update', 'reply'),
    requestId,
    stores: list(store, 10),
    done: maybe(fc.boolean()),
    stats: maybe(stats),
    ...extra,
  },
  { requiredKeys: ['type', 'requestId', 'stores', 'done'] },
);
const config = fc.record(
  {
    type: fc.constantFrom<unknown>('config', 'identity'),
    connections: list(fc.oneof(fc.object(), fc.anything()), 10),
    configured: maybe(fc.boolean()),
    ...extra,
  },
  { requiredKeys: ['type', 'connections'] },
);
const identityPush = fc.record(
  { type: fc.constantFrom<unknown>('identity', 'config'), customerId: maybe(fc.string()), identity, ...extra },
  { requiredKeys: ['type', 'identity'] },
);

/** The check gives the schema's parse for what it accepts, and null for what it refuses. */
function agrees(schema: ZodType, check: (raw: unknown) => unknown, arb: fc.Arbitrary<unknown>) {
  let accepted = 0;
  fc.assert(
    fc.property(arb, (raw) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) accepted += 1;
      expect(check(raw)).toEqual(parsed.success ? parsed.data : null);
    }),
    { numRuns: 600 },
  );
  // The generators reach both sides of the schema, not only its refusals.
  expect(accepted).toBeGreaterThan(10);
}

describe("the sidebar's hand checks", () => {
  it('read an error as ErrorInfoSchema does (and the action dialogs get its safeParse)', () => {
    agrees(ErrorInfoSchema, readErrorInfo, errorInfo);
    const raw = { kind: 'busy', message: 'Another action is in flight.', extra: 1 };
    expect(ErrorInfoCheck.safeParse(raw)).toEqual(ErrorInfoSchema.safeParse(raw));
    expect(ErrorInfoCheck.safeParse({ kind: 'nope', message: '' })).toEqual({ success: false });
  });

  it('read a Gladly customer id as GladlyCustomerIdSchema does (and the action dialogs get its safeParse)', () => {
    const id = fc.oneof(
      { weight: 4, arbitrary: fc.stringMatching(/^[\w-]{1,12}$/) },
      { weight: 1, arbitrary: fc.constant('x'.repeat(100)) },
      { weight: 1, arbitrary: fc.constant('x'.repeat(101)) },
      { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
      { weight: 1, arbitrary: fc.anything() },
    );
    agrees(GladlyCustomerIdSchema, readGladlyCustomerId, id);
    expect(GladlyCustomerIdCheck.safeParse('NoMatch8kPz3v')).toEqual(GladlyCustomerIdSchema.safeParse('NoMatch8kPz3v'));
    expect(GladlyCustomerIdCheck.safeParse('a/b')).toEqual({ success: false });
  });

  it('read a reply as ReplySchema does', () => agrees(ReplySchema, readReply, reply));
  it('read an identity as IdentitySchema does', () => agrees(IdentitySchema, readIdentity, identity));
  it('read a lookup update as LookupUpdateSchema does', () => agrees(LookupUpdateSchema, readLookupUpdate, update));
  it('read a config push as ConfigPushSchema does', () => agrees(ConfigPushSchema, readConfigPush, config));
  it('read an identity push as IdentityPushSchema does', () =>
    agrees(IdentityPushSchema, readIdentityPush, identityPush));
});
