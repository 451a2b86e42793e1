import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { send } from './security-http.js';
import { AGENT_PASSWORD, DEMO_SECRET, hmac, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let serverSecret: Uint8Array;
beforeAll(async () => {
  server = await startTestServer({ trustProxy: true });
  const [row] = await server.db.query<{ value: string }>(
    "select value from server_settings where name = 'token_secret'",
  );
  serverSecret = new Uint8Array(Buffer.from(row?.value ?? '', 'base64'));
});
afterAll(() => server?.close());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const hostJwt = (claims: Record<string, unknown>, secret = DEMO_SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
/** A token whose header says `alg` but whose signature is HMAC-SHA256 with `secret` (algorithm confusion). */
const confusedJwt = (alg: string, claims: Record<string, unknown>, secret: string | Uint8Array) => {
  const signingInput = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
};

async function sessionWith(verification: Record<string, unknown>, user: Record<string, unknown> = { id: 'user-1' }) {
  return new WidgetClient(server.url).session({ user, verification });
}

describe('widget identity verification', () => {
  it('refuses forged and misdirected HMACs', async () => {
    expect((await sessionWith({ userHash: 'ab'.repeat(32) })).status).toBe(401);
    expect((await sessionWith({ userHash: hmac('user-2') })).status).toBe(401);
    expect([400, 401]).toContain((await sessionWith({ userHash: hmac('user-1').slice(0, 62) })).status);
    expect((await sessionWith({ userHash: hmac('user-1') })).status).toBe(200);
  });

  it('refuses expired, not-yet-valid, unsigned, algorithm-confused, forged and tampered JWTs', async () => {
    const refused = {
      expired: await hostJwt({ sub: 'user-1', exp: now() - 60 }),
      notYetValid: await hostJwt({ sub: 'user-1', exp: now() + 600, nbf: now() + 300 }),
      noExpiry: await hostJwt({ sub: 'user-1' }),
      none: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'user-1', exp: now() + 600 })}.`,
      rs256WithHsSecret: confusedJwt('RS256', { sub: 'user-1', exp: now() + 600 }, DEMO_SECRET),
      hs512: confusedJwt('HS512', { sub: 'user-1', exp: now() + 600 }, DEMO_SECRET),
      otherSecret: await hostJwt({ sub: 'user-1', exp: now() + 600 }, 'another-secret-of-32-characters!!'),
      otherUser: await hostJwt({ sub: 'user-2', exp: now() + 600 }),
    };
    const valid = await hostJwt({ sub: 'user-1', exp: now() + 600 });
    const [header, , signature] = valid.split('.');
    const tampered = `${header}.${b64({ sub: 'admin', exp: now() + 600 })}.${signature}`;
    for (const [name, jwt] of Object.entries({ ...refused, tampered })) {
      const result = await sessionWith({ jwt });
      expect(result.status, name).toBe(401);
      expect(result.body.error.field, name).toBe('verification.jwt');
    }
    expect((await sessionWith({ jwt: valid })).status).toBe(200);
  });
});

describe('widget session tokens', () => {
  async function visitorWithToken() {
    const client = new WidgetClient(server.url);
    await client.session();
    expect((await client.call('GET', '/v1/conversations')).status).toBe(200);
    return client;
  }
  const withToken = async (token: string) => {
    const client = new WidgetClient(server.url);
    client.token = token;
    return (await client.call('GET', '/v1/conversations')).status;
  };

  it('takes the token from the URL only on the event stream, so it stays out of access logs elsewhere', async () => {
    const client = await visitorWithToken();
    const inUrl = new WidgetClient(server.url);
    expect((await inUrl.call('GET', `/v1/conversations?token=${client.token}`)).status).toBe(401);
    expect((await inUrl.call('DELETE', `/v1/me?token=${client.token}`)).status).toBe(401);
    expect((await client.call('GET', '/v1/conversations')).status).toBe(200);
  });

  it('refuses a token replayed after the visitor erased their data', async () => {
    const client = await visitorWithToken();
    expect((await client.call('DELETE', '/v1/me')).status).toBe(204);
    expect((await client.call('GET', '/v1/conversations')).status).toBe(401);
    expect((await client.call('POST', '/v1/conversations', { body: 'x', idempotencyKey: 'k'.repeat(10) })).status).toBe(
      401,
    );
  });

  it('refuses expired, unsigned, re-signed and algorithm-confused session tokens', async () => {
    const client = await visitorWithToken();
    const [header, payload] = (client.token ?? '').split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    expect(await withToken(`${header}.${payload}.`)).toBe(401);
    expect(await withToken(confusedJwt('none', claims, serverSecret))).toBe(401);
    expect(await withToken(confusedJwt('RS256', claims, serverSecret))).toBe(401);
    expect(await withToken(confusedJwt('HS256', { ...claims, exp: now() - 1 }, serverSecret))).toBe(401);
    expect(await withToken(confusedJwt('HS256', claims, DEMO_SECRET))).toBe(401);
    expect(await withToken(confusedJwt('HS256', { ...claims, ws: 'another-workspace' }, serverSecret))).toBe(401);
    // Control: the same claims correctly signed are accepted, so the refusals above are about the flaw.
    expect(await withToken(confusedJwt('HS256', claims, serverSecret))).toBe(200);
  });
});

describe('agent sessions', () => {
  it('sets an HttpOnly SameSite=Strict cookie, Secure only when the browser is on TLS', async () => {
    const login = (headers: Record<string, string>) =>
      send(server.url, {
        method: 'POST',
        path: '/agent/api/login',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ email: DEMO_AGENT_EMAIL, password: AGENT_PASSWORD }),
      });
    const plain = String((await login({})).headers['set-cookie']);
    expect(plain).toMatch(/HttpOnly/);
    expect(plain).toMatch(/SameSite=Strict/);
    expect(plain).not.toMatch(/Secure/);
    // trustProxy is on: the proxy says the browser used https.
    const behindTls = String((await login({ 'X-Forwarded-Proto': 'https' })).headers['set-cookie']);
    expect(behindTls).toMatch(/HttpOnly/);
    expect(behindTls).toMatch(/SameSite=Strict/);
    expect(behindTls).toMatch(/Secure/);
  });

  it('refuses mutations without the CSRF token or with a wrong one (403), and the cookie after logout (401)', async () => {
    const agent = new AgentClient(server.url);
    expect((await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD)).status).toBe(200);
    const missing = await agent.call('POST', '/presence', { online: true }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.field).toBe('X-CSRF-Token');
    const real = agent.csrfToken;
    agent.csrfToken = `${real.slice(0, -2)}xx`;
    expect((await agent.call('POST', '/presence', { online: true })).status).toBe(403);
    agent.csrfToken = real;
    expect((await agent.call('POST', '/presence', { online: true })).status).toBe(204);
    const cookie = agent.cookie;
    expect((await agent.call('POST', '/logout')).status).toBe(204);
    agent.cookie = cookie;
    expect((await agent.call('GET', '/me')).status).toBe(401);
    expect((await agent.call('POST', '/presence', { online: false })).status).toBe(401);
  });

  it('rate-limits password guessing on one account with 429 and Retry-After', async () => {
    const guesser = new AgentClient(server.url);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<AgentClient['login']>> | undefined;
    for (let attempt = 0; attempt < 12; attempt++) {
      last = await guesser.login('guess-target@demo.helpline.dev', `wrong-${attempt}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(last?.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another account from the same address is judged on its own.
    expect((await guesser.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD)).status).toBe(200);
  });
});
