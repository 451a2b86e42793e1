import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import * as z from 'zod/mini';
import { command } from '../client/command.js';
import type { Runtime } from '../client/runtime.js';
import type { ChatApi, OutboxItem } from '../client/types.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import type { Outbox, Sent } from '../outbox/outbox.js';
import type { OutboxRecord } from '../outbox/record.js';
import { Attachment } from '../schemas/attachment.js';
import { Id, MAX_TEXT_LENGTH } from '../schemas/common.js';
import {
  Conversation,
  Conversations,
  Csat,
  type Message,
  MessagePage,
  type StartedConversation,
} from '../schemas/conversation.js';
import type { RealtimeEvent } from '../schemas/realtime.js';
import { parseResponse } from '../validation/parse.js';
import type { Drafts } from './drafts.js';
import { NEW_CHAT } from './new-chat.js';
import { createThreads } from './threads.js';
import { createTypingTracker } from './typing.js';

type ThreadView = ReturnType<ChatApi['thread']>;

export interface Chat extends ChatApi {
  /** Sum of unread agent messages over all conversations. */
  readonly unread: ReadonlySignal<number>;
  onRealtime(event: RealtimeEvent): void;
  onSent(record: OutboxRecord, sent: Sent): void;
  /** The user is looking at this thread: everything in it counts as read. */
  seen(conversationId: string): void;
  /** Threads on screen this visit fetch their newest messages again (what a live stream may have missed). */
  refresh(): void;
  reset(): void;
}

const Body = z.string().check(z.maxLength(MAX_TEXT_LENGTH));

