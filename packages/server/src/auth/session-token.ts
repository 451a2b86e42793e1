import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

export interface SessionClaims {
  workspaceId: string;
  visitorPk: string;
  visitorId: string;
}

/** What a verified token carries besides its claims: its id (for revocation) and its expiry. */
export interface VerifiedSession extends SessionClaims {
  tokenId: string;
  expiresAt: Date;
}

const ISSUER = 'helpline-server';

/** Bearer token for widget calls: HS256 with the server secret, bound to workspace and visitor. */
export async function issueSessionToken(
  secret: Uint8Array,
  claims: SessionClaims,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ ws: claims.workspaceId, vid: claims.visitorId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(claims.visitorPk)
    .setJti(randomUUID())
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
  return { token, expiresAt };
}

/**
 * The claims of a valid token, or undefined for anything forged, expired or malformed. A token
 * without an id or expiry could not be revoked (revoked-sessions.ts), so it is not valid either.
 */
export async function verifySessionToken(secret: Uint8Array, token: string): Promise<VerifiedSession | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    if (typeof payload.ws !== 'string' || typeof payload.vid !== 'string' || typeof payload.sub !== 'string')
      return undefined;
    if (typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return undefined;
    return {
      workspaceId: payload.ws,
      visitorPk: payload.sub,
      visitorId: payload.vid,
      tokenId: payload.jti,
      expiresAt: new Date(payload.exp * 1000),
    };
  } catch {
    return undefined;
  }
}
