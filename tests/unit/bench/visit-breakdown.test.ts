import { afterEach, describe, expect, it } from 'vitest';
import { breakdownOf, medianBreakdown } from '../../../bench/lib/visit-breakdown';
import { visitMark } from '../../../lib/core/visit-marks';

const PANEL = 10_000;
const at = (name: string, ms: number) => ({ name, at: PANEL + ms });

describe("the breakdown of a visit's wait", () => {
  it('places the marks of the update the sidebar showed between the panel and the orders on screen', () => {
    const worker = [
      at('visit:message', -300), // the previous customer's
      at('visit:message', 6),
      at('visit:request-sent', 9),
      at('visit:request-sent', 12),
      at('visit:published', 10), // the loading state, before any answer
      at('visit:answer-read', 170),
      at('visit:answer-read', 178),
      at('visit:published', 180),
      at('visit:request-sent', 181), // round 2: after what was shown
      at('visit:answer-read', 340),
      at('visit:published', 341),
    ];
    const sidebar = [
      at('visit:update-received', 12),
      at('visit:update-received', 184),
      at('visit:update-received', 344),
    ];
    expect(breakdownOf(worker, sidebar, PANEL, PANEL + 205)).toEqual({
      heard: 6,
      firstRequestSent: 9,
      lastAnswerRead: 178,
      published: 180,
      received: 184,
      onScreen: 205,
    });
  });

  it('leaves a point empty when its mark is missing (a worker that started unmarked)', () => {
    const b = breakdownOf([], [at('visit:update-received', 184)], PANEL, PANEL + 205);
    expect(b).toMatchObject({ heard: null, firstRequestSent: null, published: null, received: 184, onScreen: 205 });
  });

  it('takes each point’s median over the visits that have it', () => {
    const visit = (heard: number | null, onScreen: number) => ({
      heard,
      firstRequestSent: null,
      lastAnswerRead: null,
      published: null,
      received: null,
      onScreen,
    });
    expect(medianBreakdown([visit(5, 200), visit(null, 240), visit(9, 210), null])).toMatchObject({
      heard: 7,
      onScreen: 210,
    });
    expect(medianBreakdown([null, undefined])).toBeNull();
  });
});

describe('visit marks in the product', () => {
  afterEach(() => {
    delete (globalThis as { __bcVisitMarks?: boolean }).__bcVisitMarks;
    performance.clearMarks();
  });

  it('collect nothing unless the benchmark switched them on (a sidebar open for hours keeps no entries)', () => {
    visitMark('visit:request-sent');
    expect(performance.getEntriesByName('visit:request-sent')).toHaveLength(0);
    (globalThis as { __bcVisitMarks?: boolean }).__bcVisitMarks = true;
    visitMark('visit:request-sent');
    expect(performance.getEntriesByName('visit:request-sent')).toHaveLength(1);
  });
});
