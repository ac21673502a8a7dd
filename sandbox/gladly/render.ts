/**
 * The agent app's HTML, rendered on the server: the shell, the Customer Details panel and the
 * conversation timeline. Class names look generated (like a React build); only the anchors Gladly
 * really has (`data-aid="customerName-input"`, `.customerEmailDisplay-email`, the orders card)
 * are stable. The timeline and the top bar carry decoy emails and phones.
 */
import { DECOYS, personas } from '../personas';
import { orderCount, type ActivityItem, type GladlyState, type Profile } from './state';
import { CLIENT_SCRIPT } from './client';

export interface View {
  title: string;
  panel: string;
  timeline: string;
  /** A merged customer's old id: the app moves to the profile it was merged into. */
  redirect?: string;
}

const PHONE_LABEL = { MOBILE: 'Mobile', HOME: 'Home', OFFICE: 'Office' } as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function viewFor(state: GladlyState, path: string): View {
  const match = /^\/customer\/([A-Za-z0-9_-]+)(?:\/conversation\/([A-Za-z0-9_-]+))?\/?$/.exec(path);
  if (!match) return { title: 'Home', panel: homePanel(), timeline: homeTimeline() };
  const [, customerId = '', conversationId] = match;
  const mergedInto = state.merged.get(customerId);
  if (mergedInto) {
    const conversation = Object.values(personas).find((p) => p.gladlyId === mergedInto)?.conversationId;
    return {
      title: 'Redirecting',
      panel: '',
      timeline: '',
      redirect: `/customer/${mergedInto}${conversation && conversationId ? `/conversation/${conversation}` : ''}`,
    };
  }
  const profile = state.profiles.get(customerId);
  if (!profile) return { title: 'Not found', panel: notFoundPanel(), timeline: '' };
  const activities = state.activities.filter((item) => item.customerId === profile.id);
  return {
    title: profile.name || 'Customer',
    panel: customerPanel(profile),
    timeline: timeline(profile) + activities.map(activityCard).join(''),
  };
}

export function customerPanel(profile: Profile): string {
  const emails = profile.emails
    .map(
      (e) =>
        `<div class="_e1Rw"><span class="customerEmailDisplay-email _e4Kx">${escapeHtml(e.original)}</span>` +
        `${e.primary ? '<span class="_t6Bn">Primary</span>' : ''}</div>`,
    )
    .join('');
  const phones = profile.phones
    .map(
      (p) =>
        `<div class="_p2Hs"><span class="_p7Lc">${escapeHtml(p.original)}</span><span class="_p9Zt">` +
        `${p.type ? PHONE_LABEL[p.type] : 'Other'}</span>` +
        `${p.primary ? '<span class="_t6Bn">Main</span>' : ''}${p.smsPreference === 'ON' ? '<span class="_t6Bn">SMS</span>' : ''}</div>`,
    )
    .join('');
  const count = orderCount(profile.id);
  return (
    `<div class="_c8Pq" aria-label="Customer Details">
  <div class="_h3Vd">
    <div class="_a5Mm" aria-hidden="true">${escapeHtml(initials(profile.name))}</div>
    <input class="_n0Qe" data-aid="customerName-input" type="text" placeholder="Add Customer Name" value="${escapeHtml(profile.name)}">
    <a class="_l4Fy" href="#link-external" data-aid="link-external-customer">Link to external customer</a>
  </div>
  <div class="_k1Wb">
    <div class="_k6Ja">${profile.address ? escapeHtml(profile.address) : '<span class="_z0Gg">Add address</span>'}</div>
    <div class="_k2Ue">${emails || '<span class="_z0Gg">Add email</span>'}</div>
    <div class="_k9Ho">${phones || '<span class="_z0Gg">Add phone</span>'}</div>
  </div>
  <div class="_s5Cv"><div class="_s1Tt">Conversations</div><div class="_s8Xr">` +
    `Open · Chat · ${escapeHtml(shortDate(profile.updatedAt))}</div></div>
  <div class="_s5Cv"><div class="_s1Tt">Details</div><div class="_s8Xr">` +
    `Customer since ${escapeHtml(shortDate(profile.createdAt))}</div></div>
  <div class="_s5Cv" data-aid="order-number-section"><span class="_s1Tt"><span data-aid="order-number">${count}</span> Orders</span></div>
  <div class="_s5Cv"><div class="_s1Tt">Customer Tasks</div><div class="_s8Xr">No open tasks</div></div>
</div>`
  );
}

/** Customers write other people's contact details in messages: none of it is the customer's identity. */
function timeline(profile: Profile): string {
  const [decoyEmail = '', returnsEmail = ''] = DECOYS.timelineEmails;
  const [decoyPhone = ''] = DECOYS.timelinePhones;
  const first = profile.name.split(' ')[0] || 'there';
  return (
    `<div class="_m2Ck _in9Pp"><div class="_m0Hd">Customer · Chat</div>
  <p>Hi! My order never arrived. Could you send the tracking info to my sister at <a ` +
    `href="mailto:${decoyEmail}">${decoyEmail}</a>? Or call her on <a href="tel:${decoyPhone.replace(/\D/g, '')}">${decoyPhone}</a>.</p>
  <div class="_m7Rr"><span class="_p7Lc">${decoyPhone}</span> <span class="_p9Zt">Mobile</span></div></div>
<div class="_m2Ck _out1Qa"><div class="_m0Hd">Agent Smith · Email</div>
  <p>Hello ${escapeHtml(first)}, I'm checking this for you now. For a return, write to <span class="_e4Kx">` +
    `${returnsEmail}</span>.</p></div>`
  );
}

