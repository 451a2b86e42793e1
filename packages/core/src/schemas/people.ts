import * as z from 'zod/mini';
import { CustomFields } from './common.js';

// Who asks, as the host describes them: checked at boot (options, identify, update), so kept apart
// from the snapshot schema, which only the outbox and the adapters need.
export const ContextUser = z.object({
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  plan: z.optional(z.string()),
  createdAt: z.optional(z.string()),
  custom: z.optional(CustomFields),
});
export type ContextUser = z.infer<typeof ContextUser>;

export const ContextAccount = z.object({
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  plan: z.optional(z.string()),
  seats: z.optional(z.number()),
  custom: z.optional(CustomFields),
});
export type ContextAccount = z.infer<typeof ContextAccount>;
