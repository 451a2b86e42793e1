import { signal } from '@preact/signals-core';
import { act, cleanup, render } from '@testing-library/preact';
import { useLayoutEffect } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { useValue } from './use-value.js';

afterEach(cleanup);

describe('useValue', () => {
  it('renders the value and re-renders on each change, not on writes of the same value', () => {
    const count = signal(1);
    let renders = 0;
    function Counter() {
      renders++;
      return <p>{useValue(count)}</p>;
    }
    const { container } = render(<Counter />);
    expect(container.textContent).toBe('1');
    act(() => {
      count.value = 2;
    });
    expect(container.textContent).toBe('2');
    const before = renders;
    act(() => {
      count.value = 2;
    });
    expect(renders).toBe(before);
  });

  it('catches a change made between the render and its subscription', () => {
    const status = signal('idle');
    function Status() {
      const value = useValue(status);
      // A child's layout effect runs before the parent's: it writes after the parent rendered.
      return (
        <>
          <Writer />
          <p>{value}</p>
        </>
      );
    }
    function Writer() {
      useLayoutEffect(() => {
        status.value = 'busy';
      }, []);
      return null;
    }
    const { container } = render(<Status />);
    expect(container.textContent).toBe('busy');
  });
});
