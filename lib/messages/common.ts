import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import { ERROR_KINDS } from './error-kinds';

export { ERROR_KINDS, type ErrorKind } from './error-kinds';

/**
 * What every reply carries when something went wrong: a kind the UI can branch on and a
 * sentence a person understands. Never a credential, never a raw response body.
 */
export const ErrorInfoSchema = lazySchema(() =>
  z.object({
    kind: z.enum(ERROR_KINDS),
    message: z.string(),
    scope: z.string().optional(),
    field: z.string().optional(),
    status: z.number().optional(),
  }),
);
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** Every request a page sends the background has an id; the reply echoes it. */
export const RequestIdSchema = lazySchema(() => z.string().min(1).max(64));

export const ReplySchema = lazySchema(() =>
  z.discriminatedUnion('ok', [
    z.object({ type: z.literal('reply'), requestId: RequestIdSchema, ok: z.literal(true), data: z.unknown() }),
    z.object({ type: z.literal('reply'), requestId: RequestIdSchema, ok: z.literal(false), error: ErrorInfoSchema }),
  ]),
);
export type Reply = z.infer<typeof ReplySchema>;
