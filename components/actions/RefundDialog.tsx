/**
 * Refund: quantities per line (up to what is left), shipping, a custom amount. Every change asks
 * for a quote (debounced); nothing is sent until Confirm, whose label repeats the exact amount.
 */
import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Order } from '../../lib/core/model';
import type { RefundQuoteResult, RefundResult } from '../../lib/messages/actions';
import type { ErrorInfo } from '../../lib/messages/common';
import { currencyExponent, toMinor } from '../../lib/actions/money';
// The sidebar's one money format ("$141.90"), not the audit log's plain "141.90 USD".
import { formatMoney } from '../../lib/sidebar/format';
import { NotifyNote } from './notify-note';
import { refundableLines } from '../../lib/actions/eligibility';
import { DEFAULT_ACTION_REASONS } from '../../lib/settings/action-reasons';
import { Modal } from './Modal';
import { ReasonPicker } from './ReasonPicker';
import { RefundMethodPicker } from './RefundMethodPicker';
import { Emphasised, MARK } from './emphasised';
import { Guarded } from './visibility-guard';
import { OrderStatusNotice } from './OrderStatusNotice';
import { emptyInputs, everythingInputs, readInputs, type RefundInputs } from './refund-form';
import { errorInfoOf, newActionId, type ActionRequest } from './shared';
import { useActionSubmit } from './use-action-submit';
import { useOrderStatus } from './use-order-status';
import { ActionError } from './action-error';

export const QUOTE_DEBOUNCE_MS = 300;

export interface RefundDialogProps {
  order: Order;
  connectionId: string;
  request: ActionRequest;
  /** false: the admin allows only refunding everything that is left. */
  partialAllowed: boolean;
  /** The admin's reason picklist; a reason is optional on refunds. */
  reasons?: readonly string[];
  onClose(): void;
  onChanged(): void;
}

type QuoteState =
  | { status: 'none' }
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; result: RefundQuoteResult }
  | { status: 'error'; key: string; error: ErrorInfo };

const SERVER_FIELDS = /^(line:|shipping:|customAmount$|method$|lines$|shipping$)/;

