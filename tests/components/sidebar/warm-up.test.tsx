/**
 * The sidebar's warm-up render (components/sidebar/warm-up.tsx): a made-up customer rendered out of
 * sight while the sidebar waits for the first one. It must really render the profile and the ten
 * rows, and leave nothing behind: no node, no message to the worker, no change to what the agent sees
 * (it is given no way to ask the worker anything: its components' `request` refuses).
 */
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { warmUpRendering } from '../../../components/sidebar/warm-up';
import { janeIdentity, linkedStore, mainConnection } from './fixtures';
import { renderSidebar } from './render';

/** What the warm-up put into the document while it ran (sections and order rows by their labels). */
function watchInsertions() {
  const seen = { profiles: 0, orderRows: 0 };
  // Preact inserts a new element with its children already in it: each added node holds its subtree.
  const count = (records: MutationRecord[]) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        seen.profiles += node.querySelectorAll('section[aria-label="Customer profile"]').length;
        seen.orderRows += node.querySelectorAll('section[aria-label="Recent orders"] > ul > li').length;
      }
  };
  const observer = new MutationObserver(count);
  observer.observe(document.body, { childList: true, subtree: true });
  return {
    seen: () => {
      count(observer.takeRecords());
      observer.disconnect();
      return seen;
    },
  };
}

describe('warmUpRendering', () => {
  it('renders a profile and ten order rows out of sight, then leaves the document as it was', async () => {
    const sidebar = renderSidebar();
    await sidebar.config([mainConnection]);
    await sidebar.identity(janeIdentity);
    const before = document.body.innerHTML;
    const sent = sidebar.port().sent.length;
    const state = sidebar.store.getState();
    const watch = watchInsertions();

    warmUpRendering(sidebar.store);

    // The box was filled (profile and rows) and removed in the same task.
    expect(watch.seen()).toEqual({ profiles: 1, orderRows: 10 });
    expect(document.body.innerHTML).toBe(before);
    expect(sidebar.port().sent.length).toBe(sent);
    expect(sidebar.store.getState()).toBe(state);
  });

  it('does nothing once a customer is on screen', async () => {
    const sidebar = renderSidebar();
    await sidebar.config([mainConnection]);
    await sidebar.identity(janeIdentity);
    await sidebar.update([linkedStore()]);
    expect(screen.getByRole('heading', { name: 'Jane Cooper' })).toBeTruthy();
    const watch = watchInsertions();
    warmUpRendering(sidebar.store);
    expect(watch.seen()).toEqual({ profiles: 0, orderRows: 0 });
  });
});
