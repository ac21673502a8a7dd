/**
 * The action buttons under an expanded order of a linked customer: shown only when the admin
 * switched that action on, enabled only when the order's state allows it, and saying why not.
 */
import { i18n } from '#i18n';
import { useContext, useId, useMemo, useState } from 'preact/hooks';
import { SidebarContext } from '../sidebar/context';
import type { Customer, Order } from '../../lib/core/model';
import type { SidebarConnection } from '../../lib/messages/sidebar';
import { actionRows, switchedOn, type ActionName, type Say } from '../../lib/actions/eligibility';
import { DEFAULT_ACTION_REASONS } from '../../lib/settings/action-reasons';
import { CancelDialog } from './CancelDialog';
import { CancelRefundDialog } from './CancelRefundDialog';
import { DiscountDialog } from './DiscountDialog';
import { RefundDialog } from './RefundDialog';
import type { ActionRequest } from './shared';
import { withGladlyCustomer } from './timeline-request';
import './actions.css';

export interface OrderActionsProps {
  order: Order;
  customer: Customer | null;
  connection: Pick<SidebarConnection, 'id' | 'name' | 'actions' | 'reasons'>;
  request: ActionRequest;
  onChanged(): void;
}

const LABELS: Record<ActionName, () => string> = {
  cancel: () => i18n.t('actions.labels.cancel'),
  cancelRefund: () => i18n.t('actions.labels.cancelRefund'),
  refund: () => i18n.t('actions.labels.refund'),
  partialRefund: () => i18n.t('actions.labels.partialRefund'),
  coupon: () => i18n.t('actions.labels.coupon'),
};

/** The eligibility's "why" sentences in the agent's language (keys under actions.why). */
const sayWhy: Say = (key, substitutions) =>
  i18n.t(`actions.why.${key}` as 'actions.why.notOffered', (substitutions ?? []) as [string, string]);

export function OrderActions({ order, customer, connection, request: plainRequest, onChanged }: OrderActionsProps) {
  const baseId = useId();
  const [open, setOpen] = useState<ActionName | null>(null);
  // The Gladly customer on screen (from Gladly's URL), for the timeline card of each action.
  const sidebar = useContext(SidebarContext);
  const state = sidebar?.store.getState();
  const gladlyCustomerId = state?.identity?.gladlyCustomerId ?? state?.gladlyCustomerId;
  const request = useMemo(() => withGladlyCustomer(plainRequest, gladlyCustomerId), [plainRequest, gladlyCustomerId]);
  // Only a linked customer's orders: a guest match is too weak to move money on.
  if (!customer) return null;
  const rows = actionRows(order, connection.actions, sayWhy);
  if (rows.length === 0) return null;
  const close = () => setOpen(null);

  return (
    <div class="bc-actions" role="group" aria-label={i18n.t('actions.labels.group', [order.orderNumber])}>
      {rows.map(({ action, why }) => {
        const reasonId = `${baseId}-${action}-why`;
        return (
          <span key={action} class="bc-actions__item">
            <button
              type="button"
              class="bc-button"
              // aria-disabled (not disabled) keeps the button focusable, so the reason can be read.
              aria-disabled={why ? 'true' : undefined}
              title={why ?? undefined}
              aria-describedby={why ? reasonId : undefined}
              onClick={() => {
                if (!why) setOpen(action);
              }}
            >
              {LABELS[action]()}
            </button>
            {why && (
              <span
                id={reasonId}
                class="bc-visually-hidden"
                style={{
                  position: 'absolute',
                  width: '1px',
                  height: '1px',
                  overflow: 'hidden',
                  clip: 'rect(0 0 0 0)',
                  whiteSpace: 'nowrap',
                }}
              >
                {why}
              </span>
            )}
          </span>
        );
      })}
      {open === 'cancelRefund' && (
        <CancelRefundDialog
          order={order}
          connectionId={connection.id}
          request={request}
          reasons={connection.reasons ?? DEFAULT_ACTION_REASONS}
          onClose={close}
          onChanged={onChanged}
          onCancelOnly={() => setOpen('cancel')}
        />
      )}
      {open === 'cancel' && (
        <CancelDialog
          order={order}
          connectionId={connection.id}
          request={request}
          onClose={close}
          onChanged={onChanged}
          onRefund={switchedOn('refund', connection.actions) ? () => setOpen('partialRefund') : null}
          reasons={connection.reasons ?? DEFAULT_ACTION_REASONS}
        />
      )}
      {(open === 'refund' || open === 'partialRefund') && (
        <RefundDialog
          order={order}
          connectionId={connection.id}
          request={request}
          partialAllowed={connection.actions.partialRefund}
          reasons={connection.reasons ?? DEFAULT_ACTION_REASONS}
          onClose={close}
          onChanged={onChanged}
        />
      )}
      {open === 'coupon' && (
        <DiscountDialog
          order={order}
          connectionId={connection.id}
          request={request}
          onClose={close}
          onChanged={onChanged}
        />
      )}
    </div>
  );
}
