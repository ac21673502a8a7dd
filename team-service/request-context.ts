/**
 * Who is asking, for the length of one request: the access key (whose name is the acting agent)
 * and the agent the page reported. Node's AsyncLocalStorage carries it into the lib/ handlers'
 * callbacks (audit lines, staff notes) without changing their signatures.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AccessKey } from './keys';

export interface RequestContext {
  key: AccessKey;
  /** The X-Gladly-Agent header: recorded as "reported by the page", never trusted as the actor. */
  reportedAgent: string | null;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
