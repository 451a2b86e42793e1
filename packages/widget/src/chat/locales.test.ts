import { describe, expect, it } from 'vitest';
import arChat from '../i18n/ar/chat.js';
import arTicket from '../i18n/ar/ticket.js';
import deChat from '../i18n/de/chat.js';
import deTicket from '../i18n/de/ticket.js';
import enChat from '../i18n/en/chat.js';
import enTicket from '../i18n/en/ticket.js';

const tables = { de: { chat: deChat, ticket: deTicket }, ar: { chat: arChat, ticket: arTicket } };

describe('chat and ticket strings', () => {
  for (const [locale, { chat, ticket }] of Object.entries(tables)) {
    it(`are complete in ${locale}`, () => {
      expect(Object.keys(chat).sort()).toEqual(Object.keys(enChat).sort());
      expect(Object.keys(ticket).sort()).toEqual(Object.keys(enTicket).sort());
    });

    it(`keep every placeholder in ${locale}`, () => {
      const english: Record<string, string> = { ...enChat, ...enTicket };
      const translated: Record<string, string> = { ...chat, ...ticket };
      const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();
      for (const [key, text] of Object.entries(english))
        expect([key, names(translated[key] ?? '')]).toEqual([key, names(text)]);
    });
  }
});
