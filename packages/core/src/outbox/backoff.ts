import { isAdapterError } from '../errors/adapter-error.js';
import { isHelplineError } from '../errors/helpline-error.js';

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;

/**
 * "Full jitter" (AWS architecture blog): a uniformly random wait up to the exponential cap, so
 * many clients coming back online do not retry in lockstep. `attempt` counts from 1.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}

/** Network failures, 5xx and 429 are worth another try; other errors need the user (4xx, bad input). */
export function isRetryable(error: unknown): boolean {
  if (!isHelplineError(error)) return true; // fetch's TypeError and friends: the network, not the request
  return error.retryable || error.code === 'network' || error.code === 'server' || error.code === 'rate_limited';
}

/** Delay the backend asked for (429 Retry-After), in ms. */
export function requestedDelay(error: unknown): number | undefined {
  return isAdapterError(error) && error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined;
}
