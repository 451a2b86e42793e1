import * as z from 'zod/mini';
import { matches } from './common.js';

/** One address, as loose as mail servers are: something, an @, a domain with a dot, no spaces. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * How a visitor the host has not named says they can be reached. The visitor typed it: nobody checked
 * that the address is theirs, so backends keep it apart from the email a host vouches for and never use
 * it to link visitors or to show anyone's history.
 */
export const Contact = z.object({
  email: z
    .string()
    .check(z.trim(), z.maxLength(254), matches(EMAIL_PATTERN, 'an email address such as ada@example.com')),
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});
export type Contact = z.infer<typeof Contact>;
