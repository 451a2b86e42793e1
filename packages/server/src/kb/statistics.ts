import type { Queryable } from '../db/database.js';

/** Writes (created, edited or deleted articles) that make statistics worth gathering again: at least this many… */
const MIN_WRITES = 20;
/** …and at least this share of the articles there were when they were last gathered. */
const SHARE_OF_ARTICLES = 0.1;

export interface ArticleStatistics {
  /** Gathers them now (every start: after the knowledge-base import, whatever the inbox added since). */
  refresh(): Promise<void>;
  /** Counts one article write; gathers them again in the background once enough have changed. */
  changed(): void;
  /** Resolves when a background refresh (if any) has ended. */
  settled(): Promise<void>;
}

/**
 * Keeps the planner's statistics on articles current. Without them it takes `workspace_id = $1` for a
 * selective filter and has search test every article of the workspace instead of asking the GIN
 * index (p95 ~100 ms instead of ~20 on 10,000 articles). PGlite has no autovacuum, so the server
 * gathers them at start and again as agents write articles (well under a second for 10,000).
 */
export function createArticleStatistics(db: Queryable, onError: (error: unknown) => void): ArticleStatistics {
  let articles = 0;
  let writes = 0;
  let running: Promise<void> | undefined;

  async function refresh(): Promise<void> {
    writes = 0;
    await db.query('analyze articles');
    const [row] = await db.query<{ count: number }>('select count(*)::int as count from articles');
    articles = row?.count ?? 0;
  }

  return {
    refresh,
    changed() {
      writes += 1;
      if (running || writes < Math.max(MIN_WRITES, articles * SHARE_OF_ARTICLES)) return;
      running = refresh()
        .catch(onError)
        .finally(() => {
          running = undefined;
        });
    },
    settled: async () => {
      await running;
    },
  };
}
