import { carries, type OutboxRecord } from './record.js';
import { SIGNED_OUT } from './signed-out.js';

/**
 * What the person on this page may see of an outbox item, given the user the page names (`userId`,
 * undefined: nobody). Their own and an anonymous visitor's items show as they are. A signed-in user's
 * item while the page names nobody (they signed out of the host app without its logout) shows as not
 * sent, without its text or files: whoever is here now may be someone else. While the page names
 * another user it does not show at all. None of this changes the stored item, which still waits for
 * its writer's session.
 */
export function shownTo(userId: string | undefined, record: OutboxRecord): OutboxRecord[] {
  if (carries(userId, record)) return [record];
  if (userId !== undefined) return [];
  const { body: _, attachments: __, owner: ___, ...rest } = record;
  return [
    {
      ...rest,
      payload: {},
      state: 'failed',
      error: { code: SIGNED_OUT, message: 'Written while signed in: sign in again to send it' },
    },
  ];
}
