// 1,000 SSE subscribers on one server: delivery latency of agent replies (p50/p99) and server RSS,
// beside a bare Node SSE broadcaster as the floor. Loopback only; bounded in count and time.
import { randomUUID } from 'node:crypto';
import { startBareSse } from './lib/bare-sse.mjs';
import { subscribe } from './lib/sse-subscriber.mjs';
import { summarize } from './lib/stats.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function json(url, init = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** Sends `messages` events spread over `subscribers`, `rate` per second; returns latencies in ms. */
async function drive(subscribers, messages, rate, send, received) {
  for (let i = 0; i < messages; i++) {
    const target = i % subscribers;
    await send(target, performance.now());
    await sleep(1000 / rate);
  }
  const deadline = Date.now() + 5000;
  while (received.length < messages && Date.now() < deadline) await sleep(20);
  return received;
}

export async function measureBareFloor({ subscribers, messages, rate }) {
  const bare = await startBareSse();
  const latencies = [];
  const streams = [];
  try {
    for (let i = 0; i < subscribers; i++) {
      streams.push(
        await subscribe(`${bare.url}/events?id=${i}`, {}, (data) => latencies.push(performance.now() - data.sent)),
      );
    }
    await drive(
      subscribers,
      messages,
      rate,
      (to, sent) => fetch(`${bare.url}/send?to=${to}&sent=${sent}`, { method: 'POST' }),
      latencies,
    );
    return { delivered: latencies.length, sent: messages, latency: summarize(latencies) };
  } finally {
    for (const stream of streams) stream.close();
    await bare.close();
  }
}

/**
 * @param {{ url: string, workspaceKey: string, agentEmail: string, agentPassword: string, rss: () => number,
 *   subscribers: number, messages: number, rate: number }} options
 */
export async function measureHelplineRealtime(options) {
  const key = { 'X-Helpline-Key': options.workspaceKey };
  const visitors = [];
  for (let i = 0; i < options.subscribers; i++) {
    const session = await json(`${options.url}/v1/session`, {
      method: 'POST',
      headers: key,
      body: JSON.stringify({ visitorId: `bench-${randomUUID()}` }),
    });
    const auth = { ...key, Authorization: `Bearer ${session.token}` };
    const started = await json(`${options.url}/v1/conversations`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: 'hello', attachmentIds: [], idempotencyKey: randomUUID() }),
    });
    visitors.push({ auth, conversationId: started.conversation.id });
  }
  const login = await fetch(`${options.url}/agent/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: options.agentEmail, password: options.agentPassword }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = await login.json();
  const latencies = [];
  const sentAt = new Map();
  const streams = [];
  const rssBefore = options.rss();
  try {
    for (const visitor of visitors) {
      streams.push(
        await subscribe(`${options.url}/v1/events`, visitor.auth, (event) => {
          if (event.type !== 'message' || event.message.author.type !== 'agent') return;
          const sent = sentAt.get(event.message.body);
          if (sent !== undefined) latencies.push(performance.now() - sent);
        }),
      );
    }
    await sleep(500);
    const rssConnected = options.rss();
    await drive(
      options.subscribers,
      options.messages,
      options.rate,
      async (to, sent) => {
        const body = `bench ${to} ${sent}`;
        sentAt.set(body, sent);
        await json(`${options.url}/agent/api/conversations/${visitors[to].conversationId}/messages`, {
          method: 'POST',
          headers: { cookie, 'X-CSRF-Token': csrfToken },
          body: JSON.stringify({ body }),
        });
      },
      latencies,
    );
    return {
      delivered: latencies.length,
      sent: options.messages,
      latency: summarize(latencies),
      rssMb: {
        before: rssBefore / 1048576,
        connected: rssConnected / 1048576,
        after: options.rss() / 1048576,
      },
    };
  } finally {
    for (const stream of streams) stream.close();
  }
}
