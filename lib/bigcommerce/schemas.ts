/**
 * zod schemas of the raw BigCommerce payloads we use. Tolerant where the real API is loose (extra
 * fields, nulls, empty strings such as `event_date: ""`), strict on the fields we rely on (ids,
 * quantities, money, dates). Money and dates come out already converted (see convert.ts).
 */
import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import { toIsoInstant, toMoney } from './convert';

/** Free text that may be null or missing: "" then. */
const text = lazySchema(() =>
  z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
);

/** An integer id; a few payloads send ids as digit strings. */
const id = lazySchema(() =>
  z.union([
    z.number().int(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number)
      .pipe(z.number().int()),
  ]),
);

const count = lazySchema(() => z.number().int().min(0));

/** Money as a decimal string or JSON number, made an exact 2-dp string. */
const money = lazySchema(() =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const converted = toMoney(value);
    if (converted === null) {
      ctx.addIssue({ code: 'custom', message: 'Not an amount of money' });
      return z.NEVER;
    }
    return converted;
  }),
);

/** Money that may be absent, null or "" (then "0.00"). */
const moneyOrZero = lazySchema(() =>
  z
    .union([z.string(), z.number()])
    .nullish()
    .transform((value, ctx) => {
      if (value === null || value === undefined || value === '') return '0.00';
      const converted = toMoney(value);
      if (converted === null) {
        ctx.addIssue({ code: 'custom', message: 'Not an amount of money' });
        return z.NEVER;
      }
      return converted;
    }),
);

/** A required date (RFC 2822 or ISO), as an ISO instant. */
const date = lazySchema(() =>
  z.string().transform((value, ctx) => {
    const iso = toIsoInstant(value);
    if (iso === null) {
      ctx.addIssue({ code: 'custom', message: 'Not a date' });
      return z.NEVER;
    }
    return iso;
  }),
);

/** A `{url, resource}` link object (v2 sub-resources not included). */
export const LinkSchema = lazySchema(() => z.object({ url: z.string(), resource: z.string() }));

// ---- v3 customers -------------------------------------------------------------------------

export const CustomerAddressSchema = lazySchema(() =>
  z.object({
    first_name: text,
    last_name: text,
    company: text,
    address1: text,
    address2: text,
    city: text,
    state_or_province: text,
    postal_code: text,
    country: text,
    country_code: text,
    phone: text,
  }),
);

export const CustomerSchema = lazySchema(() =>
  z.object({
    id,
    email: z.string(),
    first_name: text,
    last_name: text,
    company: text,
    phone: text,
    notes: text,
    customer_group_id: id.nullish().transform((v) => v ?? 0),
    date_created: date,
    address_count: count.nullish(),
    addresses: z.array(CustomerAddressSchema).nullish(),
    store_credit_amounts: z.array(z.object({ amount: money })).nullish(),
    accepts_product_review_abandoned_cart_emails: z.boolean().nullish(),
  }),
);
export type RawCustomer = z.infer<typeof CustomerSchema>;

export const CustomerListSchema = lazySchema(() => z.object({ data: z.array(CustomerSchema) }));

// ---- v2 orders ------------------------------------------------------------------------------

export const OrderProductSchema = lazySchema(() =>
  z.object({
    id,
    product_id: id.nullish().transform((v) => v ?? 0),
    variant_id: id.nullish().transform((v) => v ?? null),
    order_address_id: id.nullish().transform((v) => v ?? null),
    name: text,
    sku: text,
    quantity: count,
    quantity_shipped: count.nullish().transform((v) => v ?? 0),
    quantity_refunded: count.nullish().transform((v) => v ?? 0),
    price_inc_tax: money,
    total_inc_tax: money,
    product_options: z
      .array(z.object({ display_name: text, display_value: text }))
      .nullish()
      .transform((v) => v ?? []),
  }),
);
export type RawOrderProduct = z.infer<typeof OrderProductSchema>;

/** Embedded line items: order products when included, link objects otherwise (those are skipped). */
const lineItems = lazySchema(() =>
  z
    .union([z.array(z.union([OrderProductSchema, LinkSchema])), LinkSchema])
    .nullish()
    .transform((value): RawOrderProduct[] =>
      Array.isArray(value) ? value.filter((item): item is RawOrderProduct => 'id' in item) : [],
    ),
);

export const ShippingConsignmentSchema = lazySchema(() =>
  z.object({
    id,
    shipping_method: text,
    cost_inc_tax: moneyOrZero,
    line_items: lineItems,
  }),
);

export const ConsignmentsSchema = lazySchema(() =>
  z.object({
    shipping: z
      .array(ShippingConsignmentSchema)
      .nullish()
      .transform((v) => v ?? []),
    pickups: z
      .array(z.object({ line_items: lineItems }))
      .nullish()
      .transform((v) => v ?? []),
    downloads: z
      .array(z.object({ line_items: lineItems }))
      .nullish()
      .transform((v) => v ?? []),
  }),
);
export type RawConsignments = z.infer<typeof ConsignmentsSchema>;

