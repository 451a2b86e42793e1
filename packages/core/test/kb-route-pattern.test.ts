import { compileRoutePattern } from '@helpline/core';
import { describe, expect, it } from 'vitest';

describe('route patterns for help.register', () => {
  it.each([
    ['/invoices/*', '/invoices/42', true],
    ['/invoices/*', '/invoices/42/edit', true],
    ['/invoices/*', '/invoices', false],
    ['/invoices/*', '/invoicesx/1', false],
    ['/users/:id', '/users/7', true],
    ['/users/:id', '/users/7/settings', false],
    ['/users/:id/settings', '/users/7/settings/', true],
    ['/billing', '/billing?tab=plans#top', true],
    ['/', '/', true],
    ['/a.b', '/axb', false],
  ])('%s against %s → %s', (pattern, path, expected) => {
    expect(compileRoutePattern(pattern).matches(path)).toBe(expected);
  });

  it('ranks literal segments above parameters above wildcards', () => {
    const literal = compileRoutePattern('/invoices/new').specificity;
    const param = compileRoutePattern('/invoices/:id').specificity;
    const wildcard = compileRoutePattern('/invoices/*').specificity;
    expect(literal).toBeGreaterThan(param);
    expect(param).toBeGreaterThan(wildcard);
  });
});
