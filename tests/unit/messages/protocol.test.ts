/**
 * The protocol map holds both ends to one contract: a sender gets the reply type of what it sent,
 * and a handler must answer that type. The `@ts-expect-error` lines are the proof — the type check
 * (`npx tsc --noEmit`, part of `npm test`) fails if any of them stops being an error.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { MessageHandler } from '../../../lib/background/handler';
import { CancelRequestSchema, type CancelResult, type RefundResult } from '../../../lib/messages/actions';
import type {
  OptionsMessageType,
  ReplyOf,
  Sender,
  SidebarMessageType,
  TeamAdminSender,
} from '../../../lib/messages/protocol';
import { createOptionsApi } from '../../../components/options/api';
import type { ActionRequest } from '../../../components/actions/shared';

const cancel = { type: 'actions/cancel', connectionId: 'main', orderId: '106', actionId: 'act-0001' } as const;

describe('the protocol map', () => {
  it('types each reply by the request that was sent', () => {
    expectTypeOf<Sender<SidebarMessageType>>().returns.resolves.toEqualTypeOf<ReplyOf<SidebarMessageType>>();
    expectTypeOf<ActionRequest>().toBeCallableWith(cancel);
    expectTypeOf<ReplyOf<'actions/cancel'>>().toEqualTypeOf<CancelResult>();
    expectTypeOf<ReplyOf<'settings/get'>['settings']['connections']>().toBeArray();
    expectTypeOf<ReplyOf<'link'>>().toEqualTypeOf<{ customerId: string }>();
  });

  it('refuses a wrong reply shape, a wrong channel and a short request at the type check', async () => {
    // Never run: the sender only exists for the type check.
    async function typeOnly(send: Sender<SidebarMessageType>, optionsSend: Sender<OptionsMessageType>) {
      const cancelled = await send(cancel);
      expectTypeOf(cancelled).toEqualTypeOf<CancelResult>();
      // @ts-expect-error a cancel answers a CancelResult, not a RefundResult
      const wrong: RefundResult = await send(cancel);
      // @ts-expect-error the options page's messages do not go over the sidebar's port
      await send({ type: 'settings/get' });
      // @ts-expect-error a refund without what to refund
      await send({ type: 'actions/refund', connectionId: 'main', orderId: '106', actionId: 'act-0002' });
      // @ts-expect-error the options page cannot send the sidebar's money actions
      await optionsSend(cancel);
      const view = await optionsSend({ type: 'settings/get' });
      // @ts-expect-error settings/get answers a SettingsView, which has no `saved`
      void view.saved;
      return wrong;
    }
    expectTypeOf(typeOnly).toBeFunction();
    expectTypeOf(createOptionsApi).parameter(0).toEqualTypeOf<Sender<OptionsMessageType>>();
  });

  it('types a team/admin reply by its operation', async () => {
    // Never run: the sender only exists for the type check.
    async function typeOnly(admin: TeamAdminSender) {
      const { stores } = await admin({ op: 'stores/list' });
      expectTypeOf(stores[0]!.hasToken).toEqualTypeOf<boolean>();
      const issued = await admin({ op: 'keys/issue', name: 'Ann', role: 'agent' });
      expectTypeOf(issued.key).toEqualTypeOf<string>();
      // @ts-expect-error keys/list answers keys, not stores
      void (await admin({ op: 'keys/list' })).stores;
      // @ts-expect-error keys/issue needs who the key is for
      await admin({ op: 'keys/issue', role: 'agent' });
    }
    expectTypeOf(typeOnly).toBeFunction();
  });

  it('refuses a handler that answers another shape than its message promises', () => {
    const handler: MessageHandler<z.infer<typeof CancelRequestSchema>> = {
      type: 'actions/cancel',
      schema: CancelRequestSchema,
      from: ['extension-page'],
      // @ts-expect-error a cancel handler must answer a CancelResult
      handle: async () => ({ refundId: 'r-1', total: '1.00' }),
    };
    expectTypeOf(handler.handle).returns.resolves.toEqualTypeOf<CancelResult>();
  });
});
