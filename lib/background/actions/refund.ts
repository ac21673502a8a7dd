/** Refund: a quote for what the agent picked, then the refund exactly as confirmed. */
import type { z } from 'zod';
import type { Order } from '../../core/model';
import type { RefundItem, RefundPayment, RefundRecord } from '../../core/store-ports';
import {
  RefundQuoteRequestSchema,
  RefundRequestSchema,
  type RefundQuoteResult,
  type RefundResult,
  type RefundSelection,
} from '../../messages/actions';
import { refundVerdict } from '../../actions/eligibility';
import { ActionError } from '../../actions/errors';
import { currencyExponent, formatMoney, normalizeMoney, toMinor } from '../../actions/money';
import { buildRefundItems, fullRefundSelection, leftToRefund } from '../../actions/refund-plan';
import { staffNoteLine } from '../../actions/staff-notes';
import type { MessageHandler } from '../handler';
import { SIDEBAR_ONLY, type ActionsContext, type AuditDraft, type StoreApis } from './context';

const QUOTE_ORDER_TTL_MS = 30_000;

export function refundQuoteHandler(ctx: ActionsContext): MessageHandler<z.infer<typeof RefundQuoteRequestSchema>> {
  return {
    type: 'actions/refund-quote',
    schema: RefundQuoteRequestSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message) {
      const apis = await ctx.deps.apisFor(message.connectionId);
      const now = ctx.now;
      // The dialog asks for a quote on every change: read the order once per half minute.
      const key = `${message.connectionId}/${message.orderId}`;
      let cached = ctx.quoteOrders.get(key);
      if (!cached || now() - cached.at > QUOTE_ORDER_TTL_MS) {
        const [order, refunds] = await Promise.all([
          ctx.freshOrder(apis.lookup, message.orderId),
          apis.actions.refunds(message.orderId),
        ]);
        cached = { order, left: leftToRefund(order, refunds), at: now() };
        for (const [k, v] of ctx.quoteOrders) if (now() - v.at > QUOTE_ORDER_TTL_MS) ctx.quoteOrders.delete(k);
        ctx.quoteOrders.set(key, cached);
      }
      const items = buildRefundItems(cached.order, message.selection, cached.left);
      try {
        const quote = await apis.actions.refundQuote(message.orderId, items);
        return { quote, items, currency: cached.order.currencyCode } satisfies RefundQuoteResult;
      } catch (error) {
        throw ctx.asRefundFieldError(error);
      }
    },
  };
}

const sameItems = (a: unknown[], b: unknown[]) =>
  JSON.stringify(a.map((i) => JSON.stringify(i)).sort()) === JSON.stringify(b.map((i) => JSON.stringify(i)).sort());
const samePayments = (a: RefundPayment[], b: RefundPayment[], e: number) =>
  a.length === b.length &&
  a.every(
    (p, i) =>
      p.providerId === b[i]?.providerId && p.offline === b[i]?.offline && sameAmount(p.amount, b[i]?.amount ?? 'x', e),
  );
/** Equal in the currency's minor unit; an amount that is not one (too many decimals) equals nothing. */
const sameAmount = (a: string, b: string, e: number) => {
  try {
    return toMinor(a, e) === toMinor(b, e);
  } catch {
    return false;
  }
};

export interface ConfirmedRefund {
  orderId: string;
  selection: RefundSelection;
  payments: RefundPayment[];
  expectedTotal: string;
}

/**
 * Checks a confirmed refund against a fresh quote and sends it (the `sending` stamp comes right
 * before the write). Throws for anything refused; `draft` gets the store, amount and currency.
 * `isFull` says whether the items are everything that is left (the full-refund switch applies).
 */
