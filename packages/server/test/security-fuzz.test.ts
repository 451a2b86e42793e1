import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { type RawRequest, type RawResponse, seeded, send } from './security-http.js';
import { pathFor, ROUTES, type RouteSpec, registeredApiRoutes } from './security-route-table.js';
import { startSecurityServer, type Tenant, twoTenants } from './security-world.js';
import { WidgetClient } from './test-server.js';

let server: RunningServer;
let tenant: Tenant;
const MAX_BODY = 64 * 1024;

beforeAll(async () => {
  server = await startSecurityServer();
  tenant = (await twoTenants(server)).a;
});
afterAll(() => server?.close());

const random = seeded(0x5eed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const WRONG_TYPES: readonly unknown[] = [
  123,
  -1,
  1e308,
  true,
  false,
  null,
  [],
  [1, 'a'],
  {},
  { nested: { deep: [] } },
  'text',
  '',
];
const UNICODE: readonly string[] = [
  '\ud800', // lone high surrogate
  'a\udfffb', // lone low surrogate
  'nul\u0000byte',
  '\u202etxt.exe', // right-to-left override
  '😀'.repeat(10_000),
  'Z̸̢̛̛͔̳̱̯͎̦͈̞̫̻͙͉̖̈̾̓̀͒̒̕͘͝a̵̧̢̹̞̮̜̝̲͕̪̳̗͍̯̓̔͌̀͗͋̈́̚͠l̴̨̡̫͖̫͓͈̬͖̥̖̹̬̻̗͆̃g̶̛̪̣͉͓̭͙͈͖̐̏̓̃̑̈́̇̏̚o',
  '\ufeffbom',
  '\u2028line\u2029sep',
  '<script>alert(1)</script>',
  "' or 1=1 --",
];
const MALFORMED = [
  '{',
  '{"a":',
  '[',
  'nul',
  "{'single': 1}",
  '{"a":1,}',
  '\u0000',
  '{"__proto__":{"x":1}}',
  'null',
  '[]',
  '"str"',
  '42',
];
const PATH_IDS = [
  '..',
  '%2e%2e',
  '..%2f..%2fhealthz',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  'a%2Fb',
  '%252e%252e%252f',
  '%00',
  '%ff%fe',
  '%e2%80%ae',
  'x'.repeat(4000),
  "1'%20or%20'1'='1",
  '-1',
];
const BAD_QUERIES = [
  'limit=-1&limit=abc',
  'q=%00',
  `q=${'x'.repeat(3000)}`,
  'before=%ff&limit=99999999999999999999',
  'days=99999999999999999999',
  'lastEventId=-1',
  'q[]=a&q[]=b',
  'path=%00&ids=%00,%ff',
];

interface Case {
  name: string;
  req: RawRequest;
  /** Exactly this status, or any 4xx when absent. */
  status?: number;
  /** A 2xx is fine too (valid input with odd content). */
  mayPass?: boolean;
  /** When refused with 400, the error must name this field. */
  field?: string;
}

/** Credentials for a route, as headers plus a query suffix (signed downloads). */
async function credentials(route: RouteSpec): Promise<{ headers: Record<string, string>; query: string }> {
  if (route.auth === 'public') return { headers: {}, query: '' };
  if (route.auth === 'agent') {
    return { headers: { Cookie: tenant.agent.cookie, 'X-CSRF-Token': tenant.agent.csrfToken }, query: '' };
  }
  if (route.auth === 'signed') return { headers: {}, query: new URL(tenant.attachmentUrl).search.slice(1) };
  // Erasing oneself must not take the shared visitor down for the routes after it.
  const visitor = route.method === 'DELETE' ? new WidgetClient(server.url, tenant.key) : tenant.visitor;
  if (visitor !== tenant.visitor) await visitor.session();
  return {
    headers: {
      'X-Helpline-Key': tenant.key,
      ...(route.auth === 'session' ? { Authorization: `Bearer ${visitor.token}` } : {}),
    },
    query: '',
  };
}

function withQuery(path: string, ...parts: (string | undefined)[]): string {
  const query = parts.filter(Boolean).join('&');
  return query ? `${path}?${query}` : path;
}

function casesFor(route: RouteSpec, auth: { headers: Record<string, string>; query: string }): Case[] {
  const id = route.object ? tenant.ids[route.object] : '';
  const path = pathFor(route, id);
  const url = withQuery(path, route.query, auth.query);
  const json = { 'Content-Type': 'application/json' };
  const cases: Case[] = [];
  if (route.auth !== 'public') {
    cases.push({
      name: 'no credentials',
      req: { method: route.method, path: withQuery(path, route.query) },
      status: route.auth === 'signed' ? 403 : 401,
    });
    const forged: Record<string, string> =
      route.auth === 'agent'
        ? { Cookie: 'helpline_agent=forged', 'X-CSRF-Token': 'x' }
        : route.auth === 'signed'
          ? {}
          : route.auth === 'key'
            ? { 'X-Helpline-Key': 'forged-key' }
            : { 'X-Helpline-Key': tenant.key, Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJ3cyI6IngifQ.' };
    const forgedQuery = route.auth === 'signed' ? 'exp=99999999999&sig=forged' : undefined;
    cases.push({
      name: 'forged credentials',
      req: { method: route.method, path: withQuery(path, route.query, forgedQuery), headers: forged },
      status: route.auth === 'signed' ? 403 : 401,
    });
  }
  if (route.object) {
    for (const bad of PATH_IDS) {
      cases.push({
        name: `path id ${bad.slice(0, 30)}`,
        req: {
          method: route.method,
          path: withQuery(pathFor(route, bad, true), route.query, auth.query),
          headers: { ...auth.headers, ...json },
          ...(route.body ? { body: JSON.stringify(route.body(tenant.ids)) } : {}),
        },
      });
    }
  }
  if (route.method === 'GET') {
    for (const query of BAD_QUERIES) {
      cases.push({
        name: `query ${query.slice(0, 30)}`,
        req: { method: 'GET', path: withQuery(path, query, auth.query), headers: auth.headers },
        mayPass: true,
      });
    }
  }
  if (route.method !== 'GET') {
    const huge = `{"body":"${'x'.repeat(MAX_BODY + (route.raw ? 128 * 1024 : 0))}"}`;
    cases.push({
      name: 'huge body',
      req: { method: route.method, path: url, headers: { ...auth.headers, ...json }, body: huge },
      status: 413,
    });
    cases.push({
      name: 'huge chunked body',
      req: { method: route.method, path: url, headers: { ...auth.headers, ...json }, body: huge, chunked: true },
      status: 413,
    });
  }
  if (route.raw) {
    for (let n = 0; n < 6; n++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 300)).map(() => Math.floor(random() * 256));
      const type = pick([
        'image/png',
        'text/html',
        'image/svg+xml',
        'application/javascript',
        'application/octet-stream',
        'garbage',
      ]);
      cases.push({
        name: `random bytes as ${type}`,
        req: { method: 'POST', path: url, headers: { ...auth.headers, 'Content-Type': type }, body: bytes },
      });
    }
    cases.push({
      name: 'empty upload',
      req: { method: 'POST', path: url, headers: auth.headers, body: '' },
      status: 400,
    });
  }
  if (!route.body) return cases;
  for (const text of MALFORMED) {
    cases.push({
      name: `malformed ${JSON.stringify(text)}`,
      req: { method: route.method, path: url, headers: { ...auth.headers, ...json }, body: text },
    });
  }
  for (const text of ['null', '[]', '"str"', '42']) {
    cases.push({
      name: `non-object body ${text}`,
      req: { method: route.method, path: url, headers: { ...auth.headers, ...json }, body: text },
      status: 400,
      field: 'body',
    });
  }
  // Deep enough to overflow a recursive walk (about 5,000 levels did), small enough for the body cap.
  for (const [open, close] of [
    ['{"a":', '}'],
    ['[', ']'],
  ] as const) {
    cases.push({
      name: `nested ${open} 6,000 deep`,
      req: {
        method: route.method,
        path: url,
        headers: { ...auth.headers, ...json },
        body: `{"x":${open.repeat(6000)}1${close.repeat(6000)}}`,
      },
      status: 400,
    });
  }
  cases.push({
    name: 'invalid UTF-8 bytes',
    req: {
      method: route.method,
      path: url,
      headers: { ...auth.headers, ...json },
      body: new Uint8Array([0x7b, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    },
  });
  const valid = route.body(tenant.ids);
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
  ]) {
    const body = type.startsWith('application/x-www')
      ? 'a=1&b=2'
      : type === 'application/xml'
        ? '<a/>'
        : JSON.stringify(valid);
    cases.push({
      name: `content type ${type}`,
      req: { method: route.method, path: url, headers: { ...auth.headers, 'Content-Type': type }, body },
      mayPass: true,
    });
  }
  for (const field of Object.keys(valid)) {
    const { [field]: _dropped, ...missing } = route.body(tenant.ids);
    cases.push({
      name: `missing ${field}`,
      req: { method: route.method, path: url, headers: { ...auth.headers, ...json }, body: JSON.stringify(missing) },
      mayPass: true,
      field,
    });
    for (let n = 0; n < 2; n++) {
      const wrong = pick(WRONG_TYPES);
      if (Array.isArray(wrong) ? Array.isArray(valid[field]) : typeof wrong === typeof valid[field]) continue;
      cases.push({
        name: `${field} = ${JSON.stringify(wrong)}`,
        req: {
          method: route.method,
          path: url,
          headers: { ...auth.headers, ...json },
          body: JSON.stringify({ ...route.body(tenant.ids), [field]: wrong }),
        },
        field,
      });
    }
    if (typeof valid[field] === 'string') {
      for (let n = 0; n < 3; n++) {
        const text = pick(UNICODE);
        cases.push({
          name: `${field} = unicode ${JSON.stringify(text.slice(0, 12))}`,
          req: {
            method: route.method,
            path: url,
            headers: { ...auth.headers, ...json },
            body: JSON.stringify({ ...route.body(tenant.ids), [field]: text }),
          },
          mayPass: true,
          field,
        });
      }
    }
  }
  return cases;
}

