/** v2 coupons and v3 coupon promotions with their codes. Codes are unique per store. */
import { z } from 'zod';
import { toIso } from '../dates';
import { fail } from '../errors';
import { v2Coupon } from '../serialize';
import type { StoreData } from '../types';
import { intParam, jsonBody, pathId, query, type RouteDeps, type SandboxApp, type SandboxContext } from './common';

const CODE = /^[A-Za-z0-9_ -]+$/;

const CouponBodySchema = z.object({
  name: z.string().min(1).max(100),
  code: z.string().min(1).max(50).regex(CODE),
  type: z.enum([
    'per_item_discount',
    'per_total_discount',
    'shipping_discount',
    'free_shipping',
    'percentage_discount',
  ]),
  amount: z.string().regex(/^\d+(\.\d+)?$/),
  applies_to: z.object({ entity: z.enum(['products', 'categories']), ids: z.array(z.number().int()) }),
  min_purchase: z.string().optional(),
  expires: z.string().optional(),
  enabled: z.boolean().optional(),
  max_uses: z.number().int().min(0).optional(),
  max_uses_per_customer: z.number().int().min(0).optional(),
  restricted_to: z.record(z.string(), z.unknown()).optional(),
  shipping_methods: z.array(z.string()).optional(),
});

const PromotionBodySchema = z
  .object({
    name: z.string().min(1).max(255),
    redemption_type: z.enum(['COUPON', 'AUTOMATIC']),
    rules: z.array(z.object({ action: z.record(z.string(), z.unknown()) }).passthrough()).min(1),
    status: z.enum(['ENABLED', 'DISABLED', 'INVALID']).optional(),
    coupon_type: z.enum(['SINGLE', 'BULK']).optional(),
    currency_code: z.string().length(3).optional(),
    max_uses: z.number().int().min(0).optional(),
    start_date: z.string().optional(),
    end_date: z.string().nullable().optional(),
  })
  .passthrough();

const CodeBodySchema = z.object({
  code: z.string().min(1).max(50).regex(CODE),
  max_uses: z.number().int().min(0).optional(),
  max_uses_per_customer: z.number().int().min(0).optional(),
});

/** Is this code already taken (legacy coupons and promotion codes share one namespace)? */
function codeTaken(store: StoreData, code: string): boolean {
  const wanted = code.toLowerCase();
  return (
    store.coupons.some((x) => x.code.toLowerCase() === wanted) ||
    store.promotions.some((p) => p.codes.some((x) => x.code.toLowerCase() === wanted))
  );
}

function promotionWire(store: StoreData, id: number): Record<string, unknown> | undefined {
  const promotion = store.promotions.find((p) => p.id === id);
  return promotion ? { id: promotion.id, ...promotion.body } : undefined;
}

function codeWire(code: StoreData['promotions'][number]['codes'][number]): Record<string, unknown> {
  return {
    id: code.id,
    code: code.code,
    current_uses: code.current_uses,
    max_uses: code.max_uses,
    max_uses_per_customer: code.max_uses_per_customer,
    created: toIso(code.created),
  };
}

function promotions422(c: SandboxContext, title: string): Response {
  return fail(c, 422, title, undefined, 'v3-promotions');
}

