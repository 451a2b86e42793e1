import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { signedAttachmentUrl } from '../../src/attachments/signed-url.js';
import type { RunningServer } from '../../src/index.js';
import { HEALTHZ_BOUND_MS, slowestHealthzDuring } from '../healthz-probe.js';
import { noisyPng } from '../noisy-png.js';
import { key, startTestServer, WidgetClient } from '../test-server.js';

const url = process.env.HELPLINE_TEST_DATABASE_URL ?? inject('postgres').url;
const TEN_MB = 10 * 1024 * 1024;
let a: RunningServer;
let b: RunningServer;
beforeAll(async () => {
  const config = { databaseUrl: url, maxUnattachedBytes: 12 * 1024 * 1024 };
  [a, b] = await Promise.all([startTestServer(config), startTestServer(config)]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const chunksOf = async (id: string) =>
  Number(
    (await a.db.query<{ n: string }>('select count(*) as n from attachment_chunks where attachment_id = $1', [id]))[0]
      ?.n,
  );

it('keeps a 10 MB upload in 128 KB chunks, answering other clients meanwhile, and serves it from any instance', async () => {
  const client = new WidgetClient(a.url);
  await client.session();
  const file = noisyPng(TEN_MB - 4096);
  const upload = client.call('POST', '/v1/attachments', file, { 'Content-Type': 'image/png', 'X-Filename': 'big.png' });
  expect(await slowestHealthzDuring(a.url, upload)).toBeLessThan(HEALTHZ_BOUND_MS);
  const uploaded = await upload;
  expect(uploaded.status).toBe(201);
  expect(await chunksOf(uploaded.body.id)).toBe(Math.ceil(file.length / (128 * 1024)));

  const onB = new URL(uploaded.body.url);
  onB.port = String(b.port);
  const download = fetch(onB).then(async (response) => new Uint8Array(await response.arrayBuffer()));
  expect(await slowestHealthzDuring(b.url, download)).toBeLessThan(HEALTHZ_BOUND_MS);
  expect(Buffer.compare(await download, file)).toBe(0);

  expect((await client.call('DELETE', '/v1/me')).status).toBe(204);
  expect(await chunksOf(uploaded.body.id)).toBe(0);
  expect((await fetch(uploaded.body.url)).status).toBe(404);
});

it('holds a visitor to the limit on unsent uploads across instances', async () => {
  const onA = new WidgetClient(a.url);
  await onA.session();
  const onB = new WidgetClient(b.url);
  onB.token = onA.token;
  const file = noisyPng(3 * 1024 * 1024);
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, index) =>
      (index % 2 ? onB : onA).call('POST', '/v1/attachments', file, { 'Content-Type': 'image/png' }),
    ),
  );
  expect(results.filter((result) => result.status === 201)).toHaveLength(4);
  expect(results.filter((result) => result.status === 413)).toHaveLength(2);
  const sent = await onA.call('POST', '/v1/conversations', {
    body: 'files',
    attachmentIds: results.filter((result) => result.status === 201).map((result) => result.body.id),
    idempotencyKey: key(),
  });
  expect(sent.status).toBe(201);
  expect((await onB.call('POST', '/v1/attachments', file, { 'Content-Type': 'image/png' })).status).toBe(201);
});

it('still serves an upload an earlier version stored in attachments.data', async () => {
  const client = new WidgetClient(a.url);
  await client.session();
  const [visitor] = await a.db.query<{ id: string; workspace_id: string }>(
    'select id, workspace_id from visitors order by last_seen_at desc limit 1',
  );
  const old = new TextEncoder().encode('an old upload\n'.repeat(30_000));
  const id = '00000000-0000-4000-8000-00000000beef';
  await a.db.query(
    'insert into attachments (id, workspace_id, visitor_pk, name, type, size, data) values ($1, $2, $3, $4, $5, $6, $7)',
    [id, visitor?.workspace_id ?? '', visitor?.id ?? '', 'old.txt', 'text/plain', old.length, old],
  );
  const [secret] = await a.db.query<{ value: string }>("select value from server_settings where name = 'token_secret'");
  const response = await fetch(
    signedAttachmentUrl(new Uint8Array(Buffer.from(secret?.value ?? '', 'base64')), a.url, id, 3600),
  );
  expect(response.status).toBe(200);
  expect(Buffer.compare(new Uint8Array(await response.arrayBuffer()), old)).toBe(0);
});
