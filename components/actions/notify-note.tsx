/**
 * What BigCommerce does about e-mailing the customer. Its API has no per-request choice (no field
 * in `PUT /v2/orders/{id}` nor in `POST /v3/orders/{id}/payment_actions/refunds`), so the dialogs
 * say plainly what happens instead of offering a checkbox that could not be honoured.
 */
export const NOTIFY_NOTE = {
  cancel:
    'BigCommerce e-mails the customer about the new status (Cancelled) only if the store has that ' +
    'status e-mail turned on in its control panel; it cannot be chosen here.',
  refund:
    'BigCommerce e-mails the customer about the new status (Refunded or Partially Refunded) only if the ' +
    'store has that status e-mail turned on in its control panel; it cannot be chosen here.',
} as const;

export function NotifyNote({ kind }: { kind: keyof typeof NOTIFY_NOTE }) {
  return (
    <p class="bc-muted" data-testid="notify-note">
      {NOTIFY_NOTE[kind]}
    </p>
  );
}
