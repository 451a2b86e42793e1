import type { BlobStore } from '../attachments/blob-store.js';
import type { ServerConfig } from '../config/schema.js';
import type { Database } from '../db/database.js';
import type { WebhookDispatcher } from '../escalation/dispatcher.js';
import type { TokenBucketLimiter } from '../http/rate-limit.js';
import type { ArticleStatistics } from '../kb/statistics.js';
import type { RealtimeHub } from '../realtime/hub.js';
import type { StreamRegistry } from '../realtime/stream-registry.js';

/** Everything a route needs, made once in startServer and passed down (no module state). */
export interface AppDeps {
  db: Database;
  config: ServerConfig;
  hub: RealtimeHub;
  /** Signs widget session tokens and attachment URLs; shared by every instance through the database. */
  serverSecret: Uint8Array;
  limits: { visitor: TokenBucketLimiter; ip: TokenBucketLimiter };
  /** Escalation and P0 webhooks, delivered in the background. */
  webhooks: WebhookDispatcher;
  /** Open SSE streams of this instance, by credential: logout, expiry, caps and close() end them. */
  streams: StreamRegistry;
  /** The planner's statistics on articles, gathered again as agents write them. */
  articleStats: ArticleStatistics;
  /** The bytes of uploads (the attachments table only describes them). */
  blobs: BlobStore;
}
