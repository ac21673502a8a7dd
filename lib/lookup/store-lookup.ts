/**
 * One store's lookup: identity → match / auto-link → profile + 10 newest orders, in the fewest
 * sequential round trips.
 *
 * Round 1 asks for customers (by email and phone) and orders by email (line items embedded, guest
 * orders included) at once, and the profile and orders are shown as soon as it lands; round 2
 * completes them (account orders by customer id — sent the moment the email's one customer is
 * known —, shipments only for orders with something shipped, one batched image call, the group
 * name). A third round happens only when account orders bring shipped orders or products round 2
 * did not know. Assembling every store's result, the cache and the stats: ./lookup.ts.
 */
import { i18n } from '../core/i18n';
import { newestFirst, type Customer, type Order } from '../core/model';
import type { StoreApi } from '../core/store-ports';
import type { ErrorInfo } from '../messages/common';
import type { LookupQuery, StoreLookup } from '../messages/lookup';
import { decideLink, readLink, type AutoLinkFields, type LinkStore, type PhoneEquals } from './linking';

export const ORDER_LIMIT = 10;

/** The searches' answers when a stored link made them moot. */
const NOT_SEARCHED: readonly [Customer[], Customer[]] = [[], []];

export interface LookupConnection {
  id: string;
  name: string;
  autoLink: AutoLinkFields;
  /**
   * What the automatic lookup may search this store by (the connection's Search Query
   * Attributes): a field that is not listed is never sent, neither as a customer search nor,
   * for email, as the orders-by-email search.
   */
  searchBy: SearchFields;
  api: StoreApi;
}

export interface SearchFields {
  email: boolean;
  phone: boolean;
}

/** The fields a connection's Search Query Attributes rows name. */
export function searchFieldsOf(rows: ReadonlyArray<{ attribute: string }>): SearchFields {
  return { email: rows.some((r) => r.attribute === 'email'), phone: rows.some((r) => r.attribute === 'phone') };
}

/** What one store's lookup needs besides the store itself. */
export interface StoreLookupDeps {
  links: LinkStore;
  samePhone: PhoneEquals;
  toErrorInfo: (error: unknown) => ErrorInfo;
}

/** Runs one round trip's requests; `requests` is how many it sends (0: no round trip). */
export type Round = <T>(requests: number, work: () => Promise<T>) => Promise<T>;

