/**
 * What BigCommerce does about e-mailing the customer. Its API has no per-request choice (no field
 * in `PUT /v2/orders/{id}` nor in `POST /v3/orders/{id}/payment_actions/refunds`), so the dialogs
 * say plainly what happens instead of offering a checkbox that could not be honoured.
 */
import { i18n } from '#i18n';

export const NOTIFY_NOTE = {
  get cancel(): string {
    return i18n.t('actions.notify.cancel');
  },
  get refund(): string {
    return i18n.t('actions.notify.refund');
  },
};

export function NotifyNote({ kind }: { kind: keyof typeof NOTIFY_NOTE }) {
  return (
    <p class="bc-muted" data-testid="notify-note">
      {NOTIFY_NOTE[kind]}
    </p>
  );
}
