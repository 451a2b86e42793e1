import type { Hono } from 'hono';
import { createApp } from '../src/app/create-app.js';
import type { AppDeps } from '../src/app/deps.js';
import { resolveConfig } from '../src/config/load.js';
import type { Tenant } from './security-world.js';
import { key } from './test-server.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** key: X-Helpline-Key only; session: key + bearer; signed: ?exp&sig; agent: cookie + CSRF; public: none. */
export type Auth = 'key' | 'session' | 'signed' | 'agent' | 'public';
export type ObjectKind = keyof Tenant['ids'];

export interface RouteSpec {
  method: Method;
  /** The Hono pattern, as the app registers it. */
  path: string;
  auth: Auth;
  /** What `:id` names; the fuzz and tenant tests take it from a tenant's objects. */
  object?: ObjectKind;
  /** A valid JSON body (fresh idempotency keys each call). */
  body?: (ids: Tenant['ids']) => Record<string, unknown>;
  /** A valid query string. */
  query?: string;
  /** The body is raw bytes (uploads), not JSON. */
  raw?: boolean;
  /** Answers an endpless SSE stream when authorised. */
  stream?: boolean;
}

const message = () => ({ body: 'hello', attachmentIds: [], idempotencyKey: key() });
const ticket = () => ({
  subject: 'Fuzzed ticket',
  description: 'd',
  severity: 'P3',
  category: 'how_to',
  fields: { affected_area: 'other' },
  attachmentIds: [],
  idempotencyKey: key(),
});
const article = () => ({ title: 'Fuzz', slug: `fuzz-${Math.random().toString(36).slice(2, 10)}`, markdown: '# hi' });

/**
 * Every endpoint of the widget API and the agent API. `registered routes match the table` fails
 * when the app gains a route that is not listed here, so no endpoint escapes the fuzz and tenant tests.
 */
