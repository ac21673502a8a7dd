/**
 * The faults every endpoint is put through, with what the client must make of each: the typed
 * error kind a GET ends with, whether a GET may be retried, and whether it needs a real socket.
 */
import type { FaultSpec } from '../../../sandbox/bigcommerce/types';
import type { BigCommerceErrorKind } from '../../../lib/bigcommerce/errors';

export interface Fault {
  name: string;
  spec: Omit<FaultSpec, 'path' | 'method' | 'store'>;
  /** The error kind a GET ends with (a 204 depends on the endpoint: see `emptyIsValid`). */
  kind: BigCommerceErrorKind;
  /** A GET may be sent again (up to the client's 3 tries). Writes never are. */
  retryable: boolean;
  /** 'hang' and 'drop' need a real socket. */
  socket: boolean;
  /** A fault that answers 2xx: a write may have happened, and a write that ignores the body succeeds. */
  success2xx?: 'malformed' | 'wrong-shape' | 'empty';
  /** A 5xx that may come after a write was made (a gateway error, a crash): the write's outcome is unknown. */
  outcomeUnknownForWrites?: boolean;
}

// The sandbox puts its own x-rate-limit-* headers on every answer; blank values read as absent.
const NO_RATE_HEADERS = {
  'x-rate-limit-requests-left': '',
  'x-rate-limit-requests-quota': '',
  'x-rate-limit-time-reset-ms': '',
  'x-rate-limit-time-window-ms': '',
};

export const FAULTS: Fault[] = [
  { name: '401', spec: { kind: 'status', status: 401 }, kind: 'auth', retryable: false, socket: false },
  { name: '403', spec: { kind: 'status', status: 403 }, kind: 'scope', retryable: false, socket: false },
  { name: '404', spec: { kind: 'status', status: 404 }, kind: 'not-found', retryable: false, socket: false },
  { name: '422', spec: { kind: 'status', status: 422 }, kind: 'validation', retryable: false, socket: false },
  {
    name: '429 with rate-limit headers',
    spec: {
      kind: 'status',
      status: 429,
      headers: {
        'x-rate-limit-requests-left': '0',
        'x-rate-limit-requests-quota': '150',
        'x-rate-limit-time-reset-ms': '1500',
        'x-retry-after': '2',
      },
    },
    kind: 'rate-limited',
    retryable: true,
    socket: false,
  },
  {
    name: '429 without rate-limit headers',
    spec: { kind: 'status', status: 429, headers: NO_RATE_HEADERS },
    kind: 'rate-limited',
    retryable: true,
    socket: false,
  },
  {
    name: '500',
    spec: { kind: 'status', status: 500 },
    kind: 'unavailable',
    retryable: false,
    socket: false,
    outcomeUnknownForWrites: true,
  },
  {
    name: '502',
    spec: { kind: 'status', status: 502 },
    kind: 'unavailable',
    retryable: true,
    socket: false,
    outcomeUnknownForWrites: true,
  },
  {
    name: '503',
    spec: { kind: 'status', status: 503 },
    kind: 'unavailable',
    retryable: true,
    socket: false,
    outcomeUnknownForWrites: true,
  },
  {
    name: '503 with Retry-After',
    spec: { kind: 'status', status: 503, headers: { 'retry-after': '1' } },
    kind: 'unavailable',
    retryable: true,
    socket: false,
  },
  {
    name: '504',
    spec: { kind: 'status', status: 504 },
    kind: 'unavailable',
    retryable: true,
    socket: false,
    outcomeUnknownForWrites: true,
  },
  { name: 'timeout', spec: { kind: 'hang' }, kind: 'timeout', retryable: false, socket: true },
  { name: 'dropped connection', spec: { kind: 'drop' }, kind: 'offline', retryable: true, socket: true },
  {
    name: 'malformed JSON',
    spec: { kind: 'malformed-json' },
    kind: 'malformed',
    retryable: false,
    socket: false,
    success2xx: 'malformed',
  },
  {
    name: 'JSON of the wrong shape',
    spec: { kind: 'wrong-shape' },
    kind: 'malformed',
    retryable: false,
    socket: false,
    success2xx: 'wrong-shape',
  },
  {
    name: '204 where a body was expected',
    spec: { kind: 'empty-204' },
    kind: 'malformed',
    retryable: false,
    socket: false,
    success2xx: 'empty',
  },
];

/** Most requests one GET may make under a fault. */
export const maxTries = (fault: Fault) => (fault.retryable ? 3 : 1);
