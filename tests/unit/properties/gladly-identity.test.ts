// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { readIdentity } from '../../../lib/gladly/identity';
import { IdentitySchema } from '../../../lib/messages/identity';
import { load, noDecoys, page, sameSet } from './gladly-page';

// happy-dom parses a whole page per case (≈ 3 ms each): 2,000 pages, not the 10,000 cases the
// other properties run, keep the suite inside CI's budget. Give the runs room on a busy machine.
const RUNS = 2_000;
const TIMEOUT = 120_000;

describe('readIdentity on generated Gladly-like pages', () => {
  it(
    "returns exactly the panel's name, emails and phones, never a decoy",
    () => {
      fc.assert(
        fc.property(page, (p) => {
          const identity = readIdentity(load(p), p.selectors, 'cust-1');
          if (!identity) return false;
          return (
            identity.name === p.expected.name &&
            identity.gladlyCustomerId === 'cust-1' &&
            sameSet(identity.emails, p.expected.emails, (e) => e.value) &&
            sameSet(identity.phones, p.expected.phones, (ph) => ph.value) &&
            noDecoys(identity, p) &&
            IdentitySchema.safeParse(identity).success
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
