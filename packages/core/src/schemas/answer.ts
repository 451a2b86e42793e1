import * as z from 'zod/mini';
import { between, Id } from './common.js';

/**
 * The shortest and longest question instant answers take, in characters once trimmed: `kb.answer`
 * and POST /v1/answers alike (both trim, then check), so a question the client accepts is never
 * refused by the server.
 */
export const MIN_QUESTION_LENGTH = 2;
export const MAX_QUESTION_LENGTH = 500;

/** One section of an article that answers a question, with the backend's confidence in [0, 1]. */
export const Passage = z.object({
  articleId: Id,
  articleTitle: z.string(),
  heading: z.optional(z.string()),
  text: z.string(),
  confidence: z.number().check(between(0, 1)),
  url: z.optional(z.string()),
});
export type Passage = z.infer<typeof Passage>;

export const Answer = z.object({
  /** Opaque id the backend uses to attribute "solved" / "still need help" to this answer. */
  answerId: z.optional(z.string()),
  passages: z.array(Passage),
});
export type Answer = z.infer<typeof Answer>;
