import {
  Contact,
  ContextSnapshot,
  Conversation,
  Conversations,
  Csat,
  IdempotencyKey,
  LivePage,
  Message,
  MessagePage,
  NewMessage,
  parseWith,
  StartedConversation,
  type SupportAdapter,
  ValidationError,
} from '@helpline/core';
import * as z from 'zod/mini';
import { Ack, ack } from './ack.js';
import { scheduleAutoReply } from './auto-reply.js';
import { defaultAutoReply } from './default-auto-reply.js';
import type { ConversationRecord, Runtime } from './runtime.js';
import { conversationView, newMessage, ownConversation, resolveAttachments } from './threads.js';

const StartInput = z.extend(NewMessage, { context: z.optional(ContextSnapshot) });
const PageArgs = z.object({
  before: z.optional(z.string().check(z.minLength(1))),
  limit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
});
const RateInput = z.extend(Csat, { idempotencyKey: IdempotencyKey });

type ChatMethods = Required<
  Pick<
    SupportAdapter,
    | 'listConversations'
    | 'startConversation'
    | 'sendMessage'
    | 'listMessages'
    | 'sendTyping'
    | 'markRead'
    | 'rateConversation'
    | 'sendPage'
    | 'endConversation'
    | 'setContact'
  >
>;

function requireContent(input: { body: string; attachmentIds: string[] }): void {
  if (input.body.trim() === '' && input.attachmentIds.length === 0) {
    const issue = 'body: a message needs text or an attachment';
    throw new ValidationError('invalid_input', `Message: ${issue}`, [issue], 'body');
  }
}

