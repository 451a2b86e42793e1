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
    // Seeing the same thing again moves it to the end (latest time) instead of listing it twice.
    add(kind, ref, title) {
      const entry: SelfServiceEntry = { kind, ref, at: now().toISOString(), ...(title === undefined ? {} : { title }) };
      const others = entries.filter((old) => !(old.kind === kind && old.ref === ref && old.title === title));
      entries = [...others, entry].slice(-MAX_ENTRIES);
    },
    entries: () => entries,
    clear() {
      entries = [];
    },
  };
}
