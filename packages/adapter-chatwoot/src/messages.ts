import {
  AdapterError,
  type Message,
  Message as MessageSchema,
  NewMessage,
  parseResponse,
  parseWith,
  type Upload,
} from '@helpline/core';
import { toMessage } from './map.js';
import type { ChatwootCall } from './request.js';
import { CMessage, CMessages } from './wire.js';

/** Chatwoot answers at most 20 messages per page (MessageFinder). */
export const CHATWOOT_PAGE = 20;
const enc = encodeURIComponent;

/**
 * Sending and paging messages. Chatwoot has no idempotency keys: the key travels as echo_id, a
 * sent message is remembered by key for this page session, and a key whose earlier attempt failed
 * first looks for that message among the latest ones (by echo_id where Chatwoot returns it, else
 * the same text from this contact since the first attempt) before sending again.
 */
export function chatwootMessages(call: ChatwootCall, base: () => string, staged: Map<string, Upload>) {
  const sent = new Map<string, Message>();
  const attempted = new Map<string, number>();

  const findEarlier = async (conversationId: string, input: NewMessage, since: number) => {
    const claimed = new Set([...sent.values()].map((m) => m.id));
    const latest = parseResponse(
      CMessages,
      await call('GET', `${base()}/conversations/${enc(conversationId)}/messages`, 'Sending'),
      'Chatwoot messages',
    );
    return latest.find(
      (m) =>
        m.echo_id === input.idempotencyKey ||
        (!m.echo_id &&
          m.message_type === 0 &&
          (m.content ?? '') === input.body &&
          m.created_at * 1000 >= since - 60_000 &&
          !claimed.has(String(m.id))),
    );
  };

  const send = async (conversationId: string, raw: NewMessage): Promise<Message> => {
    const input = parseWith(NewMessage, raw, 'Message');
    if (!input.body.trim() && input.attachmentIds.length === 0)
      throw new AdapterError('invalid_input', 'Message: body is empty', { field: 'body' });
    const earlier = sent.get(input.idempotencyKey);
    if (earlier) return earlier;
    const files = input.attachmentIds.map((id) => {
      const file = staged.get(id);
      if (!file)
        throw new AdapterError('invalid_input', `Message: attachment ${id} was not uploaded in this session`, {
          field: 'attachmentIds',
        });
      return file;
    });
    const firstAttempt = attempted.get(input.idempotencyKey);
    let created = firstAttempt === undefined ? undefined : await findEarlier(conversationId, input, firstAttempt);
    if (!created) {
      attempted.set(input.idempotencyKey, firstAttempt ?? Date.now());
      const path = `${base()}/conversations/${enc(conversationId)}/messages`;
      let body: unknown = { content: input.body, echo_id: input.idempotencyKey };
      if (files.length > 0) {
        // Attachments go with the message itself, as multipart attachments[] (MessagesController#build_attachment).
        const form = new FormData();
        form.append('content', input.body);
        form.append('echo_id', input.idempotencyKey);
        for (const file of files) form.append('attachments[]', file.data, file.name);
        body = form;
      }
      created = parseResponse(CMessage, await call('POST', path, 'Sending', body), 'Chatwoot message');
    }
    const mapped = toMessage(created);
    // The widget matches the sent message to its optimistic bubble by the ids uploadAttachment gave;
    // messages loaded later carry Chatwoot's own attachment ids.
    const attachments = mapped.attachments.map((a, i) => ({ ...a, id: input.attachmentIds[i] ?? a.id }));
    const message = parseResponse(
      MessageSchema,
      { ...mapped, attachments, idempotencyKey: input.idempotencyKey },
      'message',
    );
    sent.set(input.idempotencyKey, message);
    attempted.delete(input.idempotencyKey);
    for (const id of input.attachmentIds) staged.delete(id);
    return message;
  };

  const list = async (conversationId: string, page: { before?: string; limit?: number } = {}) => {
    const limit = page.limit ?? CHATWOOT_PAGE;
    if (!Number.isInteger(limit) || limit < 1)
      throw new AdapterError('invalid_input', 'Loading messages: limit must be a positive whole number', {
        field: 'limit',
      });
    if (page.before !== undefined && !/^\d+$/.test(page.before))
      throw new AdapterError('invalid_input', 'Loading messages: before must be a message id from nextCursor', {
        field: 'before',
      });
    const query = page.before ? `?before=${enc(page.before)}` : '';
    const raw = parseResponse(
      CMessages,
      await call('GET', `${base()}/conversations/${enc(conversationId)}/messages${query}`, 'Loading messages'),
      'Chatwoot messages',
    );
    const chat = raw.filter((m) => m.message_type !== 2 && !m.private);
    const kept = chat.slice(-Math.min(limit, CHATWOOT_PAGE));
    const more = raw.length >= CHATWOOT_PAGE || kept.length < chat.length;
    const oldest = kept[0] ?? raw[0];
    return { messages: kept.map(toMessage), ...(more && oldest ? { nextCursor: String(oldest.id) } : {}) };
  };

  return { send, list };
}
