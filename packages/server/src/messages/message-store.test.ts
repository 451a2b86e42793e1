import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertConversation } from '../conversations/conversation-store.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { openPglite } from '../db/pglite.js';
import { upsertVisitor } from '../visitors/visitor-store.js';
import { createWorkspace } from '../workspace/workspace-store.js';
import { insertMessage } from './message-store.js';

let db: Database;
let workspaceId: string;
let visitorPk: string;

beforeAll(async () => {
  db = await openPglite(':memory:');
  await migrate(db);
  workspaceId = (await createWorkspace(db, { name: 'Acme' })).id;
  visitorPk = (await upsertVisitor(db, workspaceId, { identity: { visitorId: 'visitor-1' }, verified: false })).id;
});
afterAll(async () => {
  await db.close();
});

const reply = (conversationId: string, body: string, idempotencyKey: string) => ({
  workspaceId,
  thread: { conversationId },
  author: { type: 'user' as const, id: visitorPk },
  body,
  attachments: [],
  idempotencyKey,
});

describe('insertMessage with bumpConversation', () => {
  it('reopens a resolved conversation and marks it read by the visitor, once per idempotency key', async () => {
    const { row } = await insertConversation(db, {
      workspaceId,
      visitorPk,
      subject: 'Help',
      context: null,
      idempotencyKey: 'start-1',
    });
    await db.query(
      "update conversations set status = 'resolved', updated_at = now() - interval '1 hour', visitor_last_read_at = null where id = $1",
      [row.id],
    );
    const first = await insertMessage(db, reply(row.id, 'Still broken', 'reply-1'), { bumpConversation: true });
    expect(first.created).toBe(true);
    const [bumped] = await db.query<{ status: string; fresh: boolean; read: boolean }>(
      `select status, updated_at > now() - interval '1 minute' as fresh, visitor_last_read_at is not null as read
       from conversations where id = $1`,
      [row.id],
    );
    expect(bumped).toEqual({ status: 'open', fresh: true, read: true });

    // A retry changes nothing: no second message, and a conversation resolved since stays resolved.
    await db.query("update conversations set status = 'resolved' where id = $1", [row.id]);
    const retry = await insertMessage(db, reply(row.id, 'Still broken', 'reply-1'), { bumpConversation: true });
    expect(retry).toMatchObject({ created: false, row: { id: first.row.id } });
    const [after] = await db.query<{ status: string }>('select status from conversations where id = $1', [row.id]);
    expect(after?.status).toBe('resolved');
    const messages = await db.query('select id from messages where conversation_id = $1', [row.id]);
    expect(messages).toHaveLength(1);
  });
});