/** Resolves with the store's final state; `onPartial` shows what is known before that. */
export async function lookupStore(
  query: LookupQuery,
  connection: LookupConnection,
  deps: StoreLookupDeps,
  round: Round,
  onPartial: (state: StoreLookup) => void,
): Promise<StoreLookup> {
  const base = { connectionId: connection.id, storeName: connection.name };
  const problems: unknown[] = [];
  const api = tolerant(connection.api, problems);

  if (query.kind === 'manual')
    return withProblems(await manualLookup(query, { ...connection, api }, round), problems, deps);

  const identity = query.identity;
  const emails = connection.searchBy.email
    ? unique(identity.emails.map((e) => e.value.trim().toLowerCase()).filter(Boolean))
    : [];
  const phones = connection.searchBy.phone ? unique(identity.phones.map((p) => p.value.trim()).filter(Boolean)) : [];
  // Round 1's heaviest answer, needed whatever the link: the orders by email leave first.
  const emailOrdersAsked = Promise.all(emails.map((email) => api.ordersByEmail(email, ORDER_LIMIT))).then((lists) =>
    lists.flat(),
  );
  emailOrdersAsked.catch(() => undefined);
  // The stored link decides the rest of round 1. The worker keeps it in memory (createLinkStore),
  // so the other requests leave in the same task; otherwise (its first read, the team service's
  // database) they wait for that read.
  const { link, unlinked } =
    deps.links.peek?.(identity, connection.id) ?? (await readLink(deps.links, identity, connection.id));
  // A customer an agent linked by hand stays linked even when Gladly shows no email or phone.
  if (emails.length === 0 && phones.length === 0 && !link) return { ...base, status: 'not-found', complete: true };

  // The searches only decide a link: a linked customer's lookup does not send them at all (two
  // requests fewer of the store's quota), unless the linked customer turns out to be deleted.
  let early: EarlyAccountOrders | null = null;
  const search = () =>
    Promise.all([
      (emails.length ? api.customersByEmail(emails) : Promise.resolve([])).then((found) => {
        // The usual outcome is one customer with this email, auto-linked: their account orders
        // are round 2's critical path, so they are asked for now, not after the slowest of round 1.
        const only = found.length === 1 ? found[0]! : null;
        if (only && connection.autoLink.email && !unlinked.has(only.id)) early = startEarly(api, only.id);
        return found;
      }),
      phones.length ? api.customersByPhone(phones) : Promise.resolve([]),
    ]);
  // Round 1: everything that needs nothing but the identity and the link.
  const linkedAsked = link
    ? Promise.all([api.ordersByCustomerId(link.customerId, ORDER_LIMIT), api.customerById(link.customerId)])
    : Promise.resolve([null, null] as const);
  const searches = link ? Promise.resolve(NOT_SEARCHED) : search();
  let [emailOrders, [linkedOrders, linkedCustomer], [byEmail, byPhone]] = await round(1, () =>
    Promise.all([emailOrdersAsked, linkedAsked, searches]),
  );
  if (link && !linkedCustomer) {
    // The linked customer was deleted in the store: forget the link and decide again.
    await deps.links.unlink(identity, connection.id);
    linkedOrders = null;
    [byEmail, byPhone] = await round(1, search);
  }

  // The server matches phones on the stored string: keep only real matches of the number.
  const phoneMatches = byPhone.filter((c) => phones.some((p) => deps.samePhone(p, c.phone)));
  const candidates = uniqueBy([...byEmail, ...phoneMatches], (c) => c.id);

  let customer: Customer | null = linkedCustomer;
  let autoLinked = false;
  let linkSaved: Promise<void> = Promise.resolve();
  if (!customer) {
    const decision = decideLink(identity, candidates, connection.autoLink, deps.samePhone, (id) => unlinked.has(id));
    if (decision.kind === 'choose') {
      return {
        ...base,
        status: 'candidates',
        candidates: decision.candidates,
        candidateReason: decision.reason,
        complete: true,
      };
    }
    if (decision.kind === 'auto-link') {
      customer = decision.customer;
      autoLinked = true;
      // Saved while the profile is already on screen; a lost write only means deciding again next time.
      linkSaved = deps.links.link(identity, connection.id, customer.id, 'auto').catch(() => undefined);
    }
  }

  if (!customer) {
    if (emailOrders.length === 0) return { ...base, status: 'not-found', complete: true };
    // Only guest orders carry this email: show them without a customer.
    const orders = newest(emailOrders);
    onPartial({ ...base, status: 'guest', customer: null, orders, complete: false });
    const plan = planCompletion(orders, []);
    const completed = await round(requestsOf(plan), () => completeOrders(api, orders, plan));
    return withProblems(
      { ...base, status: 'guest', customer: null, orders: completed, complete: true },
      problems,
      deps,
    );
  }

  let orders = newest([...emailOrders, ...(linkedOrders ?? [])]);
  onPartial({ ...base, status: 'linked', customer, orders, autoLinked, complete: false });

  // Round 2: account orders first (they are on the critical path: orders billed to another email
  // need their own shipments and images), then the group name, shipments and images. Orders the
  // account adds are completed as soon as they arrive, overlapping the rest of round 2.
  const plan = planCompletion(orders, []);
  const current = customer;
  const shown = orders;
  let added: Order[] = [];
  let addedCompletion: Promise<Order[]> = Promise.resolve([]);
  const [group, completed] = await round(requestsOf(plan) + 1 + (customer.customerGroupId ? 1 : 0), () => {
    // Found by phone (or by another email): guest orders placed with the store's email count too.
    const storeEmail = current.email.trim().toLowerCase();
    const guestOrders =
      storeEmail && !emails.includes(storeEmail)
        ? api.ordersByEmail(storeEmail, ORDER_LIMIT)
        : Promise.resolve([] as Order[]);
    const ownOrders = linkedOrders
      ? Promise.resolve([] as Order[])
      : (takeEarly(early, current.id) ?? api.ordersByCustomerId(current.id, ORDER_LIMIT));
    const accountOrders = Promise.all([ownOrders, guestOrders]).then((lists) => lists.flat());
    const groupName = current.customerGroupId
      ? api.customerGroupName(current.customerGroupId).catch(() => null)
      : Promise.resolve(null);
    addedCompletion = accountOrders.then((more) => {
      const known = new Set(shown.map((o) => o.id));
      added = newest([...shown, ...more.filter((o) => !known.has(o.id))]).filter((o) => !known.has(o.id));
      if (added.length === 0) return [];
      onPartial({
        ...base,
        status: 'linked',
        customer: current,
        orders: newest([...shown, ...added]),
        autoLinked,
        complete: false,
      });
      // Products round 2 already asks about are not asked again.
      const addedPlan = planCompletion(added, []);
      addedPlan.productIds = addedPlan.productIds.filter((id) => !plan.productIds.includes(id));
      return round(requestsOf(addedPlan), () => completeOrders(api, added, addedPlan));
    });
    // When the account orders fail, that failure is the lookup's (through Promise.all below):
    // this chain must not become a second, unhandled rejection (it crashes a Node process).
    addedCompletion.catch(() => undefined);
    return Promise.all([groupName, completeOrders(api, orders, plan), accountOrders]);
  });
  customer = { ...customer, customerGroupName: group };
  const completedAdded = await addedCompletion;
  const images = new Map(
    completed.flatMap((o) => o.lineItems.flatMap((l) => (l.image ? [[l.productId, l.image] as const] : []))),
  );
  const withImages = completedAdded.map((o) => ({
    ...o,
    lineItems: o.lineItems.map((l) => ({ ...l, image: l.image ?? images.get(l.productId) ?? null })),
  }));
  orders = newest([...completed, ...withImages]);
  await linkSaved;
  return withProblems({ ...base, status: 'linked', customer, orders, autoLinked, complete: true }, problems, deps);
}

