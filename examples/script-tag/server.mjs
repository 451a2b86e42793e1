// The demo host app's own tiny backend: serves the single-page app under a strict CSP with a fresh
// nonce per request, and signs the logged-in user's id (HMAC) so the widget can prove who they are —
// the workspace secret stays here, never in the browser.
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));
const types = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.html': 'text/html' };

const users = {
  dana: {
    user: { id: 'user-1001', name: 'Dana Whitfield', email: 'dana@northwind.example', plan: 'growth' },
    account: { id: 'acct-77', name: 'Northwind Traders', plan: 'growth', seats: 12 },
  },
  lee: {
    user: { id: 'user-2002', name: 'Lee Okafor', email: 'lee@contoso.example', plan: 'enterprise' },
    account: { id: 'acct-91', name: 'Contoso Ltd', plan: 'enterprise', seats: 240 },
  },
};

/**
 * @param {{ port?: number, host?: string, helplineUrl: string, workspaceKey: string, workspaceSecret: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startHostApp(options) {
  const template = await readFile(join(publicDir, 'index.html'), 'utf8');
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/me') {
      const who = users[url.searchParams.get('as') ?? 'dana'] ?? users.dana;
      const userHash = createHmac('sha256', options.workspaceSecret).update(who.user.id).digest('hex');
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return res.end(JSON.stringify({ ...who, userHash }));
    }
    if (url.pathname === '/api/payments/retry') {
      // The failing request agents should see in the context snapshot.
      res.writeHead(502, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'payment_gateway_timeout' }));
    }
    const file = normalize(url.pathname).replace(/^(\.\.[/\\])+/, '');
    if (extname(file) && file !== '/index.html') {
      try {
        const body = await readFile(join(publicDir, file));
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        return res.end(body);
      } catch {
        res.writeHead(404);
        return res.end('not found');
      }
    }
    const nonce = randomBytes(16).toString('base64');
    const helpline = new URL(options.helplineUrl).origin;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}' ${helpline}; style-src 'self'; connect-src 'self' ${helpline}; img-src 'self' data: blob: ${helpline}; frame-ancestors 'none'`,
    });
    res.end(
      template
        .replaceAll('%NONCE%', nonce)
        .replaceAll('%HELPLINE_URL%', options.helplineUrl.replace(/\/+$/, ''))
        .replaceAll('%WORKSPACE_KEY%', options.workspaceKey),
    );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${typeof address === 'object' && address ? address.port : options.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const app = await startHostApp({
    port: Number(process.env.PORT ?? 4400),
    helplineUrl: process.env.HELPLINE_URL ?? 'http://127.0.0.1:4300',
    workspaceKey: process.env.HELPLINE_KEY ?? 'demo-public-key',
    workspaceSecret: process.env.HELPLINE_SECRET ?? 'demo-workspace-secret',
  });
  console.log(`Acme Ledger demo host: ${app.url}`);
}
