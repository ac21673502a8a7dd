import { Hono } from 'hono';

export interface GladlyAppOptions {
  apiUser: { email: string; token: string };
  /** Called for every request to the Gladly REST API, for the shared request log. */
  onApiRequest?: (entry: { method: string; path: string; query: string; status: number; start: number; end: number }) => void;
}

/** Placeholder until the Gladly look-alike lands: the agent app and its REST API subset. */
export function createGladlyApp(_options: GladlyAppOptions): Hono {
  const app = new Hono();
  app.get('/', (c) => c.html('<!doctype html><title>Gladly</title><div id="root">Gladly look-alike</div>'));
  return app;
}
