import { describe, expect, it } from 'vitest';
import { connected, key } from './connected.js';

const file = (text: string, type = 'text/plain', name = 'notes.txt') => {
  const data = new Blob([text], { type });
  return { name, type, size: data.size, data };
};

describe('attachments', () => {
  it('keeps the upload as an object URL and reports progress up to the full size', async () => {
    const adapter = await connected();
    const progress: number[] = [];
    const attachment = await adapter.uploadAttachment(file('hello world'), {
      onProgress: (sent, total) => progress.push(sent / total),
    });
    expect(attachment.url).toMatch(/^blob:/);
    expect(await (await fetch(attachment.url)).text()).toBe('hello world');
    expect(progress).toEqual([0.25, 0.5, 0.75, 1].map((p) => Math.round(11 * p) / 11));
  });

  it('falls back to a data: URL where object URLs do not exist', async () => {
    const adapter = await connected();
    const original = URL.createObjectURL;
    try {
      Object.defineProperty(URL, 'createObjectURL', { value: undefined, configurable: true });
      const attachment = await adapter.uploadAttachment(file('hi'));
      expect(attachment.url).toBe(`data:text/plain;base64,${btoa('hi')}`);
    } finally {
      Object.defineProperty(URL, 'createObjectURL', { value: original, configurable: true });
    }
  });

  it('accepts wildcard types such as image/*', async () => {
    const adapter = await connected();
    const attachment = await adapter.uploadAttachment(file('png-bytes', 'image/png', 'shot.png'));
    expect(attachment.type).toBe('image/png');
  });

  it('refuses a type the form does not accept, naming the type', async () => {
    const adapter = await connected();
    await expect(adapter.uploadAttachment(file('MZ', 'application/x-msdownload', 'setup.exe'))).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'type',
    });
  });

  it('measures the blob, not the declared size, against the limit', async () => {
    const adapter = await connected({ ticketForm: { attachments: { maxBytes: 4, types: ['text/plain'] } } });
    await expect(adapter.uploadAttachment({ ...file('too long'), size: 1 })).rejects.toMatchObject({ field: 'size' });
  });

  it('refuses something that is not a Blob', async () => {
    const adapter = await connected();
    await expect(
      adapter.uploadAttachment({ name: 'x.txt', type: 'text/plain', size: 1, data: 'x' as never }),
    ).rejects.toMatchObject({ field: 'data' });
  });

  it('stops when the upload is cancelled', async () => {
    const adapter = await connected();
    const controller = new AbortController();
    const upload = adapter.uploadAttachment(file('hello'), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(upload).rejects.toMatchObject({ code: 'network' });
  });

  it('attaches uploads to messages and tickets', async () => {
    const adapter = await connected();
    const attachment = await adapter.uploadAttachment(file('log'));
    const { message } = await adapter.startConversation({
      body: '',
      attachmentIds: [attachment.id],
      idempotencyKey: key(),
    });
    expect(message.attachments).toEqual([attachment]);
    const ticket = await adapter.createTicket({
      subject: 'Crash log attached',
      description: '',
      severity: 'P1',
      category: 'bug',
      fields: { area: 'reports' },
      attachmentIds: [attachment.id],
      idempotencyKey: key(),
    });
    expect(ticket.attachments).toEqual([attachment]);
  });
});
