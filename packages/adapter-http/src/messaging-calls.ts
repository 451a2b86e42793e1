import {
  Conversation,
  Conversations,
  Message,
  MessagePage,
  parseResponse,
  StartedConversation,
  type SupportAdapter,
  Ticket,
  TicketForm,
  Tickets,
  TicketThread,
} from '@helpline/core';
import type { HttpClient } from './http-client.js';

const enc = encodeURIComponent;

/**
 * Conversation and ticket calls. They and their response schemas load with the first of them, so a
 * first open that only shows suggestions does not download them.
 */
export function messagingCalls(client: HttpClient) {
  const get = (path: string, what: string, params?: Record<string, string>) =>
    client.request('GET', path, what, undefined, params);
  const post = (path: string, what: string, body: unknown) => client.request('POST', path, what, body);
  return {
    async listConversations() {
      return parseResponse(Conversations, await get('/conversations', 'Loading conversations'), 'conversations');
    },
    async startConversation(message) {
      return parseResponse(
        StartedConversation,
        await post('/conversations', 'Starting the conversation', message),
        'conversation',
      );
    },
    async sendMessage(conversationId, message) {
      return parseResponse(
        Message,
        await post(`/conversations/${enc(conversationId)}/messages`, 'Sending', message),
        'message',
      );
    },
    async listMessages(conversationId, page = {}) {
      const params: Record<string, string> = {};
      if (page.before) params.before = page.before;
      if (page.limit) params.limit = String(page.limit);
      return parseResponse(
        MessagePage,
        await get(`/conversations/${enc(conversationId)}/messages`, 'Loading messages', params),
        'messages',
      );
    },
    async sendTyping(conversationId, typing) {
      await post(`/conversations/${enc(conversationId)}/typing`, 'Typing', { typing });
    },
    async markRead(conversationId) {
      await post(`/conversations/${enc(conversationId)}/read`, 'Marking read', {});
    },
    async rateConversation(conversationId, csat) {
      await post(`/conversations/${enc(conversationId)}/csat`, 'Rating', csat);
    },
    async endConversation(conversationId) {
      return parseResponse(
        Conversation,
        await post(`/conversations/${enc(conversationId)}/resolve`, 'Ending the conversation', {}),
        'conversation',
      );
    },
    async sendPage(page) {
      await post('/page', 'Sharing the page', page);
    },
    async setContact(contact) {
      await post('/contact', 'Saving your email', contact);
    },
    async getTicketForm() {
      return parseResponse(TicketForm, await get('/tickets/form', 'Loading the ticket form'), 'ticket form');
    },
    async createTicket(ticket) {
      return parseResponse(Ticket, await post('/tickets', 'Submitting the ticket', ticket), 'ticket');
    },
    async listTickets() {
      return parseResponse(Tickets, await get('/tickets', 'Loading tickets'), 'tickets');
    },
    async getTicket(id) {
      return parseResponse(TicketThread, await get(`/tickets/${enc(id)}`, 'Loading the ticket'), 'ticket');
    },
    async solveTicket(id) {
      return parseResponse(Ticket, await post(`/tickets/${enc(id)}/solve`, 'Marking solved', {}), 'ticket');
    },
    async markTicketRead(id) {
      await post(`/tickets/${enc(id)}/read`, 'Marking read', {});
    },
    async replyToTicket(id, message) {
      return parseResponse(Message, await post(`/tickets/${enc(id)}/replies`, 'Replying', message), 'message');
    },
  } satisfies Partial<SupportAdapter>;
}

export type MessagingCalls = ReturnType<typeof messagingCalls>;
