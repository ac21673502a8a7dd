/**
 * Starts both sandboxes on 127.0.0.1: the BigCommerce stand-in (with /__sandbox control routes)
 * and the Gladly look-alike on its own port. Port 0 = a free port.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Hono } from 'hono';
import { createBigCommerceSandbox } from './bigcommerce/app';
import type { SandboxControl, SandboxStoreInfo } from './bigcommerce/types';
import { createGladlyApp } from './gladly/app';
import { GLADLY_API_USER } from './personas';

export type { FaultSpec, RequestLogEntry, SandboxControl, SandboxStoreInfo } from './bigcommerce/types';

export interface SandboxOptions {
  port?: number;
  gladlyPort?: number;
  latencyMs?: number;
  jitterMs?: number;
  quota?: number;
  windowMs?: number;
}

export interface SandboxInfo {
  bigcommerce: { baseUrl: string; stores: SandboxStoreInfo[] };
  gladly: { baseUrl: string; apiUser: { email: string; token: string } };
  controlUrl: string;
}

export interface SandboxHandle {
  info: SandboxInfo;
  control: SandboxControl;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function listen(app: Hono, port: number): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: HOST }, (info: AddressInfo) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
}

/** Closes a server, cutting open connections (a hung request must not keep it alive). */
function shut(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    const http = server as Server;
    if (typeof http.closeAllConnections === 'function') http.closeAllConnections();
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const { app, control, stores } = createBigCommerceSandbox({
    latencyMs: options.latencyMs,
    jitterMs: options.jitterMs,
    quota: options.quota,
    windowMs: options.windowMs,
  });
  const gladlyApp = createGladlyApp({
    apiUser: GLADLY_API_USER,
    onApiRequest: (entry) => control.logGladly(entry),
  });
  const bigcommerce = await listen(app, options.port ?? 4010);
  let gladly: { server: ServerType; port: number };
  try {
    gladly = await listen(gladlyApp, options.gladlyPort ?? 4011);
  } catch (error) {
    await shut(bigcommerce.server);
    throw error;
  }
  const baseUrl = `http://${HOST}:${bigcommerce.port}`;
  const info: SandboxInfo = {
    bigcommerce: { baseUrl, stores },
    gladly: { baseUrl: `http://${HOST}:${gladly.port}`, apiUser: { ...GLADLY_API_USER } },
    controlUrl: `${baseUrl}/__sandbox`,
  };
  let closing: Promise<void> | undefined;
  return {
    info,
    control,
    close() {
      closing ??= Promise.all([shut(bigcommerce.server), shut(gladly.server)]).then(() => undefined);
      return closing;
    },
  };
}
