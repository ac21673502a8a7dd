import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explain, pointerMatches, type SpecException } from './exception-match';
import { SPEC_FIXES } from './exceptions';
import {
  apiPath,
  loadContractSpec,
  loadSpec,
  type ContractSpec,
  type MatchedOperation,
  type Violation,
} from './openapi';
import { readRealPayload } from './real-payloads';
import { createSchemaConverter } from './schema-convert';
import { findSharedDir, SharedDocsMissingError, sharedDirCandidates } from './shared-dir';

// The validator itself: if it cannot fail, the contract suite proves nothing.

let spec: ContractSpec;
beforeAll(async () => {
  spec = await loadContractSpec();
});

const ACCEPT = { Accept: 'application/json' };

function op(method: string, url: string): MatchedOperation {
  const found = spec.find(method, apiPath(url).path);
  if (!found) throw new Error(`no operation for ${method} ${url}`);
  return found;
}

function request(method: string, url: string, body?: unknown, headers: Record<string, string> = ACCEPT): Violation[] {
  return spec.validateRequest(op(method, url), { method, url, headers, body });
}

function response(
  method: string,
  url: string,
  status: number,
  body: unknown,
  contentType = 'application/json',
): Violation[] {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return spec.validateResponse(op(method, url), { status, contentType, bodyText });
}

const brief = (vs: Violation[]): string[] => vs.map((v) => `${v.where} ${v.pointer} ${v.keyword}`);

describe('finding the operation', () => {
  it('strips the /stores/{hash} prefix and prefers literal segments over parameters', () => {
    expect(apiPath('/stores/abc123/v2/orders/count?x=1').path).toBe('/v2/orders/count');
    expect(op('GET', '/v2/orders/count').operation.operationId).toBe('getOrdersCount');
    expect(op('GET', '/v2/orders/42').operation.operationId).toBe('getOrder');
    expect(op('GET', '/v2/orders/42').pathParams).toEqual({ order_id: '42' });
    expect(op('GET', '/v3/promotions/codes').operation.operationId).toBe('getCouponCodeByCode');
    expect(op('POST', '/v3/orders/7/payment_actions/refund_quotes').operation.operationId).toBe(
      'createOrderRefundQuotes',
    );
  });

  it('finds nothing for paths or methods the spec does not have', () => {
    expect(spec.find('GET', '/v2/nowhere')).toBeUndefined();
    expect(spec.find('PATCH', '/v2/orders/1')).toBeUndefined();
  });
});

describe('request validation', () => {
  it('accepts a well-formed list request with comma-separated array filters', () => {
    expect(
      request('GET', '/v3/customers?email:in=a@example.com,b@example.com&include=addresses,storecredit&limit=5'),
    ).toEqual([]);
    expect(request('GET', '/v2/orders?email=a@example.com&sort=date_created&limit=10')).toEqual([]);
  });

  it('reports bad enum items, wrong types, unknown parameters and missing required headers', () => {
    expect(brief(request('GET', '/v3/customers?include=addresses,wishlists'))).toEqual([
      'request-query include/1 enum',
    ]);
    expect(brief(request('GET', '/v2/orders?customer_id=jane'))).toEqual(['request-query customer_id type']);
    expect(brief(request('GET', '/v2/orders?colour=red'))).toEqual(['request-query colour undocumented']);
    expect(brief(request('GET', '/v2/orders/12', undefined, {}))).toEqual(['request-header Accept required']);
    expect(brief(request('GET', '/v2/orders/twelve'))).toEqual(['request-path order_id type']);
  });

  it('shows the spec quirk on v2 order sort: the documented `date_created:desc` breaks its own enum', () => {
    expect(brief(request('GET', '/v2/orders?sort=date_created:desc'))).toEqual(['request-query sort enum']);
  });

  it('checks request bodies, including a body the operation does not take', () => {
    const headers = { ...ACCEPT, 'Content-Type': 'application/json' };
    expect(brief(request('PUT', '/v2/orders/12', { status_id: 'five' }, headers))).toEqual([
      'request-body /status_id type',
    ]);
    expect(request('PUT', '/v2/orders/12', { status_id: 5 }, headers)).toEqual([]);
    const missing = brief(request('POST', '/v2/coupons', { name: 'Sorry' }, headers));
    expect(missing).toEqual(expect.arrayContaining(['request-body /code required', 'request-body /type required']));
    expect(brief(request('GET', '/v2/orders/12', { status_id: 5 }))).toEqual(['request-body  undocumented']);
  });
});

