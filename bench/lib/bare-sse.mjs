import { createServer } from 'node:http';

/**
 * The floor for realtime delivery: a bare Node SSE broadcaster with no auth, storage or framework.
 * GET /events?id=N subscribes as N; POST /send?to=N&sent=T writes one event to subscriber N.
 */
export async function startBareSse() {
  const streams = new Map();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(':ok\n\n');
      const id = url.searchParams.get('id');
      streams.set(id, res);
      req.on('close', () => streams.delete(id));
      return;
    }
    if (url.pathname === '/send') {
      streams
        .get(url.searchParams.get('to'))
        ?.write(`data: ${JSON.stringify({ sent: Number(url.searchParams.get('sent')) })}\n\n`);
      return res.writeHead(204).end();
    }
    res.writeHead(404).end();
  });
  server.maxConnections = 5000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => {
      for (const res of streams.values()) res.destroy();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
