import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';

/**
 * Content-hashed names (vite's `chunks/name-[hash].js`, `assets/name-[hash].css`) never change what
 * they hold, so browsers keep them for a year. Pages are revalidated on every load, so a deploy
 * reaches agents at once. The rest, the loader and helpline.js among them, whose names stay the same
 * across releases, for five minutes: a deploy reaches every host page soon after.
 */
function setCacheControl(path: string, c: Context): void {
  const file = path.replace(/\.(br|gz)$/, '');
  c.header(
    'Cache-Control',
    /\.html$/.test(file)
      ? 'no-cache'
      : /[\\/](chunks|assets)[\\/][^\\/]+-[\w-]{8}\.\w+$/.test(file)
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=300',
  );
}

/** Sends the build's precompressed copy (scripts/precompress.ts) to browsers that accept br or gzip. */
const staticFiles = (options: Parameters<typeof serveStatic>[0]) =>
  serveStatic({ ...options, precompressed: true, onFound: setCacheControl });

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
    staticFiles({ root, rewriteRequestPath: (path) => (base ? path.slice(base.length) || '/' : path) }),
  );
  if (base) app.get(base, staticFiles({ root, path: 'index.html' }));
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
  const index = staticFiles({ root, path: 'index.html' });
  app.use('/inbox/*', staticFiles({ root, rewriteRequestPath: (path) => path.slice('/inbox'.length) || '/' }));
  app.get('/inbox', index);
  app.get('/inbox/*', index);
}
