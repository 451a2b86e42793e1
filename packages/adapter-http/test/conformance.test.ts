import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpAdapter } from '@helpline/adapter-http';
import { type AgentFault, conformanceArticles, runAdapterConformance } from '@helpline/adapter-testkit';
import type { ContextSnapshot, TicketStatus } from '@helpline/core';
import { type RunningServer, startServer } from '@helpline/server';

const PASSWORD = 'conformance agent password';

/** The conformance articles as a markdown folder the server imports like any KB. */
function conformanceKb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'helpline-conformance-kb-'));
  for (const article of conformanceArticles) {
    const markdown = article.html
      .replace(/<h2>(.*?)<\/h2>/g, '\n## $1\n\n')
      .replace(/<p>(.*?)<\/p>/g, '$1\n\n')
      .trim();
    writeFileSync(
      join(dir, `${article.id}.md`),
      `---\ntitle: ${article.title}\nslug: ${article.id}\ncategory: ${article.category}\nroutes: ${JSON.stringify(article.routes)}\n---\n\n${article.summary}\n\n${markdown}\n`,
    );
  }
  return dir;
}

/** The agent side, through the server's real agent API (cookie session + CSRF). */
async function agentFor(server: RunningServer) {
  const login = await fetch(`${server.url}/agent/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'agent@demo.helpline.dev', password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`agent login failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/agent/api${path}`, {
      method,
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': csrfToken,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  };
}

/**
 * Faults are injected at the network layer only (the adapter under test and the server are real):
 * the next request fails the way a broken network or backend would.
 */
function faultyFetch() {
  let next: AgentFault | undefined;
  const wrapped: typeof fetch = async (input, init) => {
    const fault = next;
    next = undefined;
    if (fault === 'network') throw new TypeError('fetch failed');
    if (fault === 'malformed')
      return new Response('{"unexpected":true,"id":7}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    if (typeof fault === 'number') {
      return new Response(JSON.stringify({ error: { code: 'injected', message: `injected ${fault}` } }), {
        status: fault,
        headers: { 'content-type': 'application/json', ...(fault === 429 ? { 'retry-after': '3' } : {}) },
      });
    }
    return fetch(input, init);
  };
  return { fetch: wrapped, failNext: (kind: AgentFault) => void (next = kind) };
}

runAdapterConformance({
  name: 'http (reference server)',
  async setup() {
    const kbDir = conformanceKb();
    const server = await startServer({
      port: 0,
      dataDir: ':memory:',
      kbDir,
      agentPassword: PASSWORD,
      demoSecret: 'conformance-demo-secret-0123456789',
      rateLimit: {
        visitor: { capacity: 10_000, refillPerSecond: 1000 },
        ip: { capacity: 10_000, refillPerSecond: 1000 },
      },
    });
    const agent = await agentFor(server);
    const network = faultyFetch();
    const adapter = createHttpAdapter(
      { baseUrl: server.url, workspaceKey: 'demo-public-key', retries: 0 },
      { fetch: network.fetch },
    );
    return {
      adapter,
      agent: {
        reply: (conversationId: string, body: string) =>
          agent('POST', `/conversations/${conversationId}/messages`, { body }),
        resolve: (conversationId: string) =>
          agent('POST', `/conversations/${conversationId}/status`, { status: 'resolved' }),
        typing: (conversationId: string, on: boolean) =>
          agent('POST', `/conversations/${conversationId}/typing`, { typing: on }),
        setTicketStatus: (ticketId: string, status: TicketStatus) => agent('PATCH', `/tickets/${ticketId}`, { status }),
        replyToTicket: (ticketId: string, body: string) => agent('POST', `/tickets/${ticketId}/replies`, { body }),
        failNext: network.failNext,
        visitorPage: async (id: string) => (await agent('GET', `/conversations/${id}`))?.visitorPage,
        async visitorContact(id: string) {
          const found = await agent('GET', `/conversations/${id}`).catch(() => agent('GET', `/tickets/${id}`));
          return found?.visitor?.contact;
        },
        async lastContext(id: string): Promise<ContextSnapshot | undefined> {
          const found = await agent('GET', `/conversations/${id}`).catch(() => agent('GET', `/tickets/${id}`));
          return found?.context ?? undefined;
        },
      },
      async cleanup() {
        await server.close();
        rmSync(kbDir, { recursive: true, force: true });
      },
    };
  },
});
