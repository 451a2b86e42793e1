import type { ContextSnapshot } from '../schemas/context.js';

export type SelfServiceEntry = ContextSnapshot['selfService'][number];

const MAX_ENTRIES = 20;

/** What the user already tried (articles, instant answers, searches), sent with their request. */
export interface SelfServiceLog {
  add(kind: SelfServiceEntry['kind'], ref: string, title?: string): void;
  entries(): SelfServiceEntry[];
  clear(): void;
}

export function createSelfServiceLog(now: () => Date): SelfServiceLog {
  let entries: SelfServiceEntry[] = [];
  return {
    add(kind, ref, title) {
      const entry: SelfServiceEntry = { kind, ref, at: now().toISOString(), ...(title === undefined ? {} : { title }) };
      entries = [...entries, entry].slice(-MAX_ENTRIES);
    },
    entries: () => entries,
    clear() {
      entries = [];
    },
  };
}
