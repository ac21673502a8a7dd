import type { SpecException, SpecFix, UndocumentedRoute } from './exception-match';

// THE list of every place where BigCommerce's OpenAPI files are wrong, or where reality (and so
// the sandbox) differs from them. Anything not listed here fails the contract tests; anything
// listed here that stops happening fails them too (real payloads: every pointer; sandbox: once;
// spec fixes: their sample must still fail without the fix).
//
// Not listed because the spec allows them (checked: v2-order-shipments.json validates cleanly):
// shipments with `shipping_method: "None"` and `tracking_link: ""` beside `generated_tracking_link`,
// 4-decimal money strings, RFC 2822 dates in v2, and empty strings for absent values.

const REAL = '../shared/bigcommerce-real-payloads/';
const NOTES = '../shared/bigcommerce-api-notes.md';

export const SPEC_EXCEPTIONS: readonly SpecException[] = [
  // ---- Real payloads: the live API answers outside its own schemas --------------------------
  {
    id: 'v3-customer-channel-ids-null',
    operations: ['GET /v3/customers'],
    where: 'response-body',
    pointers: ['/data/*/channel_ids'],
    keyword: 'type',
    reason:
      'The live API sends `channel_ids: null` for a customer with access to all channels; the ' +
      'response schema says array only (the createCustomers description itself tells you to send null).',
    evidence: `${REAL}v3-customers-one.json, v3-customers-two-same-email.json; README "v3 customers"`,
    realPayloads: ['v3-customers-one.json', 'v3-customers-two-same-email.json'],
    sandbox: true,
  },
  {
    id: 'v2-order-payment-provider-id-null',
    operations: ['GET /v2/orders'],
    where: 'response-body',
    pointers: ['/*/payment_provider_id'],
    keyword: 'oneOf',
    reason: 'The live API sends `payment_provider_id: null`; the spec allows only a string or a number.',
    evidence: `${REAL}v2-orders.json; README "v2 orders"`,
    realPayloads: ['v2-orders.json'],
    sandbox: true,
  },
  {
    id: 'v2-order-consignments-link',
    operations: ['GET /v2/orders'],
    where: 'response-body',
    pointers: ['/*/consignments'],
    keyword: 'oneOf',
    reason:
      'Without `include=consignments`, `consignments` is a `{url, resource}` link like `products`; the ' +
      'spec only allows the embedded consignment forms.',
    evidence: `${REAL}v2-orders.json; README "v2 orders"; ${NOTES} section 2 (Include)`,
    realPayloads: ['v2-orders.json'],
    sandbox: true,
  },
  {
    id: 'v2-order-product-extra-fields',
    operations: ['GET /v2/orders/{order_id}/products'],
    where: 'response-body',
    pointers: ['/*/fulfillment_source'],
    keyword: 'additionalProperties',
    reason: 'The live API sends fields the closed order-product schema (additionalProperties: false) does not list.',
    evidence: `${REAL}v2-order-products.json; README "v2 order products"`,
    realPayloads: ['v2-order-products.json'],
    sandbox: true,
  },
  {
    id: 'v2-order-product-event-date-empty',
    operations: ['GET /v2/orders/{order_id}/products'],
    where: 'response-body',
    pointers: ['/*/event_date'],
    keyword: 'format',
    reason: 'The live API sends `event_date: ""` when there is no event; the spec says a date or null.',
    evidence: `${REAL}v2-order-products.json; README "v2 order products"`,
    realPayloads: ['v2-order-products.json'],
    sandbox: true,
  },
  {
    id: 'v3-transaction-nulls',
    operations: ['GET /v3/orders/{order_id}/transactions'],
    where: 'response-body',
    pointers: [
      '/data/*/gateway_transaction_id',
      '/data/*/reference_transaction_id',
      '/data/*/avs_result',
      '/data/*/cvv_result',
      '/data/*/credit_card',
    ],
    keyword: 'type',
    reason:
      'The live API sends null for gateway ids, AVS/CVV results and card details of a custom payment; the spec types ' +
      'them non-null. The sandbox answers so too: null where a payment method has no such detail (PayPal, cash, ' +
      'store credit), and `reference_transaction_id: null` on a transaction that refers to no other.',
    evidence: `${REAL}v3-order-transactions.json; README "v3 order transactions"`,
    realPayloads: ['v3-order-transactions.json'],
    sandbox: true,
  },
  {
    id: 'v2-single-order-consignments-link',
    operations: ['GET /v2/orders/{order_id}', 'PUT /v2/orders/{order_id}'],
    where: 'response-body',
    pointers: ['/consignments'],
    keyword: 'oneOf',
    reason: 'The same `{url, resource}` consignments link as in the order list, on a single order (same order schema).',
    evidence: `${REAL}v2-orders.json (list form); ${NOTES} section 2 (GET /v2/orders/{order_id}: same include parameters)`,
    sandbox: true,
  },

  // ---- The spec contradicts itself or the documented behaviour ------------------------------
  {
    id: 'v2-orders-sort-direction',
    operations: ['GET /v2/orders'],
    where: 'request-query',
    pointers: ['sort'],
    keyword: 'enum',
    reason:
      'The `sort` description says to append `:asc`/`:desc` (e.g. `date_created:desc`), but its enum lists ' +
      'bare field names only. The client sends the suffixed form and the sandbox accepts it.',
    evidence: `orders.v2.oas2.yml components.parameters.sort; ${NOTES} section 2 (Sort) and section 8 item 4`,
    sandbox: true,
  },
  {
    id: 'v2-order-products-content-type-on-get',
    operations: ['GET /v2/orders/{order_id}/products'],
    where: 'request-header',
    pointers: ['Content-Type'],
    keyword: 'required',
    reason:
      'The spec marks `Content-Type` required on this GET, which has no body; no other v2 GET does. ' +
      'The client sends Content-Type only with a body.',
    evidence: 'orders.v2.oas2.yml#getOrderProducts parameters (compare #getOrderShipments)',
    sandbox: true,
  },
  {
    id: 'v2-empty-list-204',
    operations: ['GET /v2/orders', 'GET /v2/orders/{order_id}/coupons', 'GET /v2/coupons'],
    where: 'response-status',
    pointers: [''],
    keyword: 'status',
    reason:
      'An empty v2 collection is answered 204 with no body; the spec documents that only for shipments. ' +
      'The sandbox answers every empty v2 list so, and the client treats 204 as an empty list.',
    evidence:
      `${NOTES} section 0 (Envelopes) and section 8 item 1: 204 for GET /v2/orders reported by ` +
      'aligent/bigcommerce-v3-api-php-client PR #177; orders.v2.oas2.yml#getOrderShipments documents the 204',
    sandbox: true,
  },
  {
    id: 'v3-refund-item-requested-amount-null',
    operations: [
      'POST /v3/orders/{order_id}/payment_actions/refunds',
      'GET /v3/orders/{order_id}/payment_actions/refunds',
      'GET /v3/orders/payment_actions/refunds',
      'GET /v3/orders/payment_actions/refunds/{refund_id}',
    ],
    where: 'response-body',
    pointers: ['/data/items/*/requested_amount', '/data/*/items/*/requested_amount'],
    keyword: 'type',
    reason:
      'A refund item refunded by quantity has `requested_amount: null`; the Refund Item schema types it as a ' +
      "non-null number (Amount), while the spec's own examples show null.",
    evidence: 'orders.v3.yml#createOrderRefund 201 example and #getOrderRefunds example (`requested_amount: null`)',
    sandbox: true,
  },
  {
    id: 'duplicate-code-status',
    operations: ['POST /v2/coupons', 'POST /v3/promotions/{promotion_id}/codes'],
    where: 'response-status',
    pointers: [''],
    keyword: 'status',
    reason:
      'Codes must be unique (the spec says so) but no error status is documented for a duplicate. The sandbox ' +
      'answers 409 (v2 coupons) and 422 (promotion codes); the real statuses are unverified.',
    evidence: `marketing.v2.yml coupon \`code\` ("Value must be unique"); ${NOTES} section 5`,
    sandbox: true,
  },

  // ---- The sandbox departs from the real API on purpose -----------------------------------
  {
    id: 'sandbox-refuses-archiving',
    operations: ['DELETE /v2/orders', 'DELETE /v2/orders/{order_id}'],
    where: 'response-status',
    pointers: [''],
    keyword: 'status',
    reason:
      'The real API archives (one order, or every order in the store). The extension must never call ' +
      'either, so the sandbox refuses both with 405 to catch a buggy client.',
    evidence: `${NOTES} section 2 (Cancelling an order) and section 8 item 6`,
    sandbox: true,
  },
];

