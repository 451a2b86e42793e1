import * as z from 'zod/mini';

// Apart from the ticket schemas so that boot-time code (command arguments) can name a severity
// without loading every ticket schema.
export const Severity = z.enum(['P0', 'P1', 'P2', 'P3']);
export type Severity = z.infer<typeof Severity>;

/** Default first-response targets in minutes (SUPPORT-MODEL.md); backends may override per workspace. */
export const DEFAULT_FIRST_RESPONSE_MINUTES: Readonly<Record<Severity, number>> = {
  P0: 15,
  P1: 60,
  P2: 240,
  P3: 1440,
};

export const Category = z.enum(['outage', 'billing_access', 'how_to', 'bug', 'feature_request']);
export type Category = z.infer<typeof Category>;
