import {
  Availability,
  Identity,
  isValidationError,
  isWithinBusinessHours,
  parseWith,
  Session,
  type SupportAdapter,
  TicketForm,
  ValidationError,
} from '@helpline/core';
import { createMemoryAgent, type MemoryAgent } from './agent.js';
import { attachmentMethods } from './attachment-methods.js';
import { computeAvailability } from './availability.js';
import { chatMethods } from './chat-methods.js';
import { defaultTicketForm } from './default-ticket-form.js';
import { KnowledgeBase } from './kb/knowledge-base.js';
import { kbMethods } from './kb-methods.js';
import { MemoryAdapterOptions, type ResolvedOptions } from './options.js';
import { createRuntime } from './runtime.js';
import { ticketMethods } from './ticket-methods.js';

/** Every method of the contract is present: the memory backend does everything. */
export type MemoryAdapter = Required<SupportAdapter> & { readonly agent: MemoryAgent };

const WHAT = 'createMemoryAdapter options';

function invalidOption(field: string, issue: string): never {
  throw new ValidationError('invalid_option', `${WHAT}: ${field}: ${issue}`, [`${field}: ${issue}`], field);
}

function checkOptions(options: ResolvedOptions): void {
  const seen = new Set<string>();
  options.articles.forEach((article, i) => {
    if (seen.has(article.id)) invalidOption(`articles.${i}.id`, `duplicate article id ${JSON.stringify(article.id)}`);
    seen.add(article.id);
  });
  if (options.businessHours) {
    try {
      isWithinBusinessHours(new Date(0), options.businessHours);
    } catch (error) {
      if (!isValidationError(error)) throw error;
      invalidOption(
        `businessHours.${error.field ?? 'days'}`,
        error.issues[0]?.replace(/^[^:]*: /, '') ?? error.message,
      );
    }
  }
}

/**
 * A complete support backend that lives in the page: knowledge base with ranked search and instant
 * answers, chat with a scripted agent, tickets with SLA due dates, attachments and realtime events.
 * For demos, tests and trying the widget without a server; `agent` plays the support team.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const resolved = parseWith(MemoryAdapterOptions, options, WHAT, 'invalid_option');
  checkOptions(resolved);
  const form = parseWith(TicketForm, resolved.ticketForm ?? defaultTicketForm, `${WHAT}: ticketForm`, 'invalid_option');
  const runtime = createRuntime(resolved, form);
  const kb = new KnowledgeBase(resolved.articles);

  return {
    name: 'memory',
    capabilities: {
      kb: true,
      answers: true,
      chat: true,
      realtime: true,
      typing: true,
      readReceipts: true,
      attachments: true,
      csat: true,
      tickets: true,
      ticketList: true,
      formSchema: true,
      availability: true,
      analytics: true,
      livePage: true,
      endChat: true,
      ticketRead: true,
      contact: true,
      solveTicket: true,
    },
    agent: createMemoryAgent(runtime),

    async connect(identity) {
      const parsed = parseWith(Identity, identity, 'connect identity');
      return runtime.respond(Session, 'session', () => {
        runtime.identity = parsed;
        // Nothing to verify against in the page: a visitor who brings proof counts as verified.
        const verified = Boolean(parsed.verification?.userHash ?? parsed.verification?.jwt);
        return { visitorId: parsed.visitorId, verified, token: runtime.newId('mem') };
      });
    },

    async disconnect() {
      for (const timer of runtime.timers) clearTimeout(timer);
      runtime.timers.clear();
      for (const subscriber of runtime.subscribers) subscriber.onStatus?.('idle');
      runtime.subscribers.clear();
      for (const url of runtime.objectUrls.splice(0)) URL.revokeObjectURL(url);
      runtime.identity = undefined;
    },

    subscribe(handler, onStatus) {
      const subscriber = { handler, onStatus };
      runtime.subscribers.add(subscriber);
      onStatus?.('connecting');
      queueMicrotask(() => {
        if (runtime.subscribers.has(subscriber)) onStatus?.('connected');
      });
      return () => {
        runtime.subscribers.delete(subscriber);
      };
    },

    async getAvailability() {
      return runtime.respond(Availability, 'availability', () => computeAvailability(runtime));
    },

    ...kbMethods(runtime, kb),
    ...chatMethods(runtime),
    ...ticketMethods(runtime),
    ...attachmentMethods(runtime),
  };
}
