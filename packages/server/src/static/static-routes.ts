import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

// serveStatic resolves `root` against the working directory; a relative path keeps that true
// whichever folder the server was started from.
const rootFor = (dir: string): string => relative(process.cwd(), dir) || '.';

/** Serves `dir` under `prefix` (the loader build at /widget, the example host page at /). */
export function mountStaticDir(app: Hono, prefix: string, dir: string): void {
  if (!existsSync(dir)) throw new Error(`staticDirs: folder ${dir} for ${prefix} does not exist`);
  const base = prefix.replace(/\/+$/, '');
  const root = rootFor(dir);
  // Static files are public, and host pages on other origins load the widget's ES modules from here,
  // which browsers fetch in CORS mode.
  app.use(`${base}/*`, async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  app.use(
    `${base}/*`,
    serveStatic({ root, rewriteRequestPath: (path) => (base ? path.slice(base.length) || '/' : path) }),
  );
  if (base) app.get(base, serveStatic({ root, path: 'index.html' }));
}

/**
 * The agent inbox: a single-page app, so any /inbox/* path that is not a file gets index.html and
 * the page's router takes over.
 */
export function mountInbox(app: Hono, dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) {
    const missing = `The agent inbox is not built (no ${join(dir, 'index.html')}): run \`pnpm --filter @helpline/server build\`.`;
    app.get('/inbox', (c) => c.text(missing, 404));
    app.get('/inbox/*', (c) => c.text(missing, 404));
    return;
  }
  const root = rootFor(dir);
  const index = serveStatic({ root, path: 'index.html' });
  app.use('/inbox/*', serveStatic({ root, rewriteRequestPath: (path) => path.slice('/inbox'.length) || '/' }));
  app.get('/inbox', index);
  app.get('/inbox/*', index);
}