/** Schemas corrected before validation, because no valid value could ever pass them. */
export const SPEC_FIXES: readonly SpecFix[] = [
  {
    id: 'v3-refund-items-oneof',
    file: 'orders.v3.yml',
    schema: '/components/schemas/ItemsRefund',
    keyword: 'oneOf',
    becomes: 'anyOf',
    reason:
      'An `ORDER` (or `FEE`) refund item matches both AmountBoundItem and TaxExemptItem (or FeeItem), so a ' +
      'strict oneOf rejects every valid order-level refund. Validated as anyOf: one branch must still fit.',
    evidence: `orders.v3.yml components.schemas.ItemsRefund; ${NOTES} section 4 (Items, "Quirk")`,
    sample: {
      method: 'POST',
      url: '/v3/orders/7/payment_actions/refund_quotes',
      requestBody: { items: [{ item_type: 'ORDER', item_id: 7, amount: 5 }] },
    },
  },
  {
    id: 'v2-customer-group-discount-rules-oneof',
    file: 'customers.v2.yml',
    schema: '/components/schemas/customerGroup_Full/properties/discount_rules',
    keyword: 'oneOf',
    becomes: 'anyOf',
    reason:
      'discount_rules is a oneOf of several array shapes; a group without rules (`[]`) fits all of them, so a ' +
      'strict oneOf rejects it. Validated as anyOf.',
    evidence: 'customers.v2.yml components.schemas.customerGroup_Full.discount_rules (every branch is `type: array`)',
    sample: {
      method: 'GET',
      url: '/v2/customer_groups/1',
      status: 200,
      responseBody: { id: 1, name: 'VIP', is_default: false, category_access: { type: 'all' }, discount_rules: [] },
    },
  },
];

/** Sandbox routes that are not BigCommerce API operations at all. */
export const UNDOCUMENTED_ROUTES: readonly UndocumentedRoute[] = [
  {
    path: '/__sandbox/*',
    reason:
      'Sandbox control routes (reset, config, faults, log) and the product images it serves; not BigCommerce API.',
  },
];
