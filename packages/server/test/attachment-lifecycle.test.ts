import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, type RunningServer, type ServerConfigInput } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { noisyPng } from './noisy-png.js';
import { AGENT_PASSWORD, key, startTestServer, WidgetClient } from './test-server.js';

const text = (size: number, fill = 'x') => new TextEncoder().encode(fill.repeat(size));

/** A server on its own data folder, so the tests can look at the files it keeps. */
async function serverOnFolder(config: ServerConfigInput = {}) {
  const root = await mkdtemp(join(tmpdir(), 'helpline-files-'));
  const dataDir = join(root, 'data');
  const server = await startTestServer({ dataDir, ...config });
  return {
    server,
    folder: join(dataDir, 'attachments'),
    files: () => readdir(join(dataDir, 'attachments')),
    fileOf: (id: string) => join(dataDir, 'attachments', id),
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function visitor(server: RunningServer, identity: Record<string, unknown> = {}): Promise<WidgetClient> {
  const client = new WidgetClient(server.url);
  await client.session(identity);
  return client;
}

const upload = (client: WidgetClient, bytes: Uint8Array, name = 'notes.txt') =>
  client.call('POST', '/v1/attachments', bytes, { 'Content-Type': 'text/plain', 'X-Filename': name });

const sendWith = (client: WidgetClient, attachmentIds: string[]) =>
  client.call('POST', '/v1/conversations', { body: 'see attached', attachmentIds, idempotencyKey: key() });

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the limit on uploads not yet sent', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ maxAttachmentBytes: 4000, maxUnattachedBytes: 10_000 });
  });
  afterAll(() => server?.close());

  it('refuses an upload over the limit with 413 naming it, and counts files sent with a message as no longer held', async () => {
    const client = await visitor(server);
    const first = await upload(client, text(4000));
    const second = await upload(client, text(4000));
    expect([first.status, second.status]).toEqual([201, 201]);
    const third = await upload(client, text(4000));
    expect(third.status).toBe(413);
    expect(third.body.error).toMatchObject({ code: 'payload_too_large', field: 'body' });
    expect(third.body.error.message).toContain('10000 bytes');
    expect(third.body.error.message).toContain('8000 bytes are held');

    expect((await sendWith(client, [first.body.id])).status).toBe(201);
    expect((await upload(client, text(4000))).status).toBe(201);
    // Another visitor has a limit of their own.
    expect((await upload(await visitor(server), text(4000))).status).toBe(201);
  });

  it('lets only what fits through when a visitor sends many uploads at once', async () => {
    const client = await visitor(server);
    const results = await Promise.all(Array.from({ length: 12 }, () => upload(client, text(3000))));
    const statuses = results.map((result) => result.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 413)).toHaveLength(9);
  });

  it('takes every file picked at once that fits the limit', async () => {
    // Files large enough that each spends a while being stored after its row is written: one counted
    // both as recorded and as still arriving made a limit with room left look full to the next.
    const files = await serverOnFolder({ maxAttachmentBytes: 1024 * 1024, maxUnattachedBytes: 4 * 1024 * 1024 });
    try {
      const client = await visitor(files.server);
      const file = noisyPng(1024 * 1024 - 4096);
      for (let round = 0; round < 4; round++) {
        const results = await Promise.all(
          Array.from({ length: 4 }, () =>
            client.call('POST', '/v1/attachments', file, { 'Content-Type': 'image/png' }),
          ),
        );
        expect(results.map((result) => result.status)).toEqual([201, 201, 201, 201]);
        expect(
          (
            await sendWith(
              client,
              results.map((result) => result.body.id),
            )
          ).status,
        ).toBe(201);
      }
    } finally {
      await files.close();
    }
  });

  it('counts a ticket as sending its files', async () => {
    const client = await visitor(server);
    const held = await Promise.all([upload(client, text(4000)), upload(client, text(4000))]);
    expect((await upload(client, text(4000))).status).toBe(413);
    const ticket = await client.call('POST', '/v1/tickets', {
      subject: 'with files',
      description: 'two files',
      severity: 'P3',
      category: 'bug',
      fields: { affected_area: 'other' },
      attachmentIds: held.map((result) => result.body.id),
      idempotencyKey: key(),
    });
    expect(ticket.status).toBe(201);
    expect((await upload(client, text(4000))).status).toBe(201);
  });
});

