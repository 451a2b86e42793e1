import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { send } from './security-http.js';
import { pathFor, ROUTES, type RouteSpec } from './security-route-table.js';
import { OTHER_EMAIL, startSecurityServer, type Tenant, twoTenants, workspaceRows } from './security-world.js';
import { SseClient } from './sse-client.js';
import { AGENT_PASSWORD, key, WidgetClient } from './test-server.js';

let server: RunningServer;
let a: Tenant;
let b: Tenant;
let bBefore: Record<string, unknown[]>;
let agentStream: SseClient;
let visitorStream: SseClient;

beforeAll(async () => {
  server = await startSecurityServer();
  ({ a, b } = await twoTenants(server));
  agentStream = await SseClient.open(`${server.url}/agent/api/events`, { Cookie: a.agent.cookie });
  visitorStream = await SseClient.open(`${server.url}/v1/events?token=${a.visitor.token}`);
  // B talks first, then A: A's streams must see A's message and nothing of B's before it.
  await b.visitor.call('POST', `/v1/conversations/${b.ids.conversation}/messages`, {
    body: 'B private words',
    attachmentIds: [],
    idempotencyKey: key(),
  });
  await b.agent.call('POST', `/conversations/${b.ids.conversation}/messages`, { body: 'B agent answer' });
  await a.visitor.call('POST', `/v1/conversations/${a.ids.conversation}/messages`, {
    body: 'A marker',
    attachmentIds: [],
    idempotencyKey: key(),
  });
  await a.agent.call('POST', `/conversations/${a.ids.conversation}/messages`, { body: 'A agent marker' });
  bBefore = await workspaceRows(server, b.workspaceId);
});
afterAll(async () => {
  agentStream?.close();
  visitorStream?.close();
  await server?.close();
});

/** Strings only workspace B has: none may appear in anything workspace A is answered. */
const markersOfB = () => [
  b.workspaceId,
  b.key,
  'secret of security-other-key',
  'ticket of security-other-key',
  'Other workspace secret article',
  'B private words',
  'B agent answer',
  ...Object.values(b.ids),
];

/** Calls a route as workspace A's visitor or agent, with `ids` in the path and body. */
async function callAsA(route: RouteSpec, ids: Tenant['ids'], crossKey = false) {
  const id = route.object ? ids[route.object] : '';
  let path = pathFor(route, id);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (route.auth === 'agent') {
    // Logging out must not end the session the other routes use.
    const agent = route.path.endsWith('/logout') ? new AgentClient(server.url) : a.agent;
    if (agent !== a.agent) await agent.login('agent@demo.helpline.dev', AGENT_PASSWORD);
    Object.assign(headers, { Cookie: agent.cookie, 'X-CSRF-Token': agent.csrfToken });
  } else if (route.auth === 'session' || route.auth === 'key') {
    const visitor = route.method === 'DELETE' ? new WidgetClient(server.url, a.key) : a.visitor;
    if (visitor !== a.visitor) await visitor.session();
    headers['X-Helpline-Key'] = crossKey ? b.key : a.key;
    if (route.auth === 'session') headers.Authorization = `Bearer ${visitor.token}`;
  } else if (route.auth === 'signed') {
    // A's valid signature, on B's attachment.
    path += new URL(a.attachmentUrl).search;
  }
  const query = route.query ? `${path.includes('?') ? '&' : '?'}${route.query}` : '';
  const body = route.raw ? undefined : route.body ? JSON.stringify(route.body(ids)) : undefined;
  return send(server.url, { method: route.method, path: path + query, headers, ...(body ? { body } : {}) });
}

describe('tenant isolation on every endpoint', () => {
  it("delivers none of workspace B's realtime events to workspace A's streams", async () => {
    const agentEvent = await agentStream.nextWhere((d) => d.type === 'message');
    expect(agentEvent.data.message.body).toBe('A marker');
    const visitorEvent = await visitorStream.nextWhere((d) => d.type === 'message');
    expect(visitorEvent.data.message.body).toBe('A marker');
  });

  it.each(
    ROUTES.filter((route) => route.auth !== 'public').map((route) => [`${route.method} ${route.path}`, route] as const),
  )("%s: workspace A cannot read or write workspace B's objects", async (_name, route) => {
    const res = await callAsA(route, b.ids);
    if (route.object) {
      expect([403, 404], `${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
      expect(res.json?.error?.code).toMatch(/not_found|forbidden/);
    } else {
      // Routes without an id act on A's own data: whatever they answer holds nothing of B.
      expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
      for (const marker of markersOfB()) expect(res.text).not.toContain(marker);
    }
    if (route.auth === 'session') {
      // A's session token presented with B's widget key is refused outright.
      const crossed = await callAsA(route, a.ids, true);
      expect(crossed.status).toBe(401);
    }
  });

  it("refuses workspace B's agent email with workspace A's password", async () => {
    const login = await new AgentClient(server.url).login(OTHER_EMAIL, AGENT_PASSWORD);
    expect(login.status).toBe(401);
  });

  it('leaves every row of workspace B unchanged in the database', async () => {
    expect(await workspaceRows(server, b.workspaceId)).toEqual(bBefore);
  });
});
