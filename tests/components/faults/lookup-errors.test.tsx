/**
 * Fault matrix, what the agent sees: each lookup of the read matrix that ends in an error or a
 * notice, produced by the real client and lookup against the in-process sandbox, rendered by the
 * sidebar. The message is on screen in plain words with a Retry button; the other store's data
 * is still there; no store is ever blank. ('hang' and 'drop' need a real socket: their messages
 * are checked in tests/unit/faults; here the in-process faults.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import type { StoreLookup } from '../../../lib/messages/lookup';
import { FAULTS } from '../../unit/faults/faults';
import { FAULTY, expectPlainInfo, inProcess, loadProduct, tokensOf, type Transport } from '../../unit/faults/harness';
import { READ_ROWS, runRow } from '../../unit/faults/lookups';
import { renderSidebar } from '../sidebar/render';
import { europeConnection, janeIdentity, mainConnection } from '../sidebar/fixtures';

let sandbox: Transport;
beforeAll(() => {
  sandbox = inProcess();
});

const IN_PROCESS = FAULTS.filter((f) => !f.socket);

/** The region of one store, by its name as the sidebar shows it. */
const region = (name: string) => screen.getByRole('region', { name });

function show(stores: StoreLookup[]) {
  const ui = renderSidebar();
  ui.config([mainConnection, europeConnection]);
  ui.identity(janeIdentity);
  ui.update(stores);
  return ui;
}

describe.each(READ_ROWS)('the sidebar when $endpoint fails', (row) => {
  it.each(IN_PROCESS)('$name', async (fault) => {
    sandbox.control.reset();
    sandbox.control.clearLog();
    sandbox.control.addFault({ store: FAULTY, method: 'GET', path: row.path, ...fault.spec });
    const run = await runRow(await loadProduct(), sandbox, row);
    const [main, europe] = run.stores;
    const ui = show(run.stores);

    if (run.stores.every((s) => s.status === 'not-found')) {
      // e.g. a 404 for an order number: nobody has it, and the search form is offered.
      expect(screen.getByText('No customer or orders found in any store.')).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
      return;
    }
    const faulty = region(main!.storeName);
    const healthy = region(europe!.storeName);
    // Never blank: the store says something beyond its name.
    expect((faulty.textContent ?? '').replace(main!.storeName, '').trim().length).toBeGreaterThan(0);

    if (main!.error) {
      expect(expectPlainInfo(main!.error, tokensOf(sandbox))).toEqual([]);
      expect(faulty.textContent).toContain(main!.error.message);
      const retry = within(faulty).getByRole('button', { name: 'Retry' });
      const before = ui.port().sentOf('lookup').length;
      fireEvent.click(retry);
      expect(ui.port().sentOf<{ refresh?: boolean }>('lookup').slice(before)).toEqual([
        expect.objectContaining({ refresh: true }),
      ]);
    }
    if (main!.status === 'error') {
      expect(within(faulty).getByRole('alert').textContent).toContain(main!.error!.message);
    }
    // A store that kept its data still shows every order.
    for (const order of main!.orders ?? []) expect(faulty.textContent).toContain(`#${order.orderNumber}`);
    // The healthy store keeps its own view: no alert, its orders (or its answer) on screen.
    expect(within(healthy).queryByRole('alert')).toBeNull();
    for (const order of europe!.orders ?? []) expect(healthy.textContent).toContain(`#${order.orderNumber}`);
  });
});
