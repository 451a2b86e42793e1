import * as z from 'zod/mini';
import { atLeast, Id, whole } from './common.js';

export const Attachment = z.object({
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  type: z.string().check(z.minLength(1), z.maxLength(127)),
  size: z.number().check(whole(), atLeast(0)),
  url: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;
