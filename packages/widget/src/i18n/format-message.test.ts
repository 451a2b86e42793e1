import { describe, expect, it } from 'vitest';
import { formatMessage } from './format-message.js';

describe('formatMessage', () => {
  it('interpolates named variables', () => {
    expect(formatMessage('No articles match “{query}”.', { query: 'refund' })).toBe('No articles match “refund”.');
  });

  it('leaves an unknown placeholder visible instead of printing undefined', () => {
    expect(formatMessage('Hello {name}', {})).toBe('Hello {name}');
  });

  it('picks the plural branch for the locale and replaces # with the number', () => {
    const template = '{count, plural, one {# unread message} other {# unread messages}}';
    expect(formatMessage(template, { count: 1 }, 'en')).toBe('1 unread message');
    expect(formatMessage(template, { count: 3 }, 'en')).toBe('3 unread messages');
  });

  it('uses Arabic plural categories such as two and few', () => {
    const template = '{n, plural, one {one} two {two} few {few #} other {other #}}';
    expect(formatMessage(template, { n: 2 }, 'ar')).toBe('two');
    expect(formatMessage(template, { n: 4 }, 'ar')).toMatch(/^few [4٤]$/);
  });

  it('prefers an exact =N branch and interpolates inside branches', () => {
    const template = '{count, plural, =0 {Nothing for {who}} other {# for {who}}}';
    expect(formatMessage(template, { count: 0, who: 'Ana' })).toBe('Nothing for Ana');
    expect(formatMessage(template, { count: 5, who: 'Ana' })).toBe('5 for Ana');
  });

  it('keeps markup in variables as plain text', () => {
    expect(formatMessage('Hi {name}', { name: '<img src=x onerror=alert(1)>' })).toBe(
      'Hi <img src=x onerror=alert(1)>',
    );
  });

  it('returns text with unbalanced braces unchanged after the break', () => {
    expect(formatMessage('broken {oops', { oops: 1 })).toBe('broken {oops');
  });
});
