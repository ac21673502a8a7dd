/**
 * The kinds of error a reply can carry (./common.ts's ErrorInfoSchema). Without zod, so the
 * sidebar's hand checks and the action dialogs can name them without bundling it.
 */
import type { ErrorInfo } from './common';

export type { ErrorInfo };

export const ERROR_KINDS = [
  'auth', // 401: the access token was refused
  'scope', // 403: the token lacks a scope (named in `scope` when known)
  'not-found',
  'validation', // 422: BigCommerce refused the request; its own message
  'rate-limited',
  'unavailable', // 5xx
  'timeout',
  'offline',
  'malformed', // the response did not have the shape we rely on
  'config', // a setting is missing or invalid
  'busy', // another action is in flight for this order
  'forbidden-sender',
  'bad-message',
  'unknown',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];