/** Account orders asked for before the link was decided (see round 1). */
interface EarlyAccountOrders {
  customerId: string;
  orders: Promise<Order[]>;
}

function startEarly(api: StoreApi, customerId: string): EarlyAccountOrders {
  const orders = api.ordersByCustomerId(customerId, ORDER_LIMIT);
  // Unused when the agent must choose after all: its failure then matters to nobody.
  orders.catch(() => undefined);
  return { customerId, orders };
}

/** The early account orders when they are the linked customer's, else null (ask again). */
function takeEarly(early: EarlyAccountOrders | null, customerId: string): Promise<Order[]> | null {
  return early && early.customerId === customerId ? early.orders : null;
}

/**
 * Tracking and thumbnails complete a result but are not worth losing it for: a failed shipments
 * call leaves that order without tracking (and the store with a notice, see withProblems); failed
 * thumbnails leave the quiet placeholders.
 */
function tolerant(api: StoreApi, problems: unknown[]): StoreApi {
  return {
    customersByEmail: (emails) => api.customersByEmail(emails),
    customersByPhone: (phones) => api.customersByPhone(phones),
    customerById: (id) => api.customerById(id),
    ordersByEmail: (email, limit) => api.ordersByEmail(email, limit),
    ordersByCustomerId: (id, limit) => api.ordersByCustomerId(id, limit),
    orderById: (id) => api.orderById(id),
    customerGroupName: (groupId) => api.customerGroupName(groupId),
    shipments: (orderId) =>
      api.shipments(orderId).catch((error: unknown) => {
        problems.push(error);
        return [];
      }),
    productImages: (productIds) => api.productImages(productIds).catch(() => new Map<number, string>()),
  };
}

/** The first completion failure as the store's notice (shown beside its data, with Retry). */
function withProblems(result: StoreLookup, problems: unknown[], deps: StoreLookupDeps): StoreLookup {
  if (problems.length === 0 || result.status === 'error') return result;
  const info = deps.toErrorInfo(problems[0]);
  return { ...result, error: { ...info, message: i18n.t('sidebarErrors.trackingMissing', [info.message]) } };
}

