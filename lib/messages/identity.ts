import { z } from 'zod';

/** The customer identity read from Gladly (the panel, optionally confirmed by Gladly's API). */
export const IdentitySchema = z.object({
  gladlyCustomerId: z.string().max(100).optional(),
  name: z.string().max(300).optional(),
  emails: z.array(z.object({ value: z.string().max(320), source: z.enum(['panel', 'api']) })).max(50),
  phones: z
    .array(
      z.object({ value: z.string().max(60), type: z.string().max(40).optional(), source: z.enum(['panel', 'api']) }),
    )
    .max(50),
});
export type Identity = z.infer<typeof IdentitySchema>;

export { identityKey } from './keys';

/** Content script → background: the agent is now looking at this customer (null: nobody yet). */
export const IdentityChangedSchema = z.object({
  type: z.literal('identity/changed'),
  url: z.string().max(2000),
  customerId: z.string().max(100).optional(),
  identity: IdentitySchema.nullable(),
  /** The signed-in agent's email from Gladly's top bar: only ever used for the audit log. */
  agent: z.string().max(320).optional(),
  /**
   * A freshly rendered panel, not yet trusted: shown at once, but the lookup's writes wait for the
   * same identity without this flag (and are dropped if another one comes).
   */
  provisional: z.literal(true).optional(),
});
export type IdentityChanged = z.infer<typeof IdentityChangedSchema>;

/**
 * Content script → background: a new customer's panel seen for the first time, not yet trusted
 * (still settling). Only used to start the lookup early; the sidebar never sees it.
 */
export const IdentityCandidateSchema = z.object({
  type: z.literal('identity/candidate'),
  customerId: z.string().max(100),
  identity: IdentitySchema,
});
export type IdentityCandidate = z.infer<typeof IdentityCandidateSchema>;
