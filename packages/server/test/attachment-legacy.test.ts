import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedAttachmentUrl } from '../src/attachments/signed-url.js';
import { MIGRATIONS } from '../src/db/migrations.js';
import { openPglite, type RunningServer } from '../src/index.js';
import { startTestServer } from './test-server.js';

// Three and a bit 128 KB slices, so serving it takes several statements.
const OLD_TEXT = new TextEncoder().encode('<html><script>alert(1)</script></html>\n'.repeat(10_000));
const OLD_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

let root: string;
let server: RunningServer;
let secret: Uint8Array;

/**
 * A data folder as the version before files left the database wrote it: schema up to migration 6,
 * the bytes of each upload in attachments.data, one upload sent in a message and one never sent.
 */
async function folderFromEarlierVersion(dataDir: string): Promise<void> {
  const db = await openPglite(dataDir);
  await db.exec(
    'create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
  );
  for (const migration of MIGRATIONS.filter(({ version }) => version <= 6)) {
    await db.exec(migration.sql);
    await db.query('insert into schema_migrations (version, name) values ($1, $2)', [
      migration.version,
      migration.name,
    ]);
  }
  await db.exec(`
    insert into workspaces (id, name, public_key, secret) values ('ws-old', 'Old', 'old-key', 'old-secret-0123456789');
    insert into visitors (id, workspace_id, identity_key, visitor_id) values ('v-old', 'ws-old', 'visitor:old', 'old');
    insert into conversations (id, workspace_id, visitor_pk, idempotency_key) values ('c-old', 'ws-old', 'v-old', 'k-old');
  `);
  const insert =
    'insert into attachments (id, workspace_id, visitor_pk, name, type, size, data, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)';
  const longAgo = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  await db.query(insert, [
    '00000000-0000-4000-8000-000000000001',
    'ws-old',
    'v-old',
    'page.html',
    'text/plain',
    OLD_TEXT.length,
    OLD_TEXT,
    longAgo,
  ]);
  await db.query(insert, [
    '00000000-0000-4000-8000-000000000002',
    'ws-old',
    'v-old',
    'never-sent.png',
    'image/png',
    OLD_PNG.length,
    OLD_PNG,
    longAgo,
  ]);
  await db.query(
    `insert into messages (id, workspace_id, conversation_id, author_type, body, attachments) values ('m-old', 'ws-old', 'c-old', 'user', 'see file', $1::jsonb)`,
    [[{ id: '00000000-0000-4000-8000-000000000001', name: 'page.html', type: 'text/plain', size: OLD_TEXT.length }]],
  );
  await db.close();
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'helpline-legacy-'));
  const dataDir = join(root, 'data');
  await folderFromEarlierVersion(dataDir);
  server = await startTestServer({ dataDir, seedDemo: false, unattachedTtlSeconds: 3600 });
  const [row] = await server.db.query<{ value: string }>(
    "select value from server_settings where name = 'token_secret'",
  );
  secret = new Uint8Array(Buffer.from(row?.value ?? '', 'base64'));
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

it('still serves uploads an earlier version stored in the database, every byte, under a safe name', async () => {
  const response = await fetch(signedAttachmentUrl(secret, server.url, '00000000-0000-4000-8000-000000000001', 3600));
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Length')).toBe(String(OLD_TEXT.length));
  expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="page.html.txt"/);
  expect(Buffer.compare(new Uint8Array(await response.arrayBuffer()), OLD_TEXT)).toBe(0);
});

it('sweeps old uploads that were never sent, and keeps those a message carries', async () => {
  const sent = signedAttachmentUrl(secret, server.url, '00000000-0000-4000-8000-000000000001', 3600);
  const unsent = signedAttachmentUrl(secret, server.url, '00000000-0000-4000-8000-000000000002', 3600);
  // Bodies are read to the end: a download still streaming when the server closes would fail.
  const status = async (url: string) => {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status;
  };
  const deadline = Date.now() + 15_000;
  while ((await status(unsent)) !== 404 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await status(unsent)).toBe(404);
  expect(await status(sent)).toBe(200);
});
