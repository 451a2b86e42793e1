import type { StreamEndReason } from '@helpline/core';
import type { Queryable } from '../db/database.js';
import { CHANNEL, type EndNotice } from './hub.js';

/**
 * The credentials a stream is opened with, as keys: ending a key ends every stream opened with it,
 * on every instance. A visitor's stream carries two (its token, and its visitor, which an erasure
 * ends whatever token was used).
 */
export const streamKey = {
  visitorToken: (tokenId: string): string => `visitor-token:${tokenId}`,
  visitor: (workspaceId: string, visitorPk: string): string => `visitor:${workspaceId}:${visitorPk}`,
  agentSession: (tokenHash: string): string => `agent-session:${tokenHash}`,
};

/**
 * Ends the open streams of a credential that just ended. Inside a transaction the notice goes out
 * on commit, so a rolled-back erasure ends nothing; call it after (or in) the write that ends the
 * credential, so that a stream connecting meanwhile is refused by the check or ended by this.
 */
export async function endStreams(db: Queryable, key: string, reason: StreamEndReason): Promise<void> {
  const notice: EndNotice = { end: key, reason };
  await db.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(notice)]);
}