describe('response validation', () => {
  const products = (): Array<Record<string, unknown>> => JSON.parse(readRealPayload('v2-order-products.json'));

  it('reports an undocumented status, a missing body, malformed JSON and a non-JSON content type', () => {
    expect(brief(response('GET', '/v2/orders/1', 418, {}))).toEqual(['response-status  status']);
    expect(brief(response('GET', '/v2/store', 200, ''))).toEqual(['response-body  required']);
    expect(brief(response('GET', '/v2/store', 200, '{"id":'))).toEqual(['response-body  json']);
    expect(brief(response('GET', '/v2/time', 200, { time: 1 }, 'text/html'))).toEqual(['response-body  contentType']);
  });

  it('accepts an empty 204 where the spec documents it (shipments) but not a 204 it does not document', () => {
    expect(response('GET', '/v2/orders/1/shipments', 204, '')).toEqual([]);
    expect(brief(response('GET', '/v2/orders', 204, ''))).toEqual(['response-status  status']);
  });

  it('honours nullable and formats: null and a date pass, a number and an empty string do not', () => {
    const [first] = products();
    const check = (eventDate: unknown): string[] =>
      brief(
        response('GET', '/v2/orders/1/products', 200, [
          { ...first, fulfillment_source: undefined, event_date: eventDate },
        ]),
      );
    expect(check(null)).toEqual([]);
    expect(check('2024-05-01')).toEqual([]);
    expect(check(5)).toEqual(['response-body /0/event_date type']);
    expect(check('')).toEqual(['response-body /0/event_date format']);
  });

  it('reports a failed oneOf behind $refs once, with why each alternative failed', () => {
    const promotion = {
      id: 1,
      redemption_type: 'COUPON',
      name: 'Goodwill',
      rules: [{ action: { cart_value: { discount: { fixed_amount: '10' } } } }],
      customer: { segments: null },
    };
    const violations = response('GET', '/v3/promotions/1', 200, { data: promotion, meta: {} });
    expect(brief(violations)).toEqual(['response-body /data oneOf']);
    expect(violations[0]!.message).toMatch(/alternatives failed: .*\/data\/customer\/segments must be object/);
    // Collapsing alternatives must not swallow a sibling's own difference.
    const both = response('GET', '/v3/promotions/1', 200, { data: promotion, meta: 5 });
    expect(brief(both).sort()).toEqual(['response-body /data oneOf', 'response-body /meta type']);
  });

  it('checks date-time formats in v3: an RFC 2822 date (the v2 style) is not ISO 8601', () => {
    const body = JSON.parse(readRealPayload('v3-customers-one.json')) as { data: Array<Record<string, unknown>> };
    const customer = { ...body.data[0], channel_ids: [1] };
    expect(response('GET', '/v3/customers', 200, { ...body, data: [customer] })).toEqual([]);
    const v2Style = { ...customer, date_created: 'Fri, 29 Mar 2024 18:42:56 +0000' };
    expect(brief(response('GET', '/v3/customers', 200, { ...body, data: [v2Style] }))).toEqual([
      'response-body /data/0/date_created format',
    ]);
  });

  it('reports a wrong-shaped v3 envelope', () => {
    expect(brief(response('GET', '/v3/customers', 200, [{ id: 1 }]))).toEqual(['response-body  type']);
  });
});

