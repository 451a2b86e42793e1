import type { RouteVisit } from '../schemas/context.js';
import { patchMethod } from './patch.js';

export const ROUTE_TRAIL_MAX = 20;

export function pathOf(win: Window): string {
  const { pathname, search, hash } = win.location;
  return `${pathname}${search}${hash}`;
}

/** Records SPA navigation: History API calls, back/forward and hash changes. */
export function instrumentRoutes(win: Window, onChange: () => void): () => void {
  const wrap = (key: 'pushState' | 'replaceState') =>
    patchMethod(
      win.history,
      key,
      (original, isActive) =>
        function (this: History, ...args: Parameters<History['pushState']>) {
          const result = original.apply(this, args);
          if (isActive()) onChange();
          return result;
        },
    );
  const undoPush = wrap('pushState');
  const undoReplace = wrap('replaceState');
  win.addEventListener('popstate', onChange);
  win.addEventListener('hashchange', onChange);
  return () => {
    undoPush();
    undoReplace();
    win.removeEventListener('popstate', onChange);
    win.removeEventListener('hashchange', onChange);
  };
}

export function createRouteTrail() {
  let trail: RouteVisit[] = [];
  return {
    record(path: string, title: string, at: string): boolean {
      if (trail.at(-1)?.path === path) return false;
      trail.push({ path, ...(title ? { title } : {}), at });
      if (trail.length > ROUTE_TRAIL_MAX) trail = trail.slice(-ROUTE_TRAIL_MAX);
      return true;
    },
    values: (): RouteVisit[] => [...trail],
  };
}
