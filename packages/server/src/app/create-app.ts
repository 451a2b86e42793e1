import { type Context, Hono, type Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { agentRoutes } from '../agent/agent-routes.js';
import { attachmentRoutes } from '../attachments/attachment-routes.js';
import { ApiError, errorBody, handleError } from '../http/api-error.js';
import { isSecureRequest } from '../http/secure-request.js';
import { mountInbox, mountStaticDir } from '../static/static-routes.js';
import { answerRoutes } from '../widget/answer-routes.js';
import { availabilityRoutes } from '../widget/availability-routes.js';
import { contactRoutes } from '../widget/contact-routes.js';
import { conversationRoutes } from '../widget/conversation-routes.js';
import { eventRoutes } from '../widget/event-routes.js';
import { kbRoutes } from '../widget/kb-routes.js';
import { pageRoutes } from '../widget/page-routes.js';
import { privacyRoutes } from '../widget/privacy-routes.js';
import { sessionRoutes } from '../widget/session-routes.js';
import { ticketRoutes } from '../widget/ticket-routes.js';
import { ipRateLimit } from '../widget/widget-auth.js';
import type { AppDeps } from './deps.js';

const INBOX_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// Six months, subdomains included: what hono's secureHeaders sends by default.
const HSTS = 'max-age=15552000; includeSubDomains';

/** The whole HTTP surface of one server process. */
export function createApp(deps: AppDeps, inboxDir: string): Hono {
  const app = new Hono();
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));

  if (deps.config.logRequests) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      console.log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
    });
  }

  // Widget assets and attachments are loaded cross-origin by host pages: resource policy must allow it.
  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: false,
      // Set below, only over TLS: on plain http it would be meaningless at best, and a header a
      // proxy could be tricked into caching for the https origin at worst.
      strictTransportSecurity: false,
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    if (isSecureRequest(c, deps.config)) c.header('Strict-Transport-Security', HSTS);
  });

  // Widget API: any origin, no cookies (bearer tokens), so `*` is safe.
  app.use(
    '/v1/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization', 'X-Helpline-Key', 'X-Filename', 'Last-Event-ID'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  app.use('/v1/*', ipRateLimit(deps));
  const tooLarge = (limit: number) =>
    bodyLimit({
      maxSize: limit,
      onError: () => {
        // The rest of the body is never read, so this connection cannot carry another request: say so,
        // or the client's next request on it (often the retry) fails with a reset.
        throw new ApiError(413, 'payload_too_large', `Request body is larger than ${limit} bytes`, undefined, {
          Connection: 'close',
        });
      },
    });
  const jsonLimit = tooLarge(deps.config.maxBodyBytes);
  const uploadLimit = tooLarge(deps.config.maxAttachmentBytes);
  const limitFor = (upload: string) => (c: Context, next: Next) =>
    (c.req.method === 'POST' && c.req.path === upload ? uploadLimit : jsonLimit)(c, next);
  app.use('/v1/*', limitFor('/v1/attachments'));
  app.use('/agent/*', limitFor('/agent/api/attachments'));

  app.route('/v1/session', sessionRoutes(deps));
  app.route('/v1/kb', kbRoutes(deps));
  app.route('/v1/conversations', conversationRoutes(deps));
  app.route('/v1/events', eventRoutes(deps));
  app.route('/v1/attachments', attachmentRoutes(deps));
  app.route('/v1/tickets', ticketRoutes(deps));
  app.route('/v1/me', privacyRoutes(deps));
  app.route('/v1', availabilityRoutes(deps));
  app.route('/v1', answerRoutes(deps));
  app.route('/v1', pageRoutes(deps));
  app.route('/v1', contactRoutes(deps));
  app.route('/agent/api', agentRoutes(deps));

  // `/inbox/*` also matches `/inbox` itself.
  app.use('/inbox/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', INBOX_CSP);
  });
  mountInbox(app, inboxDir);
  for (const { prefix, dir } of deps.config.staticDirs) mountStaticDir(app, prefix, dir);
  app.get('/healthz', (c) => c.json({ ok: true }));
  return app;
}