/** `hidden`: whom the page names now may not see what the session read (see startMessaging). */
export function createChat(rt: Runtime, outbox: Outbox, drafts: Drafts<string>, hidden: ReadonlySignal<boolean>): Chat {
  const conversations = signal<Conversation[]>([]);
  const shown = computed(() => (hidden.value ? [] : conversations.value));
  const views = new Map<string, ThreadView>();
  const typing = createTypingTracker(rt.timers);
  const unread = computed(() => shown.value.reduce((sum, conversation) => sum + conversation.unreadCount, 0));

  const method = <K extends 'listConversations' | 'listMessages' | 'sendTyping' | 'markRead' | 'endConversation'>(
    name: K,
  ) => {
    const fn = rt.adapter[name];
    if (fn === undefined) throw new UnsupportedError(name, rt.adapter.name);
    return fn.bind(rt.adapter) as NonNullable<(typeof rt.adapter)[K]>;
  };
  const threads = createThreads(
    rt,
    async (id, before) =>
      parseResponse(MessagePage, await method('listMessages')(id, before === undefined ? {} : { before }), 'messages'),
    'chat.thread',
  );
  const { data } = threads;
  const upsertConversation = (conversation: Conversation) => {
    const others = conversations.value.filter((other) => other.id !== conversation.id);
    conversations.value = [conversation, ...others].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  };
  const patchConversation = (id: string, patch: (conversation: Conversation) => Conversation) => {
    conversations.value = conversations.value.map((conversation) =>
      conversation.id === id ? patch(conversation) : conversation,
    );
  };
  const isVisible = (id: string) =>
    !hidden.value && rt.isOpen.value && rt.view.value.name === 'chat' && rt.view.value.conversationId === id;

  const loadConversations = command(
    rt.report,
    'chat.loadConversations',
    [],
    () => z.object({}),
    async () => {
      rt.require('chat');
      const asked = rt.visit();
      let list: Conversation[];
      try {
        await rt.connected();
        list = rt.adapter.listConversations
          ? parseResponse(Conversations, await rt.adapter.listConversations(), 'conversations')
          : [];
      } catch (error) {
        // Asked before a logout, refused after it (its session ended): the previous visitor's, not news.
        if (asked !== rt.visit()) return [];
        throw error;
      }
      if (asked !== rt.visit()) return [];
      conversations.value = [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      for (const conversation of list)
        if (conversation.unreadCount > 0 && isVisible(conversation.id)) seen(conversation.id);
      return shown.peek();
    },
  );

  function thread(conversationId: string | undefined): ThreadView {
    const key = conversationId ?? NEW_CHAT;
    let view = views.get(key);
    if (view !== undefined) return view;
    const source = data(key);
    view = computed(() => {
      const pending = outbox.shown.value.filter((item) =>
        conversationId === undefined
          ? item.kind === 'conversation' ||
            (item.kind === 'message' && item.after !== undefined && item.targetId === undefined)
          : item.kind === 'message' && item.targetId === conversationId,
      ) as OutboxItem[];
      if (hidden.value) return { messages: [], pending, loading: false, hasMore: false };
      const { messages, loading, hasMore, error } = source.value;
      return error === undefined
        ? { messages, pending, loading, hasMore }
        : { messages, pending, loading, hasMore, error };
    });
    views.set(key, view);
    if (conversationId !== undefined && rt.capabilities.value.chat && !source.value.loaded) {
      threads.load(conversationId, false).catch((error) => rt.report(error, 'chat.thread'));
    }
    return view;
  }

  function seen(conversationId: string) {
    // Read while the page names someone else, it has not been seen by its user: it is once they are back.
    if (hidden.value) return;
    const conversation = conversations.value.find((other) => other.id === conversationId);
    if (conversation === undefined || conversation.unreadCount === 0) return;
    patchConversation(conversationId, (other) => ({ ...other, unreadCount: 0 }));
    if (rt.adapter.markRead) rt.adapter.markRead(conversationId).catch((error) => rt.report(error, 'chat.markRead'));
  }

  const send = command(
    rt.report,
    'chat.send',
    ['input'],
    () =>
      z.object({
        input: z.object({
          conversationId: z.optional(Id),
          body: Body.check(z.refine((body) => body.trim() !== '', 'a message must not be empty')),
          attachments: z.optional(z.array(Attachment)),
          includeContext: z.optional(z.boolean()),
        }),
      }),
    async ({ input }) => {
      rt.require('chat');
      if (input.attachments?.length) rt.require('attachments');
      await rt.interaction();
      const attachments = input.attachments ?? [];
      const body = rt.redact(input.body);
      const common = { body, attachments, payload: { body, attachmentIds: attachments.map((a) => a.id) } };
      let record: OutboxRecord;
      if (input.conversationId !== undefined) {
        record = await outbox.enqueue({ ...common, kind: 'message', targetId: input.conversationId });
      } else {
        // A conversation still on its way: follow-ups wait for it and then use its id.
        const starting = outbox.shown.value.find((item) => item.kind === 'conversation' && item.state !== 'failed');
        if (starting !== undefined) {
          record = await outbox.enqueue({ ...common, kind: 'message', after: starting.id });
        } else {
          const context = rt.snapshot(input.includeContext ?? rt.options.privacy.diagnosticsByDefault);
          record = await outbox.enqueue({ ...common, kind: 'conversation', payload: { ...common.payload, context } });
        }
      }
      // Only the text just sent: what the user typed since (a follow-up, or after a UI that cleared
      // the box itself) stays.
      const key = input.conversationId ?? NEW_CHAT;
      if (drafts.get(key).peek() === input.body) drafts.set(key, '');
      return record as OutboxItem;
    },
  );

  const retry = command(
    rt.report,
    'chat.retry',
    ['outboxItemId'],
    () => z.object({ outboxItemId: z.string() }),
    ({ outboxItemId }) => outbox.retry(outboxItemId),
  );
  const discard = command(
    rt.report,
    'chat.discard',
    ['outboxItemId'],
    () => z.object({ outboxItemId: z.string() }),
    ({ outboxItemId }) => outbox.discard(outboxItemId),
  );

  const markRead = command(
    rt.report,
    'chat.markRead',
    ['conversationId'],
    () => z.object({ conversationId: Id }),
    async ({ conversationId }) => {
      rt.require('chat');
      patchConversation(conversationId, (other) => ({ ...other, unreadCount: 0 }));
      await rt.connected();
      await method('markRead')(conversationId);
    },
  );

  const rate = command(
    rt.report,
    'chat.rate',
    ['conversationId', 'csat'],
    () => z.object({ conversationId: Id, csat: Csat }),
    async ({ conversationId, csat }) => {
      rt.require('csat');
      await rt.interaction();
      const comment = csat.comment === undefined ? {} : { comment: rt.redact(csat.comment) };
      const record = await outbox.enqueue({ kind: 'csat', targetId: conversationId, payload: { ...csat, ...comment } });
      await outbox.settled(record.id);
    },
  );

  const end = command(
    rt.report,
    'chat.end',
    ['conversationId'],
    () => z.object({ conversationId: Id }),
    async ({ conversationId }) => {
      rt.require('endChat');
      await rt.connected();
      const conversation = parseResponse(Conversation, await method('endConversation')(conversationId), 'conversation');
      upsertConversation(conversation);
      return conversation;
    },
  );

  const loadOlder = command(
    rt.report,
    'chat.loadOlder',
    ['conversationId'],
    () => z.object({ conversationId: Id }),
    async ({ conversationId }) => {
      rt.require('chat');
      if (data(conversationId).value.loaded && !data(conversationId).value.hasMore) return;
      await threads.load(conversationId, data(conversationId).value.loaded);
    },
  );

  return {
    conversations: shown,
    unread,
    thread,
    typing: (conversationId) => typing.get(conversationId),
    loadConversations,
    loadOlder,
    send,
    retry,
    discard,
    setTyping(conversationId, isTyping) {
      if (!rt.capabilities.value.typing || !rt.isConnected() || !rt.adapter.sendTyping) return;
      rt.adapter.sendTyping(conversationId, isTyping).catch(() => {
        // Typing indicators are best effort: a lost one is not worth an error.
      });
    },
    markRead,
    rate,
    end,
    draft: (key) => drafts.get(key),
    setDraft(key, text) {
      if (typeof key !== 'string' || typeof text !== 'string') return;
      drafts.set(key, text);
    },
    seen,
    refresh: threads.refresh,
    onRealtime(event) {
      switch (event.type) {
        case 'message': {
          const { message } = event;
          const fresh = threads.add(message);
          if (!fresh || message.author.type === 'user') return;
          typing.update(message.conversationId, message.author.name ?? '', false);
          const known = conversations.value.some((conversation) => conversation.id === message.conversationId);
          if (!known) void loadConversations().catch(() => {});
          else
            patchConversation(message.conversationId, (conversation) => ({
              ...conversation,
              lastMessage: message,
              updatedAt: message.createdAt,
              unreadCount: isVisible(message.conversationId) ? 0 : conversation.unreadCount + 1,
            }));
          if (isVisible(message.conversationId) && rt.adapter.markRead)
            rt.adapter.markRead(message.conversationId).catch((error) => rt.report(error, 'chat.markRead'));
          if (!hidden.peek()) rt.events.emit('message', { message });
          break;
        }
        case 'typing':
          if (event.author.type !== 'user') typing.update(event.conversationId, event.author.name ?? '', event.typing);
          break;
        case 'status':
          patchConversation(event.conversationId, (conversation) => ({ ...conversation, status: event.status }));
          break;
        case 'read':
          if (event.reader === 'agent')
            patchConversation(event.conversationId, (conversation) => ({ ...conversation, agentLastReadAt: event.at }));
          else patchConversation(event.conversationId, (conversation) => ({ ...conversation, unreadCount: 0 }));
          break;
        default:
          break;
      }
    },
    onSent(record, sent) {
      if (record.kind === 'conversation') {
        const started = sent.value as StartedConversation;
        upsertConversation(started.conversation);
        threads.add(started.message);
        data(started.conversation.id).value = { ...data(started.conversation.id).value, loaded: true };
        // Typed in the new chat while it was starting: it belongs to this thread, which replaces that
        // view (see conversation:started in create-client).
        const typed = drafts.get(NEW_CHAT).peek();
        const view = rt.view.value;
        if (view.name === 'chat' && view.conversationId === undefined && typed !== '') {
          drafts.set(started.conversation.id, typed);
          drafts.set(NEW_CHAT, '');
        }
        rt.analytics({ type: 'conversation_started', path: rt.currentPath() });
        rt.events.emit('conversation:started', { conversation: started.conversation });
      } else if (record.kind === 'message') {
        const message = sent.value as Message;
        threads.add(message);
        patchConversation(message.conversationId, (conversation) => ({
          ...conversation,
          lastMessage: message,
          updatedAt: message.createdAt,
        }));
      } else if (record.kind === 'csat' && record.targetId !== undefined) {
        const csat = parseResponse(Csat, record.payload, 'rating');
        patchConversation(record.targetId, (conversation) => ({ ...conversation, csat }));
      }
    },
    reset() {
      conversations.value = [];
      threads.reset();
      typing.reset();
      drafts.reset();
    },
  };
}