describe('spec fixes (exceptions.ts SPEC_FIXES)', () => {
  const headers = { ...ACCEPT, 'Content-Type': 'application/json' };

  for (const fix of SPEC_FIXES) {
    it(`${fix.id}: still needed (the unfixed spec rejects its valid sample) and enough (the fixed one accepts it)`, async () => {
      const unfixed = await loadSpec([fix.file], []);
      const check = (s: ContractSpec): Violation[] => {
        const { sample } = fix;
        const found = s.find(sample.method, apiPath(sample.url).path);
        if (!found) throw new Error(`no operation for the sample of ${fix.id}`);
        return 'requestBody' in sample
          ? s.validateRequest(found, { method: sample.method, url: sample.url, headers, body: sample.requestBody })
          : s.validateResponse(found, {
              status: sample.status,
              contentType: 'application/json',
              bodyText: JSON.stringify(sample.responseBody),
            });
      };
      expect(check(unfixed)).not.toEqual([]);
      expect(check(spec)).toEqual([]);
    });
  }

  it('still reject what no alternative allows (a product refund item without a quantity)', () => {
    const noQuantity = { items: [{ item_type: 'PRODUCT', item_id: 7 }] };
    const url = '/v3/orders/7/payment_actions/refund_quotes';
    expect(brief(request('POST', url, noQuantity, headers))).toEqual(['request-body  anyOf']);
  });

  it('fail loudly when a fix no longer has a target', async () => {
    const stale = { ...SPEC_FIXES[0]!, schema: '/components/schemas/NoSuchSchema' };
    await expect(loadSpec([stale.file], [stale])).rejects.toThrow(/no longer applies/);
  });
});

describe('schema conversion (OpenAPI 3.0 → JSON Schema)', () => {
  it('turns nullable into a null type, boolean exclusive bounds into numbers, and drops one-way required', () => {
    const source = {
      type: 'object',
      required: ['id', 'name'],
      properties: {
        id: { type: 'integer', readOnly: true, exclusiveMinimum: true, minimum: 0 },
        name: { type: 'string', nullable: true, enum: ['a'] },
      },
    };
    const req = createSchemaConverter('request')(source);
    expect(req.required).toEqual(['name']);
    expect(req.properties).toEqual({
      id: { type: 'integer', readOnly: true, exclusiveMinimum: 0 },
      name: { type: ['string', 'null'], enum: ['a', null] },
    });
    expect(createSchemaConverter('response')(source).required).toEqual(['id', 'name']);
  });
});

describe('exception matching', () => {
  const exception: SpecException = {
    id: 'x',
    operations: ['GET /v2/orders'],
    where: 'response-body',
    pointers: ['/*/payment_provider_id'],
    keyword: 'oneOf',
    reason: 'r',
    evidence: 'e',
  };
  const violation: Violation = {
    operation: 'GET /v2/orders',
    where: 'response-body',
    pointer: '/3/payment_provider_id',
    keyword: 'oneOf',
    message: 'm',
  };

  it('matches one segment per wildcard and nothing looser', () => {
    expect(pointerMatches('/*/a', '/3/a')).toBe(true);
    expect(pointerMatches('/*/a', '/3/b/a')).toBe(false);
    expect(pointerMatches('/*/a', '/a')).toBe(false);
  });

  it('explains only violations with the same operation, place, pointer and keyword', () => {
    expect(explain([violation], [exception])).toEqual({ unexplained: [], hits: new Set(['x#0']) });
    const other = { ...violation, operation: 'GET /v2/orders/{order_id}' };
    expect(explain([other], [exception]).unexplained).toEqual([other]);
    const otherKeyword = { ...violation, keyword: 'type' };
    expect(explain([otherKeyword], [exception]).unexplained).toEqual([otherKeyword]);
  });
});

describe('the shared reference folder', () => {
  it('fails loudly, naming where it looked, when the folder is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-shared-'));
    const tried = sharedDirCandidates({ BIGCOMMERCE_SHARED_DIR: empty });
    expect(tried).toEqual([empty]);
    expect(() => findSharedDir(tried)).toThrow(SharedDocsMissingError);
    expect(() => findSharedDir(tried)).toThrow(new RegExp(`not found\\. Looked in: ${empty}`));
  });
});
