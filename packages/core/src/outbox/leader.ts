export const OUTBOX_LOCK = 'helpline-outbox';

/**
 * Asks for the Web Lock that makes this tab the one that sends. Without Web Locks every tab sends
 * (the backend dedupes by idempotency key). Returns a function that releases or abandons the request.
 */
export function electLeader(locks: LockManager | null, onLeader: () => void): () => void {
  if (locks === null) {
    onLeader();
    return () => {};
  }
  const abort = new AbortController();
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  locks
    .request(OUTBOX_LOCK, { signal: abort.signal }, () => {
      onLeader();
      return held; // kept until shutdown: the lock passes to another tab when this one goes away
    })
    .catch(() => {
      // Aborted at shutdown before we got the lock.
    });
  return () => {
    abort.abort();
    release();
  };
}
