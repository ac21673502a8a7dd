/**
 * The Gladly look-alike: the agent app (a single-page app with the Customer Details panel,
 * decoys, skeletons and a lingering old panel) and the REST API subset, on its own port.
 */
import { Hono, type Context } from 'hono';
import { DECOYS } from '../personas';
import { createApi, type ApiRequestEntry } from './api';
import { shell, viewFor } from './render';
import { createState, type GladlyState } from './state';

export interface GladlyAppOptions {
  apiUser: { email: string; token: string };
  /** Injected latency (ms) before each REST API answer; default none. */
  latencyMs?: () => number;
  /** Called for every request to the Gladly REST API, for the shared request log. */
  onApiRequest?: (entry: ApiRequestEntry) => void;
}

const states = new Map<Hono, { current: GladlyState }>();

/** A tiny green speech bubble, served as the tab icon. */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path fill="#0b8a5f" d="M2 2h12v9H7l-4 3v-3H2z"/></svg>';

/** Back to the seeded profiles and a fresh rate limit: one app, or every app when none is given. */
export function resetGladlyState(app?: Hono): void {
  for (const [owner, holder] of states) {
    if (!app || owner === app) holder.current = createState();
  }
}

export function createGladlyApp(options: GladlyAppOptions): Hono {
  const app = new Hono();
  const holder = { current: createState() };
  states.set(app, holder);
  const state = () => holder.current;

  app.route(
    '/api/v1',
    createApi({
      state,
      apiUser: options.apiUser,
      ...(options.onApiRequest ? { onApiRequest: options.onApiRequest } : {}),
      ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    }),
  );

  // What the page script fetches on navigation (Gladly's app fetches JSON; this returns HTML parts).
  app.get('/_app/view', (c) => c.json(viewFor(state(), c.req.query('path') ?? '/home')));

  const page = (c: Context) => {
    const url = new URL(c.req.url);
    const view = viewFor(state(), url.pathname);
    if (view.redirect) return c.redirect(`${view.redirect}${url.search}`, 302);
    const renderView = url.searchParams.get('skeleton') === '0';
    return c.html(shell({ state: state(), path: url.pathname, renderView, agentEmail: DECOYS.agentEmail }));
  };
  // Browsers ask for /favicon.ico on every page; without one, e2e console output shows a 404.
  app.get('/favicon.ico', (c) =>
    c.body(FAVICON, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }),
  );
  app.get('/', (c) => c.redirect('/home'));
  app.get('/home', page);
  app.get('/customer/:customerId', page);
  app.get('/customer/:customerId/conversation/:conversationId', page);
  return app;
}
