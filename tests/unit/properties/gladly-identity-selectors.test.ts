// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { readIdentity } from '../../../lib/gladly/identity';
import { IdentitySchema } from '../../../lib/messages/identity';
import { load, noDecoys, page } from './gladly-page';

// happy-dom parses a whole page per case (≈ 3 ms each): 2,000 pages, not the 10,000 cases the
// other properties run, keep the suite inside CI's budget. Give the runs room on a busy machine.
const RUNS = 2_000;
const TIMEOUT = 120_000;

describe('readIdentity with broken admin selectors', () => {
  it(
    'never throws with broken admin selectors, and never reads a decoy while the exclusions work',
    () => {
      const broken = fc.constantFrom('[[', 'div[', ':::', '>>', '#', '[data-aid="x"', 'a:not(', '\\', ',');
      const keys = [
        'panel',
        'nameInput',
        'email',
        'phoneRow',
        'ordersCard',
        'timeline',
        'topBar',
        'agentEmail',
        'phoneTypeLabels',
      ] as const;
      fc.assert(
        fc.property(
          page,
          fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: 4 }),
          broken,
          (p, breakKeys, bad) => {
            const selectors = { ...p.selectors };
            for (const key of breakKeys) selectors[key] = bad;
            const identity = readIdentity(load(p), selectors, 'cust-1');
            if (identity !== null && !IdentitySchema.safeParse(identity).success) return false;
            const exclusionsIntact =
              !breakKeys.some((key) => key === 'timeline' || key === 'topBar' || key === 'agentEmail') &&
              p.selectors.timeline !== '';
            return !exclusionsIntact || noDecoys(identity, p);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
