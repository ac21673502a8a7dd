/**
 * The actions service: cancel, refund (quote → confirm → refund), discount codes, their status
 * and the audit log. Extension pages only. Every write holds the order's lock (lib/actions/
 * order-guard.ts), is audited whether it worked or not, notes itself in the order's staff notes,
 * and invalidates the cached lookups that show the order.
 */
import type { z } from 'zod';
import type { KeyValueStore } from '../core/kv-store';
import type { ActionSwitches } from '../settings/schema';
import { ORDER_STATUS, type Order } from '../core/model';
import {
  ActionStatusRequestSchema,
  AuditListRequestSchema,
  CancelRequestSchema,
  CouponCodeCheckSchema,
  CouponCreateSchema,
  RefundQuoteRequestSchema,
  RefundRequestSchema,
  type CancelResult,
  type CouponCodeCheckResult,
  type CouponCreateResult,
  type CouponForm,
  type RefundQuoteResult,
  type RefundResult,
} from '../messages/actions';
import type { ActionsApi, RefundPayment, StoreApi } from '../core/store-ports';
import type { AuditEntry, AuditLog } from '../actions/audit-log';
import { cancelVerdict, refundVerdict } from '../actions/eligibility';
import { ActionError, infoOf, isOutcomeUnknown, unknownOutcomeReason } from '../actions/errors';
import { currencyExponent, formatMoney, normalizeMoney, toMinor } from '../actions/money';
import { createOrderGuard, type GuardStore, type PendingFacts } from '../actions/order-guard';
import { reconcileRecord } from '../actions/reconcile';
import { buildRefundItems, fullRefundSelection, leftToRefund, refundErrorField } from '../actions/refund-plan';
import { appendNote, staffNoteLine } from '../actions/staff-notes';
import type { HandlerContext, MessageHandler } from './handler';

export interface ActionsServiceDeps {
  apisFor(connectionId: string): Promise<{ actions: ActionsApi; lookup: StoreApi }>;
  /** The admin's switches for a store: a switched-off action is refused here, not only hidden. */
  switches?(connectionId: string): Promise<ActionSwitches>;
  audit: AuditLog;
  cache: { invalidateOrder(connectionId: string, orderId: string): Promise<void> };
  /** storage.local: locks and pending records must survive a service-worker restart. */
  storage?: KeyValueStore;
  /** Where locks, pending records and first answers live instead (the team service: database rows). */
  guardStore?: GuardStore;
  now?: () => number;
  /** The Gladly agent working in a tab (for the audit log and staff notes). */
  agentFor?(tabId?: number): string | undefined;
}

const QUOTE_ORDER_TTL_MS = 30_000;
/** Actions come from the sidebar (an extension page), never a content script or another page. */
const SIDEBAR_ONLY = ['/sidebar.html'] as const;
/** Payment states in which the money was taken: after a cancel, a refund is still needed. */
const TAKEN = new Set(['captured', 'paid', 'partially refunded']);

type AuditDraft = Omit<AuditEntry, 'id' | 'at' | 'result' | 'detail' | 'reference'>;

