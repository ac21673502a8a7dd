import { describe, expect, it } from 'vitest';
import { ACTION_PHASES, canStart, nextPhase, type ActionEvent, type ActionPhase } from '../../../lib/actions/state';

const EVENTS: ActionEvent[] = [
  'start',
  'succeeded',
  'failed',
  'lost',
  'reconcile',
  'found-done',
  'found-not-done',
  'check-failed',
  'reset',
];

// Every allowed transition; everything else must be refused.
const ALLOWED: [ActionPhase, ActionEvent, ActionPhase][] = [
  ['idle', 'start', 'running'],
  ['running', 'succeeded', 'succeeded'],
  ['running', 'failed', 'failed'],
  ['running', 'lost', 'unknown'],
  ['succeeded', 'start', 'running'],
  ['succeeded', 'reset', 'idle'],
  ['failed', 'start', 'running'],
  ['failed', 'reset', 'idle'],
  ['unknown', 'reconcile', 'reconciling'],
  ['reconciling', 'found-done', 'succeeded'],
  ['reconciling', 'found-not-done', 'failed'],
  ['reconciling', 'check-failed', 'unknown'],
];

describe('action state machine', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(nextPhase(from, event)).toBe(to);
  });

  it('refuses every other event in every phase', () => {
    for (const phase of ACTION_PHASES) {
      for (const event of EVENTS) {
        if (ALLOWED.some(([f, e]) => f === phase && e === event)) continue;
        expect(nextPhase(phase, event), `${phase} --${event}`).toBeNull();
      }
    }
  });

  it('never starts a second action while one runs or its outcome is unknown', () => {
    expect(canStart('running')).toBe(false);
    expect(canStart('unknown')).toBe(false);
    expect(canStart('reconciling')).toBe(false);
    expect(canStart('idle')).toBe(true);
  });
});
