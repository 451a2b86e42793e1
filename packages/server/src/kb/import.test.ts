import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { openPglite } from '../db/pglite.js';
import { createWorkspace } from '../workspace/workspace-store.js';
import { importKnowledgeBase } from './import.js';

const seedKb = fileURLToPath(new URL('../../seed/kb/', import.meta.url));
let db: Database;

beforeAll(async () => {
  db = await openPglite(':memory:');
  await migrate(db);
}, 120_000);
afterAll(async () => {
  await db.close();
});

it('leaves statistics on the articles it imported, which search plans depend on', async () => {
  const workspaceId = (await createWorkspace(db, { name: 'Acme' })).id;
  const { imported } = await importKnowledgeBase(db, workspaceId, seedKb);
  expect(imported).toBeGreaterThan(0);
  const stats = await db.query<{ attname: string }>(
    "select attname from pg_stats where tablename = 'articles' and attname in ('workspace_id', 'search')",
  );
  expect(stats.map((row) => row.attname).sort()).toEqual(['search', 'workspace_id']);
});
