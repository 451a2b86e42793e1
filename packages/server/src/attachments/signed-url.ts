import { createHmac, timingSafeEqual } from 'node:crypto';

const signature = (secret: Uint8Array, id: string, expires: number): string =>
  createHmac('sha256', secret).update(`${id}.${expires}`).digest('base64url');

/**
 * Attachment links carry their own authorization (an expiring HMAC) because <img src> cannot send
 * the bearer token.
 */
export function signedAttachmentUrl(
  secret: Uint8Array,
  base: string,
  id: string,
  ttlSeconds: number,
  now = Date.now(),
): string {
  // Rounded to the hour so the same attachment keeps the same URL for a while (browser cache).
  const expires = Math.ceil((now / 1000 + ttlSeconds) / 3600) * 3600;
  return `${base}/v1/attachments/${encodeURIComponent(id)}?exp=${expires}&sig=${signature(secret, id, expires)}`;
}

export function verifyAttachmentSignature(
  secret: Uint8Array,
  id: string,
  exp: string | undefined,
  sig: string | undefined,
  now = Date.now(),
): boolean {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
  const expires = Number(exp);
  if (expires * 1000 < now) return false;
  const expected = Buffer.from(signature(secret, id, expires));
  const actual = Buffer.from(sig);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
