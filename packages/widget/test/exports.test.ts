import { describe, expect, it, vi } from 'vitest';
import * as widget from '../src/index.js';

describe('@helpline/widget exports', () => {
  it('exposes createHelpline as its only runtime export', () => {
    expect(Object.keys(widget)).toEqual(['createHelpline']);
  });

  it('throws a validation error naming the field for bad options, before touching the page', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => widget.createHelpline({ adapter: {} as never })).toThrow(/adapter/);
    expect(logged.mock.calls.flat().join(' ')).toContain('adapter');
    logged.mockRestore();
    expect(document.querySelector('helpline-widget')).toBeNull();
  });
});
