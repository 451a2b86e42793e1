import { Category, Severity } from '@helpline/core';
import * as z from 'zod/mini';

/** The ticket form's persisted draft; whatever storage returns is checked, bad parts dropped. */
export const TicketDraft = z.object({
  subject: z.catch(z.string(), ''),
  description: z.catch(z.string(), ''),
  severity: z.catch(Severity, 'P2'),
  category: z.catch(Category, 'how_to'),
  fields: z.catch(z.record(z.string(), z.union([z.string(), z.boolean()])), {}),
  includeContext: z.optional(z.catch(z.boolean(), true)),
});
export type TicketDraft = z.infer<typeof TicketDraft>;

export function readDraft(raw: Record<string, unknown>): TicketDraft {
  const parsed = TicketDraft.safeParse(raw);
  return parsed.success
    ? parsed.data
    : { subject: '', description: '', severity: 'P2', category: 'how_to', fields: {} };
}