/**
 * A Customer Activity as Gladly's timeline shows it: an icon for its activityType, the title
 * highlighted, the body, the source system and the link at the bottom. In the order received
 * (the API's occurredAt, when given, is the time shown).
 */
export function activityCard(item: ActivityItem): string {
  const { content } = item;
  const link =
    content.link?.url && /^https?:\/\//i.test(content.link.url)
      ? `<a class="_ca8Lk" href="${escapeHtml(content.link.url)}" rel="noreferrer">${escapeHtml(content.link.text || content.link.url)}</a>`
      : '';
  return (
    `<div class="_m2Ck _ca3Tl" data-aid="customer-activity" data-activity-id="${escapeHtml(item.id)}" ` +
    `data-activity-type="${escapeHtml(content.activityType)}">` +
    `<div class="_m0Hd">${escapeHtml(content.sourceName || 'Activity')} · ` +
    `${escapeHtml(item.timestamp.slice(0, 16).replace('T', ' '))}</div>` +
    (content.title ? `<div class="_ca5Ti">${escapeHtml(content.title)}</div>` : '') +
    (content.body ? `<p class="_ca7Bd">${escapeHtml(content.body)}</p>` : '') +
    `${link}</div>`
  );
}

function homePanel(): string {
  return '<div class="_c8Pq _home"><div class="_s1Tt">Welcome back</div><div class="_s8Xr">Pick a conversation on the left.</div></div>';
}

function homeTimeline(): string {
  return '<div class="_m2Ck"><p>Your inbox is up to date.</p></div>';
}

function notFoundPanel(): string {
  return '<div class="_c8Pq _missing"><div class="_s1Tt">This customer could not be found</div></div>';
}

export function skeleton(): string {
  return '<div class="_sk0A" aria-busy="true"><div class="_sk1B"></div><div class="_sk1B"></div><div class="_sk1B"></div></div>';
}

export interface ShellOptions {
  state: GladlyState;
  path: string;
  /** Server-render the view instead of the skeleton (`?skeleton=0`). */
  renderView: boolean;
  agentEmail: string;
}

export function shell({ state, path, renderView, agentEmail }: ShellOptions): string {
  const view = viewFor(state, path);
  const nav = Object.values(personas)
    .map(
      (p) =>
        `<a class="_nl3Fb" data-conversation-link ` +
        `href="/customer/${p.gladlyId}/conversation/${p.conversationId}">${escapeHtml(p.name || 'Unknown customer')}</a>`,
    )
    .join('');
  return (
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(view.title)} · Gladly</title>
<style>
body{margin:0;font:14px system-ui,sans-serif;color:#1d1d1f}
._tb7Gh{display:flex;justify-content:space-between;align-items:center;height:44px;padding:0 16px;background:#2b2d42;color:#fff}
._lay0{display:flex;height:calc(100vh - 44px)}
._nv5Jq{width:180px;border-right:1px solid #ddd;padding:8px;display:flex;flex-direction:column;gap:4px;overflow:auto}
._nl3Fb{color:#2b2d42;text-decoration:none;padding:6px;border-radius:4px}._nl3Fb[aria-current]{background:#e8e9f3}
#gladly-customer{width:300px;border-right:1px solid #ddd;padding:12px;overflow:auto}
._cv9Tr{flex:1;display:flex;flex-direction:column;min-width:0}
#gladly-timeline{flex:1;padding:12px;overflow:auto}
._rc4Pz{border-top:1px solid #ddd;padding:8px}._rc4Ed{min-height:60px;border:1px solid #ccc;border-radius:6px;padding:8px}
._n0Qe{font-size:18px;border:0;width:100%}._k1Wb>div{margin:8px 0}._p2Hs span,._e1Rw span{margin-right:6px}
._t6Bn{font-size:11px;background:#eee;border-radius:3px;padding:0 4px}._s5Cv{border-top:1px solid #eee;padding:8px 0}
._sk1B{height:14px;margin:10px 0;background:#eee;border-radius:4px}
._m2Ck{border:1px solid #eee;border-radius:6px;padding:8px;margin-bottom:8px}
._ca3Tl{border-left:3px solid #6c5ce7}._ca5Ti{font-weight:600}._ca7Bd{white-space:pre-line;margin:4px 0}
</style></head>
<body>
<header class="_tb7Gh" role="banner" data-aid="app-topbar"><span class="_br2">Gladly</span>` +
    `<span class="_ag4Ue">Signed in as <span data-aid="currentAgent-email">${escapeHtml(agentEmail)}</span></span></header>
<div class="_lay0" id="root" data-aid="app-root">
<nav class="_nv5Jq" aria-label="Conversations"><a class="_nl3Fb" data-conversation-link href="/home">Home</a>${nav}</nav>
<aside id="gladly-customer"${renderView ? ' data-ready' : ''}>${renderView ? view.panel : skeleton()}</aside>
<div class="_cv9Tr"><main id="gladly-timeline" role="log" aria-label="Conversation">${renderView ? view.timeline : skeleton()}</main>
<div class="_rc4Pz" data-aid="reply-composer">` +
    `<div class="_rc4Ed" contenteditable="true" role="textbox" aria-label="Reply" aria-multiline="true"></div></div></div>
</div>
<script>${CLIENT_SCRIPT}</script>
</body></html>`
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function shortDate(iso: string): string {
  return iso.slice(0, 10);
}
