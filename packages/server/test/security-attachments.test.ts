import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedAttachmentUrl } from '../src/attachments/signed-url.js';
import type { RunningServer } from '../src/index.js';
import { PNG, startSecurityServer, type Tenant, twoTenants } from './security-world.js';

let server: RunningServer;
let a: Tenant;
let b: Tenant;
let serverSecret: Uint8Array;
beforeAll(async () => {
  server = await startSecurityServer();
  ({ a, b } = await twoTenants(server));
  const [row] = await server.db.query<{ value: string }>(
    "select value from server_settings where name = 'token_secret'",
  );
  serverSecret = new Uint8Array(Buffer.from(row?.value ?? '', 'base64'));
});
afterAll(() => server?.close());

const bytes = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const upload = (body: Uint8Array, type: string, name = 'file') =>
  a.visitor.call('POST', '/v1/attachments', body, { 'Content-Type': type, 'X-Filename': name });

describe('attachment uploads', () => {
  it.each([
    ['an HTML page declared as image/png', bytes('<!doctype html><script>alert(1)</script>'), 'image/png'],
    [
      'an SVG with script declared as image/png',
      bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'image/png',
    ],
    ['JavaScript declared as image/png', bytes('alert(document.cookie)'), 'image/png'],
    ['JavaScript declared as such', bytes('alert(document.cookie)'), 'application/javascript'],
    ['HTML declared as such', bytes('<html><body>hi</body></html>'), 'text/html'],
    ['a PNG that is also an HTML page', concat(PNG, bytes('<html><script>alert(1)</script></html>')), 'image/png'],
    ['a GIF that is also a script', bytes('GIF89a/*\u0001\u0000*/=1;<script>alert(1)</script>'), 'image/gif'],
    ['a PDF carrying an SVG', concat(bytes('%PDF-1.4\n'), bytes('<svg onload=alert(1)>')), 'application/pdf'],
    ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'application/zip'],
  ])('refuses %s with 415 naming Content-Type', async (_name, body, type) => {
    const result = await upload(body, type);
    expect(result.status).toBe(415);
    expect(result.body.error).toMatchObject({ code: 'unsupported_media_type', field: 'Content-Type' });
  });

  it('refuses a file over the size cap with 413', async () => {
    const big = concat(PNG, new Uint8Array(128 * 1024));
    const result = await upload(big, 'image/png');
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('payload_too_large');
  });

  it('serves files as downloads that cannot run: Content-Disposition, nosniff and a sandbox CSP', async () => {
    const text = await upload(bytes('<b>not html here</b>'), 'text/plain', '../../evil".html');
    expect(text.status).toBe(201);
    const response = await fetch(text.body.url);
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="evil.html"/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Security-Policy')).toMatch(/sandbox/);
    expect(response.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'/);
    const image = await fetch(a.attachmentUrl);
    expect(image.headers.get('Content-Type')).toBe('image/png');
    expect(image.headers.get('Content-Disposition')).toMatch(/^inline; filename="a.png"/);
    expect(image.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('signed attachment URLs', () => {
  it('expire, and a tampered expiry or signature is refused', async () => {
    const base = server.url;
    const expired = signedAttachmentUrl(serverSecret, base, a.ids.attachment, -7200);
    expect((await fetch(expired)).status).toBe(403);
    const url = new URL(a.attachmentUrl);
    url.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 3600));
    expect((await fetch(url)).status).toBe(403);
    const forged = new URL(a.attachmentUrl);
    forged.searchParams.set('sig', 'A'.repeat(43));
    expect((await fetch(forged)).status).toBe(403);
    expect((await fetch(a.attachmentUrl)).status).toBe(200);
  });

  it("cannot be reused for another workspace's attachment", async () => {
    const url = new URL(a.attachmentUrl);
    url.pathname = `/v1/attachments/${b.ids.attachment}`;
    const result = await fetch(url);
    expect(result.status).toBe(403);
    expect((await result.json()).error.field).toBe('sig');
  });
});
