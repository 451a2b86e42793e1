import { createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgentFault } from '@helpline/adapter-testkit';
import type { ContextSnapshot } from '@helpline/core';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A local stand-in for one Chatwoot account with one API-channel inbox, over real HTTP and a real
 * WebSocket. It follows the public Client API (developers.chatwoot.com → "Client APIs"; the
 * controllers under app/controllers/public/api/v1/inboxes and jbuilder views under
 * app/views/public/api/v1 in chatwoot/chatwoot) and ActionCable's protocol for the RoomChannel
 * (app/channels/room_channel.rb): welcome, ping, subscribe → confirm/reject_subscription, and
 * {identifier, message: {event, data}} broadcasts shaped like Message#push_event_data.
 *
 * It refuses what Chatwoot refuses: an unknown inbox identifier, contact source_id or conversation
 * (404 via RequestExceptionHandler, {"error": …}), a wrong identifier_hash (HMAC failed — recent
 * Chatwoot versions answer 401), a message with neither content nor attachments (422), and a
 * pubsub_token it does not know (reject_subscription).
 */

interface FakeAttachment {
  id: number;
  message_id: number;
  file_type: string;
  extension: string;
  data_url: string;
  file_size: number;
}
interface FakeMessage {
  id: number;
  conversationId: number;
  content: string | null;
  messageType: 0 | 1 | 2 | 3;
  createdAt: number;
  echoId: string | null;
  attachments: FakeAttachment[];
  sender: { id: number; name: string; type: 'contact' | 'user' } | null;
}
interface FakeConversation {
  id: number;
  contactId: number;
  status: 'open' | 'resolved' | 'pending' | 'snoozed';
  contactLastSeenAt: number;
  agentLastSeenAt: number;
  customAttributes: Record<string, unknown>;
}
interface FakeContact {
  id: number;
  name: string | null;
  email: string | null;
  identifier: string | null;
  customAttributes: Record<string, unknown>;
}
interface ContactInbox {
  sourceId: string;
  pubsubToken: string;
  contactId: number;
  hmacVerified: boolean;
}

export interface FakeChatwootOptions {
  inboxIdentifier?: string;
  /** The inbox's HMAC token (Settings → Inboxes → Configuration → Identity validation). */
  hmacToken?: string;
  /** Interval of ActionCable pings. @default 3000 */
  pingMs?: number;
}

