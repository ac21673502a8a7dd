import { i18n } from '#i18n';
import type { OrderStatusView } from './use-order-status';

/** What the background knows about this order right now: a notice, or why nothing may start yet. */
export function OrderStatusNotice({ status }: { status: OrderStatusView }) {
  return (
    <>
      {status.notice && <p role="status">{status.notice}</p>}
      {status.blocked && (
        <p role="alert">
          {status.blocked}{' '}
          <button type="button" onClick={() => void status.recheck()}>
            {i18n.t('actions.common.checkAgain')}
          </button>
        </p>
      )}
    </>
  );
}
