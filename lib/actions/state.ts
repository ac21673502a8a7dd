/**
 * The life of one action on one order. Pure: the background drives it per order, and the
 * dialogs use the same phases to decide what the agent may press.
 *
 *   idle ─start→ running ─succeeded→ succeeded
 *                   │ ─failed→ failed
 *                   └ ─lost→ unknown ─reconcile→ reconciling ─found-done→ succeeded
 *                                                     │ ─found-not-done→ failed
 *                                                     └ ─check-failed→ unknown
 *   succeeded | failed ─start→ running (a new action);  ─reset→ idle
 */
export type ActionPhase = 'idle' | 'running' | 'succeeded' | 'failed' | 'unknown' | 'reconciling';

export type ActionEvent =
  | 'start'
  | 'succeeded'
  | 'failed'
  | 'lost'
  | 'reconcile'
  | 'found-done'
  | 'found-not-done'
  | 'check-failed'
  | 'reset';

const TRANSITIONS: Record<ActionPhase, Partial<Record<ActionEvent, ActionPhase>>> = {
  idle: { start: 'running' },
  running: { succeeded: 'succeeded', failed: 'failed', lost: 'unknown' },
  succeeded: { start: 'running', reset: 'idle' },
  failed: { start: 'running', reset: 'idle' },
  // Nothing new may start until we have learned what the lost request did.
  unknown: { reconcile: 'reconciling' },
  reconciling: { 'found-done': 'succeeded', 'found-not-done': 'failed', 'check-failed': 'unknown' },
};

/** The next phase, or null when the event is not allowed in this phase. */
export function nextPhase(phase: ActionPhase, event: ActionEvent): ActionPhase | null {
  return TRANSITIONS[phase][event] ?? null;
}

export function canStart(phase: ActionPhase): boolean {
  return nextPhase(phase, 'start') !== null;
}

export const ACTION_PHASES = Object.keys(TRANSITIONS) as ActionPhase[];
