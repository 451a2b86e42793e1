import { createHmac, timingSafeEqual } from 'node:crypto';
import { ContextAccount, type Identity } from '@helpline/core';
import { jwtVerify } from 'jose';
import { safeParse } from 'zod/mini';

export type VerifiedIdentity =
  | { verified: true; userId: string; name?: string; email?: string; account?: ContextAccount }
  | { verified: false }
  | { rejected: string };

/** hex HMAC-SHA256(userId, secret): what the host's backend computes for `verification.userHash`. */
export function userHash(userId: string, secret: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase(), 'hex');
  const right = Buffer.from(b.toLowerCase(), 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

// The same bounds as the page's identity (core's ContextUser): a signed claim is stored the same way.
const CLAIM_LIMITS = { sub: 200, name: 200, email: 320 } as const;

function overlongClaim(payload: Record<string, unknown>): string | undefined {
  for (const [claim, max] of Object.entries(CLAIM_LIMITS)) {
    const value = payload[claim];
    if (typeof value === 'string' && value.length > max) return `${claim} is longer than ${max} characters`;
  }
  return undefined;
}

/**
 * Checks the host's proof of identity against the workspace secret. A JWT's claims win over what the
 * page says (the page can be edited by the user; the JWT cannot).
 */
export async function verifyIdentity(identity: Identity, secret: string): Promise<VerifiedIdentity> {
  const proof = identity.verification;
  if (proof?.jwt) {
    try {
      const { payload } = await jwtVerify(proof.jwt, new TextEncoder().encode(secret), {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      const sub = text(payload.sub);
      if (!sub) return { rejected: 'verification.jwt: sub is missing' };
      const overlong = overlongClaim(payload);
      if (overlong) return { rejected: `verification.jwt: ${overlong}` };
      if (identity.user?.id && identity.user.id !== sub)
        return { rejected: 'verification.jwt: sub does not match user.id' };
      let account = identity.account;
      if (payload.account !== undefined) {
        // Signed is not the same as well-formed: the claim is parsed like any other input.
        const parsed = safeParse(ContextAccount, payload.account);
        if (!parsed.success) return { rejected: 'verification.jwt: the account claim is not a valid account object' };
        account = parsed.data;
      }
      return {
        verified: true,
        userId: sub,
        ...((text(payload.name) ?? identity.user?.name) ? { name: text(payload.name) ?? identity.user?.name } : {}),
        ...((text(payload.email) ?? identity.user?.email)
          ? { email: text(payload.email) ?? identity.user?.email }
          : {}),
        ...(account ? { account } : {}),
      };
    } catch (error) {
      const reason =
        (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid signature or claims';
      return { rejected: `verification.jwt: ${reason}` };
    }
  }
  if (proof?.userHash) {
    const userId = identity.user?.id;
    if (!userId) return { rejected: 'user.id: required with verification.userHash' };
    if (!sameHex(proof.userHash, userHash(userId, secret)))
      return { rejected: 'verification.userHash: does not match user.id' };
    return {
      verified: true,
      userId,
      ...(identity.user?.name ? { name: identity.user.name } : {}),
      ...(identity.user?.email ? { email: identity.user.email } : {}),
      ...(identity.account ? { account: identity.account } : {}),
    };
  }
  return { verified: false };
}
