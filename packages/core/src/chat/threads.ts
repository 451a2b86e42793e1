import { type Signal, signal } from '@preact/signals-core';
import type { Runtime } from '../client/runtime.js';
import type { HelplineError } from '../errors/helpline-error.js';
import type { Message, MessagePage } from '../schemas/conversation.js';

export interface ThreadData {
  messages: Message[];
  loading: boolean;
  hasMore: boolean;
  cursor?: string;
  loaded: boolean;
  error?: HelplineError;
}

export const EMPTY_THREAD: ThreadData = { messages: [], loading: false, hasMore: false, loaded: false };

const byTime = (a: Message, b: Message) => a.createdAt.localeCompare(b.createdAt);

/**
 * Message threads (a conversation's, a ticket's) read page by page: the newest first, older ones on
 * request. `fetchPage` reads one page, older than `before` (a cursor it returned) when given.
 */
export function createThreads<P extends MessagePage>(
  rt: Runtime,
  fetchPage: (id: string, before: string | undefined) => Promise<P>,
  label: string,
) {
  const threads = new Map<string, Signal<ThreadData>>();
  /** Read when a refresh came: the answer on its way may predate what the refresh is for. */
  const stale = new Set<string>();

  const data = (id: string): Signal<ThreadData> => {
    let thread = threads.get(id);
    if (thread === undefined) threads.set(id, (thread = signal(EMPTY_THREAD)));
    return thread;
  };

  /** Reads a page into the thread and resolves with it. */
  async function read(id: string, older: boolean): Promise<P> {
    const thread = data(id);
    thread.value = { ...thread.value, loading: true };
    const asked = rt.visit();
    try {
      await rt.connected();
      const page = await fetchPage(id, older ? thread.value.cursor : undefined);
      // Asked before a logout: the previous visitor's messages stay out of the thread.
      if (asked !== rt.visit()) return page;
      const merged = new Map([...thread.value.messages, ...page.messages].map((message) => [message.id, message]));
      // The newest page again (refresh): older pages already here keep their place in the history.
      const refreshed = !older && thread.value.loaded;
      const cursor = refreshed ? thread.value.cursor : page.nextCursor;
      const next: ThreadData = {
        messages: [...merged.values()].sort(byTime),
        loading: false,
        hasMore: refreshed ? thread.value.hasMore : cursor !== undefined,
        loaded: true,
      };
      if (cursor !== undefined) next.cursor = cursor;
      thread.value = next;
      return page;
    } catch (error) {
      if (asked === rt.visit())
        thread.value = { ...thread.value, loading: false, loaded: true, error: error as HelplineError };
      throw error;
    } finally {
      if (stale.delete(id)) load(id, false).catch((error) => rt.report(error, label));
    }
  }

  /** As `read`, unless a page of the thread is on its way already. */
  const load = async (id: string, older: boolean) => {
    if (!data(id).value.loading) await read(id, older);
  };

  return {
    data,
    read,
    load,
    has: (id: string) => threads.has(id),
    /** Adds a message that arrived another way (realtime, sent); false if the thread had it already. */
    add(message: Message): boolean {
      const thread = data(message.conversationId);
      const known = thread.value.messages.some((other) => other.id === message.id);
      if (!known) thread.value = { ...thread.value, messages: [...thread.value.messages, message].sort(byTime) };
      return !known;
    },
    /** Threads read this visit fetch their newest page again: what a live stream may have missed. */
    refresh() {
      for (const [id, thread] of threads) {
        if (thread.value.loading) stale.add(id);
        else if (thread.value.loaded) load(id, false).catch((error) => rt.report(error, label));
      }
    },
    reset() {
      stale.clear();
      for (const thread of threads.values()) thread.value = EMPTY_THREAD;
    },
  };
}
