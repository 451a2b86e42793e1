import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { startAttachmentSweep } from '../attachments/attachment-sweep.js';
import { openBlobStore } from '../attachments/blob-store.js';
import { resolveConfig } from '../config/load.js';
import { packageRoot } from '../config/package-root.js';
import type { ServerConfig, ServerConfigInput } from '../config/schema.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import { createWebhookDispatcher } from '../escalation/dispatcher.js';
import { TokenBucketLimiter } from '../http/rate-limit.js';
import { createArticleStatistics } from '../kb/statistics.js';
import { RealtimeHub } from '../realtime/hub.js';
import { StreamRegistry } from '../realtime/stream-registry.js';
import { type DemoSeedResult, seedDemoWorkspace } from '../seed/demo-workspace.js';
import { loadServerSecret } from '../seed/server-secret.js';
import { createApp } from './create-app.js';
import type { AppDeps } from './deps.js';

const KEEP_ALIVE_MS = 65_000;

export interface StartOptions {
  /** An already open database to use (and not close): several instances in one process, tests. */
  db?: Database;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  config: ServerConfig;
  /** What the demo seed did on this start (absent with seedDemo: false). */
  demo?: DemoSeedResult;
  close(): Promise<void>;
}

function openDatabase(config: ServerConfig): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

/** Validates config, opens and migrates the database, seeds the demo, listens. */
export async function startServer(input: ServerConfigInput = {}, options: StartOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(input);
  const db = options.db ?? (await openDatabase(config));
  try {
    await migrate(db);
    const serverSecret = await loadServerSecret(db);
    const root = packageRoot();
    const demo = config.seedDemo
      ? await seedDemoWorkspace(db, {
          kbDir: config.kbDir ?? join(root, 'seed', 'kb'),
          agentPassword: config.agentPassword,
          secret: config.demoSecret,
          businessHours: config.demoBusinessHours,
        })
      : undefined;
    const articleStats = createArticleStatistics(db, (error) =>
      console.error('[helpline] gathering statistics on articles failed', error),
    );
    await articleStats.refresh();
    const streams = new StreamRegistry();
    const hub = new RealtimeHub(db, (notice) => streams.end(notice.end, notice.reason));
    await hub.start();
    const deps: AppDeps = {
      db,
      config,
      hub,
      serverSecret,
      limits: {
        visitor: new TokenBucketLimiter(config.rateLimit.visitor),
        ip: new TokenBucketLimiter(config.rateLimit.ip),
      },
      streams,
      articleStats,
      blobs: await openBlobStore(config, db),
      webhooks: createWebhookDispatcher({ db, endpoints: config.webhooks, retry: config.webhookRetry }),
    };
    const app = createApp(deps, config.inboxDir ?? join(root, 'dist', 'inbox'));
    const server = await new Promise<Server>((resolve, reject) => {
      const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
        resolve(listening as Server),
      );
      listening.once('error', reject);
    });
    // Widgets talk to the server every few seconds; keeping their connections open (Node closes idle
    // ones after 5 s by default) spares a TCP handshake and an accept per message under load.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    const stopSweep = startAttachmentSweep(
      db,
      deps.blobs,
      { unsentTtlSeconds: config.unattachedTtlSeconds, intervalSeconds: config.attachmentSweepSeconds },
      (error) => console.error('[helpline] deleting uploads never sent failed', error),
    );
    const { port } = server.address() as AddressInfo;
    const host =
      config.host === '0.0.0.0' || config.host === '::'
        ? 'localhost'
        : config.host.includes(':')
          ? `[${config.host}]`
          : config.host;
    let closed: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      db,
      config,
      ...(demo ? { demo } : {}),
      close() {
        closed ??= (async () => {
          streams.endAll('shutdown');
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          await deps.webhooks.close();
          await articleStats.settled();
          await stopSweep();
          await hub.stop();
          if (!options.db) await db.close();
        })();
        return closed;
      },
    };
  } catch (error) {
    if (!options.db) await db.close().catch(() => undefined);
    throw error;
  }
}
