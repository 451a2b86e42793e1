import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';

/** Text files the builds write compressed copies of (scripts/precompress.ts). */
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
const HASHED = /(?:[\\/](?:chunks|assets)[\\/][^\\/]+|[\\/](?:helpline|capture))-([\w-]{8})\.\w+$/;

/** Vite's content hashes are base64url: an 8-letter lower-case word (`logo-original.svg`) is a name, not one. */
const isHashed = (file: string): boolean => /[A-Z0-9_-]/.test(HASHED.exec(file)?.[1] ?? '');

/**
 * Content-hashed files (vite's `chunks/name-[hash].js`, `assets/name-[hash].css`, the widget's
 * `helpline-[hash].js` and its early capture's `capture-[hash].js`) never change what they hold, so browsers keep them for a year. Everything
 * else (pages, `loader.js`, whose names stay the same across releases) is revalidated on every use
 * against its ETag: an unchanged file costs a 304, and a deploy reaches every page at once. Every
 * encoding of a compressible file varies with what the browser accepts, the plain one too, so a
 * shared cache cannot hand the uncompressed file to everyone.
 */
function describeFile(path: string, c: Context): void {
  const file = path.replace(/\.(br|gz)$/, '');
  c.header('Cache-Control', isHashed(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (COMPRESSIBLE.test(file)) c.header('Vary', 'Accept-Encoding');
  const { size, mtimeMs } = statSync(path);
  c.header('ETag', `W/"${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}"`);
}

/** Answers the revalidation of an unchanged file with 304 and no body. */
const notModified: MiddlewareHandler = async (c, next) => {
  await next();
  const etag = c.res.headers.get('ETag');
  if (etag === null || !(c.req.header('If-None-Match') ?? '').split(/\s*,\s*/).includes(etag)) return;
  await c.res.body?.cancel();
  const headers = new Headers(c.res.headers);
  headers.delete('Content-Length');
  c.res = new Response(null, { status: 304, headers });
};

/** Sends the build's precompressed copy to browsers that accept br or gzip. */
const staticFiles = (options: Parameters<typeof serveStatic>[0]) =>
  serveStatic({ ...options, precompressed: true, onFound: describeFile });

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
  app.use(`${base}/*`, notModified);
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
  app.use('/inbox/*', notModified);
  app.use('/inbox/*', staticFiles({ root, rewriteRequestPath: (path) => path.slice('/inbox'.length) || '/' }));
  app.get('/inbox', index);
  app.get('/inbox/*', index);
}
