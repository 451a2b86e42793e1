import { BusinessHours } from '@helpline/core';
import * as z from 'zod/mini';
import { WebhookEndpoint } from '../escalation/deliver.js';
import { RoutingRules } from '../routing/rules.js';

const Bucket = z.object({
  /** Requests allowed in a burst. */
  capacity: z.number().check(z.int(), z.positive()),
  /** Tokens added back per second. */
  refillPerSecond: z.number().check(z.positive()),
});

/** Every setting of the server, with its default; docs/server.md lists them with their env vars. */
export const ServerConfig = z.object({
  port: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(65_535)), 8787),
  host: z._default(z.string().check(z.minLength(1)), '127.0.0.1'),
  /** PGlite data folder, or `:memory:`. Ignored when databaseUrl is set. */
  dataDir: z._default(z.string().check(z.minLength(1)), './.helpline/data'),
  /** postgres://… switches from the embedded PGlite to a real PostgreSQL. */
  databaseUrl: z.optional(
    z
      .string()
      .check(z.refine((url) => /^postgres(ql)?:\/\//.test(url), 'must start with postgres:// or postgresql://')),
  ),
  /** Origin used in attachment URLs; defaults to the origin of each request. */
  publicUrl: z.optional(z.url()),
  /** Seed the demo workspace, agent and knowledge base on start (idempotent). */
  seedDemo: z._default(z.boolean(), true),
  /** Folder of markdown articles imported into the demo workspace. Defaults to the package's seed/kb. */
  kbDir: z.optional(z.string()),
  /** Password of agent@demo.helpline.dev on first start; random (and printed) when absent. */
  agentPassword: z.optional(z.string().check(z.minLength(8))),
  /** HMAC/JWT secret of the demo workspace; random (and printed) on first start when absent. */
  demoSecret: z.optional(z.string().check(z.minLength(16))),
  /** Folder of the built agent inbox, served at /inbox. Defaults to the package's dist/inbox. */
  inboxDir: z.optional(z.string()),
  /** Extra static folders, e.g. the loader build at /widget. */
  staticDirs: z._default(z.array(z.object({ prefix: z.string().check(z.regex(/^\/[\w./-]*$/)), dir: z.string() })), []),
  maxBodyBytes: z._default(z.number().check(z.int(), z.positive()), 1024 * 1024),
  maxAttachmentBytes: z._default(z.number().check(z.int(), z.positive()), 10 * 1024 * 1024),
  rateLimit: z._default(z.object({ visitor: Bucket, ip: Bucket }), {
    visitor: { capacity: 120, refillPerSecond: 2 },
    ip: { capacity: 600, refillPerSecond: 10 },
  }),
  /** Take the client IP from X-Forwarded-For (only behind a proxy you control). */
  trustProxy: z._default(z.boolean(), false),
  heartbeatSeconds: z._default(z.number().check(z.positive()), 15),
  /** Open realtime streams (docs/server.md → Realtime streams); per instance. */
  streams: z._default(
    z.object({
      /** Streams one visitor session token holds at once; a newer one ends the oldest. */
      perVisitorToken: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 5),
      /** Streams one agent sign-in (all the inbox tabs of one browser) holds at once. */
      perAgentSession: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 10),
      /** A stream is ended after this long (between 90 % and 100 % of it); the client resumes. */
      maxAgeSeconds: z._default(z.number().check(z.positive(), z.maximum(86_400)), 3600),
    }),
    { perVisitorToken: 5, perAgentSession: 10, maxAgeSeconds: 3600 },
  ),
  sessionTtlSeconds: z._default(z.number().check(z.int(), z.positive()), 24 * 3600),
  attachmentUrlTtlSeconds: z._default(z.number().check(z.int(), z.positive()), 3600),
  /** Bytes one visitor may hold in uploads not yet sent with a message or ticket (413 above). */
  maxUnattachedBytes: z._default(z.number().check(z.int(), z.positive()), 50 * 1024 * 1024),
  /** Uploads never sent with a message or ticket are deleted, bytes included, after this long. */
  unattachedTtlSeconds: z._default(z.number().check(z.positive()), 24 * 3600),
  /** How often the server looks for such uploads (and for files no row claims). */
  attachmentSweepSeconds: z._default(z.number().check(z.positive()), 3600),
  /** Business hours given to the demo workspace; absent means 24/7. */
  demoBusinessHours: z.optional(BusinessHours),
  /** Where escalations and P0 tickets are posted (docs/self-service.md): signed, retried, logged. */
  webhooks: z._default(
    z
      .array(WebhookEndpoint)
      .check(
        z.refine(
          (list) => new Set(list.map((endpoint) => endpoint.id)).size === list.length,
          'endpoint ids must be unique',
        ),
      ),
    [],
  ),
  /** Retries of a failing webhook: attempts in all, and the backoff base (doubles each time, with jitter). */
  webhookRetry: z._default(
    z.object({
      maxAttempts: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
      baseDelayMs: z.number().check(z.int(), z.nonnegative()),
    }),
    { maxAttempts: 5, baseDelayMs: 1000 },
  ),
  /** Queue and priority of new tickets (docs/self-service.md → Routing rules). */
  routing: z._default(RoutingRules, { defaultQueue: 'general', rules: [] }),
  /** Log one line per request to stdout. */
  logRequests: z._default(z.boolean(), false),
});
export type ServerConfig = z.infer<typeof ServerConfig>;
export type ServerConfigInput = z.input<typeof ServerConfig>;
