/**
 * What every action handler shares: the order guard, the audit draft and `failed(draft, error)`,
 * staff notes, the admin's switches and cache invalidation — the lines each handler opened with.
 */
import type { KeyValueStore } from '../../core/kv-store';
import type { Order } from '../../core/model';
import type { ActionsApi, StoreApi } from '../../core/store-ports';
import type { ActionSwitches } from '../../settings/schema';
import type { AuditEntry, AuditLog } from '../../actions/audit-log';
import { ActionError, infoOf, isOutcomeUnknown, unknownOutcomeReason } from '../../actions/errors';
import { createOrderGuard, type GuardStore, type OrderGuard, type PendingFacts } from '../../actions/order-guard';
import { reconcileRecord } from '../../actions/reconcile';
import { refundErrorField } from '../../actions/refund-plan';
import { appendNote } from '../../actions/staff-notes';
import type { HandlerContext } from '../handler';

export interface ActionsServiceDeps {
  apisFor(connectionId: string): Promise<StoreApis>;
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

export type StoreApis = { actions: ActionsApi; lookup: StoreApi };
export type AuditDraft = Omit<AuditEntry, 'id' | 'at' | 'result' | 'detail' | 'reference'>;
export type SwitchName = Exclude<keyof ActionSwitches, 'enabled'>;
type OrderMessage = { connectionId: string; orderId: string; actionId: string };

/** Actions come from the sidebar (an extension page), never a content script or another page. */
export const SIDEBAR_ONLY = ['/sidebar.html'] as const;

export interface ActionsContext {
  deps: ActionsServiceDeps;
  now: () => number;
  guard: OrderGuard;
  /** Orders read for refund quotes, by `connectionId/orderId`; dropped when the order changes. */
  quoteOrders: Map<string, { order: Order; left: string; at: number }>;
  requireSwitch(connectionId: string, action: SwitchName): Promise<void>;
  audit(draft: AuditDraft, result: AuditEntry['result'], detail: string, reference?: string | null): Promise<void>;
  /** Audits a failed write (or one whose outcome is unknown), then lets the error go on. */
  failed(draft: AuditDraft, error: unknown): Promise<never>;
  agentOf(context: HandlerContext): string;
  freshOrder(lookup: StoreApi, orderId: string): Promise<Order>;
  /** Adds a line to the staff notes; a failure is a warning, never an undone action. */
  note(apis: StoreApis, orderId: string, existing: string | null, line: string, warnings: string[]): Promise<void>;
  /** BigCommerce refused a refund (422): say which dialog field it concerns. */
  asRefundFieldError(error: unknown): unknown;
  facts(message: OrderMessage, action: PendingFacts['action'], agent: string): PendingFacts;
  /** The audit draft every write starts from: store name and amounts are filled in once known. */
  draft(message: OrderMessage, action: AuditDraft['action'], agent: string): AuditDraft;
  /** After a write: the cached lookups and quote orders that show this order are stale. */
  changed(connectionId: string, orderId: string): Promise<void>;
}

export function createActionsContext(deps: ActionsServiceDeps): ActionsContext {
  const now = deps.now ?? Date.now;
  const quoteOrders: ActionsContext['quoteOrders'] = new Map();

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

  async function freshOrder(lookup: StoreApi, orderId: string): Promise<Order> {
    const order = await lookup.orderById(orderId);
    if (!order) throw new ActionError('not-found', `Order ${orderId} was not found in this store.`);
    return order;
  }

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

  return {
    deps,
    now,
    guard,
    quoteOrders,
    audit,
    freshOrder,
    async requireSwitch(connectionId, action) {
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
    },
    async failed(draft, error) {
      if (isOutcomeUnknown(error))
        await audit(draft, 'unknown', `${unknownOutcomeReason(error)} after sending; outcome unknown.`);
      else await audit(draft, 'failed', infoOf(error).message);
      throw error;
    },
    agentOf: (context) => deps.agentFor?.(context.sender.tabId) ?? 'unknown agent',
    async note(apis, orderId, existing, line, warnings) {
      try {
        const notes = existing ?? (await freshOrder(apis.lookup, orderId)).staffNotes;
        await apis.actions.setStaffNotes(orderId, appendNote(notes, line));
      } catch (error) {
        warnings.push(`Done, but the staff notes could not be updated: ${infoOf(error).message}`);
      }
    },
    asRefundFieldError(error) {
      const info = infoOf(error);
      if (info.kind !== 'validation' || error instanceof ActionError) return error;
      return new ActionError('validation', info.message, refundErrorField(info.message, info.field));
    },
    facts: (message, action, agent) => ({
      connectionId: message.connectionId,
      orderId: message.orderId,
      actionId: message.actionId,
      action,
      amount: null,
      currency: null,
      code: null,
      agent,
      storeName: message.connectionId,
    }),
    draft: (message, action, agent) => ({
      agent,
      connectionId: message.connectionId,
      storeName: message.connectionId,
      orderId: message.orderId,
      action,
      amount: null,
      currency: null,
      actionId: message.actionId,
    }),
    async changed(connectionId, orderId) {
      await deps.cache.invalidateOrder(connectionId, orderId).catch(() => undefined);
      quoteOrders.delete(`${connectionId}/${orderId}`);
    },
  };
}
