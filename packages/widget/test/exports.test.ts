import { describe, expect, it, vi } from 'vitest';
import * as widget from '../src/index.js';

describe('@helpline/widget exports', () => {
  it('exposes createHelpline and preloadView as its only runtime exports', () => {
    expect(Object.keys(widget).sort()).toEqual(['createHelpline', 'preloadView']);
  });

  it('preloadView downloads a view ahead of time and never throws, even for an unknown view', () => {
    expect(() => widget.preloadView('home')).not.toThrow();
    expect(() => widget.preloadView('nope' as never)).not.toThrow();
  });

  it('throws a validation error naming the field for bad options, before touching the page', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => widget.createHelpline({ adapter: {} as never })).toThrow(/adapter/);
    expect(logged.mock.calls.flat().join(' ')).toContain('adapter');
    logged.mockRestore();
    expect(document.querySelector('helpline-widget')).toBeNull();
  });
});
