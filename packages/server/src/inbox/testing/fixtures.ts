import type { ContextSnapshot, Message } from '@helpline/core';
import type { ConversationItem, TicketItem } from '../api/schemas.js';

export const NOW = Date.parse('2026-11-29T12:00:00.000Z');
export const at = (minutesFromNow: number): string => new Date(NOW + minutesFromNow * 60_000).toISOString();

export const session = {
  agent: { id: 'ag_1', name: 'Alex Agent', email: 'alex@example.com' },
  csrfToken: 'csrf-123',
  uploads: { maxBytes: 1_000, types: ['image/png', 'text/plain'], maxFiles: 2 },
};

export function message(overrides: Partial<Message> & { id: string; conversationId: string }): Message {
  return {
    author: { type: 'user', name: 'Dana' },
    body: 'Hello',
    attachments: [],
    createdAt: at(-10),
    ...overrides,
  };
}

export function conversationItem(
  id: string,
  options: { due?: number; waiting?: number; name?: string } = {},
): ConversationItem {
  const last = message({
    id: `m_${id}`,
    conversationId: id,
    body: `Help with ${id}`,
    createdAt: at(options.waiting ?? -5),
  });
  return {
    conversation: {
      id,
      status: 'open',
      createdAt: at(-60),
      updatedAt: at(-5),
      unreadCount: 0,
      lastMessage: last,
    },
    visitor: { id: `v_${id}`, name: options.name ?? `Visitor ${id}`, verified: true },
    lastMessage: last,
    ...(options.due === undefined ? {} : { waitingSince: at(options.waiting ?? -5), slaDueAt: at(options.due) }),
  };
}

export function ticketItem(
  id: string,
  options: {
    due: number;
    created?: number;
    severity?: 'P0' | 'P1' | 'P2' | 'P3';
    breach?: 'ok' | 'at_risk' | 'breached';
  },
): TicketItem {
  return {
    ticket: {
      id,
      reference: `HL-${id}`,
      subject: `Ticket ${id}`,
      description: '',
      severity: options.severity ?? 'P2',
      category: 'bug',
      status: 'open',
      fields: {},
      attachments: [],
      createdAt: at(options.created ?? -60),
      updatedAt: at(-1),
    },
    visitor: { id: `v_${id}`, name: `Owner ${id}`, verified: false },
    slaDueAt: at(options.due),
    breach: options.breach ?? 'ok',
  };
}

export const HOSTILE = '<img src=x onerror=alert(1)>';

/** A snapshot whose every user-controlled string tries to become markup. */
export function hostileSnapshot(): ContextSnapshot {
  return {
    capturedAt: at(-3),
    page: { url: `https://app.example.com/billing?x=${HOSTILE}`, path: '/billing', title: `Billing ${HOSTILE}` },
    routeTrail: [
      { path: '/dashboard', at: at(-9) },
      { path: `/settings/${HOSTILE}`, title: 'Settings', at: at(-6) },
    ],
    device: {
      userAgent: 'Mozilla/5.0',
      viewport: { width: 1280, height: 800 },
      language: 'en-GB',
      timezone: 'Europe/London',
      colorScheme: 'dark',
      online: true,
    },
    user: { id: 'u_1', name: 'Dana', email: 'dana@example.com', plan: 'pro' },
    account: { id: 'acc_1', name: `Acme ${HOSTILE}`, plan: 'Enterprise', seats: 42 },
    breadcrumbs: [
      { type: 'console', level: 'error', message: `TypeError ${HOSTILE}`, at: at(-4) },
      { type: 'request', method: 'POST', url: '/api/invoices', status: 500, durationMs: 812.4, at: at(-4) },
      { type: 'request', method: 'GET', url: '/api/ok', status: 200, durationMs: 20, at: at(-4) },
    ],
    selfService: [{ kind: 'article', ref: 'a_1', title: 'Updating your card', at: at(-8) }],
    custom: { featureFlag: `beta ${HOSTILE}` },
  };
}
