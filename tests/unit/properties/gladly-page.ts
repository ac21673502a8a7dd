/**
 * Generated Gladly-like agent pages for the identity properties: a Customer Details panel in
 * random wrappers, plus a top bar and a timeline full of decoy emails and phones.
 */
import fc from 'fast-check';
import { DEFAULT_SELECTORS, type GladlySelectors } from '../../../lib/gladly/selectors';
import type { Identity } from '../../../lib/messages/identity';

// ---- generated values: panel ones and decoys never share a digit string or a domain -------------

const letters = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: min, maxLength: max });
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const name = fc.oneof(
  fc.constant(''),
  fc
    .tuple(letters(1, 10), letters(1, 12))
    .map(([f, l]) => `${f[0]!.toUpperCase()}${f.slice(1)} ${l[0]!.toUpperCase()}${l.slice(1)}`),
);

const email = (domain: string) =>
  fc
    .tuple(letters(1, 12), fc.constantFrom('', '.', '_', '+'), letters(0, 6))
    .map(([a, sep, b]) => `${a}${b ? sep + b : ''}@${domain}`);
const panelEmails = fc.uniqueArray(email('shop.example'), { maxLength: 4, selector: (e) => e.toLowerCase() });
const decoyEmail = email('decoy.example');

/** A phone in the ways Gladly shows them; `first` keeps panel (2–4) and decoy (9) area codes apart. */
const phone = (first: string) =>
  fc
    .tuple(fc.constantFrom(...first), digits(2), digits(3), digits(4), fc.nat(5), digits(2))
    .map(([a, b, c, d, form, ext]) => {
      const area = a + b;
      return [
        `${area} ${c} ${d}`,
        `(${area}) ${c}-${d}`,
        `+1 ${area}-${c}-${d}`,
        `${area}.${c}.${d} x${ext}`,
        `+44 ${area} ${c} ${d}`,
        `${area}-${c}-${d}`,
      ][form]!;
    });
const panelPhones = fc.uniqueArray(
  fc.tuple(
    phone('234'),
    fc.nat(3),
    fc.nat(2),
    fc.nat(2),
    fc.boolean(),
    fc.constantFrom<'lower' | 'upper' | 'as-is'>('lower', 'upper', 'as-is'),
  ),
  {
    maxLength: 4,
    selector: ([p]) => p.replace(/\D/g, ''),
  },
);
const decoyPhone = phone('9');

const cls = letters(3, 8);
const LABEL_SETS = [
  ['Mobile', 'Home', 'Office', 'Other'],
  ['Cell', 'Work', 'Fax'],
];

// ---- the page: a top bar, a timeline full of decoys, and the panel in random wrappers -----------

export interface Page {
  html: string;
  selectors: GladlySelectors;
  expected: Identity;
  decoyEmails: string[];
  decoyDigits: string[];
}

const wrap = (html: string, classes: string[]) =>
  classes.reduce((inner, c) => `<div class="${c}">${inner}</div>`, html);

