import type { HelpEntry } from '../client/types.js';
import { compileRoutePattern, type RoutePattern } from './route-pattern.js';

export interface HelpRegistry {
  register(pattern: string, entry: HelpEntry): void;
  unregister(pattern: string): void;
  /** Article ids and tips for a path, most specific pattern first, without duplicates. */
  lookup(path: string): { articleIds: string[]; tips: string[] };
  clear(): void;
}

export function createHelpRegistry(): HelpRegistry {
  const entries = new Map<string, { pattern: RoutePattern; entry: HelpEntry }>();
  return {
    register(pattern, entry) {
      entries.set(pattern, { pattern: compileRoutePattern(pattern), entry });
    },
    unregister(pattern) {
      entries.delete(pattern);
    },
    lookup(path) {
      const matching = [...entries.values()]
        .filter(({ pattern }) => pattern.matches(path))
        .sort((a, b) => b.pattern.specificity - a.pattern.specificity);
      const articleIds = new Set<string>();
      const tips = new Set<string>();
      for (const { entry } of matching) {
        for (const id of entry.articles ?? []) articleIds.add(id);
        for (const tip of entry.tips ?? []) tips.add(tip);
      }
      return { articleIds: [...articleIds], tips: [...tips] };
    },
    clear() {
      entries.clear();
    },
  };
}