export function registerMarketing(app: SandboxApp, deps: RouteDeps): void {
  app.get('/v2/coupons', (c) => {
    const store = c.get('store');
    const params = query(c);
    const id = intParam(params, 'id');
    if (id === null) return fail(c, 400, 'The id parameter must be an integer.');
    const code = params.get('code');
    const name = params.get('name');
    const type = params.get('type');
    const found = store.coupons.filter(
      (x) =>
        (id === undefined || x.id === id) &&
        (!code || x.code === code) &&
        (!name || x.name === name) &&
        (!type || x.type === type),
    );
    const page = intParam(params, 'page') ?? 1;
    const limit = Math.min(intParam(params, 'limit') ?? 50, 250);
    const slice = found.slice((page - 1) * limit, page * limit);
    return slice.length === 0 ? c.body(null, 204) : c.json(slice.map(v2Coupon));
  });

  app.post('/v2/coupons', async (c) => {
    const store = c.get('store');
    const parsed = CouponBodySchema.safeParse(await jsonBody(c));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        c,
        400,
        `The field '${issue?.path.join('.') ?? 'body'}' is invalid: ${issue?.message ?? 'bad request'}.`,
      );
    }
    const body = parsed.data;
    if (codeTaken(store, body.code)) return fail(c, 409, `The coupon code "${body.code}" already exists.`);
    if (store.coupons.some((x) => x.name === body.name))
      return fail(c, 409, `A coupon named "${body.name}" already exists.`);
    const coupon = {
      id: store.nextId.coupon++,
      name: body.name,
      code: body.code,
      type: body.type,
      amount: body.amount,
      min_purchase: body.min_purchase ?? '0.0000',
      expires: body.expires ?? '',
      enabled: body.enabled ?? true,
      applies_to: body.applies_to,
      max_uses: body.max_uses ?? 0,
      max_uses_per_customer: body.max_uses_per_customer ?? 0,
      num_uses: 0,
      created: deps.now(),
      restricted_to: body.restricted_to ?? {},
      shipping_methods: body.shipping_methods ?? [],
    };
    store.coupons.push(coupon);
    return c.json(v2Coupon(coupon), 201);
  });

  app.get('/v3/promotions/codes', (c) => {
    const store = c.get('store');
    const code = query(c).get('code');
    const found = store.promotions
      .flatMap((p) => p.codes)
      .filter((x) => !code || x.code.toLowerCase() === code.toLowerCase());
    return c.json({
      data: found.map(codeWire),
      meta: {
        pagination: {
          total: found.length,
          count: found.length,
          per_page: 50,
          current_page: 1,
          total_pages: found.length === 0 ? 0 : 1,
          links: { current: '?page=1&limit=50' },
        },
      },
    });
  });

  app.get('/v3/promotions', (c) => {
    const store = c.get('store');
    const data = store.promotions.map((p) => promotionWire(store, p.id));
    return c.json({
      data,
      meta: {
        pagination: {
          total: data.length,
          count: data.length,
          per_page: 50,
          current_page: 1,
          total_pages: data.length === 0 ? 0 : 1,
          links: { current: '?page=1&limit=50' },
        },
      },
    });
  });

  app.post('/v3/promotions', async (c) => {
    const store = c.get('store');
    const parsed = PromotionBodySchema.safeParse(await jsonBody(c));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return promotions422(
        c,
        `The field '${issue?.path.join('.') ?? 'body'}' is invalid: ${issue?.message ?? 'bad request'}.`,
      );
    }
    const body = parsed.data;
    const id = store.nextId.promotion++;
    const saved: Record<string, unknown> = {
      redemption_type: body.redemption_type,
      name: body.name,
      display_name: typeof body.display_name === 'string' ? body.display_name : '',
      channels: Array.isArray(body.channels) ? body.channels : [],
      customer: body.customer ?? { group_ids: [], excluded_group_ids: [], minimum_order_count: 0 },
      rules: body.rules,
      current_uses: 0,
      max_uses: body.max_uses ?? 0,
      status: body.status ?? 'ENABLED',
      start_date: body.start_date ?? toIso(deps.now()),
      stop: false,
      can_be_used_with_other_promotions: body.can_be_used_with_other_promotions ?? true,
      currency_code: body.currency_code ?? store.meta.currency,
      notifications: [],
      created_from: 'api',
      coupon_overrides_other_promotions: false,
      coupon_overrides_automatic_when_offering_higher_discounts: false,
    };
    // No end date means "never expires"; the field is then left out (the schema types it string).
    if (body.end_date) saved.end_date = body.end_date;
    if (body.redemption_type === 'COUPON') saved.coupon_type = body.coupon_type ?? 'SINGLE';
    store.promotions.push({ id, body: saved, codes: [] });
    return c.json({ data: promotionWire(store, id), meta: {} }, 201);
  });

  app.get('/v3/promotions/:id{[0-9]+}', (c) => {
    const store = c.get('store');
    const found = promotionWire(store, pathId(c, 'id') ?? -1);
    return found ? c.json({ data: found, meta: {} }) : fail(c, 404, 'The requested promotion was not found.');
  });

  app.get('/v3/promotions/:id{[0-9]+}/codes', (c) => {
    const store = c.get('store');
    const promotion = store.promotions.find((p) => p.id === pathId(c, 'id'));
    if (!promotion) return fail(c, 404, 'The requested promotion was not found.');
    const data = promotion.codes.map(codeWire);
    return c.json({
      data,
      meta: { cursor_pagination: { count: data.length, per_page: 50, start_cursor: '', end_cursor: '', links: {} } },
    });
  });

  app.post('/v3/promotions/:id{[0-9]+}/codes', async (c) => {
    const store = c.get('store');
    const promotion = store.promotions.find((p) => p.id === pathId(c, 'id'));
    if (!promotion) return fail(c, 404, 'The requested promotion was not found.');
    if (promotion.body.redemption_type !== 'COUPON')
      return promotions422(c, 'Codes can only be added to COUPON promotions.');
    const parsed = CodeBodySchema.safeParse(await jsonBody(c));
    if (!parsed.success)
      return promotions422(c, 'The code must be 1-50 letters, digits, spaces, underscores or hyphens.');
    const body = parsed.data;
    if (codeTaken(store, body.code)) return promotions422(c, `The coupon code "${body.code}" already exists.`);
    const code = {
      id: store.nextId.promotionCode++,
      code: body.code,
      max_uses: body.max_uses ?? 0,
      max_uses_per_customer: body.max_uses_per_customer ?? 0,
      current_uses: 0,
      created: deps.now(),
    };
    promotion.codes.push(code);
    return c.json({ data: codeWire(code), meta: {} }, 201);
  });
}
