/**
 * Cancel & refund, BigCommerce's own "cancel and refund": one confirmation, one actionId, one lock.
 * Everything left is refunded (by the method the agent confirmed from the quote), then the status
 * becomes Cancelled. The refund goes first, so a failure before it changes nothing; a cancel that
 * fails after it is "refunded, not cancelled" (the agent may cancel alone); a lost answer anywhere
 * is reconciled like the other actions, and the refund is never sent twice.
 */
import type { z } from 'zod';
import { ORDER_STATUS, type Order } from '../../core/model';
import type { RefundRecord } from '../../core/store-ports';
import { CancelRefundRequestSchema, type CancelRefundResult } from '../../messages/actions';
import { cancelRefundVerdict } from '../../actions/eligibility';
import { ActionError, infoOf, isOutcomeUnknown } from '../../actions/errors';
import { formatMoney } from '../../actions/money';
import { fullRefundSelection } from '../../actions/refund-plan';
import { staffNoteLine } from '../../actions/staff-notes';
import type { MessageHandler } from '../handler';
import { SIDEBAR_ONLY, type ActionsContext } from './context';
import { refundOutcome, sendRefund } from './refund';

export function cancelRefundHandler(ctx: ActionsContext): MessageHandler<z.infer<typeof CancelRefundRequestSchema>> {
  return {
    type: 'actions/cancel-refund',
    schema: CancelRefundRequestSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message, context) {
      const agent = ctx.agentOf(context);
      const apis = await ctx.deps.apisFor(message.connectionId);
      return ctx.guard.run(
        ctx.facts(message, 'cancelRefund', agent),
        async ({ sending }): Promise<CancelRefundResult> => {
          const draft = { ...ctx.draft(message, 'cancelRefund', agent), amount: message.expectedTotal };
          const reason = message.reason ? `Reason: ${message.reason}` : '';
          let order: Order;
          let created: RefundRecord;
          try {
            order = await ctx.freshOrder(apis.lookup, message.orderId);
            Object.assign(draft, { storeName: order.store.storeName, currency: order.currencyCode });
            await ctx.requireSwitch(message.connectionId, 'cancel');
            await ctx.requireSwitch(message.connectionId, 'refund');
            const verdict = cancelRefundVerdict(order);
            if (verdict) throw new ActionError('validation', verdict);
            created = await sendRefund(
              ctx,
              apis,
              order,
              { ...message, selection: fullRefundSelection(order) },
              draft,
              sending,
              async () => undefined,
            );
          } catch (error) {
            return ctx.failed(draft, error);
          }
          const money = refundOutcome(created, order.currencyCode);
          const refunded = `Refunded ${formatMoney(money.total, order.currencyCode)} (refund ${created.id})`;
          let after: Order | null = null;
          let cancelError: string | null = null;
          try {
            after = await apis.actions.setOrderStatus(message.orderId, ORDER_STATUS.CANCELLED);
          } catch (error) {
            if (isOutcomeUnknown(error)) {
              // The guard keeps the record: the next look at the order learns whether it was cancelled.
              await ctx.audit(
                { ...draft, amount: money.total },
                'unknown',
                [`${refunded}; the status change got no answer: outcome unknown.`, reason].filter(Boolean).join(' '),
                created.id,
              );
              await ctx.changed(message.connectionId, message.orderId);
              throw error;
            }
            cancelError = infoOf(error).message;
          }
          const warnings: string[] = [];
          await ctx.note(
            apis,
            message.orderId,
            after?.staffNotes ?? null,
            after
              ? staffNoteLine({
                  action: 'cancelRefund',
                  agent,
                  amount: money.total,
                  currency: order.currencyCode,
                  reason: message.reason,
                })
              : staffNoteLine({
                  action: 'refund',
                  agent,
                  amount: money.total,
                  currency: order.currencyCode,
                  reason: message.reason,
                }),
            warnings,
          );
          warnings.push(...money.warnings);
          await ctx.audit(
            { ...draft, amount: money.total },
            after ? 'succeeded' : 'failed',
            [after ? '' : `${refunded}, but the order was not cancelled: ${cancelError}`, reason, ...warnings]
              .filter(Boolean)
              .join(' '),
            created.id,
          );
          await ctx.changed(message.connectionId, message.orderId);
          return {
            orderId: message.orderId,
            refundId: created.id,
            total: money.total,
            currency: order.currencyCode,
            offline: money.offline,
            declined: money.declined,
            cancelled: after !== null,
            cancelError,
            statusId: after?.statusId ?? order.statusId,
            status: after?.status ?? order.status,
            warnings,
          };
        },
      );
    },
  };
}
