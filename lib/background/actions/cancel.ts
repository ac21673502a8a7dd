/** Cancel: status Cancelled, then void an authorised payment; a taken payment is left to a refund. */
import type { z } from 'zod';
import { ORDER_STATUS, type Order } from '../../core/model';
import { CancelRequestSchema, type CancelResult } from '../../messages/actions';
import { cancelVerdict } from '../../actions/eligibility';
import { ActionError, infoOf, isOutcomeUnknown } from '../../actions/errors';
import { staffNoteLine } from '../../actions/staff-notes';
import type { MessageHandler } from '../handler';
import { SIDEBAR_ONLY, type ActionsContext } from './context';

/** Payment states in which the money was taken: after a cancel, a refund is still needed. */
const TAKEN = new Set(['captured', 'paid', 'partially refunded']);

export function cancelHandler(ctx: ActionsContext): MessageHandler<z.infer<typeof CancelRequestSchema>> {
  return {
    type: 'actions/cancel',
    schema: CancelRequestSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message, context) {
      const agent = ctx.agentOf(context);
      const apis = await ctx.deps.apisFor(message.connectionId);
      return ctx.guard.run(ctx.facts(message, 'cancel', agent), async ({ sending }): Promise<CancelResult> => {
        const draft = ctx.draft(message, 'cancel', agent);
        let before: Order;
        let after: Order;
        try {
          before = await ctx.freshOrder(apis.lookup, message.orderId);
          Object.assign(draft, {
            storeName: before.store.storeName,
            amount: before.orderTotal,
            currency: before.currencyCode,
          });
          await ctx.requireSwitch(message.connectionId, 'cancel');
          const verdict = cancelVerdict(before);
          if (verdict) throw new ActionError('validation', verdict);
          await sending({
            storeName: before.store.storeName,
            amount: before.orderTotal,
            currency: before.currencyCode,
          });
          after = await apis.actions.setOrderStatus(message.orderId, ORDER_STATUS.CANCELLED);
        } catch (error) {
          return ctx.failed(draft, error);
        }
        const warnings: string[] = [];
        await ctx.note(
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
            await ctx.audit(
              { ...draft, action: 'void' },
              'succeeded',
              'Authorised payment voided after the cancellation.',
            );
          } catch (error) {
            voided = false;
            const why = isOutcomeUnknown(error)
              ? 'no answer came back; check the payment in BigCommerce'
              : infoOf(error).message;
            warnings.push(`The order is cancelled, but the authorised payment was not voided: ${why}`);
            await ctx.audit({ ...draft, action: 'void' }, isOutcomeUnknown(error) ? 'unknown' : 'failed', why);
          }
        }
        const paymentCaptured = TAKEN.has(payment);
        await ctx.audit(
          draft,
          'succeeded',
          [message.reason ? `Reason: ${message.reason}` : '', ...warnings].filter(Boolean).join(' '),
        );
        await ctx.changed(message.connectionId, message.orderId);
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
}
