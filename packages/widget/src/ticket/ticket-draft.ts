import { Category, Severity } from '@helpline/core';
import * as z from 'zod/mini';

/** The ticket form's persisted draft. */
export const TicketDraft = z.object({
  subject: z.string(),
  description: z.string(),
  severity: Severity,
  category: Category,
  fields: z.catchall(z.object({}), z.union([z.string(), z.boolean()])),
  includeContext: z.optional(z.boolean()),
  /** Where replies go, for a visitor the host has not named (the form's Email field). */
  email: z.optional(z.string()),
});
export type TicketDraft = z.infer<typeof TicketDraft>;

const EMPTY: TicketDraft = { subject: '', description: '', severity: 'P2', category: 'how_to', fields: {} };

/** Whatever storage returns is checked part by part: a bad part is dropped, the rest of the draft kept. */
export function readDraft(raw: Record<string, unknown>): TicketDraft {
  const draft: Record<string, unknown> = { ...EMPTY };
  for (const [key, schema] of Object.entries(TicketDraft.shape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) draft[key] = parsed.data;
  }
  return TicketDraft.parse(draft);
}
