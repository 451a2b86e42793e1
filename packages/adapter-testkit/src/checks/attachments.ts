import { Attachment, TicketForm } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceSuite } from '../agent-driver.js';
import { expectNotPretending, expectTypedError, method, rejection, unique, useFixture } from './helpers.js';

export function attachmentChecks(suite: ConformanceSuite): void {
  describe('attachments', () => {
    const fixture = useFixture(suite);
    const limits = async () => {
      const { adapter } = fixture();
      const form = adapter.capabilities.formSchema ? await method(adapter, 'getTicketForm')() : TicketForm.parse({});
      return form.attachments;
    };

    it('uploads a file reporting progress, and it can be sent — or, undeclared, has no uploadAttachment()', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.attachments) return expectNotPretending(adapter, ['uploadAttachment']);
      const data = new Blob(['conformance attachment'], { type: 'text/plain' });
      const progress: [number, number][] = [];
      const attachment = await method(adapter, 'uploadAttachment')(
        { name: 'notes.txt', type: 'text/plain', size: data.size, data },
        { onProgress: (sent, total) => progress.push([sent, total]) },
      );
      expect(Attachment.safeParse(attachment).success).toBe(true);
      expect(attachment).toMatchObject({ name: 'notes.txt', type: 'text/plain', size: data.size });
      expect(progress.at(-1)).toEqual([data.size, data.size]);
      for (let i = 1; i < progress.length; i++)
        expect(progress[i]?.[0]).toBeGreaterThanOrEqual(progress[i - 1]?.[0] ?? 0);
      if (adapter.capabilities.chat) {
        const { message } = await method(
          adapter,
          'startConversation',
        )({ body: 'See attached', attachmentIds: [attachment.id], idempotencyKey: unique('att') });
        expect(message.attachments.map((a) => a.id)).toEqual([attachment.id]);
      }
    });

    it('refuses a file type the backend does not accept', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.attachments) return expectNotPretending(adapter, ['uploadAttachment']);
      const data = new Blob(['MZ'], { type: 'application/x-msdownload' });
      const error = await rejection(
        method(
          adapter,
          'uploadAttachment',
        )({ name: 'setup.exe', type: 'application/x-msdownload', size: data.size, data }),
      );
      expectTypedError(error, 'invalid_input', 'type');
    });

    it('refuses a file over the size limit', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.attachments) return expectNotPretending(adapter, ['uploadAttachment']);
      const { maxBytes } = await limits();
      const data = new Blob([new Uint8Array(maxBytes + 1)], { type: 'text/plain' });
      const error = await rejection(
        method(adapter, 'uploadAttachment')({ name: 'big.txt', type: 'text/plain', size: data.size, data }),
      );
      expectTypedError(error, 'invalid_input', 'size');
    });
  });
}
