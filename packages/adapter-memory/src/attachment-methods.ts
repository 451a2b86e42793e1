import {
  AdapterError,
  Attachment,
  mimeTypeAllowed,
  parseWith,
  type SupportAdapter,
  type TicketForm,
  ValidationError,
} from '@helpline/core';
import * as z from 'zod/mini';
import type { Runtime } from './runtime.js';

const UploadInput = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  type: z.string().check(z.minLength(1), z.maxLength(127)),
  size: z.number().check(z.int(), z.nonnegative()),
  data: z.custom<Blob>((value) => typeof Blob !== 'undefined' && value instanceof Blob, 'a Blob or File'),
});

const STEPS = 4;

// Case-insensitive here, unlike the adapters that send to a server.
const typeAllowed = (type: string, allowed: readonly string[]) =>
  mimeTypeAllowed(
    type.toLowerCase(),
    allowed.map((pattern) => pattern.toLowerCase()),
  );

function refuse(field: 'type' | 'size', issue: string): never {
  throw new ValidationError('invalid_input', `Attachment: ${field}: ${issue}`, [`${field}: ${issue}`], field);
}

function checkUpload(file: z.infer<typeof UploadInput>, limits: TicketForm['attachments']): void {
  if (!typeAllowed(file.type, limits.types))
    refuse('type', `${JSON.stringify(file.type)} is not accepted (accepted: ${limits.types.join(', ')})`);
  // The blob is the truth: a declared size smaller than the data does not get past the cap.
  const size = Math.max(file.size, file.data.size);
  if (size > limits.maxBytes) refuse('size', `${size} bytes is over the ${limits.maxBytes}-byte limit`);
}

async function dataUrl(blob: Blob, type: string): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

export function attachmentMethods(runtime: Runtime): Required<Pick<SupportAdapter, 'uploadAttachment'>> {
  return {
    async uploadAttachment(upload, options = {}) {
      const file = parseWith(UploadInput, upload, 'uploadAttachment file');
      checkUpload(file, runtime.form.attachments);
      runtime.visitorId();
      const total = file.data.size;
      for (let step = 1; step <= STEPS; step++) {
        if (options.signal?.aborted)
          throw new AdapterError('network', 'Memory adapter: upload cancelled', { cause: options.signal.reason });
        // Yield between chunks so a cancel or a progress repaint can happen mid-upload.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        options.onProgress?.(Math.round((total * step) / STEPS), total);
      }
      const objectUrls = typeof URL.createObjectURL === 'function';
      const url = objectUrls ? URL.createObjectURL(file.data) : await dataUrl(file.data, file.type);
      try {
        return await runtime.respond(Attachment, 'attachment', () => {
          const attachment = { id: runtime.newId('att'), name: file.name, type: file.type, size: total, url };
          runtime.attachments.set(attachment.id, attachment);
          if (objectUrls) runtime.objectUrls.push(url);
          return attachment;
        });
      } catch (error) {
        if (objectUrls) URL.revokeObjectURL(url);
        throw error;
      }
    },
  };
}
