import * as z from 'zod/mini';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { AttachmentRecord } from './attachment-store.js';

/**
 * Marks the agent's own unsent uploads as sent with a reply and answers them in the order asked.
 * Any other id — a colleague's or a visitor's upload, another workspace's, one already sent, one
 * older than `unsentTtlSeconds` — is a 400 naming its place. Claimed in one statement inside the
 * reply's transaction: two replies cannot both carry one upload, and a refused reply keeps none.
 */
export async function claimAgentUploads(
  tx: Queryable,
  input: { workspaceId: string; agentId: string; ids: readonly string[]; unsentTtlSeconds: number },
): Promise<AttachmentRecord[]> {
  if (input.ids.length === 0) return [];
  const rows = await tx.query(
    `update attachments set attached_at = now()
     where workspace_id = $1 and agent_id = $2 and attached_at is null
       and created_at > now() - $4::double precision * interval '1 second'
       and id in (select jsonb_array_elements_text($3::jsonb))
     returning id, name, type, size`,
    [input.workspaceId, input.agentId, input.ids, input.unsentTtlSeconds],
  );
  const claimed = rows.map((row) => z.parse(AttachmentRecord, row));
  return input.ids.map((id, index) => {
    const found = claimed.find((record) => record.id === id);
    if (!found)
      throw new ApiError(
        400,
        'invalid_input',
        `Reply: attachmentIds.${index}: ${id} is not an upload of yours waiting to be sent ` +
          `(each upload goes with one reply, within ${input.unsentTtlSeconds} s) — upload the file again`,
        `attachmentIds.${index}`,
      );
    return found;
  });
}
