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
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="evil.html.txt"/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Security-Policy')).toMatch(/sandbox/);
    expect(response.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'/);
    const image = await fetch(a.attachmentUrl);
    expect(image.headers.get('Content-Type')).toBe('image/png');
    expect(image.headers.get('Content-Disposition')).toMatch(/^inline; filename="a.png"/);
    expect(image.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('attachment names', () => {
  const disposition = async (url: string) => {
    const response = await fetch(url);
    await response.arrayBuffer();
    return decodeURIComponent(
      /filename\*=UTF-8''(.*)$/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? '',
    );
  };

  it.each([
    ['x.html', '<!doctype html><script>alert(1)</script>'],
    ['x.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['x.hta', '<hta:application><script>alert(1)</script>'],
    ['x.js', 'alert(document.cookie)'],
    ['x.bat', '@echo off\r\ndel /q *'],
  ])('saves markup or a script sent as %s under a .txt name, in the answer and the download', async (name, content) => {
    const result = await upload(bytes(content), 'application/octet-stream', name);
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ type: 'text/plain', name: `${name}.txt` });
    expect(await disposition(result.body.url)).toBe(`${name}.txt`);
  });

  it('keeps an extension that matches the type, and gives one to a name without it', async () => {
    expect((await upload(PNG, 'image/png', 'Screen Shot.PNG')).body.name).toBe('Screen Shot.PNG');
    expect((await upload(PNG, 'image/png', 'photo.jpg')).body.name).toBe('photo.jpg.png');
    expect((await upload(bytes('a log line'), 'text/plain', 'server.log')).body.name).toBe('server.log');
    expect((await upload(bytes('no extension'), 'text/plain', 'README')).body.name).toBe('README.txt');
  });

  it('cuts a long name by whole characters and answers the name it stored', async () => {
    const long = `${'a'.repeat(250)}${'😀'.repeat(20)}.txt`;
    const result = await upload(bytes('emoji'), 'text/plain', encodeURIComponent(long));
    expect(result.status).toBe(201);
    const name: string = result.body.name;
    expect(name).toBe(`${'a'.repeat(250)}😀.txt`);
    expect([...name]).toHaveLength(255);
    expect(name).not.toMatch(/\p{Cs}/u);
    const [stored] = await server.db.query<{ name: string }>('select name from attachments where id = $1', [
      result.body.id,
    ]);
    expect(stored?.name).toBe(name);
    expect(await disposition(result.body.url)).toBe(name);
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
