import { useEffect } from 'preact/hooks';

/** Runs `run` once `value` has stopped changing for `delayMs`. */
export function useDebouncedEffect<T>(value: T, delayMs: number, run: (value: T) => void): void {
  useEffect(() => {
    const timer = setTimeout(() => run(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
}