export const OrderSchema = lazySchema(() =>
  z.object({
    id,
    customer_id: id.nullish().transform((v) => v ?? 0),
    date_created: date,
    status_id: z.number().int(),
    status: text,
    custom_status: text,
    subtotal_inc_tax: moneyOrZero,
    shipping_cost_inc_tax: moneyOrZero,
    total_tax: moneyOrZero,
    total_inc_tax: money,
    discount_amount: moneyOrZero,
    coupon_discount: moneyOrZero,
    items_total: count.nullish().transform((v) => v ?? 0),
    items_shipped: count.nullish().transform((v) => v ?? 0),
    payment_method: text,
    payment_status: text,
    currency_code: text,
    staff_notes: text,
    billing_address: z.object({ email: text }).nullish(),
    /** An object with `include=consignments…&consignment_structure=object`; a link otherwise. */
    consignments: z.union([LinkSchema, ConsignmentsSchema]).nullish(),
  }),
);
export type RawOrder = z.infer<typeof OrderSchema>;

export const OrderListSchema = lazySchema(() => z.array(OrderSchema));

export const ShipmentSchema = lazySchema(() =>
  z.object({
    id,
    order_id: id,
    order_address_id: id.nullish(),
    date_created: date,
    tracking_number: text,
    shipping_method: text,
    shipping_provider: text,
    shipping_provider_display_name: text,
    tracking_carrier: text,
    tracking_link: text,
    generated_tracking_link: text,
    items: z
      .array(z.object({ order_product_id: id, quantity: count }))
      .nullish()
      .transform((v) => v ?? []),
  }),
);
export type RawShipment = z.infer<typeof ShipmentSchema>;

export const ShipmentListSchema = lazySchema(() => z.array(ShipmentSchema));

export const CustomerGroupSchema = lazySchema(() => z.object({ id, name: z.string() }));

// ---- v3 catalog ----------------------------------------------------------------------------

export const ProductListSchema = lazySchema(() =>
  z.object({
    data: z.array(
      z.object({
        id,
        primary_image: z.object({ url_thumbnail: text }).nullish(),
      }),
    ),
  }),
);

// ---- v3 refunds ----------------------------------------------------------------------------

const PaymentOptionSchema = lazySchema(() =>
  z.object({
    provider_id: z.string(),
    provider_description: text,
    amount: money,
    offline: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
  }),
);

export const RefundQuoteSchema = lazySchema(() =>
  z.object({
    data: z.object({
      order_id: id,
      total_refund_amount: money,
      total_refund_tax_amount: moneyOrZero,
      adjustment: moneyOrZero,
      tax_inclusive: z.boolean().nullish(),
      is_tax_included: z.boolean().nullish(),
      refund_methods: z.array(z.array(PaymentOptionSchema)),
    }),
  }),
);

export type RawRefundQuote = z.infer<typeof RefundQuoteSchema>['data'];

export const RefundSchema = lazySchema(() =>
  z.object({
    id,
    order_id: id,
    created: date,
    total_amount: money,
    total_tax: moneyOrZero,
    items: z
      .array(
        z.object({
          item_type: z.string(),
          item_id: id,
          quantity: count.nullish(),
          requested_amount: money.nullish(),
        }),
      )
      .nullish()
      .transform((v) => v ?? []),
    payments: z
      .array(
        z.object({
          provider_id: z.string(),
          amount: money,
          offline: z
            .boolean()
            .nullish()
            .transform((v) => v ?? false),
          is_declined: z
            .boolean()
            .nullish()
            .transform((v) => v ?? false),
          declined_message: text,
        }),
      )
      .nullish()
      .transform((v) => v ?? []),
  }),
);
export type RawRefund = z.infer<typeof RefundSchema>;

export const RefundEnvelopeSchema = lazySchema(() => z.object({ data: RefundSchema }));
export const RefundListSchema = lazySchema(() => z.object({ data: z.array(RefundSchema) }));

// ---- v2 coupons and store ------------------------------------------------------------------

export const CouponSchema = lazySchema(() => z.object({ id, code: z.string() }));
export const CouponListSchema = lazySchema(() => z.array(CouponSchema));

export const StoreSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    currency: text,
    timezone: z
      .union([z.object({ name: text }), z.string()])
      .nullish()
      .transform((v) => (typeof v === 'string' ? v : (v?.name ?? ''))),
    control_panel_base_url: text,
  }),
);

/** What the lifetime view reads of an order (a plain `GET /v2/orders` item, no includes). */
export const OrderTotalSchema = lazySchema(() =>
  z.object({
    id,
    status_id: z.number().int(),
    total_inc_tax: money,
    refunded_amount: moneyOrZero,
    currency_code: text,
  }),
);
export const OrderTotalListSchema = lazySchema(() => z.array(OrderTotalSchema));

/** `GET /v2/orders/count`: per status, and in all. */
export const OrderCountSchema = lazySchema(() => z.object({ count: count }));
