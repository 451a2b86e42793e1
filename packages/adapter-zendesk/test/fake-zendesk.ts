import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgentFault } from '@helpline/adapter-testkit';
import type { ContextSnapshot, TicketStatus } from '@helpline/core';

/**
 * A local stand-in for one Zendesk account, over real HTTP, following the public docs at
 * developer.zendesk.com: "Requests" (end-user view of tickets), "Attachments" (uploads),
 * "Users" (show self), Help Center "Articles", "Search" and "Votes", and "Response format" for the
 * error bodies and 429 Retry-After. It refuses what Zendesk refuses: missing auth where an end user is
 * required, blank comments, unknown upload tokens, missing required ticket fields (RecordInvalid
 * with field_key), unknown ids (RecordNotFound), and — when `closed` — every path, as an unknown
 * subdomain does.
 */

interface FakeArticle {
  id: number;
  title: string;
  html: string;
}
interface FakeRequest {
  id: number;
  requesterId: number;
  subject: string;
  description: string;
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  customFields: { id: number; value: string | number | boolean | null }[];
  createdAt: string;
  updatedAt: string;
}
interface FakeComment {
  id: number;
  requestId: number;
  authorId: number;
  body: string;
  attachments: ReturnType<typeof attachmentJson>[];
  createdAt: string;
}
interface StoredUpload {
  token: string;
  id: number;
  name: string;
  type: string;
  size: number;
}

export interface FakeZendeskOptions {
  articles?: readonly { title: string; html: string }[];
  /** Ticket fields end users must fill in (Zendesk: "Required for end users"). */
  requiredFieldIds?: number[];
  /** Every path answers 404 like an unknown subdomain. */
  closed?: boolean;
}

const AGENT = { id: 1, name: 'Sam Agent', agent: true };
const ANONYMOUS_USER = { id: null, name: 'Anonymous user', email: null, role: 'end-user' };

function attachmentJson(upload: StoredUpload, origin: string) {
  return {
    id: upload.id,
    file_name: upload.name,
    content_url: `${origin}/attachments/token/${upload.token}/?name=${encodeURIComponent(upload.name)}`,
    content_type: upload.type,
    size: upload.size,
  };
}

