import { afterEach, describe, expect, it, vi } from 'vitest';
import { redactionRules, redactSnapshot, redactText, redactUrl, redactValue } from '../src/index.js';
import { Privacy } from '../src/options/schema.js';

const rules = (input: Partial<Privacy> = {}) => redactionRules(Privacy.parse(input));

afterEach(() => vi.restoreAllMocks());

describe('redactUrl', () => {
  it('masks built-in sensitive params (case-insensitive, substrings) and keeps the rest', () => {
    const out = redactUrl('https://app.test/cb?Access_Token=abc&x_api_key=k1&page=2#frag', rules());
    expect(out).toBe('https://app.test/cb?Access_Token=[redacted]&x_api_key=[redacted]&page=2#frag');
  });
  it('drops userinfo and handles relative urls and OAuth fragments', () => {
    expect(redactUrl('https://bob:hunter2@host.test/a?b=1', rules())).toBe('https://host.test/a?b=1');
    expect(redactUrl('/reset?token=xyz&lang=en', rules())).toBe('/reset?token=[redacted]&lang=en');
    expect(redactUrl('/cb#id_token=eyJ&state=s', rules())).toBe('/cb#id_token=[redacted]&state=s');
  });
  it('applies custom params and survives malformed input', () => {
    expect(redactUrl('/p?ticketRef=9&q=1', rules({ redactParams: ['TicketRef'] }))).toBe('/p?ticketRef=[redacted]&q=1');
    expect(redactUrl('http://[::1/%E0%A4%A?%zz=1&password', rules())).toBe('http://[::1/%E0%A4%A?%zz=1&password');
    expect(redactUrl('', rules())).toBe('');
  });
});

describe('redactText', () => {
  it('masks Luhn-valid card numbers only', () => {
    expect(redactText('card 4242 4242 4242 4242 ok', rules())).toBe('card [card] ok');
    expect(redactText('card 4111-1111-1111-1111', rules())).toBe('card [card]');
    expect(redactText('order 1234567890123 shipped', rules())).toBe('order 1234567890123 shipped');
    // Luhn-valid, but no card network's prefix: a millisecond timestamp, an order number.
    expect(redactText('sent at 1796009582364, order 8000000000000003', rules())).toBe(
      'sent at 1796009582364, order 8000000000000003',
    );
    for (const card of [
      '378282246310005',
      '6011111111111117',
      '5555555555554444',
      '2223003122003222',
      '3530111333300000',
    ])
      expect(redactText(`card ${card}`, rules())).toBe('card [card]');
  });
  it('masks bearer tokens, JWTs and params in embedded urls', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature-x';
    expect(redactText(`Authorization: Bearer abc.def-123 and ${jwt}`, rules())).toBe(
      'Authorization: Bearer [redacted] and [redacted]',
    );
    expect(redactText('GET https://api.test/x?password=p&id=3 failed', rules())).toBe(
      'GET https://api.test/x?password=[redacted]&id=3 failed',
    );
  });
  it('masks emails only when enabled, and custom patterns', () => {
    expect(redactText('mail a.b@ex.com', rules())).toBe('mail a.b@ex.com');
    expect(redactText('mail a.b@ex.com', rules({ redactEmails: true }))).toBe('mail [email]');
    expect(redactText('id ACME-1234 done', rules({ redactPatterns: ['ACME-\\d+'] }))).toBe('id [redacted] done');
  });
  it('skips an invalid pattern with one warning naming it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const r = rules({ redactPatterns: ['([bad', 'ok\\d'] });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('([bad');
    expect(redactText('ok1', r)).toBe('[redacted]');
  });
  it('handles huge strings', () => {
    const huge = `${'x'.repeat(200_000)} 4242424242424242 ${'9'.repeat(50_000)} ${'/a'.repeat(50_000)} ${'b@'.repeat(50_000)}`;
    const out = redactText(huge, rules({ redactEmails: true }));
    expect(out).toContain('[card]');
    expect(out.length).toBeLessThan(huge.length);
  });
});

describe('redactValue', () => {
  it('masks secret-looking keys deeply and redacts strings, cutting cycles', () => {
    const value: Record<string, unknown> = {
      password: 'p',
      nested: {
        apiKey: 'k',
        cardNumber: '4242',
        note: 'token=1 https://x.test/?code=9',
        list: ['4242 4242 4242 4242'],
      },
      count: 3,
    };
    value.self = value;
    const out = redactValue(value, rules()) as Record<string, unknown>;
    expect(out.password).toBe('[redacted]');
    expect(out.count).toBe(3);
    expect(out.self).toBe('[circular]');
    expect(out.nested).toEqual({
      apiKey: '[redacted]',
      cardNumber: '[redacted]',
      note: 'token=1 https://x.test/?code=[redacted]',
      list: ['[card]'],
    });
    expect(value.password).toBe('p');
  });
});

describe('redactSnapshot', () => {
  it('redacts the page url, referrer and breadcrumbs but keeps the identified user', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const out = redactSnapshot(
      {
        capturedAt: at,
        page: {
          url: 'https://a.test/?session=s1',
          path: '/?session=s1',
          title: 't',
          referrer: 'https://b.test/?otp=1',
        },
        routeTrail: [],
        breadcrumbs: [{ type: 'console', level: 'error', message: 'pay 4242424242424242', at }],
        selfService: [],
        custom: { secretToken: 'x', plan: 'pro' },
        user: { email: 'u@ex.com', name: 'U' },
      },
      rules({ redactEmails: true }),
    );
    expect(out.page.url).toBe('https://a.test/?session=[redacted]');
    expect(out.page.referrer).toBe('https://b.test/?otp=[redacted]');
    expect(out.breadcrumbs[0]).toMatchObject({ message: 'pay [card]' });
    expect(out.custom).toEqual({ secretToken: '[redacted]', plan: 'pro' });
    expect(out.user).toEqual({ email: 'u@ex.com', name: 'U' });
  });
});
