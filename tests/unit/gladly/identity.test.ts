// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { locatePanel, readAgentEmail, readIdentity } from '../../../lib/gladly/identity';
import { DEFAULT_SELECTORS, mergeSelectors, type GladlySelectors } from '../../../lib/gladly/selectors';
import { DECOYS, MERGED_GLADLY_ID, MERGED_INTO, personas, type PersonaKey } from '../../../sandbox/personas';
import { app, parsePage, personaPath } from './helpers';

const KEYS = Object.keys(personas) as PersonaKey[];
const DECOY_EMAILS = [DECOYS.agentEmail, ...DECOYS.timelineEmails];
const DECOY_DIGITS = DECOYS.timelinePhones.map((phone) => phone.replace(/\D/g, ''));

/** Selectors with no knowledge of the timeline or top bar: the panel must be found from its anchors alone. */
const ANCHORS_ONLY: GladlySelectors = { ...DEFAULT_SELECTORS, timeline: '', topBar: '', agentEmail: '' };

describe('readIdentity on the look-alike agent app', () => {
  describe.each([
    ['default selectors', DEFAULT_SELECTORS],
    ['anchors only (no timeline or top-bar selector)', ANCHORS_ONLY],
  ] as const)('%s', (_label, selectors) => {
    it.each(KEYS)('reads exactly what %s’s panel shows', async (key) => {
      const persona = personas[key];
      const doc = await parsePage(personaPath(key));
      const identity = readIdentity(doc, selectors, persona.gladlyId);
      expect(identity).not.toBeNull();
      expect(identity?.gladlyCustomerId).toBe(persona.gladlyId);
      expect(identity?.name).toBe(persona.name || undefined);
      expect(identity?.emails).toEqual(persona.emails.map((value) => ({ value, source: 'panel' })));
      expect(identity?.phones).toEqual(persona.phones.map((p) => ({ value: p.number, type: p.type, source: 'panel' })));
    });

    it.each(KEYS)('never takes a timeline or top-bar decoy for %s', async (key) => {
      const doc = await parsePage(personaPath(key));
      // The decoys really are on the page.
      for (const decoy of [...DECOY_EMAILS, ...DECOYS.timelinePhones]) expect(doc.body.textContent).toContain(decoy);
      const identity = readIdentity(doc, selectors, personas[key].gladlyId);
      const emails = identity?.emails.map((e) => e.value.toLowerCase()) ?? [];
      for (const decoy of DECOY_EMAILS) expect(emails).not.toContain(decoy);
      for (const phone of identity?.phones ?? []) expect(DECOY_DIGITS).not.toContain(phone.value.replace(/\D/g, ''));
    });
  });

  it('gives an empty identity (not null) for a customer with no name, email or phone', async () => {
    const doc = await parsePage(personaPath('noIdentity'));
    expect(readIdentity(doc, DEFAULT_SELECTORS, personas.noIdentity.gladlyId)).toEqual({
      gladlyCustomerId: personas.noIdentity.gladlyId,
      emails: [],
      phones: [],
    });
  });

  it('reads nothing while the skeleton shows, on the home page and for an unknown customer', async () => {
    expect(
      readIdentity(await parsePage(personaPath('jane'), '800'), DEFAULT_SELECTORS, personas.jane.gladlyId),
    ).toBeNull();
    expect(readIdentity(await parsePage('/home'), DEFAULT_SELECTORS)).toBeNull();
    expect(
      readIdentity(await parsePage('/customer/Unknown123/conversation/x'), DEFAULT_SELECTORS, 'Unknown123'),
    ).toBeNull();
  });

  it('moves a merged customer to the profile it was merged into', async () => {
    const response = await app.request(`/customer/${MERGED_GLADLY_ID}/conversation/old?skeleton=0`);
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location).toContain(`/customer/${MERGED_INTO}/`);
    const doc = new DOMParser().parseFromString(await (await app.request(location)).text(), 'text/html');
    expect(readIdentity(doc, DEFAULT_SELECTORS, MERGED_INTO)?.emails.map((e) => e.value)).toEqual(personas.jane.emails);
  });

  it('the located panel holds neither the timeline nor the top bar', async () => {
    const doc = await parsePage(personaPath('multiEmail'));
    const panel = locatePanel(doc, ANCHORS_ONLY);
    expect(panel).not.toBeNull();
    expect(panel?.querySelector('[role="log"]')).toBeNull();
    expect(panel?.textContent).not.toContain(DECOYS.agentEmail);
    expect(panel?.textContent).toContain('Customer Tasks');
  });

  it('uses an admin panel selector when set, and survives an invalid one', async () => {
    const doc = await parsePage(personaPath('jane'));
    const timelineAsPanel = mergeSelectors({ panel: '#gladly-timeline', timeline: '' });
    // Pointing the panel at the wrong place reads the wrong place: the override really is used.
    expect(readIdentity(doc, timelineAsPanel, 'x')?.emails.map((e) => e.value)).toContain(DECOYS.timelineEmails[0]);
    expect(readIdentity(doc, mergeSelectors({ panel: '#gladly-customer' }), 'x')?.emails.map((e) => e.value)).toEqual(
      personas.jane.emails,
    );
    expect(readIdentity(doc, mergeSelectors({ panel: '[[[' }), 'x')).toBeNull();
    expect(readIdentity(doc, mergeSelectors({ email: '[[[' }), personas.jane.gladlyId)?.name).toBe('Jane Cooper');
  });

  it('reads phones from admin-set rows', async () => {
    const doc = await parsePage(personaPath('multiEmail'));
    const identity = readIdentity(doc, mergeSelectors({ phoneRow: '._p2Hs' }), personas.multiEmail.gladlyId);
    expect(identity?.phones).toEqual(
      personas.multiEmail.phones.map((p) => ({ value: p.number, type: p.type, source: 'panel' })),
    );
  });

  it('waits rather than guess when two customer panels are on screen', async () => {
    const doc = await parsePage(personaPath('jane'));
    const other = await parsePage(personaPath('guest'));
    const panel = doc.getElementById('gladly-customer');
    panel?.insertAdjacentHTML('beforeend', other.getElementById('gladly-customer')?.innerHTML ?? '');
    expect(readIdentity(doc, DEFAULT_SELECTORS, personas.guest.gladlyId)).toBeNull();
  });

  it('reads the name the agent typed, not the one first rendered', async () => {
    const doc = await parsePage(personaPath('jane'));
    const input = doc.querySelector<HTMLInputElement>('[data-aid="customerName-input"]');
    if (input) input.value = 'Jane C. Cooper';
    expect(readIdentity(doc, DEFAULT_SELECTORS, personas.jane.gladlyId)?.name).toBe('Jane C. Cooper');
  });
});

describe('readAgentEmail', () => {
  it('reads the signed-in agent from the top bar', async () => {
    expect(readAgentEmail(await parsePage(personaPath('jane')), DEFAULT_SELECTORS)).toBe(DECOYS.agentEmail);
    expect(readAgentEmail(await parsePage(personaPath('jane')), mergeSelectors({ agentEmail: '' }))).toBeUndefined();
  });
});

describe('mergeSelectors', () => {
  it('keeps the defaults, applies known overrides and ignores the rest', () => {
    const merged = mergeSelectors({ email: ' .mail ', unknown: 'x', nameInput: 42 });
    expect(merged.email).toBe('.mail');
    expect(merged.nameInput).toBe(DEFAULT_SELECTORS.nameInput);
    expect('unknown' in merged).toBe(false);
  });
});
