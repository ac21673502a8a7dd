/**
 * The action buttons under an expanded order of a linked customer: shown only when the admin
 * switched that action on, enabled only when the order's state allows it, and saying why not.
 */
import { useId, useState } from 'preact/hooks';
import type { Customer, Order } from '../../lib/core/model';
import type { SidebarConnection } from '../../lib/messages/sidebar';
import { actionRows, switchedOn, type ActionName } from '../../lib/actions/eligibility';
import { DEFAULT_ACTION_REASONS } from '../../lib/settings/action-reasons';
import { CancelDialog } from './CancelDialog';
import { DiscountDialog } from './DiscountDialog';
import { RefundDialog } from './RefundDialog';
import type { ActionRequest } from './shared';
import './actions.css';

export interface OrderActionsProps {
  order: Order;
  customer: Customer | null;
  connection: Pick<SidebarConnection, 'id' | 'name' | 'actions' | 'reasons'>;
  request: ActionRequest;
  onChanged(): void;
}

const LABELS: Record<ActionName, string> = {
  cancel: 'Cancel order',
  cancelRefund: 'Cancel & refund',
  refund: 'Full refund',
  partialRefund: 'Partial refund',
  coupon: 'Create discount code',
};

export function OrderActions({ order, customer, connection, request, onChanged }: OrderActionsProps) {
  const baseId = useId();
  const [open, setOpen] = useState<ActionName | null>(null);
  // Only a linked customer's orders: a guest match is too weak to move money on.
  if (!customer) return null;
  const rows = actionRows(order, connection.actions);
  if (rows.length === 0) return null;
  const close = () => setOpen(null);

  return (
    <div class="bc-actions" role="group" aria-label={`Actions for order #${order.orderNumber}`}>
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
              {LABELS[action]}
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
      {/* Until Cancel & refund is its own single-confirmation action in the background, it opens
          the cancel dialog, which offers the refund of what is left as soon as the cancel is done. */}
      {(open === 'cancel' || open === 'cancelRefund') && (
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
