/**
 * The submit / outcome block every action dialog shares: one request per confirm (a double click
 * sends one), the reply or the error, the phase (lib/actions/state.ts) and "check what happened"
 * after a lost reply.
 */
import { useState } from 'preact/hooks';
import type { ActionStatusResult } from '../../lib/messages/actions';
import type { ErrorInfo } from '../../lib/messages/common';
import { errorInfoOf, eventForError, settleLost, usePhase } from './shared';

export function useActionSubmit<T>(onChanged: () => void, recheck: () => Promise<ActionStatusResult | null>) {
  const phaseState = usePhase();
  const { phase, send, begin } = phaseState;
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  /** Sends once; resolves with the error it met (null: done, or not sent because one is running). */
  async function submit(call: () => Promise<T>): Promise<ErrorInfo | null> {
    if (!begin()) return null;
    setError(null);
    try {
      const reply = await call();
      setResult(reply);
      send('succeeded');
      onChanged();
      return null;
    } catch (e) {
      const info = errorInfoOf(e);
      setError(info);
      send(eventForError(info));
      return info;
    }
  }

  /** The agent changed the form: an earlier failure no longer applies. */
  function edited() {
    setError(null);
    if (phase === 'failed') send('reset');
  }

  return {
    phase,
    running: phase === 'running',
    /** Idle, or failed and free to try again. */
    canSend: phase === 'idle' || phase === 'failed',
    result,
    error,
    setError,
    submit,
    edited,
    checkWhatHappened: () => settleLost(phaseState, recheck),
  };
}
