import { describe, expect, it } from 'vitest';
import { matchesRoute, routeSpecificity } from './route-match.js';

describe('route patterns', () => {
  it('matches literal paths, ignoring query, hash and trailing slash', () => {
    expect(matchesRoute('/invoices', '/invoices/?tab=paid#top')).toBe(true);
    expect(matchesRoute('/invoices', '/invoices/42')).toBe(false);
  });

  it('treats * as one or more segments and :name as exactly one', () => {
    expect(matchesRoute('/invoices/*', '/invoices/42')).toBe(true);
    expect(matchesRoute('/invoices/*', '/invoices/42/edit')).toBe(true);
    expect(matchesRoute('/invoices/*', '/invoices')).toBe(false);
    expect(matchesRoute('/invoices/:id', '/invoices/42')).toBe(true);
    expect(matchesRoute('/invoices/:id', '/invoices/42/edit')).toBe(false);
  });

  it('matches several wildcards against a long visitor path without backtracking for ever', () => {
    const long = '/a'.repeat(1000);
    expect(matchesRoute('/*/*/*/*/help', `${long}/x`)).toBe(false);
    expect(matchesRoute('/*/*/*/*/help', `${long}/help`)).toBe(true);
    expect(matchesRoute('/*/:id/*', '/a/b')).toBe(false);
    expect(matchesRoute('/*/:id/*', '/a/b/c')).toBe(true);
    expect(matchesRoute('/', '/')).toBe(true);
    expect(matchesRoute('/', '/a')).toBe(false);
  });

  it('does not treat regex characters in patterns as syntax', () => {
    expect(matchesRoute('/a.b', '/axb')).toBe(false);
  });

  it('ranks literal segments above parameters above wildcards', () => {
    expect(routeSpecificity('/invoices/new')).toBeGreaterThan(routeSpecificity('/invoices/:id'));
    expect(routeSpecificity('/invoices/:id')).toBeGreaterThan(routeSpecificity('/invoices/*'));
  });
});
