import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './router.js';

describe('router', () => {
  it('maps inbox paths to views and back', () => {
    const routes = [
      ['/inbox/', { view: 'inbox' }],
      ['/inbox/conversations/c%2F1', { view: 'thread', kind: 'conversation', id: 'c/1' }],
      ['/inbox/tickets/t1', { view: 'thread', kind: 'ticket', id: 't1' }],
      ['/inbox/kb', { view: 'kb' }],
      ['/inbox/kb/a1', { view: 'kb', articleId: 'a1' }],
      ['/inbox/analytics', { view: 'analytics' }],
    ] as const;
    for (const [path, route] of routes) {
      expect(parseRoute(path)).toEqual(route);
      expect(routePath(route)).toBe(path);
    }
  });

  it('shows the inbox for unknown paths', () => {
    expect(parseRoute('/inbox/nope/x')).toEqual({ view: 'inbox' });
    expect(parseRoute('/inbox/conversations')).toEqual({ view: 'inbox' });
  });
});