export async function startFakeZendesk(options: FakeZendeskOptions = {}) {
  let nextId = 100;
  const users = new Map<string, { id: number; name: string; email: string }>([
    ['token-ada-0001', { id: 5001, name: 'Ada Lovelace', email: 'ada@example.com' }],
    ['token-bob-0001', { id: 5002, name: 'Bob Stone', email: 'bob@example.com' }],
  ]);
  const articles = (options.articles ?? []).map((a) => ({ id: ++nextId, title: a.title, html: a.html }) as FakeArticle);
  const requests = new Map<number, FakeRequest>();
  const comments: FakeComment[] = [];
  const uploadsByToken = new Map<string, StoredUpload>();
  const votes: { articleId: number; userId: number; value: 1 | -1 }[] = [];
  const faults: AgentFault[] = [];
  const seen: { method: string; path: string; headers: IncomingMessage['headers']; body: unknown }[] = [];
  let anonymousRequesters = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: 'InternalError', description: String(error) }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }
  const unauthorized = (res: ServerResponse) => send(res, 401, { error: "Couldn't authenticate you" });
  const notFound = (res: ServerResponse) => send(res, 404, { error: 'RecordNotFound', description: 'Not found' });
  const invalid = (
    res: ServerResponse,
    details: Record<string, { description: string; error: string; field_key?: number }[]>,
  ) => send(res, 422, { error: 'RecordInvalid', description: 'Record validation errors', details });

  const requestJson = (r: FakeRequest) => ({
    url: `${origin}/api/v2/requests/${r.id}.json`,
    id: r.id,
    subject: r.subject,
    description: r.description,
    status: r.status,
    priority: r.priority,
    type: null,
    custom_fields: r.customFields,
    requester_id: r.requesterId,
    can_be_solved_by_me: r.status !== 'solved' && r.status !== 'closed',
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  });
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    type: 'Comment',
    request_id: c.requestId,
    body: c.body,
    html_body: `<p>${c.body}</p>`,
    plain_body: c.body,
    public: true,
    author_id: c.authorId,
    attachments: c.attachments,
    created_at: c.createdAt,
  });

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname.replace(/\.json$/, '');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
    let body: unknown;
    if (isJson && raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(res, 400, { error: 'Unprocessable JSON' });
      }
    }
    seen.push({ method, path, headers: req.headers, body: isJson ? body : raw.length });

    if (options.closed) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return res.end('<html><body><h1>Oops! This help center no longer exists</h1></body></html>');
    }
    const fault = faults.shift();
    if (fault === 'network') return req.socket.destroy();
    if (fault === 'malformed') return send(res, 200, { unexpected: ['not', 'what', 'was', 'asked'] });
    if (fault === 401) return unauthorized(res);
    if (fault === 429) return send(res, 429, { error: 'TooManyRequests' }, { 'Retry-After': '7' });
    if (fault === 500) return send(res, 500, { error: 'InternalServerError' });

    const auth = req.headers.authorization;
    let user: { id: number; name: string; email: string } | undefined;
    if (auth !== undefined) {
      user = auth.startsWith('Bearer ') ? users.get(auth.slice(7)) : undefined;
      // A token Zendesk does not know is refused outright, not treated as anonymous.
      if (!user) return unauthorized(res);
    }
    const now = new Date().toISOString();
    let match: RegExpMatchArray | null;

    // Users: "Show the currently authenticated user" answers the anonymous user without credentials.
    if (method === 'GET' && path === '/api/v2/users/me') {
      return send(res, 200, { user: user ? { ...user, role: 'end-user' } : ANONYMOUS_USER });
    }

    // Attachments: "Upload files" — raw bytes, ?filename= required; the token goes into comment.uploads.
    if (method === 'POST' && path === '/api/v2/uploads') {
      const filename = url.searchParams.get('filename');
      if (!filename) return send(res, 400, { error: 'InvalidValue', description: 'filename is required' });
      const upload: StoredUpload = {
        token: `tok${(++nextId).toString(36)}x${Math.random().toString(36).slice(2, 10)}`,
        id: ++nextId,
        name: filename,
        type: req.headers['content-type'] ?? 'application/binary',
        size: raw.length,
      };
      uploadsByToken.set(upload.token, upload);
      const attachment = attachmentJson(upload, origin);
      return send(res, 201, {
        upload: { token: upload.token, expires_at: now, attachments: [attachment], attachment },
      });
    }

    // Requests: "Create Request" — authenticated end user, or anonymous with a requester.
    if (method === 'POST' && path === '/api/v2/requests') {
      const request = (body as { request?: Record<string, unknown> } | undefined)?.request;
      if (!request || typeof request !== 'object')
        return send(res, 400, { error: 'InvalidEndpoint', description: 'request is required' });
      const requester = request.requester as { name?: unknown; email?: unknown } | undefined;
      if (!user && (typeof requester?.name !== 'string' || !requester.name)) return unauthorized(res);
      const comment = request.comment as { body?: unknown; uploads?: unknown } | undefined;
      if (typeof comment?.body !== 'string' || !comment.body.trim())
        return invalid(res, { description: [{ description: 'Description: cannot be blank', error: 'BlankValue' }] });
      const subject = typeof request.subject === 'string' ? request.subject : comment.body.slice(0, 50);
      const priority = request.priority ?? null;
      if (priority !== null && !['low', 'normal', 'high', 'urgent'].includes(priority as string))
        return invalid(res, { priority: [{ description: 'Priority: is invalid', error: 'InvalidValue' }] });
      const customFields = Array.isArray(request.custom_fields)
        ? (request.custom_fields as { id: number; value: string | number | boolean | null }[])
        : [];
      for (const id of options.requiredFieldIds ?? []) {
        const value = customFields.find((f) => f.id === id)?.value;
        if (value === undefined || value === null || value === '')
          return invalid(res, {
            base: [{ description: `Field ${id}: is required`, error: 'BlankValue', field_key: id }],
          });
      }
      const tokens = Array.isArray(comment.uploads) ? (comment.uploads as string[]) : [];
      const attached = [];
      for (const token of tokens) {
        const upload = uploadsByToken.get(token);
        if (!upload)
          return invalid(res, { base: [{ description: `Upload token ${token} is invalid`, error: 'InvalidValue' }] });
        attached.push(attachmentJson(upload, origin));
      }
      const requesterId = user?.id ?? 9000 + ++anonymousRequesters;
      const created: FakeRequest = {
        id: ++nextId,
        requesterId,
        subject,
        description: comment.body,
        status: 'new',
        priority: priority as FakeRequest['priority'],
        customFields,
        createdAt: now,
        updatedAt: now,
      };
      requests.set(created.id, created);
      comments.push({
        id: ++nextId,
        requestId: created.id,
        authorId: requesterId,
        body: comment.body,
        attachments: attached,
        createdAt: now,
      });
      return send(
        res,
        201,
        { request: requestJson(created) },
        { Location: `${origin}/api/v2/requests/${created.id}.json` },
      );
    }

    // Requests: list, show, comments and update need a signed-in end user and only show their own.
    if (path === '/api/v2/requests' && method === 'GET') {
      if (!user) return unauthorized(res);
      const own = [...requests.values()].filter((r) => r.requesterId === user.id).reverse();
      return send(res, 200, {
        requests: own.map(requestJson),
        next_page: null,
        previous_page: null,
        count: own.length,
      });
    }
    if ((match = path.match(/^\/api\/v2\/requests\/(\d+)(\/comments)?$/))) {
      if (!user) return unauthorized(res);
      const found = requests.get(Number(match[1]));
      if (!found || found.requesterId !== user.id) return notFound(res);
      if (match[2] && method === 'GET') {
        let list = comments.filter((c) => c.requestId === found.id);
        if (url.searchParams.get('sort_order') === 'desc') list = [...list].reverse();
        const authors = new Set(list.map((c) => c.authorId));
        const people = [AGENT, { id: user.id, name: user.name, agent: false }].filter((u) => authors.has(u.id));
        return send(res, 200, { comments: list.map(commentJson), users: people, next_page: null, count: list.length });
      }
      if (!match[2] && method === 'GET') return send(res, 200, { request: requestJson(found) });
      if (!match[2] && method === 'PUT') {
        const update = (body as { request?: { comment?: { body?: unknown }; solved?: unknown } } | undefined)?.request;
        if (update?.solved === true && update.comment === undefined) {
          if (found.status === 'solved' || found.status === 'closed')
            return invalid(res, {
              status: [{ description: 'Status: the request cannot be solved', error: 'InvalidValue' }],
            });
          found.status = 'solved';
          found.updatedAt = now;
          return send(res, 200, { request: requestJson(found) });
        }
        const comment = update?.comment;
        if (typeof comment?.body !== 'string' || !comment.body.trim())
          return invalid(res, { base: [{ description: 'Comment: cannot be blank', error: 'BlankValue' }] });
        if (found.status === 'closed')
          return invalid(res, {
            status: [{ description: 'Status: closed prevents ticket update', error: 'InvalidValue' }],
          });
        comments.push({
          id: ++nextId,
          requestId: found.id,
          authorId: user.id,
          body: comment.body,
          attachments: [],
          createdAt: now,
        });
        found.status = 'open';
        found.updatedAt = now;
        return send(res, 200, { request: requestJson(found) });
      }
    }

    // Help Center: "Search Articles" requires query; snippets mark matches with <em>.
    if (method === 'GET' && path === '/api/v2/help_center/articles/search') {
      const query = url.searchParams.get('query');
      if (!query) return send(res, 400, { error: 'InvalidSearchQuery', description: 'query is required' });
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const results = articles
        .filter((a) => words.some((w) => `${a.title} ${a.html}`.toLowerCase().includes(w)))
        .map((a) => ({
          id: a.id,
          url: `${origin}/api/v2/help_center/en-us/articles/${a.id}.json`,
          html_url: `${origin}/hc/en-us/articles/${a.id}`,
          title: a.title,
          body: a.html,
          locale: url.searchParams.get('locale') ?? 'en-us',
          section_id: 1,
          result_type: 'article',
          updated_at: now,
          snippet: emphasize(
            a.html
              .replace(/<[^>]*>/g, ' ')
              .replace(/\s+/g, ' ')
              .trim()
              .slice(0, 160),
            words,
          ),
        }));
      return send(res, 200, { results, count: results.length, next_page: null, page: 1, per_page: 25, page_count: 1 });
    }
    if (method === 'GET' && (match = path.match(/^\/api\/v2\/help_center\/([a-z-]+)\/articles\/(\d+)$/))) {
      const article = articles.find((a) => a.id === Number(match?.[2]));
      if (!article) return notFound(res);
      return send(res, 200, {
        article: {
          id: article.id,
          html_url: `${origin}/hc/${match[1]}/articles/${article.id}`,
          title: article.title,
          body: article.html,
          locale: match[1],
          section_id: 1,
          updated_at: now,
        },
      });
    }
    // Help Center: "Create Vote" — signed-in users only.
    if (method === 'POST' && (match = path.match(/^\/api\/v2\/help_center\/articles\/(\d+)\/(up|down)$/))) {
      if (!user) return unauthorized(res);
      const article = articles.find((a) => a.id === Number(match?.[1]));
      if (!article) return notFound(res);
      votes.push({ articleId: article.id, userId: user.id, value: match[2] === 'up' ? 1 : -1 });
      return send(res, 200, {
        vote: {
          id: ++nextId,
          user_id: user.id,
          value: match[2] === 'up' ? 1 : -1,
          item_id: article.id,
          item_type: 'Article',
        },
      });
    }
    return send(res, 404, { error: 'InvalidEndpoint', description: 'Not found' });
  }

  const requestOf = (id: string) => {
    const found = requests.get(Number(id));
    if (!found) throw new Error(`fake Zendesk: no request ${id}`);
    return found;
  };

  return {
    origin,
    requests,
    comments,
    votes,
    seen,
    agent: {
      reply(id: string, body: string) {
        const found = requestOf(id);
        comments.push({
          id: ++nextId,
          requestId: found.id,
          authorId: AGENT.id,
          body,
          attachments: [],
          createdAt: new Date().toISOString(),
        });
        found.status = 'pending';
      },
      resolve(id: string) {
        requestOf(id).status = 'solved';
      },
      setTicketStatus(id: string, status: TicketStatus) {
        requestOf(id).status = status;
      },
      failNext(kind: AgentFault) {
        faults.push(kind);
      },
      /** What an agent reads in the ticket's first comment, parsed back from the context block. */
      lastContext(id: string): ContextSnapshot | undefined {
        const description = requests.get(Number(id))?.description ?? '';
        const line = (prefix: string) =>
          description
            .split('\n')
            .find((l) => l.startsWith(prefix))
            ?.slice(prefix.length);
        const path = line('Path: ');
        if (path === undefined) return undefined;
        const custom = line('Custom: ');
        return { page: { path }, custom: custom ? JSON.parse(custom) : {} } as unknown as ContextSnapshot;
      },
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function emphasize(text: string, words: string[]): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/[A-Za-z0-9]+/g, (word) =>
    words.some((w) => word.toLowerCase().startsWith(w)) ? `<em>${word}</em>` : word,
  );
}

export type FakeZendesk = Awaited<ReturnType<typeof startFakeZendesk>>;
