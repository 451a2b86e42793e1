import * as z from 'zod/mini';
import { CustomFields, Id } from './common.js';

// Who asks, as the host describes them: checked at boot (options, identify, update), so kept apart
// from the snapshot schema, which only the outbox and the adapters need. Bounded, since every message
// the visitor sends carries their name and the server indexes their ids.
const Text = (max: number) => z.string().check(z.maxLength(max));

export const ContextUser = z.object({
  id: z.optional(Id),
  name: z.optional(Text(200)),
  email: z.optional(Text(320)),
  plan: z.optional(Text(100)),
  createdAt: z.optional(Text(40)),
  custom: z.optional(CustomFields),
});
export type ContextUser = z.infer<typeof ContextUser>;

export const ContextAccount = z.object({
  id: z.optional(Id),
  name: z.optional(Text(200)),
  plan: z.optional(Text(100)),
  seats: z.optional(z.number()),
  custom: z.optional(CustomFields),
});
export type ContextAccount = z.infer<typeof ContextAccount>;
