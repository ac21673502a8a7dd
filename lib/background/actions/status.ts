/** Reads: is an action under way on an order (learning what a lost one did), and the audit log. */
import type { z } from 'zod';
import { ActionStatusRequestSchema, AuditListRequestSchema } from '../../messages/actions';
import type { MessageHandler } from '../handler';
import { SIDEBAR_ONLY, type ActionsContext } from './context';

export function statusHandler(ctx: ActionsContext): MessageHandler<z.infer<typeof ActionStatusRequestSchema>> {
  return {
    type: 'actions/status',
    schema: ActionStatusRequestSchema,
    from: ['extension-page'],
    pages: SIDEBAR_ONLY,
    async handle(message) {
      return ctx.guard.status(message.connectionId, message.orderId);
    },
  };
}

export function auditListHandler(ctx: ActionsContext): MessageHandler {
  return {
    type: 'audit/list',
    schema: AuditListRequestSchema,
    from: ['extension-page'],
    pages: ['/options.html'],
    async handle() {
      return { entries: await ctx.deps.audit.list() };
    },
  };
}
