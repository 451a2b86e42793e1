import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.js';

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) throw new Error('view exploded');
  return <p>Recovered view</p>;
}

describe('ErrorBoundary', () => {
  it('contains a crashing view, says so, and renders it again on retry', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    shouldThrow = true;
    render(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong');
    expect(logged).toHaveBeenCalled();
    shouldThrow = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Recovered view')).toBeTruthy();
    logged.mockRestore();
  });
});
