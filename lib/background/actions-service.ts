/**
 * The actions service: cancel, refund (quote → confirm → refund), discount codes, their status
 * and the audit log. Extension pages only. Every write holds the order's lock (lib/actions/
 * order-guard.ts), is audited whether it worked or not, notes itself in the order's staff notes,
 * and invalidates the cached lookups that show the order. One module per action in ./actions/.
 */
import { cancelHandler } from './actions/cancel';
import { cancelRefundHandler } from './actions/cancel-refund';
import { createActionsContext, type ActionsServiceDeps } from './actions/context';
import { couponCheckHandler, couponCreateHandler } from './actions/coupon';
import { refundHandler, refundQuoteHandler } from './actions/refund';
import { auditListHandler, statusHandler } from './actions/status';
import type { MessageHandler } from './handler';

export type { ActionsServiceDeps } from './actions/context';
export { checkCouponForm, describeCoupon } from './actions/coupon';

export function createActionsHandlers(deps: ActionsServiceDeps): MessageHandler[] {
  const ctx = createActionsContext(deps);
  // The router parsed each message with its schema before `handle` runs.
  return [
    cancelHandler(ctx),
    cancelRefundHandler(ctx),
    refundQuoteHandler(ctx),
    refundHandler(ctx),
    couponCheckHandler(ctx),
    couponCreateHandler(ctx),
    statusHandler(ctx),
    auditListHandler(ctx),
  ] as MessageHandler[];
}
