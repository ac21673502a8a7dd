/**
 * Cancel & refund as one action (BigCommerce's own "cancel and refund"): what is left to refund,
 * by which method, an optional reason, ONE confirmation. The background refunds everything left,
 * then sets the status Cancelled; when only the refund went through the dialog says so and offers
 * the cancel alone.
 */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Order } from '../../lib/core/model';
import type { CancelRefundResult, RefundQuoteResult } from '../../lib/messages/actions';
import type { ErrorInfo } from '../../lib/messages/common';
import { currencyExponent, toMinor } from '../../lib/actions/money';
import { fullRefundSelection } from '../../lib/actions/refund-plan';
// The sidebar's one money format ("$141.90"), not the audit log's plain "141.90 USD".
import { formatMoney } from '../../lib/sidebar/format';
import { Modal } from './Modal';
import { OrderLine } from './OrderLine';
import { NotifyNote } from './notify-note';
import { OrderStatusNotice } from './OrderStatusNotice';
import { ReasonPicker } from './ReasonPicker';
import { RefundMethodPicker } from './RefundMethodPicker';
import { Emphasised, MARK } from './emphasised';
import { errorInfoOf, newActionId, type ActionRequest } from './shared';
import { useActionSubmit } from './use-action-submit';
import { useOrderStatus } from './use-order-status';
import { Guarded } from './visibility-guard';
import { ActionError } from './action-error';

export interface CancelRefundDialogProps {
  order: Order;
  connectionId: string;
  request: ActionRequest;
  reasons: readonly string[];
  onClose(): void;
  onChanged(): void;
  /** Refunded, not cancelled: opens the cancel alone. */
  onCancelOnly(): void;
}

export function CancelRefundDialog({
  order,
  connectionId,
  request,
  reasons,
  onClose,
  onChanged,
  onCancelOnly,
}: CancelRefundDialogProps) {
  const [reason, setReason] = useState('');
  const [quote, setQuote] = useState<RefundQuoteResult | null>(null);
  const [quoteError, setQuoteError] = useState<ErrorInfo | null>(null);
  const [methodIndex, setMethodIndex] = useState(0);
  const status = useOrderStatus(request, connectionId, order.id, onChanged);
  const { phase, running, canSend, result, error, submit, checkWhatHappened } = useActionSubmit<CancelRefundResult>(
    onChanged,
    status.recheck,
  );

  useEffect(() => {
    // Everything that is left, quoted once: the background quotes again and refuses if it changed.
    request({
      type: 'actions/refund-quote',
      connectionId,
      orderId: order.id,
      selection: fullRefundSelection(order),
    })
      .then(setQuote)
      .catch((e: unknown) => setQuoteError(errorInfoOf(e)));
    // Only on open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const currency = quote?.currency ?? order.currencyCode;
  const method = quote?.quote.refundMethods[methodIndex] ?? null;
  const total = quote?.quote.totalRefundAmount ?? null;
  const canConfirm =
    quote !== null &&
    method !== null &&
    total !== null &&
    toMinor(total, currencyExponent(currency)) > 0 &&
    canSend &&
    !status.checking &&
    status.blocked === null;

  async function confirm() {
    if (!canConfirm || !method || total === null) return;
    await submit(() =>
      request({
        type: 'actions/cancel-refund',
        connectionId,
        orderId: order.id,
        actionId: newActionId(),
        payments: method,
        expectedTotal: total,
        ...(reason ? { reason } : {}),
      }),
    );
  }

  const shownError = error ?? quoteError;
  return (
    <Modal title={i18n.t('actions.cancelRefund.title', [order.orderNumber])} onClose={onClose}>
      <OrderLine order={order} />
      <OrderStatusNotice status={status} />
      {result ? (
        <div role="status">
          {result.cancelled ? (
            <p>
              {i18n.t('actions.cancelRefund.done', [
                order.orderNumber,
                formatMoney(result.total, result.currency),
                result.refundId,
              ])}
            </p>
          ) : (
            <>
              <p class="bc-warning">
                {i18n.t('actions.cancelRefund.notCancelled', [
                  formatMoney(result.total, result.currency),
                  result.refundId,
                  result.cancelError ?? '',
                ])}
              </p>
              <button type="button" class="bc-button" onClick={onCancelOnly}>
                {i18n.t('actions.cancelRefund.cancelOnly')}
              </button>
            </>
          )}
          {result.warnings.map((w) => (
            <p key={w} class="bc-warning">
              {w}
            </p>
          ))}
        </div>
      ) : (
        <>
          <div class="bc-quote" aria-live="polite">
            {!quote && !quoteError && <p class="bc-muted">{i18n.t('actions.common.workingOut')}</p>}
            {quote && total !== null && (
              <p>
                <Emphasised
                  text={i18n.t('actions.cancelRefund.plan', [
                    MARK,
                    formatMoney(quote.quote.totalRefundTaxAmount, currency),
                  ])}
                  strong={formatMoney(total, currency)}
                />
              </p>
            )}
          </div>
          {quote && (
            <RefundMethodPicker
              methods={quote.quote.refundMethods}
              currency={currency}
              value={methodIndex}
              onChange={setMethodIndex}
              disabled={!canSend}
            />
          )}
          <ReasonPicker reasons={reasons} value={reason} onChange={setReason} disabled={running} required={false} />
          <NotifyNote kind="cancelRefund" />
          {shownError && (
            <ActionError
              message={
                phase === 'unknown' || phase === 'reconciling'
                  ? shownError.message
                  : i18n.t('actions.cancelRefund.nothingChanged', [shownError.message])
              }
              outcomeUnknown={phase === 'unknown'}
              onCheck={checkWhatHappened}
            />
          )}
          <Guarded>
            {(covered) => (
              <button
                type="button"
                class="bc-button bc-button--danger"
                disabled={!canConfirm || covered}
                onClick={confirm}
              >
                {running
                  ? i18n.t('actions.cancelRefund.running')
                  : total !== null
                    ? i18n.t('actions.cancelRefund.confirmAmount', [formatMoney(total, currency)])
                    : i18n.t('actions.cancelRefund.confirm')}
              </button>
            )}
          </Guarded>
        </>
      )}
    </Modal>
  );
}