export function chatMethods(runtime: Runtime): ChatMethods {
  const scripted = new WeakMap<ConversationRecord, (text: string) => string | null>();
  const replyFor = (record: ConversationRecord) => {
    if (runtime.options.autoReply) return runtime.options.autoReply;
    let reply = scripted.get(record);
    if (!reply) scripted.set(record, (reply = defaultAutoReply(runtime.options.agentName)));
    return reply;
  };

  return {
    async listConversations() {
      const visitorId = runtime.visitorId();
      return runtime.respond(Conversations, 'conversation list', () =>
        [...runtime.conversations.values()]
          .filter((record) => record.visitorId === visitorId)
          .map(conversationView)
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
      );
    },

    async startConversation(input) {
      const args = parseWith(StartInput, input, 'startConversation input');
      requireContent(args);
      const visitorId = runtime.visitorId();
      const attachments = resolveAttachments(runtime, args.attachmentIds);
      const writeKey = `${visitorId}:start:${args.idempotencyKey}`;
      let created = false;
      const started = await runtime.respond(StartedConversation, 'started conversation', () => {
        const earlier = runtime.writes.get(writeKey);
        if (earlier) return earlier;
        const id = runtime.newId('conv');
        const message = newMessage(
          runtime,
          id,
          { type: 'user', id: visitorId },
          args.body,
          attachments,
          args.idempotencyKey,
        );
        const record: ConversationRecord = {
          visitorId,
          conversation: {
            id,
            status: 'open',
            ...(args.body.trim() ? { subject: args.body.trim().slice(0, 80) } : {}),
            createdAt: message.createdAt,
            updatedAt: message.createdAt,
          },
          messages: [message],
          context: args.context,
          readUpTo: 1,
          visitorTyping: false,
        };
        runtime.conversations.set(id, record);
        const result = { conversation: conversationView(record), message };
        runtime.writes.set(writeKey, result);
        created = true;
        return result;
      });
      if (created) {
        const record = runtime.conversations.get(started.conversation.id);
        if (record) scheduleAutoReply(runtime, replyFor(record), record.conversation.id, args.body);
      }
      return started;
    },

    async sendMessage(conversationId, input) {
      const args = parseWith(NewMessage, input, 'sendMessage input');
      requireContent(args);
      const record = ownConversation(runtime, conversationId);
      const attachments = resolveAttachments(runtime, args.attachmentIds);
      const writeKey = `${record.visitorId}:message:${args.idempotencyKey}`;
      let created = false;
      const message = await runtime.respond(Message, 'message', () => {
        const earlier = runtime.writes.get(writeKey);
        if (earlier) return earlier;
        const message = newMessage(
          runtime,
          conversationId,
          { type: 'user', id: record.visitorId },
          args.body,
          attachments,
          args.idempotencyKey,
        );
        record.messages.push(message);
        record.readUpTo = record.messages.length;
        record.visitorTyping = false;
        record.conversation = { ...record.conversation, updatedAt: message.createdAt };
        runtime.writes.set(writeKey, message);
        created = true;
        return message;
      });
      if (created) {
        if (record.conversation.status === 'resolved') {
          record.conversation = { ...record.conversation, status: 'open' };
          runtime.emit({ type: 'status', conversationId, status: 'open' });
        }
        scheduleAutoReply(runtime, replyFor(record), conversationId, args.body);
      }
      return message;
    },

    async listMessages(conversationId, page) {
      const args = parseWith(PageArgs, page ?? {}, 'listMessages page');
      const record = ownConversation(runtime, conversationId);
      const end =
        args.before === undefined ? record.messages.length : record.messages.findIndex((m) => m.id === args.before);
      if (end < 0) {
        const issue = `before: no message with id ${JSON.stringify(args.before)} in this conversation`;
        throw new ValidationError('invalid_input', `listMessages page: ${issue}`, [issue], 'before');
      }
      const start = Math.max(0, end - args.limit);
      return runtime.respond(MessagePage, 'message page', () => {
        const messages = record.messages.slice(start, end);
        return { messages, ...(start > 0 && messages[0] ? { nextCursor: messages[0].id } : {}) };
      });
    },

    async sendTyping(conversationId, typing) {
      const args = parseWith(z.boolean(), typing, 'sendTyping typing');
      const record = ownConversation(runtime, conversationId);
      await runtime.respond(Ack, 'typing receipt', () => {
        record.visitorTyping = args;
        return ack();
      });
    },

    async sendPage(page) {
      const args = parseWith(LivePage, page, 'sendPage page');
      const visitorId = runtime.visitorId();
      await runtime.respond(Ack, 'page receipt', () => {
        runtime.pages.set(visitorId, { ...args, at: runtime.nowIso() });
        return ack();
      });
    },

    async endConversation(conversationId) {
      const record = ownConversation(runtime, conversationId);
      return runtime.respond(Conversation, 'conversation', () => {
        if (record.conversation.status !== 'resolved') {
          record.conversation = { ...record.conversation, status: 'resolved', updatedAt: runtime.nowIso() };
          runtime.emit({ type: 'status', conversationId, status: 'resolved', by: 'user' });
        }
        return conversationView(record);
      });
    },

    async setContact(contact) {
      const args = parseWith(Contact, contact, 'setContact contact');
      const visitorId = runtime.visitorId();
      await runtime.respond(Ack, 'contact receipt', () => {
        runtime.contacts.set(visitorId, { ...args, at: runtime.nowIso() });
        return ack();
      });
    },

    async markRead(conversationId) {
      const record = ownConversation(runtime, conversationId);
      await runtime.respond(Ack, 'read receipt', () => {
        record.readUpTo = record.messages.length;
        runtime.emit({ type: 'read', conversationId, reader: 'user', at: runtime.nowIso() });
        return ack();
      });
    },

    async rateConversation(conversationId, csat) {
      const args = parseWith(RateInput, csat, 'rateConversation input');
      const record = ownConversation(runtime, conversationId);
      await runtime.respond(Ack, 'rating receipt', () => {
        record.conversation = {
          ...record.conversation,
          csat: { score: args.score, ...(args.comment === undefined ? {} : { comment: args.comment }) },
        };
        return ack();
      });
    },
  };
}
