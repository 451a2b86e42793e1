import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/**
 * The key that signs session tokens and attachment URLs. Made once and kept in the database, so it
 * survives restarts and every instance sharing a PostgreSQL signs and verifies alike.
 */
export async function loadServerSecret(db: Queryable): Promise<Uint8Array> {
  await db.query(
    "insert into server_settings (name, value) values ('token_secret', $1) on conflict (name) do nothing",
    [randomBytes(32).toString('base64')],
  );
  const [row] = await db.query<{ value: string }>("select value from server_settings where name = 'token_secret'");
  if (!row) throw new Error('token secret missing after insert');
  return new Uint8Array(Buffer.from(row.value, 'base64'));
}