export function RefundDialog({
  order,
  connectionId,
  request,
  partialAllowed,
  reasons = DEFAULT_ACTION_REASONS,
  onClose,
  onChanged,
}: RefundDialogProps) {
  const baseId = useId();
  const [reason, setReason] = useState('');
  const [inputs, setInputs] = useState<RefundInputs>(() =>
    partialAllowed ? emptyInputs(order) : everythingInputs(order),
  );
  const [quote, setQuote] = useState<QuoteState>({ status: 'none' });
  const [methodIndex, setMethodIndex] = useState(0);
  const status = useOrderStatus(request, connectionId, order.id, onChanged);
  const {
    phase,
    running,
    canSend,
    result,
    error: sendError,
    submit,
    edited,
    checkWhatHappened,
  } = useActionSubmit<RefundResult>(onChanged, status.recheck);
  const seq = useRef(0);

  const { selection, errors } = readInputs(order, inputs);
  const key = selection ? JSON.stringify(selection) : '';

  useEffect(() => {
    const mine = ++seq.current;
    // After the refund the reloaded order changes what the inputs select (the refunded lines
    // drop out, leaving e.g. only shipping): nothing more is to be quoted in this dialog.
    if (!selection || result) {
      setQuote({ status: 'none' });
      return;
    }
    setQuote({ status: 'loading', key });
    const timer = setTimeout(async () => {
      try {
        const result = await request({
          type: 'actions/refund-quote',
          connectionId,
          orderId: order.id,
          selection,
        });
        // A later change already asked again: this answer is for amounts no longer shown.
        if (mine === seq.current) {
          setQuote({ status: 'ready', key, result });
          setMethodIndex(0);
        }
      } catch (e) {
        if (mine === seq.current) setQuote({ status: 'error', key, error: errorInfoOf(e) });
      }
    }, QUOTE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `key` stands for the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const ready = quote.status === 'ready' && quote.key === key ? quote.result : null;
  const method = ready?.quote.refundMethods[methodIndex] ?? null;
  const editable = !running && phase !== 'succeeded' && phase !== 'unknown' && phase !== 'reconciling';
  // Free shipping has nothing to refund: no "(up to $0.00)" field for it.
  const paidShipping = order.shippingDestinations.filter((d) => /[1-9]/.test(d.shippingCost));
  const canConfirm =
    ready !== null &&
    method !== null &&
    toMinor(ready.quote.totalRefundAmount, currencyExponent(ready.currency)) > 0 &&
    canSend &&
    !status.checking &&
    status.blocked === null;

  // Errors by field: what the agent typed, then what BigCommerce said about the quote or refund.
  const serverError = sendError ?? (quote.status === 'error' && quote.key === key ? quote.error : null);
  const fieldErrors: Record<string, string> = { ...errors };
  let generalError: ErrorInfo | null = null;
  if (serverError) {
    if (serverError.field && SERVER_FIELDS.test(serverError.field) && serverError.kind === 'validation')
      fieldErrors[serverError.field] = serverError.message;
    else generalError = serverError;
  }

  function change(update: (draft: RefundInputs) => void) {
    const next = structuredClone(inputs);
    update(next);
    edited();
    setInputs(next);
  }

  async function confirm() {
    if (!ready || !method || !selection || !canConfirm) return;
    const info = await submit(() =>
      request({
        type: 'actions/refund',
        connectionId,
        orderId: order.id,
        actionId: newActionId(),
        selection,
        payments: method,
        expectedTotal: ready.quote.totalRefundAmount,
        ...(reason ? { reason } : {}),
      }),
    );
    if (info?.kind === 'busy') {
      // Another tab or window is acting on this order: this quote may be out of date once it is
      // done. Drop it and reload the order; only a new change asks for a new quote to confirm.
      setQuote({ status: 'none' });
      onChanged();
      void status.recheck();
    }
  }

  const currency = ready?.currency ?? order.currencyCode;
  const errorFor = (field: string) =>
    fieldErrors[field] ? (
      <span id={`${baseId}-${field}-error`} class="bc-field-error" role="alert">
        {fieldErrors[field]}
      </span>
    ) : null;
  const describedBy = (field: string) => (fieldErrors[field] ? `${baseId}-${field}-error` : undefined);

  return (
    <Modal title={i18n.t('actions.refund.title', [order.orderNumber])} onClose={onClose}>
      <OrderStatusNotice status={status} />
      {result ? (
        <div role="status">
          <p>{i18n.t('actions.refund.done', [formatMoney(result.total, result.currency), result.refundId])}</p>
          {result.warnings.map((w) => (
            <p key={w} class="bc-warning">
              {w}
            </p>
          ))}
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          {!partialAllowed && <p class="bc-muted">{i18n.t('actions.refund.partialOff')}</p>}
          {partialAllowed && (
            <button
              type="button"
              class="bc-button"
              disabled={!editable}
              onClick={() => change((d) => Object.assign(d, everythingInputs(order)))}
            >
              {i18n.t('actions.refund.everything')}
            </button>
          )}
          <fieldset disabled={!editable}>
            <legend>{i18n.t('actions.refund.items')}</legend>
            {refundableLines(order).length === 0 && <p class="bc-muted">{i18n.t('actions.refund.noItems')}</p>}
            {refundableLines(order).map((line) => {
              const field = `line:${line.id}`;
              const id = `${baseId}-${field}`;
              return (
                <div key={line.id} class="bc-field">
                  <label for={id}>
                    {i18n.t('actions.refund.line', [
                      line.name,
                      line.refundableQuantity,
                      formatMoney(line.unitPrice, order.currencyCode),
                    ])}
                  </label>
                  <input
                    id={id}
                    type="number"
                    min={0}
                    max={line.refundableQuantity}
                    step={1}
                    inputMode="numeric"
                    readOnly={!partialAllowed}
                    value={inputs.quantities[line.id] ?? '0'}
                    aria-invalid={fieldErrors[field] ? 'true' : undefined}
                    aria-describedby={describedBy(field)}
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      change((d) => (d.quantities[line.id] = value));
                    }}
                  />
                  {errorFor(field)}
                </div>
              );
            })}
            {errorFor('lines')}
          </fieldset>
          {paidShipping.length > 0 && (
            <fieldset disabled={!editable}>
              <legend>{i18n.t('actions.refund.shipping')}</legend>
              {paidShipping.map((destination) => {
                const field = `shipping:${destination.id}`;
                const id = `${baseId}-${field}`;
                return (
                  <div key={destination.id} class="bc-field">
                    <label for={id}>
                      {i18n.t('actions.refund.shippingLine', [
                        destination.shippingMethod || i18n.t('actions.refund.shipping'),
                        formatMoney(destination.shippingCost, order.currencyCode),
                      ])}
                    </label>
                    <input
                      id={id}
                      inputMode="decimal"
                      readOnly={!partialAllowed}
                      value={inputs.shipping[String(destination.id)] ?? ''}
                      aria-invalid={fieldErrors[field] ? 'true' : undefined}
                      aria-describedby={describedBy(field)}
                      onInput={(e) => {
                        const value = e.currentTarget.value;
                        change((d) => (d.shipping[String(destination.id)] = value));
                      }}
                    />
                    {errorFor(field)}
                  </div>
                );
              })}
              {errorFor('shipping')}
            </fieldset>
          )}
          {partialAllowed && (
            <div class="bc-field">
              <label for={`${baseId}-custom`}>{i18n.t('actions.refund.custom', [order.currencyCode])}</label>
              <input
                id={`${baseId}-custom`}
                inputMode="decimal"
                disabled={!editable}
                value={inputs.custom}
                aria-invalid={fieldErrors.customAmount ? 'true' : undefined}
                aria-describedby={describedBy('customAmount')}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  change((d) => (d.custom = value));
                }}
              />
              {errorFor('customAmount')}
            </div>
          )}

          <div class="bc-quote" aria-live="polite">
            {quote.status === 'loading' && <p class="bc-muted">{i18n.t('actions.common.workingOut')}</p>}
            {ready && (
              <>
                <p>
                  <Emphasised
                    text={i18n.t('actions.refund.total', [
                      MARK,
                      formatMoney(ready.quote.totalRefundTaxAmount, currency),
                    ])}
                    strong={formatMoney(ready.quote.totalRefundAmount, currency)}
                  />
                </p>
                {toMinor(ready.quote.adjustment, 3) < 0 && (
                  <p class="bc-warning">
                    {i18n.t('actions.refund.adjusted', [formatMoney(ready.quote.adjustment, currency)])}
                  </p>
                )}
              </>
            )}
          </div>
          {ready && (
            <RefundMethodPicker
              methods={ready.quote.refundMethods}
              currency={currency}
              value={methodIndex}
              onChange={setMethodIndex}
              disabled={!editable}
              describedBy={describedBy('method')}
            >
              {errorFor('method')}
            </RefundMethodPicker>
          )}
          <ReasonPicker reasons={reasons} value={reason} onChange={setReason} disabled={!editable} required={false} />
          {generalError && (
            <ActionError
              message={generalError.message}
              outcomeUnknown={phase === 'unknown'}
              onCheck={checkWhatHappened}
            />
          )}
          <Guarded>
            {(covered) => (
              <button
                type="submit"
                class="bc-button bc-button--primary"
                disabled={!canConfirm || covered}
                aria-disabled={!canConfirm || covered}
              >
                {running
                  ? i18n.t('actions.refund.running')
                  : ready
                    ? i18n.t('actions.refund.confirmAmount', [formatMoney(ready.quote.totalRefundAmount, currency)])
                    : i18n.t('actions.refund.confirm')}
              </button>
            )}
          </Guarded>
          <NotifyNote kind="refund" />
        </form>
      )}
    </Modal>
  );
}
