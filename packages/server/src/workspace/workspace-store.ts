import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { toWorkspace, WORKSPACE_COLUMNS, type Workspace, type WorkspaceSettings } from './settings.js';

type Row = Parameters<typeof toWorkspace>[0];

export async function workspaceByKey(db: Queryable, publicKey: string): Promise<Workspace | undefined> {
  const [row] = await db.query<Row>(`select ${WORKSPACE_COLUMNS} from workspaces where public_key = $1`, [publicKey]);
  return row ? toWorkspace(row) : undefined;
}

export async function workspaceById(db: Queryable, id: string): Promise<Workspace | undefined> {
  const [row] = await db.query<Row>(`select ${WORKSPACE_COLUMNS} from workspaces where id = $1`, [id]);
  return row ? toWorkspace(row) : undefined;
}

export interface NewWorkspace {
  name: string;
  publicKey?: string;
  secret?: string;
  settings?: Partial<WorkspaceSettings>;
}

/** Creates a workspace; its public key goes in the widget snippet, its secret stays on the host's backend. */
export async function createWorkspace(db: Queryable, input: NewWorkspace): Promise<Workspace> {
  const [row] = await db.query<Row>(
    `insert into workspaces (id, name, public_key, secret, settings) values ($1, $2, $3, $4, $5::jsonb) returning ${WORKSPACE_COLUMNS}`,
    [
      randomUUID(),
      input.name,
      input.publicKey ?? `pk_${randomBytes(12).toString('hex')}`,
      input.secret ?? randomBytes(32).toString('hex'),
      input.settings ?? {},
    ],
  );
  if (!row) throw new Error('workspace insert returned nothing');
  return toWorkspace(row);
}
