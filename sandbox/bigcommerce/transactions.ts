/**
 * An order's payment transactions (GET /v3/orders/{id}/transactions), derived from its payment
 * state and its refunds, in the real API's shape: fields a payment method does not have are
 * null (the spec types several of them non-null), ids are integers, order_id is a string.
 */
import { toIso } from './dates';
import { toV3Amount } from './money';
import { orderTotals } from './serialize';
import type { OrderRec, PaymentRec, RefundPaymentRec, RefundRec, StoreData } from './types';

type Wire = Record<string, unknown>;

/** Real transactions carry "+00:00", not "Z". */
function isoOffset(ms: number): string {
  return toIso(ms).replace(/Z$/, '+00:00');
}

/** Card details parsed from the provider description ("Braintree (Visa ending in 4242)"). */
function creditCard(payment: PaymentRec): Wire | null {
  const match = /\((\w+) ending in (\d{4})\)/.exec(payment.providerDescription);
  if (payment.kind !== 'card' || !match) return null;
  const brand = match[1]!.toLowerCase();
  const last4 = match[2]!;
  return {
    card_type: brand === 'mastercard' ? 'master' : brand,
    card_iin: last4.repeat(2).slice(0, 6),
    card_last4: last4,
    card_expiry_month: 12,
    card_expiry_year: 2029,
  };
}

/** What differs between payment methods; everything else is shared. */
function methodFields(order: OrderRec, providerId: string): Wire {
  const payment = order.payment;
  if (providerId === 'storecredit') {
    return {
      method: 'store_credit',
      gateway: 'storecredit',
      payment_method_id: 'storecredit',
      gateway_transaction_id: null,
    };
  }
  if (providerId === 'custom' || payment.kind === 'manual') {
    return {
      method: 'custom',
      gateway: 'custom',
      payment_method_id: 'custom.card',
      gateway_transaction_id: null,
      custom: { payment_method: payment.method },
    };
  }
  switch (payment.kind) {
    case 'card':
      return {
        method: 'credit_card',
        gateway: payment.providerId,
        payment_method_id: `${payment.providerId}.card`,
        credit_card: creditCard(payment),
        avs_result: {
          code: 'Y',
          message: 'Street address and 5-digit postal code match.',
          street_match: 'Y',
          postal_match: 'Y',
        },
        cvv_result: { code: 'M', message: 'CVV matches.' },
      };
    case 'paypal':
      return {
        method: 'electronic_wallet',
        gateway: payment.providerId,
        payment_method_id: `${payment.providerId}.paypal`,
      };
    case 'offline':
      return {
        method: 'offline',
        gateway: payment.providerId,
        payment_method_id: payment.providerId,
        gateway_transaction_id: null,
        offline: { display_name: payment.method },
      };
  }
}

interface Event {
  id: number;
  event: 'purchase' | 'authorization' | 'void' | 'refund';
  cents: number;
  at: number;
  ok: boolean;
  fraudReview: boolean;
  providerId: string;
  reference: number | null;
}

function wire(order: OrderRec, e: Event): Wire {
  return {
    id: e.id,
    order_id: String(order.id),
    event: e.event,
    amount: toV3Amount(e.cents),
    currency: order.currency_code,
    // A gateway's own id; methods without a gateway (offline, custom, store credit) set null.
    gateway_transaction_id: `${e.providerId}-${order.id}-${e.id}`,
    status: e.ok ? 'ok' : 'error',
    test: false,
    fraud_review: e.fraudReview,
    reference_transaction_id: e.reference,
    date_created: isoOffset(e.at),
    avs_result: null,
    cvv_result: null,
    credit_card: null,
    gift_certificate: null,
    store_credit: null,
    offline: null,
    custom: null,
    // method, gateway, payment_method_id, and the details only that method has.
    ...methodFields(order, e.providerId),
    payment_instrument_token: null,
    custom_provider_field_result: null,
  };
}

/** The payment event that took the money (or tried to), or null when nothing was ever paid. */
function firstEvent(order: OrderRec): Omit<Event, 'id'> | null {
  const base = {
    cents: orderTotals(order).totalInc,
    at: order.created,
    providerId: order.payment.providerId,
    reference: null,
  };
  switch (order.payment_status) {
    case '':
    case 'pending':
      return null;
    case 'declined':
      return { ...base, event: 'purchase', ok: false, fraudReview: false };
    case 'held for review':
      return { ...base, event: 'purchase', ok: true, fraudReview: true };
    case 'authorized':
    case 'void pending':
    case 'void':
      return { ...base, event: 'authorization', ok: true, fraudReview: false };
    default:
      return { ...base, event: 'purchase', ok: true, fraudReview: false };
  }
}

/** Stable ids, unique in the store: a transaction id never changes between calls. */
const firstId = (order: OrderRec) => order.id * 10 + 1;
const voidId = (order: OrderRec) => order.id * 10 + 2;
const refundId = (p: RefundPaymentRec) => 500_000_000 + p.id;

/** Every transaction of the order, oldest first; [] when nothing was ever paid. */
export function orderTransactions(store: StoreData, order: OrderRec): Wire[] {
  const first = firstEvent(order);
  if (!first) return [];
  const events: Event[] = [{ ...first, id: firstId(order) }];
  if (order.payment_status === 'void') {
    const at = order.voidRequestedAt ?? order.modified;
    events.push({ ...first, id: voidId(order), event: 'void', at, reference: firstId(order) });
  }
  const refunds: RefundRec[] = store.refunds.filter((r) => r.order_id === order.id);
  for (const refund of refunds) {
    for (const p of refund.payments) {
      events.push({
        id: refundId(p),
        event: 'refund',
        cents: p.amountCents,
        at: refund.created,
        ok: true,
        fraudReview: false,
        providerId: p.provider_id,
        reference: firstId(order),
      });
    }
  }
  return events.map((e) => wire(order, e));
}
