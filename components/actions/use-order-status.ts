/**
 * On opening a dialog: is another action running on this order (any tab), or did an earlier one
 * lose its reply? The background checks what it did (never resending) before anything else.
 */
import { i18n } from '#i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ActionStatusResult } from '../../lib/messages/actions';
import { errorInfoOf, type ActionRequest } from './shared';

export interface OrderStatusView {
  checking: boolean;
  /** Why nothing may be sent right now, or null. */
  blocked: string | null;
  /** What an earlier lost action turned out to have done. */
  notice: string | null;
  /** Asks again; resolves with the status (null when the background could not be asked). */
  recheck(): Promise<ActionStatusResult | null>;
}

export function useOrderStatus(
  request: ActionRequest,
  connectionId: string,
  orderId: string,
  onChanged: () => void,
): OrderStatusView {
  const [state, setState] = useState<Omit<OrderStatusView, 'recheck'>>({ checking: true, blocked: null, notice: null });
  const check = useCallback(async (): Promise<ActionStatusResult | null> => {
    setState((s) => ({ ...s, checking: true }));
    try {
      const status = await request({ type: 'actions/status', connectionId, orderId });
      if (status.reconciled) onChanged();
      setState({
        checking: false,
        notice: status.reconciled?.message ?? null,
        blocked:
          status.phase === 'running'
            ? i18n.t('actions.common.running')
            : status.phase === 'unknown'
              ? i18n.t('actions.common.unknown')
              : null,
      });
      return status;
    } catch (error) {
      setState({ checking: false, notice: null, blocked: errorInfoOf(error).message });
      return null;
    }
  }, [request, connectionId, orderId, onChanged]);
  useEffect(() => {
    void check();
    // Only on open: re-checks are explicit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { ...state, recheck: check };
}
