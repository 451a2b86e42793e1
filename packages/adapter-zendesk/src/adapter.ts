import {
  AdapterError,
  Attachment,
  Capabilities,
  Contact,
  checkUpload,
  Identity,
  parseResponse,
  parseWith,
  Session,
  type SupportAdapter,
} from '@helpline/core';
import { helpCenter } from './help-center.js';
import { toAttachment } from './map-ticket.js';
import {
  originOf,
  type ZendeskAdapterDeps,
  ZendeskAdapterOptions,
  type ZendeskAdapterOptionsInput,
} from './options.js';
import { createZendeskClient } from './request.js';
import type { UploadedFiles } from './tickets.js';
import { requestsApi } from './tickets.js';
import { ZMe, ZUpload } from './wire.js';

/**
 * Adapter for Zendesk: tickets through the end-user Requests API, knowledge base through Help
 * Center search. No chat (Zendesk messaging has its own SDK). Listing tickets needs a signed-in
 * end user (`identity.verification.jwt` carrying a Zendesk end-user access token).
 */
export function createZendeskAdapter(input: ZendeskAdapterOptionsInput, deps: ZendeskAdapterDeps = {}): SupportAdapter {
  const options = parseWith(ZendeskAdapterOptions, input, 'Helpline Zendesk adapter options', 'invalid_option');
  const fetchImpl = deps.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const client = createZendeskClient(originOf(options), options.timeoutMs, fetchImpl);
  const uploads: UploadedFiles = new Map();
  let identity: Identity | undefined;
  let signedIn = false;
  /** The email an anonymous visitor gave: the requester of their requests. */
  let contact: Contact | undefined;
  const kb = helpCenter(client, options.helpCenterLocale);
  const requests = requestsApi(client, options, {
    identity: () => identity,
    contact: () => (signedIn ? undefined : contact),
    uploads,
  });

  return {
    name: 'zendesk',
    // ticketList and contact depend on who connected: anonymous requesters cannot list their requests,
    // and only they need to say where replies go (a signed-in end user has their Zendesk account's email).
    get capabilities() {
      return Capabilities.parse({
        kb: true,
        tickets: true,
        ticketList: signedIn,
        contact: !signedIn,
        solveTicket: signedIn,
        attachments: true,
        formSchema: true,
      });
    },

    async connect(next) {
      const parsed = parseWith(Identity, next, 'Identity');
      client.setToken(parsed.verification?.jwt);
      const me = parseResponse(ZMe, await client.call('GET', '/api/v2/users/me', 'Connecting'), 'Zendesk user');
      identity = parsed;
      // Without a valid token Zendesk answers with the anonymous user (id null).
      signedIn = me.user.id !== null && parsed.verification?.jwt !== undefined;
      return parseResponse(Session, { visitorId: parsed.visitorId, verified: signedIn }, 'session');
    },
    async disconnect() {
      identity = undefined;
      signedIn = false;
      contact = undefined;
      client.setToken(undefined);
    },

    searchArticles: kb.search,
    suggestArticles: kb.suggest,
    getArticle: kb.get,
    rateArticle: kb.rate,

    async uploadAttachment(file, uploadOptions = {}) {
      checkUpload(file, options.attachments);
      const raw = await client.call('POST', `/api/v2/uploads?filename=${encodeURIComponent(file.name)}`, 'Uploading', {
        body: file.data,
        contentType: file.type || 'application/binary',
      });
      const { upload } = parseResponse(ZUpload, raw, 'Zendesk upload');
      // The token is what a comment references; the attachment describes the stored file.
      const attachment = parseResponse(
        Attachment,
        { ...toAttachment(upload.attachment), id: upload.token },
        'attachment',
      );
      uploads.set(attachment.id, attachment);
      // fetch cannot observe upload progress: report completion once.
      uploadOptions.onProgress?.(file.size, file.size);
      return attachment;
    },

    async setContact(raw) {
      const given = parseWith(Contact, raw, 'Contact');
      if (signedIn)
        throw new AdapterError(
          'unsupported',
          "Saving an email: a signed-in Zendesk user's replies go to their Zendesk account's email",
        );
      contact = given;
    },

    async getTicketForm() {
      return requests.form();
    },
    createTicket: requests.create,
    async listTickets() {
      if (!signedIn)
        throw new AdapterError('unauthorized', 'Loading tickets failed: only signed-in users can list their requests');
      return requests.list();
    },
    getTicket: requests.get,
    replyToTicket: requests.reply,
    async solveTicket(id) {
      if (!signedIn)
        throw new AdapterError('unauthorized', 'Marking solved failed: only signed-in users can update their requests');
      return requests.solve(id);
    },
  };
}
