import { expect } from 'vitest';

/**
 * How long a /healthz call may wait past its time while heavy work runs. Storing a 10 MB upload as a
 * PGlite bytea froze the whole server for 6–9 s (reading it, 1–2.5 s); the bound leaves a wide
 * margin for a slow, busy machine and still catches a freeze of seconds.
 */
export const HEALTHZ_BOUND_MS = 1500;

/**
 * Calls /healthz every 20 ms while `work` runs, each expected to answer 200; resolves to the longest
 * a call waited past the moment it was due — a frozen event loop delays the timer as much as the
 * answer.
 */
export async function slowestHealthzDuring(base: string, work: Promise<unknown>): Promise<number> {
  let done = false;
  const finished = work.finally(() => {
    done = true;
  });
  let slowestMs = 0;
  do {
    const due = performance.now() + 20;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    slowestMs = Math.max(slowestMs, performance.now() - due);
  } while (!done);
  await finished;
  return slowestMs;
}
