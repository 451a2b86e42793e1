import * as z from 'zod/mini';
import { matches } from './common.js';
import { ContextAccount, ContextUser } from './people.js';

/**
 * Proof that the host vouches for a user: either `userHash` = hex HMAC-SHA256(user id, workspace
 * secret) or `jwt`, signed by the host's backend. Anonymous visitors send neither.
 */
export const Verification = z.object({
  userHash: z.optional(z.string().check(matches(/^[0-9a-f]{64}$/i, '64 hex digits (HMAC-SHA256)'))),
  jwt: z.optional(z.string().check(z.minLength(10))),
});
export type Verification = z.infer<typeof Verification>;

export const Identity = z.object({
  /** Anonymous id made on first interaction and kept until logout. */
  visitorId: z.string().check(z.minLength(8), z.maxLength(200)),
  user: z.optional(ContextUser),
  account: z.optional(ContextAccount),
  verification: z.optional(Verification),
  /** A BCP 47 language tag. */
  locale: z.optional(z.string().check(z.maxLength(35))),
});
export type Identity = z.infer<typeof Identity>;

export const Session = z.object({
  visitorId: z.string(),
  verified: z.boolean(),
  /** Backend-issued bearer token for later calls; adapters keep it, it never reaches storage unredacted. */
  token: z.optional(z.string()),
  expiresAt: z.optional(z.string()),
});
export type Session = z.infer<typeof Session>;
