import { describe, expect, it } from 'vitest';
import { httpHref } from './http-href.js';

describe('httpHref', () => {
  it('keeps http(s) URLs', () => {
    expect(httpHref('https://files.example/a.png?sig=1')).toBe('https://files.example/a.png?sig=1');
    expect(httpHref('http://127.0.0.1:8787/v1/attachments/x')).toBe('http://127.0.0.1:8787/v1/attachments/x');
  });

  it('refuses script, data and other schemes, obfuscated or not, and relative or broken URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'blob:https://x/1',
      '/v1/attachments/x',
      'not a url',
      '',
    ]) {
      expect(httpHref(url), url).toBeUndefined();
    }
  });
});