export const page: fc.Arbitrary<Page> = fc
  .record({
    name,
    emails: panelEmails,
    emailForms: fc.array(fc.nat(2), { minLength: 4, maxLength: 4 }),
    phones: panelPhones,
    labelSet: fc.nat(LABEL_SETS.length - 1),
    rowMode: fc.boolean(),
    wrappers: fc.array(cls, { maxLength: 2 }),
    sectionWrappers: fc.array(fc.array(cls, { maxLength: 1 }), { minLength: 8, maxLength: 8 }),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    decoyEmails: fc.array(decoyEmail, { minLength: 1, maxLength: 3 }),
    decoyPhones: fc.array(decoyPhone, { minLength: 1, maxLength: 3 }),
    agent: decoyEmail,
    timelineRole: fc.boolean(),
    anchorsOnly: fc.boolean(),
    layout: fc.nat(3),
  })
  .map((g): Page => {
    const labels = LABEL_SETS[g.labelSet]!;
    const rowClass = 'phone-row';
    // The panel's sections; anchors (name, email elements, orders card) sit in different ones.
    const sections: string[] = [`<input data-aid="customerName-input" value="${g.name}">`];
    g.emails.forEach((e, i) => {
      const form = g.emailForms[i]!;
      sections.push(
        form === 0
          ? `<span class="customerEmailDisplay-email">${e}</span>`
          : form === 1
            ? `<a class="customerEmailDisplay-email" href="mailto:${e}">${e}</a>`
            : `<a href="mailto:${encodeURIComponent(e)}?subject=Hi">Email</a>`,
      );
    });
    const phoneRows = g.phones.map(([value, label, valueDepth, labelDepth, tel, labelCase]) => {
      const shown = labels[label % labels.length]!;
      const text = labelCase === 'lower' ? shown.toLowerCase() : labelCase === 'upper' ? shown.toUpperCase() : shown;
      const valueHtml = tel ? `<a href="tel:${value.replace(/[^\d+]/g, '')}">${value}</a>` : `<span>${value}</span>`;
      const wrapped = (html: string, depth: number) =>
        wrap(
          html,
          Array.from({ length: Math.min(depth, 1) }, () => 'cell'),
        );
      const labelHtml = wrapped(`<span>${text}</span>`, labelDepth);
      return `<div class="${g.rowMode ? rowClass : 'row'}">${wrapped(valueHtml, valueDepth)}${labelHtml}</div>`;
    });
    sections.push(`<div class="phones">${phoneRows.join('')}</div>`);
    sections.push(`<div data-aid="order-number-section">${g.emails.length + 2} Orders</div>`);
    const shuffled = sections
      .map((html, i) => ({ html: wrap(html, g.sectionWrappers[i] ?? []), rank: g.order[i] ?? i }))
      .sort((a, b) => a.rank - b.rank);
    const panel = wrap(`<section class="details">${shuffled.map((s) => s.html).join('')}</section>`, g.wrappers);

    // Decoys: the agent's own email, and emails/phones customers wrote in the conversation, some
    // dressed exactly like the panel's (same class, mailto:/tel: links, a type label beside them).
    const anchorLook = !g.anchorsOnly;
    const timelineItems = [
      ...g.decoyEmails.map((e, i) =>
        i % 3 === 0 && anchorLook
          ? `<span class="customerEmailDisplay-email">${e}</span>`
          : i % 3 === 1
            ? `<a href="mailto:${e}">${e}</a>`
            : `<p>Please write to ${e} instead</p>`,
      ),
      ...g.decoyPhones.map((p, i) =>
        i % 2 === 0
          ? `<div class="row"><span>${p}</span><span>${labels[i % labels.length]}</span></div>`
          : `<a href="tel:${p.replace(/[^\d+]/g, '')}">${p}</a>`,
      ),
      anchorLook ? '<input data-aid="customerName-input" value="Decoy Person">' : '',
    ];
    const timelineAttribute = g.timelineRole ? 'role="log"' : 'data-aid="conversation-timeline"';
    const timeline = `<div ${timelineAttribute}>${timelineItems.map((item) => `<div class="item">${item}</div>`).join('')}</div>`;
    const topBar =
      `<header data-aid="app-topbar"><span ` +
      `data-aid="currentAgent-email">${g.agent}</span><span>${g.decoyPhones[0]}</span><span>${labels[0]}</span></header>`;
    const layouts = [
      `${topBar}<main>${timeline}${panel}</main>`,
      `<main>${panel}${timeline}</main>${topBar}`,
      `${topBar}<div class="layout"><div class="left">${timeline}</div><div class="right">${panel}</div></div>`,
      `<div class="app">${topBar}<div class="split">${panel}<div class="conversation">${timeline}</div></div></div>`,
    ];
    const selectors: GladlySelectors = {
      ...DEFAULT_SELECTORS,
      phoneTypeLabels: labels.join(', '),
      ...(g.rowMode ? { phoneRow: `.${rowClass}` } : {}),
      ...(g.anchorsOnly ? { timeline: '', topBar: '', agentEmail: '' } : {}),
    };
    return {
      html: layouts[g.layout]!,
      selectors,
      expected: {
        gladlyCustomerId: 'cust-1',
        ...(g.name ? { name: g.name } : {}),
        emails: g.emails.map((value) => ({ value, source: 'panel' as const })),
        phones: g.phones.map(([value, label]) => ({
          value,
          type: labels[label % labels.length]!,
          source: 'panel' as const,
        })),
      },
      decoyEmails: [...g.decoyEmails, g.agent].map((e) => e.toLowerCase()),
      decoyDigits: g.decoyPhones.map((p) => p.replace(/\D/g, '')),
    };
  });

const sortBy = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
export const sameSet = <T>(a: T[], b: T[], key: (item: T) => string) =>
  JSON.stringify(sortBy(a, key)) === JSON.stringify(sortBy(b, key));

export function noDecoys(identity: Identity | null, p: Page): boolean {
  if (!identity) return true;
  return (
    identity.emails.every((e) => !p.decoyEmails.includes(e.value.toLowerCase())) &&
    identity.phones.every((ph) => !p.decoyDigits.includes(ph.value.replace(/\D/g, '')))
  );
}

/** A fresh document holding the page (a new one per case: reusing one body grows without end). */
export function load(p: Page): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = p.html;
  return doc;
}
