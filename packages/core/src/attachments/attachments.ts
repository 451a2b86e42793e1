import { signal } from '@preact/signals-core';
import * as z from 'zod/mini';
import { command } from '../client/command.js';
import type { Runtime } from '../client/runtime.js';
import type { AttachmentsApi, UploadProgress } from '../client/types.js';
import { HelplineError } from '../errors/helpline-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { Attachment } from '../schemas/attachment.js';
import type { TicketForm } from '../schemas/ticket.js';
import { parseResponse } from '../validation/parse.js';
import { mimeTypeAllowed } from './mime-type.js';

export interface AttachmentsModule extends AttachmentsApi {
  reset(): void;
}

const FileLike = z.custom<Blob & { name: string }>(
  (value) =>
    typeof Blob !== 'undefined' && value instanceof Blob && typeof (value as { name?: unknown }).name === 'string',
  'a File (or a Blob with a name)',
);

export function createAttachments(
  rt: Runtime,
  limits: () => Promise<TicketForm['attachments']>,
  newId: () => string,
): AttachmentsModule {
  const uploads = signal<UploadProgress[]>([]);
  const patch = (id: string, change: Partial<UploadProgress>) => {
    uploads.value = uploads.value.map((upload) => (upload.id === id ? { ...upload, ...change } : upload));
  };

  const upload = command(
    rt.report,
    'attachments.upload',
    ['file'],
    () => z.object({ file: FileLike }),
    async ({ file }) => {
      rt.require('attachments');
      if (!rt.adapter.uploadAttachment) throw new UnsupportedError('uploadAttachment', rt.adapter.name);
      const asked = rt.visit();
      // A file chosen before a logout is not uploaded as, or listed for, the next visitor.
      const stillTheirs = () => {
        if (asked !== rt.visit())
          throw new HelplineError('unauthorized', `${file.name} was not uploaded: the visitor who chose it logged out`);
      };
      const { maxBytes, types } = await limits();
      stillTheirs();
      const type = file.type || 'application/octet-stream';
      if (file.size > maxBytes)
        throw new ValidationError(
          'invalid_input',
          `${file.name}: larger than the ${Math.floor(maxBytes / 1024)} KB allowed`,
          [`file.size: must be at most ${maxBytes} bytes`],
          'file.size',
        );
      if (!mimeTypeAllowed(type, types))
        throw new ValidationError(
          'invalid_input',
          `${file.name}: files of type ${type} are not accepted (${types.join(', ')})`,
          [`file.type: must be one of ${types.join(', ')}`],
          'file.type',
        );
      const id = newId();
      uploads.value = [...uploads.value, { id, name: file.name, sent: 0, total: file.size, state: 'uploading' }];
      try {
        await rt.connected();
        stillTheirs();
        const raw = await rt.adapter.uploadAttachment(
          { name: file.name, type, size: file.size, data: file },
          { onProgress: (sent, total) => patch(id, { sent, total }) },
        );
        const attachment = parseResponse(Attachment, raw, 'attachment');
        patch(id, { state: 'done', sent: file.size, attachment });
        return attachment;
      } catch (error) {
        patch(id, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
  );

  return {
    uploads,
    upload,
    remove(id) {
      uploads.value = uploads.value.filter((entry) => entry.id !== id && entry.attachment?.id !== id);
    },
    reset() {
      uploads.value = [];
    },
  };
}
