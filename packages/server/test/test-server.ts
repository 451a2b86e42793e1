import { createHmac } from 'node:crypto';
import { type RunningServer, type ServerConfigInput, type StartOptions, startServer } from '../src/index.js';

export const AGENT_PASSWORD = 'correct horse battery';
export const DEMO_SECRET = 'test-demo-secret-0123456789abcdef';
export const DEMO_KEY = 'demo-public-key';

/** A real server on an ephemeral port with an in-memory PGlite and the demo seed. */
export function startTestServer(config: ServerConfigInput = {}, options: StartOptions = {}): Promise<RunningServer> {
  return startServer(
    {
      port: 0,
      dataDir: ':memory:',
      agentPassword: AGENT_PASSWORD,
      demoSecret: DEMO_SECRET,
      heartbeatSeconds: 60,
      ...config,
    },
    options,
  );
}

export const hmac = (userId: string, secret = DEMO_SECRET): string =>
  createHmac('sha256', secret).update(userId).digest('hex');

export interface Call {
  status: number;
  body: any;
  headers: Headers;
}

/** A widget client: the key on every call, the bearer token after `session`. */
export class WidgetClient {
  token: string | undefined;
  constructor(
    readonly base: string,
    readonly key: string = DEMO_KEY,
  ) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Call> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        'X-Helpline-Key': this.key,
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined || body instanceof Uint8Array ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  async session(identity: Record<string, unknown> = {}): Promise<Call> {
    const result = await this.call('POST', '/v1/session', {
      visitorId: `visitor-${Math.random().toString(36).slice(2, 10)}`,
      ...identity,
    });
    if (result.status === 200) this.token = result.body.token;
    return result;
  }
}

export const key = (): string => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;

/** A valid new ticket for the demo workspace's form (POST /v1/tickets), with a fresh idempotency key. */
export const ticketInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  subject: 'Export broken',
  description: 'The CSV export is empty',
  severity: 'P3',
  category: 'bug',
  fields: { affected_area: 'other' },
  attachmentIds: [],
  idempotencyKey: key(),
  ...overrides,
});
