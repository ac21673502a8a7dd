/**
 * Every e2e test starts with a new quota window in its sandbox. The sandbox keeps BigCommerce's
 * real pace (150 requests per 30 s per store), and a file's tests share one sandbox: the faster the
 * lookups, the more of a file's earlier visits fall into one window, until a later test's lookups
 * wait for the window to pass (or get a 429) for reasons of its neighbours' making. A test that is
 * about the quota sets its own within the test.
 */
import { beforeEach } from 'vitest';
import { liveWorlds } from './harness';

beforeEach(() => {
  for (const world of liveWorlds) world.sandbox.control.newQuotaWindow();
});
