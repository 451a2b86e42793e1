import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password.js';
import type { Queryable } from '../db/database.js';

export interface NewAgent {
  workspaceId: string;
  email: string;
  name: string;
  password: string;
}

/** Adds an agent account (emails are unique across the server: login takes only email and password). */
export async function createAgent(db: Queryable, input: NewAgent): Promise<{ id: string }> {
  const id = randomUUID();
  await db.query('insert into agents (id, workspace_id, email, name, password_hash) values ($1, $2, $3, $4, $5)', [
    id,
    input.workspaceId,
    input.email.trim().toLowerCase(),
    input.name,
    await hashPassword(input.password),
  ]);
  return { id };
}
