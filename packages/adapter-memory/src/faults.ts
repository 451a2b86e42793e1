import { AdapterError, adapterErrorFromStatus, ValidationError } from '@helpline/core';

/** What `agent.failNext` can make the next call do. */
export type FaultKind = 'network' | 'malformed' | 401 | 429 | 500;

const KINDS: readonly FaultKind[] = ['network', 'malformed', 401, 429, 500];

export function assertFaultKind(kind: unknown): asserts kind is FaultKind {
  if (!KINDS.includes(kind as FaultKind)) {
    const issue = `kind: expected one of ${KINDS.map((k) => JSON.stringify(k)).join(' | ')}, got ${JSON.stringify(kind)}`;
    throw new ValidationError('invalid_input', `failNext: ${issue}`, [issue], 'kind');
  }
}

/** The error a failing transport would produce; `malformed` is handled by the caller via parseResponse. */
export function faultError(kind: Exclude<FaultKind, 'malformed'>): AdapterError {
  if (kind === 'network')
    return new AdapterError('network', 'Memory adapter: simulated network failure', { retryable: true });
  return adapterErrorFromStatus(kind, `Memory adapter: simulated HTTP ${kind}`, kind === 429 ? 2 : undefined);
}