export async function sendRefund(
  ctx: ActionsContext,
  apis: StoreApis,
  order: Order,
  refund: ConfirmedRefund,
  draft: AuditDraft,
  sending: (facts: { storeName: string; amount: string; currency: string }) => Promise<void>,
  checkSwitch: (isFull: boolean) => Promise<void>,
): Promise<RefundRecord> {
  const items: RefundItem[] = buildRefundItems(
    order,
    refund.selection,
    leftToRefund(order, await apis.actions.refunds(refund.orderId)),
  );
  await checkSwitch(sameItems(items, buildRefundItems(order, fullRefundSelection(order))));
  // Quote again: the refund must be exactly what the agent confirmed, by a method still offered.
  const quote = await apis.actions
    .refundQuote(refund.orderId, items)
    .catch((e: unknown) => Promise.reject(ctx.asRefundFieldError(e)));
  const e = currencyExponent(order.currencyCode);
  if (sameAmount(refund.expectedTotal, refund.expectedTotal, e)) draft.amount = normalizeMoney(refund.expectedTotal, e);
  if (!sameAmount(quote.totalRefundAmount, refund.expectedTotal, e)) {
    throw new ActionError(
      'validation',
      `The refund now comes to ${formatMoney(quote.totalRefundAmount, order.currencyCode)}, not ${formatMoney(refund.expectedTotal, order.currencyCode)}. Nothing was refunded; check and confirm again.`,
      'total',
    );
  }
  const method = quote.refundMethods.find((m) => samePayments(m, refund.payments, e));
  if (!method)
    throw new ActionError(
      'validation',
      'That refund method is no longer offered for this amount. Nothing was refunded; choose a method again.',
      'method',
    );
  await sending({
    storeName: order.store.storeName,
    amount: normalizeMoney(quote.totalRefundAmount, e),
    currency: order.currencyCode,
  });
  return apis.actions
    .createRefund(refund.orderId, items, method)
    .catch((e: unknown) => Promise.reject(ctx.asRefundFieldError(e)));
}

/** What a created refund means for the agent: declined payments and offline money, as warnings. */
export function refundOutcome(created: RefundRecord, currency: string) {
  const total = normalizeMoney(created.totalAmount, currencyExponent(currency));
  const declined = created.payments
    .filter((p) => p.isDeclined)
    .map((p) => `${p.providerId}: ${p.declinedMessage || 'declined'}`);
  const offline = created.payments.some((p) => p.offline);
  const warnings: string[] = [];
  if (declined.length)
    warnings.push(
      `The payment gateway declined: ${declined.join('; ')}. The refund is recorded, but that money did not move.`,
    );
  if (offline) warnings.push('Part of this refund is offline: the money must be returned outside BigCommerce.');
  return { total, declined, offline, warnings };
}

export function refundHandler(ctx: ActionsContext): MessageHandler<z.infer<typeof RefundRequestSchema>> {
  return {
    type: 'actions/refund',
    schema: RefundRequestSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message, context) {
      const agent = ctx.agentOf(context);
      const apis = await ctx.deps.apisFor(message.connectionId);
      return ctx.guard.run(ctx.facts(message, 'refund', agent), async ({ sending }): Promise<RefundResult> => {
        const draft = { ...ctx.draft(message, 'refund', agent), amount: message.expectedTotal };
        let order: Order;
        let created: RefundRecord;
        try {
          order = await ctx.freshOrder(apis.lookup, message.orderId);
          Object.assign(draft, { storeName: order.store.storeName, currency: order.currencyCode });
          const verdict = refundVerdict(order);
          if (verdict) throw new ActionError('validation', verdict);
          created = await sendRefund(ctx, apis, order, message, draft, sending, (isFull) =>
            ctx.requireSwitch(message.connectionId, isFull ? 'refund' : 'partialRefund'),
          );
        } catch (error) {
          return ctx.failed(draft, error);
        }
        const noteWarnings: string[] = [];
        const outcome = refundOutcome(created, order.currencyCode);
        await ctx.note(
          apis,
          message.orderId,
          null,
          staffNoteLine({
            action: 'refund',
            agent,
            amount: outcome.total,
            currency: order.currencyCode,
            reason: message.reason,
          }),
          noteWarnings,
        );
        const warnings = [...noteWarnings, ...outcome.warnings];
        await ctx.audit(
          { ...draft, amount: outcome.total },
          'succeeded',
          [message.reason ? `Reason: ${message.reason}` : '', ...warnings].filter(Boolean).join(' '),
          created.id,
        );
        await ctx.changed(message.connectionId, message.orderId);
        return {
          refundId: created.id,
          total: outcome.total,
          currency: order.currencyCode,
          offline: outcome.offline,
          declined: outcome.declined,
          warnings,
        };
      });
    },
  };
}
