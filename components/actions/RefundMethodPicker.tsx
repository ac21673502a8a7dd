/**
 * The refund methods a quote offers, one radio each. Each method refunds the whole amount (named
 * by the dialog's plan and button), so a method shows its amounts only when it splits across
 * payments: "A $5 + B $3".
 */
import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { RefundPayment } from '../../lib/core/store-ports';
import { formatMoney } from '../../lib/sidebar/format';

export function RefundMethodPicker({
  methods,
  currency,
  value,
  onChange,
  disabled,
  describedBy,
  children,
}: {
  methods: readonly RefundPayment[][];
  currency: string;
  value: number;
  onChange(index: number): void;
  disabled: boolean;
  describedBy?: string;
  /** Shown at the end of the group, e.g. the field's error. */
  children?: ComponentChildren;
}) {
  const name = `${useId()}-method`;
  return (
    <fieldset disabled={disabled} aria-describedby={describedBy}>
      <legend>{i18n.t('actions.common.refundMethod')}</legend>
      {methods.length === 0 && <p class="bc-warning">{i18n.t('actions.common.noMethod')}</p>}
      {methods.map((payments, index) => (
        <label key={index} class="bc-radio">
          <input type="radio" name={name} checked={index === value} onChange={() => onChange(index)} />
          {payments
            .map(
              (p) =>
                // Every method refunds the whole amount the dialog already names: the parts' amounts only for a split.
                `${p.providerDescription || p.providerId}${payments.length > 1 ? ` ${formatMoney(p.amount, currency)}` : ''}${p.offline ? i18n.t('actions.common.offline') : ''}`,
            )
            .join(' + ')}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
