import * as z from 'zod/mini';
import { Id, pair, Timestamp } from './common.js';

/** A search result or suggestion. `highlights` are [start, end) offsets into `snippet`, never HTML. */
export const ArticleHit = z.object({
  id: Id,
  title: z.string().check(z.minLength(1)),
  snippet: z.string(),
  highlights: z._default(z.array(pair(z.number())), []),
  category: z.optional(z.string()),
  url: z.optional(z.string()),
  score: z.optional(z.number()),
});
export type ArticleHit = z.infer<typeof ArticleHit>;

/** A full article. `html` is untrusted: the widget sanitizes it before it reaches the DOM. */
export const Article = z.object({
  id: Id,
  title: z.string().check(z.minLength(1)),
  html: z.string(),
  summary: z._default(z.string(), ''),
  category: z.optional(z.string()),
  url: z.optional(z.string()),
  updatedAt: z.optional(Timestamp),
  related: z._default(z.array(ArticleHit), []),
});
export type Article = z.infer<typeof Article>;

export const ArticleHits = z.array(ArticleHit);
