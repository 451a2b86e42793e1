import * as z from 'zod/mini';

/** What a write with no payload answers; parsing it lets a malformed reply fail like any other. */
export const Ack = z.object({ ok: z.literal(true) });
export const ack = () => ({ ok: true }) as const;
