import { describe, expect, it, vi } from 'vitest';
import { createSidebarClient, RequestError } from '../../../lib/sidebar/port';
import { fakeConnector } from './fake-port';
import { janeIdentity } from './fixtures';

const identityQuery = { kind: 'identity' as const, identity: janeIdentity };
const linkJane = { type: 'link' as const, identity: janeIdentity, connectionId: 'main', customerId: '11' };

function setup(delays: number[] = [0]) {
  const connector = fakeConnector();
  const timers: (() => void)[] = [];
  const client = createSidebarClient(connector.open, {
    reconnectDelays: delays,
    setTimer: (cb) => void timers.push(cb),
  });
  const runTimers = () => {
    while (timers.length) timers.shift()!();
  };
  return { connector, client, runTimers };
}

describe('sidebar port client', () => {
  it('resolves a request with the reply data and adds a requestId', async () => {
    const { connector, client } = setup();
    const answer = client.request({ ...linkJane, customerId: '112' });
    const sent = connector.last.sentOf<{ requestId: string; customerId: string }>('link')[0]!;
    expect(sent.customerId).toBe('112');
    expect(sent.requestId).toMatch(/\S/);
    connector.last.deliver({ type: 'reply', requestId: sent.requestId, ok: true, data: { customerId: '112' } });
    await expect(answer).resolves.toEqual({ customerId: '112' });
  });

  it('rejects a failed request with an Error carrying the ErrorInfo', async () => {
    const { connector, client } = setup();
    const answer = client.request({ ...linkJane, requestId: 'r-1' });
    connector.last.deliver({
      type: 'reply',
      requestId: 'r-1',
      ok: false,
      error: { kind: 'scope', message: 'The store API account cannot read customers.' },
    });
    const error = await answer.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).info).toEqual({
      kind: 'scope',
      message: 'The store API account cannot read customers.',
    });
    expect((error as Error).message).toBe('The store API account cannot read customers.');
  });

  it('ignores malformed messages and updates for other lookups', () => {
    const { connector, client } = setup();
    const onUpdate = vi.fn();
    const sub = client.lookup(identityQuery, {}, { onUpdate });
    const pushes = vi.fn();
    client.onPush(pushes);
    connector.last.deliver({ type: 'lookup/update', requestId: sub.requestId, stores: 'nope', done: true });
    connector.last.deliver({ type: 'lookup/update', requestId: 'someone-else', stores: [], done: true });
    connector.last.deliver({ type: 'identity', identity: { emails: 'x' } });
    connector.last.deliver({ type: 'reply', requestId: 'x' });
    connector.last.deliver('hello');
    connector.last.deliver(null);
    expect(onUpdate).not.toHaveBeenCalled();
    expect(pushes).not.toHaveBeenCalled();
    connector.last.deliver({ type: 'lookup/update', requestId: sub.requestId, stores: [], done: true });
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });

  it('reconnects when the port drops and sends the current lookup again', () => {
    const { connector, client, runTimers } = setup([0]);
    const states: string[] = [];
    client.onConnectionChange((s) => states.push(s));
    client.lookup(identityQuery, { refresh: false }, { onUpdate: () => undefined });
    const second = client.lookup(identityQuery, { refresh: true }, { onUpdate: () => undefined });
    connector.last.drop();
    runTimers();
    expect(connector.ports).toHaveLength(2);
    const resent = connector.last.sentOf<{ requestId: string; refresh?: boolean }>('lookup');
    expect(resent).toHaveLength(1);
    expect(resent[0]!.requestId).toBe(second.requestId);
    expect(states).toEqual(['reconnecting', 'connected']);
  });

  it('rejects requests in flight when the port drops, and sends requests made while down once back', async () => {
    const { connector, client, runTimers } = setup([0]);
    const inFlight = client.request({ type: 'actions/status', connectionId: 'main', orderId: '112', requestId: 'r-9' });
    connector.last.drop();
    await expect(inFlight).rejects.toMatchObject({
      info: { kind: 'timeout', message: expect.stringMatching(/dropped before it answered/) },
    });
    void client.request({ type: 'open-options', requestId: 'r-10' });
    runTimers();
    expect(connector.last.sentOf('open-options')).toEqual([{ type: 'open-options', requestId: 'r-10' }]);
  });

  it('a request the port throws on is reported as not sent, and is never sent after the reconnect', async () => {
    const { connector, client, runTimers } = setup([0]);
    const first = connector.last;
    // The port has closed, but its onDisconnect has not fired yet: posting throws.
    first.disconnected = true;
    const refund = client.request({
      type: 'actions/refund',
      requestId: 'r-11',
      actionId: 'a-1',
      connectionId: 'c-1',
      orderId: '100',
      selection: { lines: [], shipping: [], customAmount: '1.00' },
      payments: [{ providerId: 'p', providerDescription: 'Card', amount: '1.00', offline: false }],
      expectedTotal: '1.00',
    });
    await expect(refund).rejects.toMatchObject({
      info: { kind: 'unavailable', message: expect.stringMatching(/Nothing was sent/) },
    });
    first.drop();
    runTimers();
    expect(connector.ports).toHaveLength(2);
    for (const port of connector.ports) expect(port.sentOf('actions/refund')).toEqual([]);
    // The reconnected port carries what is asked next, as before.
    void client.request({ type: 'open-options', requestId: 'r-12' });
    expect(connector.last.sentOf('open-options')).toEqual([{ type: 'open-options', requestId: 'r-12' }]);
  });

  it('does not reconnect forever to a port that drops before saying anything', () => {
    const { connector, client, runTimers } = setup([0, 0, 0]);
    const states: string[] = [];
    client.onConnectionChange((s) => states.push(s));
    for (let i = 0; i < 10 && states[states.length - 1] !== 'gone'; i++) {
      connector.last.drop();
      runTimers();
    }
    expect(connector.ports).toHaveLength(4);
    expect(states[states.length - 1]).toBe('gone');
  });

  it('gives up after the last reconnect attempt and says so', async () => {
    const { connector, client, runTimers } = setup([0]);
    let opens = 0;
    const failing = createSidebarClient(
      () => {
        opens += 1;
        if (opens > 1) throw new Error('Extension context invalidated.');
        return connector.open();
      },
      { reconnectDelays: [0], setTimer: (cb) => cb() },
    );
    const states: string[] = [];
    failing.onConnectionChange((s) => states.push(s));
    connector.last.drop();
    expect(states[states.length - 1]).toBe('gone');
    await expect(failing.request(linkJane)).rejects.toBeInstanceOf(RequestError);
    client.close();
    runTimers();
  });
});
