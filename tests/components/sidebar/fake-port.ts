import type { PortLike } from '../../../lib/sidebar/port';

/** A runtime.Port stand-in: records what the sidebar sent, delivers what the background would. */
export class FakePort implements PortLike {
  sent: unknown[] = [];
  disconnected = false;
  private messageListeners: ((message: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (cb: (message: unknown) => void) => void this.messageListeners.push(cb) };
  onDisconnect = { addListener: (cb: () => void) => void this.disconnectListeners.push(cb) };

  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(structuredClone(message));
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** The background sends a message. */
  deliver(message: unknown): void {
    for (const cb of this.messageListeners) cb(structuredClone(message));
  }
  /** The service worker stopped. */
  drop(): void {
    this.disconnected = true;
    for (const cb of this.disconnectListeners) cb();
  }
  /** Messages of one type the sidebar sent. */
  sentOf<T = Record<string, unknown>>(type: string): T[] {
    return this.sent.filter((m) => (m as { type?: string }).type === type) as T[];
  }
}

/** Opens fake ports on demand (one per connect, like runtime.connect). */
export function fakeConnector() {
  const ports: FakePort[] = [];
  return {
    ports,
    open: (): FakePort => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    get last(): FakePort {
      return ports[ports.length - 1]!;
    },
  };
}
