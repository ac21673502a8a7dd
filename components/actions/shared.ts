/** What the action dialogs share: the request function the sidebar passes, and reading its errors. */
import { i18n } from '#i18n';
import { useCallback, useRef, useState } from 'preact/hooks';
import { ErrorInfoSchema, type ErrorInfo } from '../../lib/messages/sidebar-checks';
import type { ActionStatusResult } from '../../lib/messages/actions';
import type { ActionMessageType, Sender } from '../../lib/messages/protocol';
import { nextPhase, type ActionEvent, type ActionPhase } from '../../lib/actions/state';

/**
 * The sidebar port's request, narrowed to what the dialogs send: resolves with the reply data the
 * protocol map gives that type; rejects with an Error carrying `info: ErrorInfo`.
 */
export type ActionRequest = Sender<ActionMessageType | 'gladly/insert-text'>;

export function errorInfoOf(error: unknown): ErrorInfo {
  const parsed = ErrorInfoSchema.safeParse((error as { info?: unknown } | null)?.info);
  return parsed.success ? parsed.data : { kind: 'unknown', message: i18n.t('actions.common.noAnswer') };
}

/** A fresh idempotency key per confirmed action. */
export function newActionId(): string {
  return crypto.randomUUID();
}

/**
 * The dialog's view of lib/actions/state.ts. `begin()` is synchronous and answers false when an
 * action is already running, so a double click sends one request.
 */
export function usePhase() {
  const phaseRef = useRef<ActionPhase>('idle');
  const [phase, setPhase] = useState<ActionPhase>('idle');
  const send = useCallback((event: ActionEvent): boolean => {
    const next = nextPhase(phaseRef.current, event);
    if (next === null) return false;
    phaseRef.current = next;
    setPhase(next);
    return true;
  }, []);
  return { phase, send, begin: () => send('start') };
}

/** The phase event that an error means: a lost reply is "outcome unknown", never a failure. */
export const eventForError = (info: ErrorInfo): ActionEvent => (info.kind === 'timeout' ? 'lost' : 'failed');

/** After a lost reply: ask the background what happened and move the phase accordingly. */
export async function settleLost(
  phase: ReturnType<typeof usePhase>,
  recheck: () => Promise<ActionStatusResult | null>,
): Promise<void> {
  if (!phase.send('reconcile')) return;
  const status = await recheck();
  const outcome = status?.reconciled?.outcome;
  phase.send(
    outcome === 'done'
      ? 'found-done'
      : outcome === 'not-done'
        ? 'found-not-done'
        : status?.phase === 'idle'
          ? 'found-not-done'
          : 'check-failed',
  );
}
