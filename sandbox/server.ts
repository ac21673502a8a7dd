/**
 * Starts both sandboxes on 127.0.0.1: the BigCommerce stand-in (with /__sandbox control routes)
 * and the Gladly look-alike on its own port. Port 0 = a free port.
 *
 * With `tls: true` the BigCommerce stand-in speaks HTTP/2 over TLS (HTTP/1.1 still accepted), as
 * api.bigcommerce.com does, with a self-signed certificate for 127.0.0.1 and localhost made at
 * start-up and kept only in memory. The Gladly look-alike always stays plain HTTP.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo, Socket } from 'node:net';
import type { Server } from 'node:http';
import { createSecureServer, type Http2SecureServer, type ServerHttp2Session } from 'node:http2';
import type { Hono } from 'hono';
import { createBigCommerceSandbox } from './bigcommerce/app';
import type { SandboxControl, SandboxStoreInfo } from './bigcommerce/types';
import { createGladlyApp } from './gladly/app';
import { GLADLY_API_USER } from './personas';
import { makeSandboxCertificate, type SandboxCertificate } from './tls';

export type { FaultSpec, RequestLogEntry, SandboxControl, SandboxStoreInfo } from './bigcommerce/types';

export interface SandboxOptions {
  port?: number;
  gladlyPort?: number;
  latencyMs?: number;
  jitterMs?: number;
  quota?: number;
  windowMs?: number;
  /** Serve the BigCommerce stand-in over HTTPS with HTTP/2 (default false: plain HTTP/1.1). */
  tls?: boolean;
}

export interface SandboxInfo {
  bigcommerce: {
    baseUrl: string;
    stores: SandboxStoreInfo[];
    /** With tls only: the self-signed certificate (PEM), to trust in Node (`ca`). */
    certPem?: string;
    /** With tls only: base64 SHA-256 of the certificate's SubjectPublicKeyInfo (Chromium's `--ignore-certificate-errors-spki-list`). */
    spki?: string;
  };
  gladly: { baseUrl: string; apiUser: { email: string; token: string } };
  controlUrl: string;
}

export interface SandboxHandle {
  info: SandboxInfo;
  control: SandboxControl;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function listen(
  app: Hono,
  port: number,
  certificate?: SandboxCertificate,
): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const onListening = (info: AddressInfo) => resolve({ server, port: info.port });
    const server = certificate
      ? serve(
          {
            fetch: app.fetch,
            port,
            hostname: HOST,
            createServer: createSecureServer,
            serverOptions: { key: certificate.keyPem, cert: certificate.certPem, allowHTTP1: true },
          },
          onListening,
        )
      : serve({ fetch: app.fetch, port, hostname: HOST }, onListening);
    if (certificate) trackConnections(server as Http2SecureServer);
    server.once('error', reject);
  });
}

/** What an HTTP/2 server has open: raw sockets (TLS or not yet, h2 or HTTP/1.1) and h2 sessions. */
const openConnections = new WeakMap<Http2SecureServer, { sockets: Set<Socket>; sessions: Set<ServerHttp2Session> }>();

function trackConnections(server: Http2SecureServer): void {
  const open = { sockets: new Set<Socket>(), sessions: new Set<ServerHttp2Session>() };
  openConnections.set(server, open);
  server.on('connection', (socket: Socket) => {
    open.sockets.add(socket);
    socket.once('close', () => open.sockets.delete(socket));
  });
  server.on('session', (session: ServerHttp2Session) => {
    open.sessions.add(session);
    session.once('close', () => open.sessions.delete(session));
  });
}

/** Closes a server, cutting open connections (a hung request must not keep it alive). */
function shut(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    const http = server as Server;
    if (typeof http.closeAllConnections === 'function') http.closeAllConnections();
    // An HTTP/2 server has no closeAllConnections: destroy its sessions and sockets ourselves.
    const open = openConnections.get(server as Http2SecureServer);
    if (open) {
      for (const session of open.sessions) session.destroy();
      for (const socket of open.sockets) socket.destroy();
    }
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const { app, control, stores, tuning } = createBigCommerceSandbox({
    latencyMs: options.latencyMs,
    jitterMs: options.jitterMs,
    quota: options.quota,
    windowMs: options.windowMs,
  });
  const certificate = options.tls ? await makeSandboxCertificate() : undefined;
  const gladlyApp = createGladlyApp({
    apiUser: GLADLY_API_USER,
    onApiRequest: (entry) => control.logGladly(entry),
    // Gladly's REST API is as far away as BigCommerce's: the same injected latency.
    latencyMs: () => tuning().latencyMs,
  });
  const bigcommerce = await listen(app, options.port ?? 4010, certificate);
  let gladly: { server: ServerType; port: number };
  try {
    gladly = await listen(gladlyApp, options.gladlyPort ?? 4011);
  } catch (error) {
    await shut(bigcommerce.server);
    throw error;
  }
  const baseUrl = `${certificate ? 'https' : 'http'}://${HOST}:${bigcommerce.port}`;
  const info: SandboxInfo = {
    bigcommerce: { baseUrl, stores, ...(certificate ? { certPem: certificate.certPem, spki: certificate.spki } : {}) },
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
