import { describe, expect, it } from 'vitest';
import arArticle from './ar/article.js';
import arChat from './ar/chat.js';
import arCommon from './ar/common.js';
import arHome from './ar/home.js';
import arPreview from './ar/preview.js';
import arSearch from './ar/search.js';
import arTicket from './ar/ticket.js';
import deArticle from './de/article.js';
import deChat from './de/chat.js';
import deCommon from './de/common.js';
import deHome from './de/home.js';
import dePreview from './de/preview.js';
import deSearch from './de/search.js';
import deTicket from './de/ticket.js';
import enArticle from './en/article.js';
import enChat from './en/chat.js';
import enCommon from './en/common.js';
import enHome from './en/home.js';
import enPreview from './en/preview.js';
import enSearch from './en/search.js';
import enTicket from './en/ticket.js';

type Table = Readonly<Record<string, string>>;
const english: Record<string, Table> = {
  common: enCommon,
  home: enHome,
  search: enSearch,
  article: enArticle,
  chat: enChat,
  ticket: enTicket,
  preview: enPreview,
};
const tables: Record<string, Record<string, Table>> = {
  de: {
    common: deCommon,
    home: deHome,
    search: deSearch,
    article: deArticle,
    chat: deChat,
    ticket: deTicket,
    preview: dePreview,
  },
  ar: {
    common: arCommon,
    home: arHome,
    search: arSearch,
    article: arArticle,
    chat: arChat,
    ticket: arTicket,
    preview: arPreview,
  },
};
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

describe('locale tables', () => {
  for (const [locale, namespaces] of Object.entries(tables)) {
    it(`are complete in ${locale}, namespace by namespace`, () => {
      for (const [namespace, table] of Object.entries(english))
        expect([namespace, Object.keys(namespaces[namespace] ?? {}).sort()]).toEqual([
          namespace,
          Object.keys(table).sort(),
        ]);
    });

    it(`keep every placeholder in ${locale}`, () => {
      for (const [namespace, table] of Object.entries(english))
        for (const [key, text] of Object.entries(table))
          expect([key, placeholders(namespaces[namespace]?.[key] ?? '')]).toEqual([key, placeholders(text)]);
    });
  }
});
