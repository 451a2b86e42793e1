import type { BlobStore } from '../attachments/blob-store.js';
import type { Database } from '../db/database.js';
import { eraseVisitor } from './visitor-data.js';

/**
 * GDPR erasure with the visitor's uploaded files: the rows in one transaction, then the bytes kept
 * outside the database. Deleting bytes first would lose files of a visitor whose erasure then
 * rolls back; a crash after the commit leaves files that the attachment sweep removes.
 */
export async function eraseVisitorAndFiles(
  deps: { db: Database; blobs: BlobStore },
  workspaceId: string,
  visitorPk: string,
): Promise<boolean> {
  const { erased, files } = await deps.db.transaction(async (tx) => {
    // Files agents sent the visitor have no visitor of their own: they go with the replies that carry them.
    const rows = await tx.query<{ id: string }>(
      `delete from attachments where workspace_id = $1 and (visitor_pk = $2 or (agent_id is not null and id in (
         select item ->> 'id' from messages m cross join jsonb_array_elements(m.attachments) as item
         where m.workspace_id = $1 and m.author_type = 'agent' and (
           m.conversation_id in (select id from conversations where workspace_id = $1 and visitor_pk = $2)
           or m.ticket_id in (select id from tickets where workspace_id = $1 and visitor_pk = $2)))))
       returning id`,
      [workspaceId, visitorPk],
    );
    return { erased: await eraseVisitor(tx, workspaceId, visitorPk), files: rows.map((row) => row.id) };
  });
  await deps.blobs.delete(files);
  return erased;
}
