import {
  AdapterError,
  Capabilities,
  Contact,
  ContextSnapshot,
  Conversations,
  checkUpload,
  Identity,
  MessagePage,
  parseResponse,
  parseWith,
  type RealtimeEvent,
  Session,
  StartedConversation,
  type SupportAdapter,
  type Upload,
} from '@helpline/core';
import { contextAttributes } from './context-attributes.js';
import { conversationStatus, toConversation, toMessage } from './map.js';
import { chatwootMessages } from './messages.js';
import {
  type ChatwootAdapterDeps,
  ChatwootAdapterOptions,
  type ChatwootAdapterOptionsInput,
  type WebSocketConstructor,
} from './options.js';
import { createRealtime } from './realtime.js';
import { createChatwootCall } from './request.js';
import { CContact, CConversation, CConversations } from './wire.js';

const enc = encodeURIComponent;

/**
 * Adapter for a Chatwoot API-channel inbox through the public Client API
 * (/public/api/v1/inboxes/{inbox_identifier}/…) and the ActionCable RoomChannel for realtime.
 * The visitor becomes a contact whose source_id is the visitor id, so the same visitor finds its
 * conversations again; a verified user is identified by user.id with identifier_hash = userHash.
 */
export function createChatwootAdapter(
  input: ChatwootAdapterOptionsInput,
  deps: ChatwootAdapterDeps = {},
): SupportAdapter {
  const options = parseWith(ChatwootAdapterOptions, input, 'Helpline Chatwoot adapter options', 'invalid_option');
  const fetchImpl = deps.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const prefix = `${options.baseUrl.replace(/\/+$/, '')}/public/api/v1/inboxes/${enc(options.inboxIdentifier)}`;
  const call = createChatwootCall(prefix, options.timeoutMs, fetchImpl);
  const staged = new Map<string, Upload>();
  const started = new Map<string, StartedConversation>();
  // A start whose first message failed reuses its conversation on retry instead of opening another.
  const opened = new Map<string, CConversation>();
  // Newest message id the widget has been given per conversation: replays after (re)subscribing
  // send only what is newer.
  const delivered = new Map<string, number>();
  const mark = (conversationId: string, messageId: string) => {
    const id = Number(messageId);
    if (!Number.isSafeInteger(id)) return;
    if (!delivered.has(conversationId) || id > (delivered.get(conversationId) ?? 0)) delivered.set(conversationId, id);
  };
  let sourceId: string | undefined;

  const contactPath = () => {
    if (!sourceId) throw new AdapterError('unauthorized', 'Chatwoot: connect() first, there is no contact yet');
    return `/contacts/${enc(sourceId)}`;
  };
  const messages = chatwootMessages(call, contactPath, staged);
  const conversationPath = (id: string) => `${contactPath()}/conversations/${enc(id)}`;

  const resync = async (): Promise<RealtimeEvent[]> => {
    const events: RealtimeEvent[] = [];
    for (const id of delivered.keys()) {
      const conversation = parseResponse(
        CConversation,
        await call('GET', conversationPath(id), 'Resyncing'),
        'Chatwoot conversation',
      );
      const after = delivered.get(id) ?? 0;
      for (const m of conversation.messages) {
        if (m.message_type !== 2 && !m.private && m.id > after) events.push({ type: 'message', message: toMessage(m) });
      }
      if (conversation.status !== 'open')
        events.push({ type: 'status', conversationId: id, status: conversationStatus(conversation.status) });
    }
    return events;
  };
  const realtime = createRealtime(options, {
    WebSocket:
      deps.WebSocket ?? (typeof WebSocket === 'function' ? (WebSocket as unknown as WebSocketConstructor) : undefined),
    random: deps.random ?? Math.random,
    resync,
  });

  return {
    name: 'chatwoot',
    capabilities: Capabilities.parse({
      chat: true,
      realtime: true,
      typing: true,
      readReceipts: true,
      attachments: true,
      contact: true,
    }),

    async connect(next) {
      const identity = parseWith(Identity, next, 'Identity');
      const hash = identity.verification?.userHash;
      if (hash && !identity.user?.id)
        throw new AdapterError(
          'invalid_input',
          'Identity: user.id is required with verification.userHash (it is the Chatwoot identifier)',
          {
            field: 'user.id',
          },
        );
      const details = {
        ...(identity.user?.name ? { name: identity.user.name } : {}),
        ...(identity.user?.email ? { email: identity.user.email } : {}),
        ...(hash ? { identifier: identity.user?.id, identifier_hash: hash } : {}),
        custom_attributes: {
          ...(identity.user?.plan ? { plan: identity.user.plan } : {}),
          ...(identity.account?.name ? { account: identity.account.name } : {}),
          ...(identity.account?.plan ? { account_plan: identity.account.plan } : {}),
        },
      };
      // Contacts#create reuses the contact inbox whose source_id it is given (ContactInboxBuilder).
      const contact = parseResponse(
        CContact,
        await call('POST', '/contacts', 'Connecting', { source_id: identity.visitorId, ...details }),
        'Chatwoot contact',
      );
      sourceId = contact.source_id;
      // A returning contact keeps its old name and email until updated.
      if ((details.name && contact.name !== details.name) || (details.email && contact.email !== details.email))
        await call('PATCH', contactPath(), 'Connecting', details);
      realtime.setToken(contact.pubsub_token);
      return parseResponse(Session, { visitorId: identity.visitorId, verified: Boolean(hash) }, 'session');
    },
    async disconnect() {
      realtime.setToken(undefined);
      sourceId = undefined;
      delivered.clear();
      staged.clear();
    },

    // Custom attributes, not the contact's email: Chatwoot merges a contact into another with the same
    // email (ContactIdentifyAction), which would hand this visitor that contact's conversations.
    async setContact(raw) {
      const contact = parseWith(Contact, raw, 'Contact');
      await call('PATCH', contactPath(), 'Saving your email', {
        custom_attributes: {
          helpline_contact_email: contact.email,
          ...(contact.name ? { helpline_contact_name: contact.name } : {}),
        },
      });
    },

    async listConversations() {
      const raw = parseResponse(
        CConversations,
        await call('GET', `${contactPath()}/conversations`, 'Loading conversations'),
        'Chatwoot conversations',
      );
      const seenAt = new Date().toISOString();
      for (const c of raw) {
        const last = c.messages.at(-1);
        mark(String(c.id), last ? String(last.id) : '0');
      }
      return parseResponse(
        Conversations,
        raw.map((c) => toConversation(c, seenAt)),
        'conversations',
      );
    },
    async startConversation(raw) {
      const context = raw.context === undefined ? undefined : parseWith(ContextSnapshot, raw.context, 'Context');
      const earlier = started.get(raw.idempotencyKey);
      if (earlier) return earlier;
      // Validate the first message before creating an empty conversation for it.
      if (!raw.body?.trim() && !raw.attachmentIds?.length)
        throw new AdapterError('invalid_input', 'Message: body is empty', { field: 'body' });
      const conversation =
        opened.get(raw.idempotencyKey) ??
        parseResponse(
          CConversation,
          await call('POST', `${contactPath()}/conversations`, 'Starting the conversation', {
            custom_attributes: context ? contextAttributes(context) : {},
          }),
          'Chatwoot conversation',
        );
      opened.set(raw.idempotencyKey, conversation);
      const id = String(conversation.id);
      mark(id, '0');
      const message = await messages.send(id, raw);
      mark(id, message.id);
      const result = parseResponse(
        StartedConversation,
        {
          conversation: {
            ...toConversation(conversation, message.createdAt),
            lastMessage: message,
            updatedAt: message.createdAt,
          },
          message,
        },
        'conversation',
      );
      started.set(raw.idempotencyKey, result);
      opened.delete(raw.idempotencyKey);
      return result;
    },
    async sendMessage(conversationId, raw) {
      const message = await messages.send(conversationId, raw);
      mark(conversationId, message.id);
      return message;
    },
    async listMessages(conversationId, page) {
      const result = parseResponse(MessagePage, await messages.list(conversationId, page), 'messages');
      for (const m of result.messages) mark(conversationId, m.id);
      return result;
    },
    async sendTyping(conversationId, typing) {
      await call('POST', `${conversationPath(conversationId)}/toggle_typing`, 'Typing', {
        typing_status: typing ? 'on' : 'off',
      });
    },
    async markRead(conversationId) {
      await call('POST', `${conversationPath(conversationId)}/update_last_seen`, 'Marking read');
    },

    subscribe(handler, onStatus) {
      return realtime.subscribe((event) => {
        if (event.type === 'message') mark(event.message.conversationId, event.message.id);
        handler(event);
      }, onStatus);
    },

    async uploadAttachment(file, uploadOptions = {}) {
      checkUpload(file, options.attachments);
      // Chatwoot has no separate upload endpoint: the file is kept here and sent with the message.
      const id = `upload-${Date.now().toString(36)}-${Math.round((deps.random ?? Math.random)() * 1e9).toString(36)}`;
      staged.set(id, file);
      uploadOptions.onProgress?.(file.size, file.size);
      return { id, name: file.name, type: file.type, size: file.size, url: '' };
    },
  };
}
