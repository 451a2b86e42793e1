import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { HEALTHZ_BOUND_MS, slowestHealthzDuring } from './healthz-probe.js';
import { noisyPng } from './noisy-png.js';
import { startTestServer, WidgetClient } from './test-server.js';

const TEN_MB = 10 * 1024 * 1024;

describe.each([
  ['a PGlite data folder (files beside the database)', 'folder'],
  ['an in-memory PGlite', ':memory:'],
])('a 10 MB attachment on %s', (_name, where) => {
  let server: RunningServer;
  let folder: string | undefined;
  let client: WidgetClient;
  const file = noisyPng(TEN_MB - 1024);
  let url = '';

  beforeAll(async () => {
    folder = where === 'folder' ? await mkdtemp(join(tmpdir(), 'helpline-responsive-')) : undefined;
    server = await startTestServer({ ...(folder ? { dataDir: join(folder, 'data') } : {}) });
    client = new WidgetClient(server.url);
    await client.session();
  });
  afterAll(async () => {
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('leaves the server answering other clients while it is uploaded', async () => {
    const upload = client.call('POST', '/v1/attachments', file, {
      'Content-Type': 'application/octet-stream',
      'X-Filename': 'big.png',
    });
    const slowestMs = await slowestHealthzDuring(server.url, upload);
    const uploaded = await upload;
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'big.png', type: 'image/png', size: file.length });
    url = uploaded.body.url;
    expect(slowestMs).toBeLessThan(HEALTHZ_BOUND_MS);
  });

  it('leaves the server answering other clients while it is downloaded, and returns every byte', async () => {
    const download = fetch(url).then(async (response) => ({
      status: response.status,
      length: response.headers.get('Content-Length'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    }));
    const slowestMs = await slowestHealthzDuring(server.url, download);
    const { status, length, bytes } = await download;
    expect(status).toBe(200);
    expect(length).toBe(String(file.length));
    expect(Buffer.compare(bytes, file)).toBe(0);
    expect(slowestMs).toBeLessThan(HEALTHZ_BOUND_MS);
  });
});
