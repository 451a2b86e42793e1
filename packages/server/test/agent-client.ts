import { DEMO_AGENT_EMAIL } from '../src/index.js';
import { AGENT_PASSWORD, type Call } from './test-server.js';

/** The inbox's side: a cookie jar of one, and the CSRF token on every mutating call. */
export class AgentClient {
  cookie = '';
  csrfToken = '';
  constructor(readonly base: string) {}

  async call(method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<Call> {
    const response = await fetch(`${this.base}/agent/api${path}`, {
      method,
      headers: {
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(options.csrf !== false && this.csrfToken && method !== 'GET' ? { 'X-CSRF-Token': this.csrfToken } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('Set-Cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  /** A raw upload, as the inbox sends a file: its bytes, its type and its name in headers. */
  async upload(
    bytes: Uint8Array,
    headers: Record<string, string> = {},
    options: { csrf?: boolean } = {},
  ): Promise<Call> {
    const response = await fetch(`${this.base}/agent/api/attachments`, {
      method: 'POST',
      headers: {
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(options.csrf !== false && this.csrfToken ? { 'X-CSRF-Token': this.csrfToken } : {}),
        ...headers,
      },
      body: Buffer.from(bytes),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  async login(email: string, password: string): Promise<Call> {
    const result = await this.call('POST', '/login', { email, password });
    if (result.status === 200) this.csrfToken = result.body.csrfToken;
    return result;
  }
}

/** An agent of the demo workspace, signed in. */
export async function signedInDemoAgent(base: string): Promise<AgentClient> {
  const agent = new AgentClient(base);
  await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
  return agent;
}