export const ROUTES: readonly RouteSpec[] = [
  { method: 'POST', path: '/v1/session', auth: 'key', body: () => ({ visitorId: `visitor-${key()}` }) },
  { method: 'DELETE', path: '/v1/session', auth: 'session' },
  { method: 'GET', path: '/v1/kb/search', auth: 'session', query: 'q=refund' },
  { method: 'GET', path: '/v1/kb/suggest', auth: 'session', query: 'path=/invoices' },
  { method: 'GET', path: '/v1/kb/articles/:id', auth: 'session', object: 'article' },
  {
    method: 'POST',
    path: '/v1/kb/articles/:id/vote',
    auth: 'session',
    object: 'article',
    body: () => ({ helpful: true }),
  },
  { method: 'GET', path: '/v1/conversations', auth: 'session' },
  { method: 'POST', path: '/v1/conversations', auth: 'session', body: message },
  { method: 'GET', path: '/v1/conversations/:id/messages', auth: 'session', object: 'conversation', query: 'limit=5' },
  { method: 'POST', path: '/v1/conversations/:id/messages', auth: 'session', object: 'conversation', body: message },
  {
    method: 'POST',
    path: '/v1/conversations/:id/typing',
    auth: 'session',
    object: 'conversation',
    body: () => ({ typing: true }),
  },
  { method: 'POST', path: '/v1/conversations/:id/read', auth: 'session', object: 'conversation' },
  { method: 'POST', path: '/v1/conversations/:id/resolve', auth: 'session', object: 'conversation' },
  {
    method: 'POST',
    path: '/v1/conversations/:id/csat',
    auth: 'session',
    object: 'conversation',
    body: () => ({ score: 5, comment: 'great', idempotencyKey: key() }),
  },
  { method: 'GET', path: '/v1/events', auth: 'session', stream: true },
  { method: 'POST', path: '/v1/attachments', auth: 'session', raw: true },
  { method: 'GET', path: '/v1/attachments/:id', auth: 'signed', object: 'attachment' },
  { method: 'GET', path: '/v1/tickets/form', auth: 'session' },
  { method: 'GET', path: '/v1/tickets', auth: 'session' },
  { method: 'POST', path: '/v1/tickets', auth: 'session', body: ticket },
  { method: 'GET', path: '/v1/tickets/:id', auth: 'session', object: 'ticket' },
  { method: 'POST', path: '/v1/tickets/:id/replies', auth: 'session', object: 'ticket', body: message },
  { method: 'POST', path: '/v1/tickets/:id/read', auth: 'session', object: 'ticket' },
  { method: 'POST', path: '/v1/tickets/:id/solve', auth: 'session', object: 'ticket' },
  { method: 'GET', path: '/v1/me/export', auth: 'session' },
  { method: 'DELETE', path: '/v1/me', auth: 'session' },
  { method: 'GET', path: '/v1/availability', auth: 'session' },
  {
    method: 'POST',
    path: '/v1/answers',
    auth: 'session',
    body: () => ({ question: 'how do I refund', path: '/invoices' }),
  },
  { method: 'POST', path: '/v1/analytics', auth: 'session', body: () => ({ type: 'help_opened' }) },
  { method: 'POST', path: '/v1/page', auth: 'session', body: () => ({ path: '/settings', title: 'Settings' }) },
  { method: 'POST', path: '/v1/contact', auth: 'session', body: () => ({ email: 'ada@example.com' }) },
  {
    method: 'POST',
    path: '/agent/api/login',
    auth: 'public',
    body: () => ({ email: 'nobody@x.test', password: 'wrong-password' }),
  },
  { method: 'POST', path: '/agent/api/logout', auth: 'agent' },
  { method: 'GET', path: '/agent/api/me', auth: 'agent' },
  { method: 'GET', path: '/agent/api/queue', auth: 'agent' },
  { method: 'GET', path: '/agent/api/conversations/:id', auth: 'agent', object: 'conversation' },
  {
    method: 'POST',
    path: '/agent/api/conversations/:id/messages',
    auth: 'agent',
    object: 'conversation',
    body: () => ({ body: 'reply' }),
  },
  {
    method: 'POST',
    path: '/agent/api/conversations/:id/typing',
    auth: 'agent',
    object: 'conversation',
    body: () => ({ typing: true }),
  },
  {
    method: 'POST',
    path: '/agent/api/conversations/:id/status',
    auth: 'agent',
    object: 'conversation',
    body: () => ({ status: 'open' }),
  },
  {
    method: 'PUT',
    path: '/agent/api/conversations/:id/assignee',
    auth: 'agent',
    object: 'conversation',
    body: () => ({ agentId: null }),
  },
  { method: 'GET', path: '/agent/api/agents', auth: 'agent' },
  { method: 'POST', path: '/agent/api/attachments', auth: 'agent', raw: true },
  {
    method: 'PUT',
    path: '/agent/api/tickets/:id/assignee',
    auth: 'agent',
    object: 'ticket',
    body: () => ({ agentId: null }),
  },
  { method: 'GET', path: '/agent/api/tickets/:id', auth: 'agent', object: 'ticket' },
  {
    method: 'PATCH',
    path: '/agent/api/tickets/:id',
    auth: 'agent',
    object: 'ticket',
    body: () => ({ status: 'open' }),
  },
  {
    method: 'POST',
    path: '/agent/api/tickets/:id/replies',
    auth: 'agent',
    object: 'ticket',
    body: () => ({ body: 'reply' }),
  },
  { method: 'GET', path: '/agent/api/kb/articles', auth: 'agent' },
  { method: 'GET', path: '/agent/api/kb/articles/:id', auth: 'agent', object: 'article' },
  { method: 'POST', path: '/agent/api/kb/articles', auth: 'agent', body: article },
  { method: 'PUT', path: '/agent/api/kb/articles/:id', auth: 'agent', object: 'article', body: article },
  { method: 'DELETE', path: '/agent/api/kb/articles/:id', auth: 'agent', object: 'article' },
  { method: 'POST', path: '/agent/api/kb/preview', auth: 'agent', body: () => ({ markdown: '# x' }) },
  { method: 'GET', path: '/agent/api/analytics', auth: 'agent', query: 'days=7' },
  { method: 'GET', path: '/agent/api/visitors/:id/export', auth: 'agent', object: 'visitor' },
  { method: 'DELETE', path: '/agent/api/visitors/:id', auth: 'agent', object: 'visitor' },
  { method: 'POST', path: '/agent/api/presence', auth: 'agent', body: () => ({ online: false }) },
  { method: 'GET', path: '/agent/api/events', auth: 'agent', stream: true },
  {
    method: 'POST',
    path: '/agent/api/tickets/:id/escalate',
    auth: 'agent',
    object: 'ticket',
    body: () => ({ note: 'n' }),
  },
  {
    method: 'POST',
    path: '/agent/api/conversations/:id/escalate',
    auth: 'agent',
    object: 'conversation',
    body: () => ({ note: 'n' }),
  },
  { method: 'GET', path: '/agent/api/webhooks/deliveries', auth: 'agent' },
];

/** `METHOD /path` of every API route the app registers (middleware excluded). */
export function registeredApiRoutes(): string[] {
  // Building the app only registers handlers; nothing here touches the database.
  const app: Hono = createApp({ config: resolveConfig({}) } as AppDeps, '/nonexistent-inbox');
  const routes = app.routes
    .filter((route) => route.method !== 'ALL' && /^\/(v1|agent\/api)\//.test(route.path))
    .map((route) => `${route.method} ${route.path}`);
  return [...new Set(routes)].sort();
}

/** The concrete path of a route for an object id (percent-encoded unless `raw`). */
export function pathFor(route: RouteSpec, id: string, raw = false): string {
  return route.path.replace(':id', raw ? id : encodeURIComponent(id));
}