describe('the sweep of uploads never sent', () => {
  let world: Awaited<ReturnType<typeof serverOnFolder>>;
  beforeAll(async () => {
    world = await serverOnFolder({ unattachedTtlSeconds: 1, attachmentSweepSeconds: 0.2 });
  });
  afterAll(() => world?.close());

  it('deletes them with their bytes once old enough, and keeps files that were sent', async () => {
    const client = await visitor(world.server);
    const unsent = await upload(client, text(100, 'u'));
    const sent = await upload(client, text(100, 's'));
    expect((await sendWith(client, [sent.body.id])).status).toBe(201);
    expect(existsSync(world.fileOf(unsent.body.id))).toBe(true);

    await waitFor(async () => !existsSync(world.fileOf(unsent.body.id)));
    expect((await fetch(unsent.body.url)).status).toBe(404);
    const kept = await fetch(sent.body.url);
    expect(kept.status).toBe(200);
    expect(await kept.text()).toBe('s'.repeat(100));
    expect(existsSync(world.fileOf(sent.body.id))).toBe(true);
  });

  it('deletes files that no row claims (left by a crash between deleting the row and the file)', async () => {
    const orphan = randomUUID();
    await writeFile(world.fileOf(orphan), 'left behind');
    await waitFor(async () => !(await world.files()).includes(orphan));
  });
});

describe('an upload kept past the time it may be sent', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // The sweep runs once at start and not again during the test: the upload outlives its time.
    server = await startTestServer({ unattachedTtlSeconds: 1, attachmentSweepSeconds: 3600 });
  });
  afterAll(() => server?.close());

  it('is refused with a 400 naming it, before the sweep could delete it under the message', async () => {
    const client = await visitor(server);
    const stale = await upload(client, text(10));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const refused = await sendWith(client, [stale.body.id]);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_input', field: 'attachmentIds.0' });
    expect(refused.body.error.message).toContain('not sent within 1 s (unattachedTtlSeconds)');

    const again = await upload(client, text(10));
    expect((await sendWith(client, [again.body.id])).status).toBe(201);
  });
});

describe('erasure', () => {
  let world: Awaited<ReturnType<typeof serverOnFolder>>;
  beforeAll(async () => {
    world = await serverOnFolder();
  });
  afterAll(() => world?.close());

  it('DELETE /v1/me deletes the bytes of every upload, sent or not, and only the visitor’s', async () => {
    const client = await visitor(world.server);
    const other = await visitor(world.server);
    const sent = await upload(client, text(10));
    const unsent = await upload(client, text(10));
    const kept = await upload(other, text(10));
    expect((await sendWith(client, [sent.body.id])).status).toBe(201);

    expect((await client.call('DELETE', '/v1/me')).status).toBe(204);
    const left = await world.files();
    expect(left).not.toContain(sent.body.id);
    expect(left).not.toContain(unsent.body.id);
    expect(left).toContain(kept.body.id);
    expect((await fetch(sent.body.url)).status).toBe(404);
    expect((await fetch(kept.body.url)).status).toBe(200);
  });

  it('an agent erasing a visitor deletes the bytes of their uploads', async () => {
    const client = await visitor(world.server);
    const file = await upload(client, text(10));
    const started = await sendWith(client, [file.body.id]);
    const [row] = await world.server.db.query<{ visitor_pk: string }>(
      'select visitor_pk from conversations where id = $1',
      [started.body.conversation.id],
    );
    const agent = new AgentClient(world.server.url);
    expect((await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD)).status).toBe(200);
    expect((await agent.call('DELETE', `/visitors/${row?.visitor_pk}`)).status).toBe(204);
    expect(await world.files()).not.toContain(file.body.id);
    expect((await fetch(file.body.url)).status).toBe(404);
  });
});

describe('downloads', () => {
  let world: Awaited<ReturnType<typeof serverOnFolder>>;
  beforeAll(async () => {
    world = await serverOnFolder();
  });
  afterAll(() => world?.close());

  /** Files of the attachments folder this process holds open. */
  const openFiles = () =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith(`${world.folder}/`);
      } catch {
        return false;
      }
    }).length;

  it('answers HEAD with the headers and leaves no file open', async () => {
    const client = await visitor(world.server);
    const file = await upload(client, text(300_000));
    for (let i = 0; i < 5; i++) {
      const head = await fetch(file.body.url, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('Content-Length')).toBe('300000');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(openFiles()).toBe(0);
  });
});