export function createActionsHandlers(deps: ActionsServiceDeps): MessageHandler[] {
  const now = deps.now ?? Date.now;
  const guard = createOrderGuard({
    storage: deps.storage,
    store: deps.guardStore,
    now,
    async reconcile(record) {
      const found = await reconcileRecord(record, await deps.apisFor(record.connectionId));
      await audit(
        {
          agent: record.agent,
          connectionId: record.connectionId,
          storeName: record.storeName,
          orderId: record.orderId,
          action: 'reconcile',
          amount: record.amount,
          currency: record.currency,
          actionId: record.actionId,
        },
        found.outcome === 'done' ? 'found-done' : 'found-not-done',
        found.message,
        found.reference,
      );
      await deps.cache.invalidateOrder(record.connectionId, record.orderId).catch(() => undefined);
      return found;
    },
  });
  const quoteOrders = new Map<string, { order: Order; left: string; at: number }>();

  async function requireSwitch(connectionId: string, action: Exclude<keyof ActionSwitches, 'enabled'>): Promise<void> {
    if (!deps.switches) return;
    const switches = await deps.switches(connectionId);
    if (!switches.enabled || !switches[action]) {
      const what = {
        cancel: 'Cancelling orders',
        refund: 'Full refunds',
        partialRefund: 'Partial refunds',
        discount: 'Discount codes',
      }[action];
      throw new ActionError('config', `${what} are turned off for this store in the settings.`);
    }
  }

  async function audit(
    draft: AuditDraft,
    result: AuditEntry['result'],
    detail: string,
    reference: string | null = null,
  ): Promise<void> {
    // The audit log must never turn a done action into a reported failure.
    await deps.audit
      .append({ ...draft, at: new Date(now()).toISOString(), result, detail, reference })
      .catch(() => undefined);
  }

  /** Audits a failed write (or one whose outcome is unknown), then lets the error go on. */
  async function failed(draft: AuditDraft, error: unknown): Promise<never> {
    if (isOutcomeUnknown(error))
      await audit(draft, 'unknown', `${unknownOutcomeReason(error)} after sending; outcome unknown.`);
    else await audit(draft, 'failed', infoOf(error).message);
    throw error;
  }

  const agentOf = (context: HandlerContext) => deps.agentFor?.(context.sender.tabId) ?? 'unknown agent';

  async function freshOrder(lookup: StoreApi, orderId: string): Promise<Order> {
    const order = await lookup.orderById(orderId);
    if (!order) throw new ActionError('not-found', `Order ${orderId} was not found in this store.`);
    return order;
  }

  /** Adds a line to the staff notes; a failure is a warning, never an undone action. */
  async function note(
    apis: { actions: ActionsApi; lookup: StoreApi },
    orderId: string,
    existing: string | null,
    line: string,
    warnings: string[],
  ) {
    try {
      const notes = existing ?? (await freshOrder(apis.lookup, orderId)).staffNotes;
      await apis.actions.setStaffNotes(orderId, appendNote(notes, line));
    } catch (error) {
      warnings.push(`Done, but the staff notes could not be updated: ${infoOf(error).message}`);
    }
  }

  /** BigCommerce refused a refund (422): say which dialog field it concerns. */
  function asRefundFieldError(error: unknown): unknown {
    const info = infoOf(error);
    if (info.kind !== 'validation' || error instanceof ActionError) return error;
    return new ActionError('validation', info.message, refundErrorField(info.message, info.field));
  }

  const facts = (
    message: { connectionId: string; orderId: string; actionId: string },
    action: PendingFacts['action'],
    agent: string,
  ): PendingFacts => ({
    connectionId: message.connectionId,
    orderId: message.orderId,
    actionId: message.actionId,
    action,
    amount: null,
    currency: null,
    code: null,
    agent,
    storeName: message.connectionId,
  });

  const cancel: MessageHandler<z.infer<typeof CancelRequestSchema>> = {
    type: 'actions/cancel',
    schema: CancelRequestSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message, context) {
      const agent = agentOf(context);
      const apis = await deps.apisFor(message.connectionId);
      return guard.run(facts(message, 'cancel', agent), async ({ sending }): Promise<CancelResult> => {
        const draft: AuditDraft = {
          agent,
          connectionId: message.connectionId,
          storeName: message.connectionId,
          orderId: message.orderId,
          action: 'cancel',
          amount: null,
          currency: null,
          actionId: message.actionId,
        };
        let before: Order;
        let after: Order;
        try {
          before = await freshOrder(apis.lookup, message.orderId);
          Object.assign(draft, {
            storeName: before.store.storeName,
            amount: before.orderTotal,
            currency: before.currencyCode,
          });
          await requireSwitch(message.connectionId, 'cancel');
          const verdict = cancelVerdict(before);
          if (verdict) throw new ActionError('validation', verdict);
          await sending({
            storeName: before.store.storeName,
            amount: before.orderTotal,
            currency: before.currencyCode,
          });
          after = await apis.actions.setOrderStatus(message.orderId, ORDER_STATUS.CANCELLED);
        } catch (error) {
          return failed(draft, error);
        }
        const warnings: string[] = [];
        await note(
          apis,
          message.orderId,
          after.staffNotes,
          staffNoteLine({ action: 'cancel', agent, reason: message.reason }),
          warnings,
        );
        const payment = before.paymentStatus.trim().toLowerCase();
        let voided: boolean | null = null;
        if (payment === 'authorized') {
          try {
            await apis.actions.voidPayment(message.orderId);
            voided = true;
            await audit({ ...draft, action: 'void' }, 'succeeded', 'Authorised payment voided after the cancellation.');
          } catch (error) {
            voided = false;
            const why = isOutcomeUnknown(error)
              ? 'no answer came back; check the payment in BigCommerce'
              : infoOf(error).message;
            warnings.push(`The order is cancelled, but the authorised payment was not voided: ${why}`);
            await audit({ ...draft, action: 'void' }, isOutcomeUnknown(error) ? 'unknown' : 'failed', why);
          }
        }
        const paymentCaptured = TAKEN.has(payment);
        await audit(
          draft,
          'succeeded',
          [message.reason ? `Reason: ${message.reason}` : '', ...warnings].filter(Boolean).join(' '),
        );
        await deps.cache.invalidateOrder(message.connectionId, message.orderId).catch(() => undefined);
        quoteOrders.delete(`${message.connectionId}/${message.orderId}`);
        return {
          orderId: message.orderId,
          statusId: after.statusId,
          status: after.status,
          voided,
          paymentCaptured,
          warnings,
        };
      });
    },
  };

  const refundQuote: MessageHandler<z.infer<typeof RefundQuoteRequestSchema>> = {
    type: 'actions/refund-quote',
    schema: RefundQuoteRequestSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message) {
      const apis = await deps.apisFor(message.connectionId);
      // The dialog asks for a quote on every change: read the order once per half minute.
      const key = `${message.connectionId}/${message.orderId}`;
      let cached = quoteOrders.get(key);
      if (!cached || now() - cached.at > QUOTE_ORDER_TTL_MS) {
        const [order, refunds] = await Promise.all([
          freshOrder(apis.lookup, message.orderId),
          apis.actions.refunds(message.orderId),
        ]);
        cached = { order, left: leftToRefund(order, refunds), at: now() };
        for (const [k, v] of quoteOrders) if (now() - v.at > QUOTE_ORDER_TTL_MS) quoteOrders.delete(k);
        quoteOrders.set(key, cached);
      }
      const items = buildRefundItems(cached.order, message.selection, cached.left);
      try {
        const quote = await apis.actions.refundQuote(message.orderId, items);
        return { quote, items, currency: cached.order.currencyCode } satisfies RefundQuoteResult;
      } catch (error) {
        throw asRefundFieldError(error);
      }
    },
  };

  const sameItems = (a: unknown[], b: unknown[]) =>
    JSON.stringify(a.map((i) => JSON.stringify(i)).sort()) === JSON.stringify(b.map((i) => JSON.stringify(i)).sort());
  const samePayments = (a: RefundPayment[], b: RefundPayment[], e: number) =>
    a.length === b.length &&
    a.every(
      (p, i) =>
        p.providerId === b[i]?.providerId &&
        p.offline === b[i]?.offline &&
        sameAmount(p.amount, b[i]?.amount ?? 'x', e),
    );
  /** Equal in the currency's minor unit; an amount that is not one (too many decimals) equals nothing. */
  const sameAmount = (a: string, b: string, e: number) => {
    try {
      return toMinor(a, e) === toMinor(b, e);
    } catch {
      return false;
    }
  };

  const refund: MessageHandler<z.infer<typeof RefundRequestSchema>> = {
    type: 'actions/refund',
    schema: RefundRequestSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message, context) {
      const agent = agentOf(context);
      const apis = await deps.apisFor(message.connectionId);
      return guard.run(facts(message, 'refund', agent), async ({ sending }): Promise<RefundResult> => {
        const draft: AuditDraft = {
          agent,
          connectionId: message.connectionId,
          storeName: message.connectionId,
          orderId: message.orderId,
          action: 'refund',
          amount: message.expectedTotal,
          currency: null,
          actionId: message.actionId,
        };
        let order: Order;
        let created;
        try {
          order = await freshOrder(apis.lookup, message.orderId);
          Object.assign(draft, { storeName: order.store.storeName, currency: order.currencyCode });
          const verdict = refundVerdict(order);
          if (verdict) throw new ActionError('validation', verdict);
          const items = buildRefundItems(
            order,
            message.selection,
            leftToRefund(order, await apis.actions.refunds(message.orderId)),
          );
          await requireSwitch(
            message.connectionId,
            sameItems(items, buildRefundItems(order, fullRefundSelection(order))) ? 'refund' : 'partialRefund',
          );
          // Quote again: the refund must be exactly what the agent confirmed, by a method still offered.
          const quote = await apis.actions
            .refundQuote(message.orderId, items)
            .catch((e: unknown) => Promise.reject(asRefundFieldError(e)));
          const e = currencyExponent(order.currencyCode);
          if (sameAmount(message.expectedTotal, message.expectedTotal, e))
            draft.amount = normalizeMoney(message.expectedTotal, e);
          if (!sameAmount(quote.totalRefundAmount, message.expectedTotal, e)) {
            throw new ActionError(
              'validation',
              `The refund now comes to ${formatMoney(quote.totalRefundAmount, order.currencyCode)}, not ${formatMoney(message.expectedTotal, order.currencyCode)}. Nothing was refunded; check and confirm again.`,
              'total',
            );
          }
          const method = quote.refundMethods.find((m) => samePayments(m, message.payments, e));
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
          created = await apis.actions
            .createRefund(message.orderId, items, method)
            .catch((e: unknown) => Promise.reject(asRefundFieldError(e)));
        } catch (error) {
          return failed(draft, error);
        }
        const warnings: string[] = [];
        const total = normalizeMoney(created.totalAmount, currencyExponent(order.currencyCode));
        await note(
          apis,
          message.orderId,
          null,
          staffNoteLine({ action: 'refund', agent, amount: total, currency: order.currencyCode }),
          warnings,
        );
        const declined = created.payments
          .filter((p) => p.isDeclined)
          .map((p) => `${p.providerId}: ${p.declinedMessage || 'declined'}`);
        const offline = created.payments.some((p) => p.offline);
        if (declined.length)
          warnings.push(
            `The payment gateway declined: ${declined.join('; ')}. The refund is recorded, but that money did not move.`,
          );
        if (offline) warnings.push('Part of this refund is offline: the money must be returned outside BigCommerce.');
        await audit({ ...draft, amount: total }, 'succeeded', warnings.join(' '), created.id);
        await deps.cache.invalidateOrder(message.connectionId, message.orderId).catch(() => undefined);
        quoteOrders.delete(`${message.connectionId}/${message.orderId}`);
        return { refundId: created.id, total, currency: order.currencyCode, offline, declined, warnings };
      });
    },
  };

  const couponCheck: MessageHandler<z.infer<typeof CouponCodeCheckSchema>> = {
    type: 'actions/coupon-code-check',
    schema: CouponCodeCheckSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message) {
      const apis = await deps.apisFor(message.connectionId);
      return {
        code: message.code,
        available: !(await apis.actions.couponCodeExists(message.code)),
      } satisfies CouponCodeCheckResult;
    },
  };

  const couponCreate: MessageHandler<z.infer<typeof CouponCreateSchema>> = {
    type: 'actions/coupon-create',
    schema: CouponCreateSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message, context) {
      const agent = agentOf(context);
      const apis = await deps.apisFor(message.connectionId);
      const form = message.coupon;
      return guard.run(
        { ...facts(message, 'coupon', agent), code: form.code },
        async ({ sending }): Promise<CouponCreateResult> => {
          const draft: AuditDraft = {
            agent,
            connectionId: message.connectionId,
            storeName: message.connectionId,
            orderId: message.orderId,
            action: 'coupon',
            amount: form.type === 'free_shipping' ? null : form.amount,
            currency: form.type === 'percentage' ? '%' : null,
            actionId: message.actionId,
          };
          let order: Order;
          let created;
          try {
            order = await freshOrder(apis.lookup, message.orderId);
            Object.assign(draft, {
              storeName: order.store.storeName,
              currency: form.type === 'fixed' ? order.currencyCode : draft.currency,
            });
            await requireSwitch(message.connectionId, 'discount');
            checkCouponForm(form, now());
            if (await apis.actions.couponCodeExists(form.code))
              throw new ActionError('validation', 'That code is already used in this store. Generate another.', 'code');
            await sending({ storeName: order.store.storeName, code: form.code });
            created = await apis.actions.createCoupon({
              code: form.code,
              name: `Gladly ${form.code}`,
              type: form.type,
              amount: form.type === 'free_shipping' ? '0' : normalizeMoney(form.amount),
              minPurchase: form.minPurchase === null ? null : normalizeMoney(form.minPurchase),
              expires: form.expires,
              maxUses: form.maxUses,
            });
          } catch (error) {
            return failed(draft, error);
          }
          const warnings: string[] = [];
          await note(
            apis,
            message.orderId,
            order.staffNotes,
            staffNoteLine({
              action: 'coupon',
              agent,
              code: created.code,
              describe: describeCoupon(form, order.currencyCode),
            }),
            warnings,
          );
          await audit(draft, 'succeeded', warnings.join(' '), created.id);
          await deps.cache.invalidateOrder(message.connectionId, message.orderId).catch(() => undefined);
          return { id: created.id, code: created.code, warnings };
        },
      );
    },
  };

  const status: MessageHandler<z.infer<typeof ActionStatusRequestSchema>> = {
    type: 'actions/status',
    schema: ActionStatusRequestSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message) {
      return guard.status(message.connectionId, message.orderId);
    },
  };

  const auditList: MessageHandler = {
    type: 'audit/list',
    schema: AuditListRequestSchema,
    from: ['extension-page'],
    pages: ['/options.html'],
    async handle() {
      return { entries: await deps.audit.list() };
    },
  };

  // The router parsed each message with its schema before `handle` runs.
  return [cancel, refundQuote, refund, couponCheck, couponCreate, status, auditList] as MessageHandler[];
}

export function describeCoupon(form: CouponForm, currency: string): string {
  if (form.type === 'free_shipping') return 'free shipping';
  if (form.type === 'percentage') return `${normalizeMoney(form.amount).replace(/\.00$/, '')}% off`;
  return `${formatMoney(form.amount, currency)} off`;
}

/** The background re-checks what the dialog checked: a page is never trusted with the rules. */
export function checkCouponForm(form: CouponForm, nowMs: number): void {
  const cents = toMinor(form.amount);
  if (form.type !== 'free_shipping' && cents <= 0)
    throw new ActionError('validation', 'Enter an amount above zero.', 'amount');
  if (form.type === 'percentage' && cents > 10_000)
    throw new ActionError('validation', 'A percentage is at most 100.', 'amount');
  if (form.expires !== null) {
    const today = new Date(nowMs).toISOString().slice(0, 10);
    if (Number.isNaN(Date.parse(form.expires)) || form.expires < today)
      throw new ActionError('validation', 'The expiry date must be today or later.', 'expires');
  }
}
