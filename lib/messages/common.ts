import { z } from 'zod';

/**
 * What every reply carries when something went wrong: a kind the UI can branch on and a
 * sentence a person understands. Never a credential, never a raw response body.
 */
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

export const ErrorInfoSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  scope: z.string().optional(),
  field: z.string().optional(),
  status: z.number().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** Every request a page sends the background has an id; the reply echoes it. */
export const RequestIdSchema = z.string().min(1).max(64);

export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('reply'), requestId: RequestIdSchema, ok: z.literal(true), data: z.unknown() }),
  z.object({ type: z.literal('reply'), requestId: RequestIdSchema, ok: z.literal(false), error: ErrorInfoSchema }),
]);
export type Reply = z.infer<typeof ReplySchema>;
