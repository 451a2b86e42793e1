import {
  AdapterError,
  type Attachment,
  type Contact,
  ContextSnapshot,
  type Identity,
  MAX_TEXT_LENGTH,
  type Message,
  Message as MessageSchema,
  NewMessage,
  parseResponse,
  parseWith,
  Ticket,
  TicketForm,
  TicketInput,
  Tickets,
  type TicketThread,
  TicketThread as TicketThreadSchema,
  validateTicketFields,
} from '@helpline/core';
import { contextBlock, referenceIn } from './context-block.js';
import { PRIORITY_OF, toMessages, toTicket } from './map-ticket.js';
import type { ZendeskAdapterOptions } from './options.js';
import type { ZendeskClient } from './request.js';
import { ZCommentList, ZRequestEnvelope, ZRequestList } from './wire.js';

/** Files uploaded in this session, by attachment id, until a ticket or reply takes them. */
export type UploadedFiles = Map<string, Attachment>;

const enc = encodeURIComponent;

/** Zendesk Requests API: the end user's view of tickets (developer.zendesk.com "Requests"). */
export function requestsApi(
  client: ZendeskClient,
  options: ZendeskAdapterOptions,
  state: { identity: () => Identity | undefined; contact: () => Contact | undefined; uploads: UploadedFiles },
) {
  // Tickets created in this page session, by idempotency key and by id: a retried submit answers the
  // first result, and an anonymous requester (who cannot read requests back) still sees what it sent.
  const createdByKey = new Map<string, Ticket>();
  const threads = new Map<string, TicketThread>();
  const sentReplies = new Map<string, Message>();

  const form = () =>
    parseResponse(
      TicketForm,
      {
        fields: options.ticketFields.map(({ zendeskId: _id, ...field }) => field),
        categories: options.categories,
        attachments: options.attachments,
        // An anonymous request needs its requester's email (Zendesk "Create Request"): who has none asks for it.
        contactRequired: !client.hasToken() && !state.identity()?.user?.email,
        ...(options.firstResponseMinutes ? { firstResponseMinutes: options.firstResponseMinutes } : {}),
      },
      'ticket form',
    );

  /** Signed-in users can look for a request an earlier, unanswered attempt already created. */
  const findByReference = async (key: string) => {
    const list = parseResponse(
      ZRequestList,
      await client.call('GET', '/api/v2/requests?sort_by=created_at&sort_order=desc', 'Checking for a sent ticket'),
      'Zendesk requests',
    );
    return list.requests.find((r) => referenceIn(r.description ?? '') === key);
  };

  const create = async (raw: TicketInput & { context?: ContextSnapshot }): Promise<Ticket> => {
    const input = parseWith(TicketInput, raw, 'Ticket');
    const context = raw.context === undefined ? undefined : parseWith(ContextSnapshot, raw.context, 'Context');
    validateTicketFields(form(), input.category, input.fields);
    const earlier = createdByKey.get(input.idempotencyKey);
    if (earlier) return earlier;
    const existing = client.hasToken() ? await findByReference(input.idempotencyKey) : undefined;
    const request =
      existing ??
      parseResponse(
        ZRequestEnvelope,
        await client
          .call('POST', '/api/v2/requests', 'Submitting the ticket', {
            // Zendesk documents Idempotency-Key for ticket creation; sent here too, in case it applies.
            headers: { 'Idempotency-Key': input.idempotencyKey },
            json: { request: requestBody(input, context, client.hasToken() ? undefined : state.identity()) },
          })
          .catch((error: unknown) => {
            throw namedField(error);
          }),
        'Zendesk request',
      ).request;
    const ticket = parseResponse(Ticket, toTicket(request, options), 'ticket');
    ticket.attachments = input.attachmentIds.flatMap((id) => state.uploads.get(id) ?? []);
    createdByKey.set(input.idempotencyKey, ticket);
    threads.set(ticket.id, {
      ticket,
      messages: [
        {
          id: `${ticket.id}-description`,
          conversationId: ticket.id,
          author: { type: 'user' },
          body: ticket.description.slice(0, MAX_TEXT_LENGTH),
          attachments: ticket.attachments,
          createdAt: ticket.createdAt,
        },
      ],
    });
    return ticket;
  };

  /** Names a RecordInvalid field_key by the Helpline form field it belongs to, when there is one. */
  const namedField = (error: unknown) => {
    if (!(error instanceof AdapterError) || !error.field?.startsWith('zendesk_field_')) return error;
    const field = options.ticketFields.find((f) => `zendesk_field_${f.zendeskId}` === error.field);
    if (!field) return error;
    return new AdapterError(error.code, error.message, {
      field: `fields.${field.id}`,
      retryable: error.retryable,
      ...(error.status === undefined ? {} : { status: error.status }),
    });
  };

  /** An anonymous request's requester: the host's word first, else what the visitor gave (setContact). */
  const requester = (anonymous: Identity) => {
    const given = state.contact();
    const email = anonymous.user?.email ?? given?.email;
    return { name: anonymous.user?.name || given?.name || 'Website visitor', ...(email ? { email } : {}) };
  };

  const requestBody = (input: TicketInput, context: ContextSnapshot | undefined, anonymous: Identity | undefined) => {
    const customFields = options.ticketFields
      .filter((f) => input.fields[f.id] !== undefined)
      .map((f) => ({ id: f.zendeskId, value: input.fields[f.id] }));
    if (options.categoryFieldId !== undefined)
      customFields.push({ id: options.categoryFieldId, value: input.category });
    const block = contextBlock({ ...input, context });
    return {
      subject: input.subject,
      comment: {
        body: input.description.trim() ? `${input.description}\n\n${block}` : block,
        uploads: input.attachmentIds,
      },
      priority: PRIORITY_OF[input.severity],
      custom_fields: customFields,
      // Anonymous requests name their requester (Zendesk "Create Request", anonymous requests).
      ...(anonymous ? { requester: requester(anonymous) } : {}),
    };
  };

  const list = async () => {
    const raw = parseResponse(
      ZRequestList,
      await client.call('GET', '/api/v2/requests?sort_by=updated_at&sort_order=desc', 'Loading tickets'),
      'Zendesk requests',
    );
    return parseResponse(
      Tickets,
      raw.requests.map((r) => toTicket(r, options)),
      'tickets',
    );
  };

  const get = async (id: string): Promise<TicketThread> => {
    const cached = threads.get(id);
    if (cached && !client.hasToken()) return cached;
    const [request, comments] = await Promise.all([
      client.call('GET', `/api/v2/requests/${enc(id)}`, 'Loading the ticket'),
      client.call('GET', `/api/v2/requests/${enc(id)}/comments`, 'Loading the ticket'),
    ]);
    const ticket = toTicket(parseResponse(ZRequestEnvelope, request, 'Zendesk request').request, options);
    const messages = toMessages(id, parseResponse(ZCommentList, comments, 'Zendesk comments'));
    return parseResponse(TicketThreadSchema, { ticket, messages }, 'ticket');
  };

  const reply = async (id: string, raw: NewMessage): Promise<Message> => {
    const input = parseWith(NewMessage, raw, 'Reply');
    if (!input.body.trim() && input.attachmentIds.length === 0)
      throw new AdapterError('invalid_input', 'Reply: body is empty', { field: 'body' });
    const earlier = sentReplies.get(input.idempotencyKey);
    if (earlier) return earlier;
    await client.call('PUT', `/api/v2/requests/${enc(id)}`, 'Replying', {
      json: { request: { comment: { body: input.body, uploads: input.attachmentIds } } },
    });
    // Update Request answers with the request, not the comment: read the thread back for it.
    const comments = parseResponse(
      ZCommentList,
      await client.call('GET', `/api/v2/requests/${enc(id)}/comments?sort_order=desc`, 'Replying'),
      'Zendesk comments',
    );
    const mine = toMessages(id, comments).find((m) => m.author.type === 'user' && m.body === input.body.trim());
    if (!mine) throw new AdapterError('invalid_response', 'Replying failed: Zendesk did not list the new comment');
    const message = parseResponse(MessageSchema, { ...mine, idempotencyKey: input.idempotencyKey }, 'message');
    sentReplies.set(input.idempotencyKey, message);
    return message;
  };

  /**
   * "Please consider this request solved" (Update Request with `solved: true`). Asked only while the
   * request is still open to it: Zendesk refuses to solve a solved or closed one again.
   */
  const solve = async (id: string): Promise<Ticket> => {
    const read = async (what: unknown) =>
      parseResponse(
        Ticket,
        toTicket(parseResponse(ZRequestEnvelope, what, 'Zendesk request').request, options),
        'ticket',
      );
    const now = await read(await client.call('GET', `/api/v2/requests/${enc(id)}`, 'Marking solved'));
    if (now.status === 'solved' || now.status === 'closed') return now;
    return read(
      await client.call('PUT', `/api/v2/requests/${enc(id)}`, 'Marking solved', {
        json: { request: { solved: true } },
      }),
    );
  };

  return { form, create, list, get, reply, solve };
}
