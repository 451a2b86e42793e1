import type { AnalyticsEvent } from '@helpline/core';
import type { Queryable } from '../db/database.js';

/** Stores one self-service event; the agent analytics are computed from these rows. */
export async function recordAnalytics(
  db: Queryable,
  workspaceId: string,
  visitorPk: string | null,
  event: AnalyticsEvent,
): Promise<void> {
  await db.query(
    `insert into analytics_events (workspace_id, visitor_pk, type, article_id, answer_id, query, path, data)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [
      workspaceId,
      visitorPk,
      event.type,
      event.articleId ?? null,
      event.answerId ?? null,
      event.query ?? null,
      event.path ?? null,
      event.data ?? null,
    ],
  );
}
