import * as z from 'zod/mini';
import { CustomFields, MAX_SEARCH_QUERY_LENGTH } from './common.js';

/** Event types that open or continue a self-service session (help used before, or instead of, asking). */
export const SELF_SERVICE_EVENTS = [
  'help_opened',
  'search',
  'article_viewed',
  'suggestion_clicked',
  'answer_shown',
  'answer_solved',
  'answer_escalated',
] as const;

/** Self-service events a backend counts for deflection and helpfulness analytics. */
export const AnalyticsEvent = z.object({
  type: z.enum([...SELF_SERVICE_EVENTS, 'conversation_started', 'ticket_created']),
  articleId: z.optional(z.string()),
  answerId: z.optional(z.string()),
  query: z.optional(z.string().check(z.maxLength(MAX_SEARCH_QUERY_LENGTH))),
  path: z.optional(z.string()),
  data: z.optional(CustomFields),
});
export type AnalyticsEvent = z.infer<typeof AnalyticsEvent>;
