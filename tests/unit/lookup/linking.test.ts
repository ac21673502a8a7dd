import { describe, expect, it } from 'vitest';
import { createLinkStore, decideLink } from '../../../lib/lookup/linking';
import { identityKey } from '../../../lib/messages/identity';
import { memoryStore } from '../../../lib/core/kv-store';
import type { Identity } from '../../../lib/messages/identity';
import { makeCustomer } from '../../fixtures/customers';

// Digits-only comparison is enough to exercise the rules; lib/core/phone.ts has the real one.
const samePhone = (a: string, b: string) => a.replace(/\D/g, '').slice(-10) === b.replace(/\D/g, '').slice(-10);
const never = () => false;

const jane: Identity = {
  gladlyCustomerId: 'XRJvp8lSS5aD2RucjY5zkw',
  name: 'Jane Cooper',
  emails: [{ value: 'Jane.Cooper@example.com', source: 'panel' }],
  phones: [{ value: '650 123 4569', type: 'Mobile', source: 'panel' }],
};
const both = { email: true, phone: true };

describe('decideLink', () => {
  it('auto-links one customer whose email and phone both match', () => {
    const decision = decideLink(jane, [makeCustomer()], both, samePhone, never);
    expect(decision).toMatchObject({ kind: 'auto-link', matchedOn: ['email', 'phone'] });
  });

  it('offers a choice when several customers match', () => {
    const decision = decideLink(jane, [makeCustomer(), makeCustomer({ id: '2' })], both, samePhone, never);
    expect(decision.kind).toBe('choose');
    if (decision.kind === 'choose') expect(decision.candidates).toHaveLength(2);
  });

  it('does not auto-link when an enabled field conflicts', () => {
    const decision = decideLink(jane, [makeCustomer({ phone: '+1 773 555 0100' })], both, samePhone, never);
    expect(decision.kind).toBe('choose');
    if (decision.kind === 'choose') expect(decision.reason).toMatch(/phone differs/);
  });

  it('ignores a conflict on a field whose auto-linking is off', () => {
    const decision = decideLink(
      jane,
      [makeCustomer({ phone: '+1 773 555 0100' })],
      { email: true, phone: false },
      samePhone,
      never,
    );
    expect(decision).toMatchObject({ kind: 'auto-link', matchedOn: ['email'] });
  });

  it('never auto-links with auto-linking off for every field', () => {
    expect(decideLink(jane, [makeCustomer()], { email: false, phone: false }, samePhone, never).kind).toBe('choose');
  });

  it('never auto-links a pair the agent unlinked', () => {
    const decision = decideLink(jane, [makeCustomer()], both, samePhone, (id) => id === '1');
    expect(decision.kind).toBe('choose');
  });

  it('does not auto-link when no enabled field can match (phone-only match with phone auto-linking off)', () => {
    const phoneOnly: Identity = { emails: [], phones: [{ value: '(415) 555-0142', source: 'panel' }] };
    const decision = decideLink(
      phoneOnly,
      [makeCustomer({ phone: '4155550142' })],
      { email: true, phone: false },
      samePhone,
      never,
    );
    expect(decision.kind).toBe('choose');
  });

  it('finds nothing to decide without candidates', () => {
    expect(decideLink(jane, [], both, samePhone, never)).toEqual({ kind: 'none' });
  });
});

describe('link store', () => {
  it('keys links by Gladly id, or by contact points without one', () => {
    expect(identityKey(jane)).toBe('gladly:XRJvp8lSS5aD2RucjY5zkw');
    expect(
      identityKey({
        emails: [
          { value: 'B@x.com', source: 'panel' },
          { value: 'a@x.com', source: 'panel' },
        ],
        phones: [],
      }),
    ).toBe('contact:a@x.com,b@x.com|');
  });

  it('links, unlinks, and remembers the unlink so the pair is never auto-linked again', async () => {
    const storage = memoryStore();
    const links = createLinkStore(storage, () => 1000);
    await links.link(jane, 'main', '42', 'auto');
    expect(await links.get(jane, 'main')).toEqual({ customerId: '42', linkedAt: 1000, by: 'auto' });

    expect(await links.unlink(jane, 'main')).toBe('42');
    expect(await links.get(jane, 'main')).toBeUndefined();
    expect(await links.wasUnlinked(jane, 'main', '42')).toBe(true);

    // A new store object over the same storage (a service-worker restart) still knows.
    const afterRestart = createLinkStore(storage);
    expect(await afterRestart.wasUnlinked(jane, 'main', '42')).toBe(true);
    expect(await afterRestart.wasUnlinked(jane, 'europe', '42')).toBe(false);
  });

  it('lifts the unlink mark when an agent links the same customer on purpose', async () => {
    const links = createLinkStore(memoryStore());
    await links.link(jane, 'main', '42', 'auto');
    await links.unlink(jane, 'main');
    await links.link(jane, 'main', '42', 'agent');
    expect(await links.wasUnlinked(jane, 'main', '42')).toBe(false);
  });

  it('keeps both links when two are written at once', async () => {
    const links = createLinkStore(memoryStore());
    await Promise.all([links.link(jane, 'main', '1', 'agent'), links.link(jane, 'europe', '2', 'agent')]);
    expect((await links.get(jane, 'main'))?.customerId).toBe('1');
    expect((await links.get(jane, 'europe'))?.customerId).toBe('2');
  });

  it('answers from memory once read (peek), and memory follows only the writes the storage took', async () => {
    const storage = memoryStore();
    await createLinkStore(storage).link(jane, 'main', '42', 'auto');
    const reads: string[] = [];
    let failWrites = false;
    const links = createLinkStore({
      get: (key) => {
        reads.push(key);
        return storage.get(key);
      },
      set: (key, value) => (failWrites ? Promise.reject(new Error('disk full')) : storage.set(key, value)),
      remove: (key) => storage.remove(key),
    });
    // Not read yet: a lookup must ask (and wait).
    expect(links.peek(jane, 'main')).toBeUndefined();
    links.warm();
    await links.get(jane, 'main');
    expect(links.peek(jane, 'main')).toEqual({
      link: { customerId: '42', linkedAt: expect.any(Number), by: 'auto' },
      unlinked: new Set(),
    });
    await links.unlink(jane, 'main');
    expect(links.peek(jane, 'main')).toEqual({ link: undefined, unlinked: new Set(['42']) });
    // Each table was read once, however often it was asked.
    expect(reads.sort()).toEqual(['links', 'unlinkMarks']);

    // A write the storage refused changes nothing, in memory either.
    failWrites = true;
    await expect(links.link(jane, 'main', '7', 'agent')).rejects.toThrow('disk full');
    expect(links.peek(jane, 'main')?.link).toBeUndefined();
    expect(await links.get(jane, 'main')).toBeUndefined();
    expect(await createLinkStore(storage).get(jane, 'main')).toBeUndefined();
  });
});
