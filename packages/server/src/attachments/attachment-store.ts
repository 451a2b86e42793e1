import * as z from 'zod/mini';
import type { Database, Queryable } from '../db/database.js';
import { ACCEPTED_TYPES } from './sniff.js';

/** What the attachments table says about an upload; its bytes are in the blob store. */
export const AttachmentRecord = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ACCEPTED_TYPES),
  size: z.number(),
});
export type AttachmentRecord = z.infer<typeof AttachmentRecord>;

const COLUMNS = 'id, name, type, size';

// Any constant works; it only has to be the same for every instance on one database.
const UPLOAD_LOCK = 0x48_4c_55;

/**
 * Who an upload belongs to until it is sent: a visitor, or an agent. An agent's upload never gets a
 * visitor, so no visitor can send or claim it.
 */
export type Uploader = { visitorPk: string } | { agentId: string };

const uploaderColumn = (uploader: Uploader): ['visitor_pk' | 'agent_id', string] =>
  'agentId' in uploader ? ['agent_id', uploader.agentId] : ['visitor_pk', uploader.visitorPk];

/** Keys uploads in flight per uploader; visitor and agent ids are both random UUIDs, so they never collide. */
export const uploaderKey = (uploader: Uploader): string => uploaderColumn(uploader)[1];

/** Bytes held in an uploader's uploads not yet sent with a message or ticket. */
export async function unattachedBytes(db: Queryable, workspaceId: string, uploader: Uploader): Promise<number> {
  const [column, id] = uploaderColumn(uploader);
  const [row] = await db.query<{ bytes: string | number }>(
    `select coalesce(sum(size), 0) as bytes from attachments where workspace_id = $1 and ${column} = $2 and attached_at is null`,
    [workspaceId, id],
  );
  return Number(row?.bytes ?? 0);
}

/**
 * Records an upload unless it would take the uploader's unattached bytes over `limit`; then it
 * answers how many bytes they already hold. An uploader's uploads take turns under a lock, so
 * concurrent ones — on one instance or several — cannot all slip under the limit.
 */
export async function reserveAttachment(
  db: Database,
  input: { id: string; workspaceId: string; uploader: Uploader; name: string; type: string; size: number },
  limit: number,
): Promise<{ record: AttachmentRecord } | { heldBytes: number }> {
  const [column, owner] = uploaderColumn(input.uploader);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [UPLOAD_LOCK, owner]);
    const held = await unattachedBytes(tx, input.workspaceId, input.uploader);
    if (held + input.size > limit) return { heldBytes: held };
    const [row] = await tx.query(
      `insert into attachments (id, workspace_id, ${column}, name, type, size) values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
      [input.id, input.workspaceId, owner, input.name, input.type, input.size],
    );
    return { record: z.parse(AttachmentRecord, row) };
  });
}

export async function attachmentById(db: Queryable, id: string): Promise<AttachmentRecord | undefined> {
  const [row] = await db.query(`select ${COLUMNS} from attachments where id = $1`, [id]);
  return row && z.parse(AttachmentRecord, row);
}

export async function deleteAttachment(db: Queryable, id: string): Promise<void> {
  await db.query('delete from attachments where id = $1', [id]);
}

/**
 * SQL that marks uploads as sent with a message or ticket: they stop counting against the
 * visitor's limit, and the sweep keeps them. `attachments` names a jsonb parameter of `{id}`
 * objects — the column messages and tickets store — so a message insert can carry it in its own
 * statement.
 */
export const markAttachedSql = (workspaceId: string, attachments: string): string =>
  `update attachments set attached_at = now() where workspace_id = ${workspaceId} and attached_at is null
     and id in (select item ->> 'id' from jsonb_array_elements(${attachments}::jsonb) as item)`;

/** Run it in the transaction that stores the ticket, so a stored ticket never loses its files. */
export async function markAttached(
  tx: Queryable,
  workspaceId: string,
  attachments: readonly { id: string }[],
): Promise<void> {
  if (attachments.length > 0) await tx.query(markAttachedSql('$1', '$2'), [workspaceId, attachments]);
}

/** Deletes up to `limit` uploads never sent and older than `maxAgeSeconds`; answers their ids. */
export async function deleteUnattached(db: Queryable, maxAgeSeconds: number, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `delete from attachments where id in (
       select id from attachments where attached_at is null and created_at < now() - $1::double precision * interval '1 second'
       order by created_at limit $2)
     returning id`,
    [maxAgeSeconds, limit],
  );
  return rows.map((row) => row.id);
}

/** Of these ids, those that still have a row. */
export async function existingAttachmentIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(
    'select id from attachments where id in (select jsonb_array_elements_text($1::jsonb))',
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}