const AGENT = { id: 1, name: 'Sam Agent', type: 'user' as const };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function startFakeChatwoot(options: FakeChatwootOptions = {}) {
  const inboxIdentifier = options.inboxIdentifier ?? 'inbox-token-1';
  const hmacToken = options.hmacToken ?? 'hmac-secret';
  let nextId = 1;
  const contacts = new Map<number, FakeContact>();
  const contactInboxes = new Map<string, ContactInbox>();
  const conversations = new Map<number, FakeConversation>();
  const messages: FakeMessage[] = [];
  const faults: AgentFault[] = [];
  let loseNextResponse = false;
  const seen: { method: string; path: string; body: unknown }[] = [];
  const subscriptions = new Map<WebSocket, { identifier: string; token: string }[]>();
  const now = () => Math.floor(Date.now() / 1000);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  const cable = new WebSocketServer({ server, path: '/cable' });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // ActionCable: welcome on connect, pings, subscribe commands for the RoomChannel.
  cable.on('connection', (socket) => {
    subscriptions.set(socket, []);
    socket.send(JSON.stringify({ type: 'welcome' }));
    const ping = setInterval(
      () => socket.send(JSON.stringify({ type: 'ping', message: now() })),
      options.pingMs ?? 3000,
    );
    socket.on('close', () => {
      clearInterval(ping);
      subscriptions.delete(socket);
    });
    socket.on('message', (raw) => {
      let command: { command?: string; identifier?: string };
      try {
        command = JSON.parse(String(raw));
      } catch {
        return;
      }
      if (command.command !== 'subscribe' || typeof command.identifier !== 'string') return;
      let params: { channel?: string; pubsub_token?: string } = {};
      try {
        params = JSON.parse(command.identifier);
      } catch {
        // An identifier that is not JSON names no channel: rejected below.
      }
      const known = [...contactInboxes.values()].some((ci) => ci.pubsubToken === params.pubsub_token);
      if (params.channel !== 'RoomChannel' || !known || !params.pubsub_token) {
        socket.send(JSON.stringify({ identifier: command.identifier, type: 'reject_subscription' }));
        return;
      }
      subscriptions.get(socket)?.push({ identifier: command.identifier, token: params.pubsub_token });
      socket.send(JSON.stringify({ identifier: command.identifier, type: 'confirm_subscription' }));
    });
  });

  function broadcast(contactId: number, event: string, data: unknown) {
    const tokens = new Set(
      [...contactInboxes.values()].filter((ci) => ci.contactId === contactId).map((ci) => ci.pubsubToken),
    );
    for (const [socket, subs] of subscriptions) {
      for (const sub of subs) {
        if (tokens.has(sub.token))
          socket.send(JSON.stringify({ identifier: sub.identifier, message: { event, data } }));
      }
    }
  }

  function send(res: ServerResponse, status: number, body?: unknown) {
    if (loseNextResponse) {
      // The request was carried out, but its answer never arrives (a timeout or a dropped connection).
      loseNextResponse = false;
      return res.socket?.destroy();
    }
    if (body === undefined) {
      res.writeHead(status);
      return res.end();
    }
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }
  const notFound = (res: ServerResponse, what: string) => send(res, 404, { error: `Couldn't find ${what}` });

  const messageJson = (m: FakeMessage) => ({
    id: m.id,
    content: m.content,
    message_type: m.messageType,
    content_type: 'text',
    content_attributes: {},
    created_at: m.createdAt,
    conversation_id: m.conversationId,
    ...(m.attachments.length ? { attachments: m.attachments } : {}),
    ...(m.sender ? { sender: m.sender } : {}),
  });
  // Message#push_event_data: the model's attributes plus echo_id, for realtime only.
  const messageEvent = (m: FakeMessage) => ({
    ...messageJson(m),
    private: false,
    ...(m.echoId ? { echo_id: m.echoId } : {}),
    conversation: { assignee_id: null },
  });
  const conversationJson = (c: FakeConversation) => {
    const contact = contacts.get(c.contactId);
    return {
      id: c.id,
      uuid: `uuid-${c.id}`,
      inbox_id: 1,
      contact_last_seen_at: c.contactLastSeenAt,
      status: c.status,
      agent_last_seen_at: c.agentLastSeenAt,
      // resource.messages.chat: incoming and outgoing only.
      messages: messages
        .filter((m) => m.conversationId === c.id && (m.messageType === 0 || m.messageType === 1))
        .map(messageJson),
      contact: contact ? { id: contact.id, name: contact.name, email: contact.email } : null,
    };
  };

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  function addMessage(
    conversation: FakeConversation,
    fields: Omit<FakeMessage, 'id' | 'conversationId' | 'createdAt'>,
  ) {
    const message: FakeMessage = { id: nextId++, conversationId: conversation.id, createdAt: now(), ...fields };
    messages.push(message);
    broadcast(conversation.contactId, 'message.created', messageEvent(message));
    return message;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const type = req.headers['content-type'] ?? '';
    let body: Record<string, unknown> = {};
    let form: FormData | undefined;
    if (type.startsWith('application/json') && raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(res, 400, { error: 'Invalid JSON' });
      }
    } else if (type.startsWith('multipart/form-data')) {
      form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
      body = Object.fromEntries([...form.keys()].filter((k) => k !== 'attachments[]').map((k) => [k, form?.get(k)]));
    }
    seen.push({ method, path: url.pathname, body });

    const fault = faults.shift();
    if (fault === 'network') return req.socket.destroy();
    if (fault === 'malformed') return send(res, 200, { payload: 'not what was asked' });
    if (fault === 401) return send(res, 401, { error: 'HMAC failed: Invalid Identifier Hash Provided' });
    if (fault === 429) {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '3' });
      return res.end(JSON.stringify({ error: 'Too many requests' }));
    }
    if (fault === 500) return send(res, 500, { error: 'Internal Server Error' });

    const path = url.pathname.match(/^\/public\/api\/v1\/inboxes\/([^/]+)(\/.*)?$/);
    if (!path) return send(res, 404, { error: 'Not Found' });
    // InboxesController#set_inbox_channel: Channel::Api.find_by!(identifier: params[:inbox_id]).
    if (decodeURIComponent(path[1] ?? '') !== inboxIdentifier) return notFound(res, 'Channel::Api');
    const rest = path[2] ?? '/';

    const hmacProblem = () => {
      if (!body.identifier_hash) return false;
      const expected = createHmac('sha256', hmacToken)
        .update(String(body.identifier ?? ''))
        .digest('hex');
      return body.identifier_hash !== expected;
    };
    const contactFields = (contact: FakeContact) => {
      if (typeof body.email === 'string') {
        if (!EMAIL.test(body.email)) return 'Email is invalid';
        contact.email = body.email;
      }
      if (typeof body.name === 'string') contact.name = body.name;
      if (body.custom_attributes && typeof body.custom_attributes === 'object')
        contact.customAttributes = { ...contact.customAttributes, ...(body.custom_attributes as object) };
      return undefined;
    };

    // Contacts#create — identifier, identifier_hash, email, name, custom_attributes; source_id reuses a contact inbox.
    if (method === 'POST' && rest === '/contacts') {
      if (hmacProblem()) return send(res, 401, { error: 'HMAC failed: Invalid Identifier Hash Provided' });
      const sourceId = typeof body.source_id === 'string' && body.source_id ? body.source_id : randomUUID();
      let contactInbox = contactInboxes.get(sourceId);
      if (!contactInbox) {
        const identified =
          typeof body.identifier === 'string'
            ? [...contacts.values()].find((c) => c.identifier === body.identifier)
            : undefined;
        const contact = identified ?? { id: nextId++, name: null, email: null, identifier: null, customAttributes: {} };
        const problem = contactFields(contact);
        if (problem) return send(res, 422, { message: problem, attributes: ['email'] });
        if (typeof body.identifier === 'string') contact.identifier = body.identifier;
        contacts.set(contact.id, contact);
        contactInbox = {
          sourceId,
          pubsubToken: randomUUID().replace(/-/g, ''),
          contactId: contact.id,
          hmacVerified: Boolean(body.identifier_hash),
        };
        contactInboxes.set(sourceId, contactInbox);
      }
      const contact = contacts.get(contactInbox.contactId);
      return send(res, 200, {
        source_id: contactInbox.sourceId,
        pubsub_token: contactInbox.pubsubToken,
        id: contact?.id,
        name: contact?.name,
        email: contact?.email,
      });
    }

    const contactMatch = rest.match(/^\/contacts\/([^/]+)(\/.*)?$/);
    if (!contactMatch) return send(res, 404, { error: 'Not Found' });
    const contactInbox = contactInboxes.get(decodeURIComponent(contactMatch[1] ?? ''));
    if (!contactInbox) return notFound(res, 'ContactInbox');
    const contact = contacts.get(contactInbox.contactId) as FakeContact;
    const sub = contactMatch[2] ?? '';

    if (sub === '') {
      if (method === 'GET') return send(res, 200, { id: contact.id, name: contact.name, email: contact.email });
      if (method === 'PATCH') {
        if (hmacProblem()) return send(res, 401, { error: 'HMAC failed: Invalid Identifier Hash Provided' });
        const problem = contactFields(contact);
        if (problem) return send(res, 422, { message: problem, attributes: ['email'] });
        return send(res, 200, {
          id: contact.id,
          name: contact.name,
          email: contact.email,
          custom_attributes: contact.customAttributes,
        });
      }
    }
    // Conversations of a verified contact span its contact inboxes; an unverified one sees this inbox's only.
    const visible = (c: FakeConversation) => c.contactId === contact.id;
    if (sub === '/conversations') {
      if (method === 'GET') return send(res, 200, [...conversations.values()].filter(visible).map(conversationJson));
      if (method === 'POST') {
        const attributes = body.custom_attributes ?? {};
        if (typeof attributes !== 'object' || Array.isArray(attributes))
          return send(res, 422, { message: 'Custom attributes is invalid' });
        const conversation: FakeConversation = {
          id: nextId++,
          contactId: contact.id,
          status: 'open',
          contactLastSeenAt: 0,
          agentLastSeenAt: 0,
          customAttributes: attributes as Record<string, unknown>,
        };
        conversations.set(conversation.id, conversation);
        return send(res, 200, conversationJson(conversation));
      }
    }
    const convMatch = sub.match(/^\/conversations\/(\d+)(\/[a-z_]+)?$/);
    if (!convMatch) return send(res, 404, { error: 'Not Found' });
    const conversation = conversations.get(Number(convMatch[1]));
    if (!conversation || !visible(conversation)) return notFound(res, 'Conversation');
    const action = convMatch[2] ?? '';

    if (action === '' && method === 'GET') return send(res, 200, conversationJson(conversation));
    if (action === '/toggle_status' && method === 'POST') {
      conversation.status = 'resolved';
      return send(res, 200, conversationJson(conversation));
    }
    if (action === '/toggle_typing' && method === 'POST') {
      if (body.typing_status !== 'on' && body.typing_status !== 'off') return send(res, 200);
      typing.push({ conversationId: conversation.id, on: body.typing_status === 'on' });
      return send(res, 200);
    }
    if (action === '/update_last_seen' && method === 'POST') {
      conversation.contactLastSeenAt = now();
      return send(res, 200);
    }
    if (action === '/messages' && method === 'GET') {
      // MessageFinder: 20 per page, `before` a message id, oldest first; activity messages filtered.
      const before = url.searchParams.get('before');
      let list = messages.filter((m) => m.conversationId === conversation.id && m.messageType !== 2);
      if (before) list = list.filter((m) => m.id < Number(before));
      return send(res, 200, list.slice(-20).map(messageJson));
    }
    if (action === '/messages' && method === 'POST') {
      const files = (form?.getAll('attachments[]') ?? []).filter((f): f is File => typeof f !== 'string');
      const content = typeof body.content === 'string' ? body.content : null;
      if (!content?.trim() && files.length === 0) return send(res, 422, { message: "Content can't be blank" });
      const id = nextId;
      const attachments: FakeAttachment[] = [];
      for (const file of files) {
        const extension = file.name.split('.').at(-1) ?? '';
        attachments.push({
          id: 10_000 + nextId++,
          message_id: id,
          file_type: file.type.startsWith('image/') ? 'image' : 'file',
          extension,
          data_url: `${origin}/rails/active_storage/blobs/${encodeURIComponent(file.name)}`,
          file_size: file.size,
        });
      }
      const message = addMessage(conversation, {
        content,
        messageType: 0,
        echoId: typeof body.echo_id === 'string' ? body.echo_id : null,
        attachments,
        sender: { id: contact.id, name: contact.name ?? 'Visitor', type: 'contact' },
      });
      return send(res, 200, messageJson(message));
    }
    return send(res, 404, { error: 'Not Found' });
  }

  const typing: { conversationId: number; on: boolean }[] = [];
  const conversationOf = (id: string) => {
    const found = conversations.get(Number(id));
    if (!found) throw new Error(`fake Chatwoot: no conversation ${id}`);
    return found;
  };
  const subscribed = (contactId: number) => {
    const tokens = new Set(
      [...contactInboxes.values()].filter((ci) => ci.contactId === contactId).map((ci) => ci.pubsubToken),
    );
    return [...subscriptions.values()].some((subs) => subs.some((s) => tokens.has(s.token)));
  };

  return {
    origin,
    inboxIdentifier,
    hmacFor: (identifier: string) => createHmac('sha256', hmacToken).update(identifier).digest('hex'),
    contacts,
    conversations,
    messages,
    typing,
    seen,
    agent: {
      reply(id: string, content: string) {
        const conversation = conversationOf(id);
        addMessage(conversation, { content, messageType: 1, echoId: null, attachments: [], sender: AGENT });
      },
      resolve(id: string) {
        const conversation = conversationOf(id);
        conversation.status = 'resolved';
        addMessage(conversation, {
          content: 'Conversation was marked resolved by Sam Agent',
          messageType: 2,
          echoId: null,
          attachments: [],
          sender: null,
        });
        broadcast(conversation.contactId, 'conversation.status_changed', {
          id: conversation.id,
          status: 'resolved',
          inbox_id: 1,
        });
      },
      /** Typing is ephemeral: like a person, the agent's typing is only seen by a widget that is listening. */
      async typing(id: string, on: boolean) {
        const conversation = conversationOf(id);
        for (let i = 0; i < 100 && !subscribed(conversation.contactId); i++)
          await new Promise((r) => setTimeout(r, 20));
        broadcast(conversation.contactId, on ? 'conversation.typing_on' : 'conversation.typing_off', {
          conversation: { id: conversation.id, inbox_id: 1 },
          user: AGENT,
          is_private: false,
        });
      },
      readByAgent(id: string) {
        conversationOf(id).agentLastSeenAt = now();
      },
      presence(users: Record<string, 'online' | 'busy' | 'offline'>) {
        for (const contact of contacts.values()) broadcast(contact.id, 'presence.update', { account_id: 1, users });
      },
      failNext(kind: AgentFault) {
        faults.push(kind);
      },
      loseNextResponse() {
        loseNextResponse = true;
      },
      /** The email the visitor gave, as the agent sees it on the conversation's contact. */
      visitorContact(id: string): { email: string } | undefined {
        const email = contacts.get(conversationOf(id).contactId)?.customAttributes.helpline_contact_email;
        return typeof email === 'string' ? { email } : undefined;
      },
      lastContext(id: string): ContextSnapshot | undefined {
        const json = conversations.get(Number(id))?.customAttributes.helpline_context;
        return typeof json === 'string' ? (JSON.parse(json) as ContextSnapshot) : undefined;
      },
      /** Drops every realtime connection, as a network blip or a server deploy would. */
      dropConnections() {
        for (const socket of subscriptions.keys()) socket.terminate();
      },
      /** Issues new pubsub tokens and drops the sockets: the old tokens are refused from now on. */
      revokeRealtime() {
        for (const ci of contactInboxes.values()) ci.pubsubToken = randomUUID().replace(/-/g, '');
        for (const socket of subscriptions.keys()) socket.terminate();
      },
    },
    close: async () => {
      for (const socket of cable.clients) socket.terminate();
      cable.close();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export type FakeChatwoot = Awaited<ReturnType<typeof startFakeChatwoot>>;
