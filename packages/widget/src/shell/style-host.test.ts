import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyStyles, createStyleHost } from './style-host.js';

const shadowRoot = () => document.createElement('div').attachShadow({ mode: 'open' });

describe('applyStyles', () => {
  afterEach(() => vi.restoreAllMocks());

  it('adopts each stylesheet once, without adding <style> elements', () => {
    const root = shadowRoot();
    const host = createStyleHost(root, undefined);
    applyStyles(host, '.a { color: red; }');
    applyStyles(host, '.a { color: red; }');
    applyStyles(host, '.b { color: blue; }');
    expect(root.adoptedStyleSheets).toHaveLength(2);
    expect(root.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> carrying the CSP nonce when constructed sheets are refused', () => {
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new DOMException('Not allowed', 'NotAllowedError');
    });
    const root = shadowRoot();
    applyStyles(createStyleHost(root, 'abc123'), '.a { color: red; }');
    const style = root.querySelector('style');
    expect(style?.getAttribute('nonce')).toBe('abc123');
    expect(style?.textContent).toBe('.a { color: red; }');
    expect(root.adoptedStyleSheets).toHaveLength(0);
  });
});
