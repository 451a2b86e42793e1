import { describe, expect, it, vi } from 'vitest';
import { mountWidget } from './widget.js';

const cssOf = (shadow: ShadowRoot) =>
  [
    ...shadow.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)),
    ...[...shadow.querySelectorAll('style')].map((style) => style.textContent ?? ''),
  ].join('\n');

describe('theme and placement', () => {
  it('follows the system colour scheme by default, on the right', () => {
    const { host } = mountWidget();
    expect(host.classList.contains('hl-theme-auto')).toBe(true);
    expect(host.classList.contains('hl-pos-right')).toBe(true);
  });

  it('applies an explicit dark theme and left position', () => {
    const { host } = mountWidget({ appearance: { theme: 'dark', position: 'left' } });
    expect(host.classList.contains('hl-theme-dark')).toBe(true);
    expect(host.classList.contains('hl-pos-left')).toBe(true);
  });

  it('puts brand colour, radius, font, offsets and z-index into :host tokens', () => {
    const { shadow } = mountWidget({
      appearance: {
        theme: 'light',
        brandColor: '#facc15',
        radius: '4px',
        fontFamily: 'Inter, sans-serif',
        offset: { x: 32, y: 48 },
        zIndex: 1000,
      },
    });
    const css = cssOf(shadow);
    expect(css).toContain('--hl-brand: #facc15');
    // A light brand colour gets dark text for contrast.
    expect(css).toContain('--hl-brand-fg: #111827');
    expect(css).toContain('--hl-radius: 4px');
    expect(css).toContain('--hl-font: Inter, sans-serif');
    expect(css).toContain('--hl-offset-x: 32px');
    expect(css).toContain('--hl-offset-y: 48px');
    expect(css).toContain('--hl-z: 1000');
    expect(css).toContain('all: initial');
  });

  it('mounts into a given container', () => {
    const container = document.createElement('div');
    document.body.append(container);
    mountWidget({ container });
    expect(container.querySelector('helpline-widget')).not.toBeNull();
  });

  it('refuses a brand colour that could inject CSS, naming the field', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => mountWidget({ appearance: { brandColor: 'red; } body { display:none' } })).toThrow(/brandColor/);
    logged.mockRestore();
    expect(document.querySelector('helpline-widget')).toBeNull();
  });
});
