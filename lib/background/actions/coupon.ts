/** Discount codes: is a code free, and create one (checked again here: a page is never trusted). */
import type { z } from 'zod';
import type { Order } from '../../core/model';
import type { CreatedCoupon } from '../../core/store-ports';
import {
  CouponCodeCheckSchema,
  CouponCreateSchema,
  type CouponCodeCheckResult,
  type CouponCreateResult,
  type CouponForm,
} from '../../messages/actions';
import { ActionError } from '../../actions/errors';
import { formatMoney, normalizeMoney, toMinor } from '../../actions/money';
import { staffNoteLine } from '../../actions/staff-notes';
import type { MessageHandler } from '../handler';
import { SIDEBAR_ONLY, type ActionsContext } from './context';

export function couponCheckHandler(ctx: ActionsContext): MessageHandler<z.infer<typeof CouponCodeCheckSchema>> {
  return {
    type: 'actions/coupon-code-check',
    schema: CouponCodeCheckSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message) {
      const apis = await ctx.deps.apisFor(message.connectionId);
      return {
        code: message.code,
        available: !(await apis.actions.couponCodeExists(message.code)),
      } satisfies CouponCodeCheckResult;
    },
  };
}

export function couponCreateHandler(ctx: ActionsContext): MessageHandler<z.infer<typeof CouponCreateSchema>> {
  return {
    type: 'actions/coupon-create',
    schema: CouponCreateSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message, context) {
      const agent = ctx.agentOf(context);
      const apis = await ctx.deps.apisFor(message.connectionId);
      const form = message.coupon;
      return ctx.guard.run(
        { ...ctx.facts(message, 'coupon', agent), code: form.code },
        async ({ sending }): Promise<CouponCreateResult> => {
          const draft = {
            ...ctx.draft(message, 'coupon', agent),
            amount: form.type === 'free_shipping' ? null : form.amount,
            currency: form.type === 'percentage' ? '%' : null,
          };
          let order: Order;
          let created: CreatedCoupon;
          try {
            order = await ctx.freshOrder(apis.lookup, message.orderId);
            Object.assign(draft, {
              storeName: order.store.storeName,
              currency: form.type === 'fixed' ? order.currencyCode : draft.currency,
            });
            await ctx.requireSwitch(message.connectionId, 'discount');
            checkCouponForm(form, ctx.now());
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
            return ctx.failed(draft, error);
          }
          const warnings: string[] = [];
          await ctx.note(
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
          await ctx.audit(draft, 'succeeded', warnings.join(' '), created.id);
          // A coupon does not change what is left to refund: the quote orders stay.
          await ctx.deps.cache.invalidateOrder(message.connectionId, message.orderId).catch(() => undefined);
          return { id: created.id, code: created.code, warnings };
        },
      );
    },
  };
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
