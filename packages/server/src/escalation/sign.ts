import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Helpline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` — the timestamp is signed
 * too, so a receiver can refuse replays older than its tolerance.
 */
export function signWebhook(body: string, secret: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** What a receiver runs (documented in docs/self-service.md); exported for tests and Node receivers. */
export function verifyWebhook(
  body: string,
  header: string,
  secret: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