function judge(c: Case, res: RawResponse): string | undefined {
  const where = `${c.name} → ${res.status} ${res.text.slice(0, 200)}`;
  if (res.status >= 500) return where;
  if (c.status !== undefined && res.status !== c.status) return `expected ${c.status}: ${where}`;
  if (res.status < 400) return c.mayPass ? undefined : `expected a 4xx: ${where}`;
  const error = res.json?.error;
  if (typeof error?.code !== 'string' || typeof error?.message !== 'string' || error.message.length === 0)
    return `not a JSON error: ${where}`;
  if (res.status === 400 && c.field && error.field !== c.field && !error.message.includes(c.field))
    return `error does not name ${c.field}: ${where}`;
  return undefined;
}

describe('fuzzing every endpoint', () => {
  it('covers every route the app registers (a new endpoint must be added to the table)', () => {
    expect(registeredApiRoutes()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers hostile input with a 4xx JSON error, never a 500',
    async (_name, route) => {
      const auth = await credentials(route);
      const problems: string[] = [];
      for (const c of casesFor(route, auth)) {
        const res = await send(server.url, c.req);
        const problem = judge(c, res);
        if (problem) problems.push(problem);
      }
      expect(problems).toEqual([]);
    },
  );

  it('still answers /healthz afterwards', async () => {
    const res = await send(server.url, { method: 'GET', path: '/healthz' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
  });
});
