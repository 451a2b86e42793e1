import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { noisyPng } from './noisy-png.js';
import { startTestServer, WidgetClient } from './test-server.js';

// Storing a 10 MB upload as a PGlite bytea froze the whole server for 6–9 s (reading it, 1–2.5 s).
// The bound leaves a wide margin for a slow, busy machine and still catches a freeze of seconds.
const HEALTHZ_BOUND_MS = 1500;
const TEN_MB = 10 * 1024 * 1024;

/**
 * Calls /healthz every 20 ms while `work` runs; answers the longest a call waited past the moment it
 * was due — a frozen event loop delays the timer as much as the answer.
 */
async function slowestHealthzDuring(
  url: string,
  work: Promise<unknown>,
): Promise<{ slowestMs: number; calls: number }> {
  let done = false;
  const finished = work.finally(() => {
    done = true;
  });
  let slowestMs = 0;
  let calls = 0;
  do {
    const due = performance.now() + 20;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    slowestMs = Math.max(slowestMs, performance.now() - due);
    calls++;
  } while (!done);
  await finished;
  return { slowestMs, calls };
}

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
    const { slowestMs, calls } = await slowestHealthzDuring(server.url, upload);
    const uploaded = await upload;
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'big.png', type: 'image/png', size: file.length });
    url = uploaded.body.url;
    expect(calls).toBeGreaterThan(0);
    expect(slowestMs).toBeLessThan(HEALTHZ_BOUND_MS);
  });

  it('leaves the server answering other clients while it is downloaded, and returns every byte', async () => {
    const download = fetch(url).then(async (response) => ({
      status: response.status,
      length: response.headers.get('Content-Length'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    }));
    const { slowestMs } = await slowestHealthzDuring(server.url, download);
    const { status, length, bytes } = await download;
    expect(status).toBe(200);
    expect(length).toBe(String(file.length));
    expect(Buffer.compare(bytes, file)).toBe(0);
    expect(slowestMs).toBeLessThan(HEALTHZ_BOUND_MS);
  });
});
