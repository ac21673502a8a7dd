/** Cancel an order: what it is, a reason from the admin's picklist (required), one confirm, and what happened. */
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { Order } from '../../lib/core/model';
import type { CancelResult } from '../../lib/messages/actions';
import { NotifyNote } from './notify-note';
import { Modal } from './Modal';
import { OrderLine } from './OrderLine';
import { ReasonPicker } from './ReasonPicker';
import { Guarded } from './visibility-guard';
import { OrderStatusNotice } from './OrderStatusNotice';
import { newActionId, type ActionRequest } from './shared';
import { useActionSubmit } from './use-action-submit';
import { useOrderStatus } from './use-order-status';
import { ActionError } from './action-error';

export interface CancelDialogProps {
  order: Order;
  connectionId: string;
  request: ActionRequest;
  onClose(): void;
  onChanged(): void;
  /** Offered after cancelling when the payment had been taken (null: refunds are not available). */
  onRefund: (() => void) | null;
  /** The admin's reason picklist (options page); one must be chosen. */
  reasons: readonly string[];
}

export function CancelDialog({
  order,
  connectionId,
  request,
  onClose,
  onChanged,
  onRefund,
  reasons,
}: CancelDialogProps) {
  const [reason, setReason] = useState('');
  const status = useOrderStatus(request, connectionId, order.id, onChanged);
  const { phase, result, error, submit, checkWhatHappened } = useActionSubmit<CancelResult>(onChanged, status.recheck);

  async function confirm() {
    if (!reason) return;
    await submit(() =>
      request({
        type: 'actions/cancel',
        connectionId,
        orderId: order.id,
        actionId: newActionId(),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    );
  }

  const running = phase === 'running';
  const done = phase === 'succeeded';
  return (
    <Modal title={i18n.t('actions.cancel.title', [order.orderNumber])} onClose={onClose}>
      <OrderLine order={order} />
      <ul class="bc-dialog__items">
        {order.lineItems.map((line) => (
          <li key={line.id}>
            {line.quantity} × {line.name}
          </li>
        ))}
      </ul>
      <OrderStatusNotice status={status} />
      {!done && (
        <>
          <ReasonPicker reasons={reasons} value={reason} onChange={setReason} disabled={running} required />
          <p class="bc-muted">{i18n.t('actions.cancel.noRefund')}</p>
          <NotifyNote kind="cancel" />
          <Guarded>
            {(covered) => (
              <button
                type="button"
                class="bc-button bc-button--danger"
                disabled={
                  !reason ||
                  !(phase === 'idle' || phase === 'failed') ||
                  status.checking ||
                  status.blocked !== null ||
                  covered
                }
                onClick={confirm}
              >
                {i18n.t(running ? 'actions.cancel.running' : 'actions.cancel.confirm')}
              </button>
            )}
          </Guarded>
        </>
      )}
      {error && phase !== 'succeeded' && (
        <ActionError
          message={
            phase === 'unknown' || phase === 'reconciling'
              ? error.message
              : i18n.t('actions.cancel.notCancelled', [error.message])
          }
          outcomeUnknown={phase === 'unknown'}
          onCheck={checkWhatHappened}
        />
      )}
      {result && (
        <div role="status">
          <p>{i18n.t('actions.cancel.done', [order.orderNumber])}</p>
          {result.voided === true && <p>{i18n.t('actions.cancel.voided')}</p>}
          {result.warnings.map((w) => (
            <p key={w} class="bc-warning">
              {w}
            </p>
          ))}
          {result.paymentCaptured && (
            <p>
              {i18n.t('actions.cancel.taken')}{' '}
              {onRefund && (
                <button type="button" class="bc-button" onClick={onRefund}>
                  {i18n.t('actions.cancel.refund')}
                </button>
              )}
            </p>
          )}
        </div>
      )}
    </Modal>
  );
}