/** What completing orders takes: shipments for orders with something shipped, and images. */
interface Completion {
  productIds: number[];
  shipped: Order[];
  knownImages: Map<number, string | null>;
}

function planCompletion(orders: Order[], alreadyComplete: Order[]): Completion {
  const knownImages = new Map<number, string | null>();
  for (const order of alreadyComplete) for (const line of order.lineItems) knownImages.set(line.productId, line.image);
  const productIds = unique(
    orders.flatMap((o) => o.lineItems.map((l) => l.productId)).filter((id) => id > 0 && !knownImages.has(id)),
  );
  return { productIds, shipped: orders.filter((o) => o.itemsShipped > 0), knownImages };
}

const requestsOf = (plan: Completion) => plan.shipped.length + (plan.productIds.length > 0 ? 1 : 0);

/** Fetch a completion plan's shipments and images in parallel (one round) and merge them in. */
async function completeOrders(api: StoreApi, orders: Order[], plan: Completion): Promise<Order[]> {
  const [images, shipments] = await Promise.all([
    plan.productIds.length ? api.productImages(plan.productIds) : Promise.resolve(new Map<number, string>()),
    Promise.all(plan.shipped.map((o) => api.shipments(o.id).then((list) => [o.id, list] as const))),
  ]);
  const shipmentsByOrder = new Map(shipments);
  return orders.map((order) => {
    const fulfillments = shipmentsByOrder.get(order.id) ?? order.fulfillments ?? [];
    const first = fulfillments.find((f) => f.trackingNumber);
    return {
      ...order,
      fulfillments,
      firstTrackingNumber: first?.trackingNumber ?? null,
      firstTrackingUrl: first ? first.trackingUrl || null : null,
      lineItems: order.lineItems.map((line) => ({
        ...line,
        image: images.get(line.productId) ?? plan.knownImages.get(line.productId) ?? line.image,
      })),
    };
  });
}

async function manualLookup(
  query: Extract<LookupQuery, { kind: 'manual' }>,
  connection: LookupConnection,
  round: Round,
): Promise<StoreLookup> {
  const base = { connectionId: connection.id, storeName: connection.name };
  const { api } = connection;
  if (query.attribute === 'orderNumber') {
    const id = query.value.replace(/^#/, '').trim();
    if (!/^\d{1,12}$/.test(id)) return { ...base, status: 'not-found', complete: true };
    const order = await round(1, () => api.orderById(id));
    if (!order) return { ...base, status: 'not-found', complete: true };
    const plan = planCompletion([order], []);
    const [owner, [completed]] = await round(requestsOf(plan) + (order.isGuest ? 0 : 1), () =>
      Promise.all([
        order.isGuest ? Promise.resolve(null) : api.customerById(order.externalCustomerId),
        completeOrders(api, [order], plan),
      ]),
    );
    return owner
      ? {
          ...base,
          status: 'candidates',
          candidates: [owner],
          orders: [completed!],
          candidateReason: i18n.t('sidebarLinking.orderOwner', [order.orderNumber]),
          complete: true,
        }
      : { ...base, status: 'guest', customer: null, orders: [completed!], complete: true };
  }
  const found =
    query.attribute === 'email'
      ? await round(1, () => api.customersByEmail([query.value.trim().toLowerCase()]))
      : await round(1, () => api.customersByPhone([query.value.trim()]));
  if (found.length === 0) return { ...base, status: 'not-found', complete: true };
  return {
    ...base,
    status: 'candidates',
    candidates: found,
    candidateReason: i18n.t('sidebarLinking.choose'),
    complete: true,
  };
}

function newest(orders: Order[]): Order[] {
  return uniqueBy(orders, (o) => o.id)
    .sort(newestFirst)
    .slice(0, ORDER_LIMIT);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: T[], key: (v: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(key(v)) ? false : (seen.add(key(v)), true)));
}

/** Older orders ("Show more orders") completed like the first ten: shipments and images in one round. */
export function completeOlderOrders(api: StoreApi, orders: Order[]): Promise<Order[]> {
  return completeOrders(api, orders, planCompletion(orders, []));
}
