import type { Attachment } from '@helpline/core';
import { useState } from 'preact/hooks';
import { useClient } from '../shell/client-context.js';

export interface AttachmentsState {
  attached: Attachment[];
  errors: string[];
  add(files: Iterable<File>): void;
  remove(id: string): void;
  clear(): void;
}

/** Files chosen for one message or ticket: uploads them, keeps the finished ones and the refusals. */
export function useAttachments(): AttachmentsState {
  const client = useClient();
  const [attached, setAttached] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  return {
    attached,
    errors,
    add(files) {
      setErrors([]);
      for (const file of files) {
        client.attachments.upload(file).then(
          (attachment) => setAttached((list) => [...list, attachment]),
          (error: unknown) =>
            setErrors((list) => [...list, `${file.name}: ${error instanceof Error ? error.message : String(error)}`]),
        );
      }
    },
    remove(id) {
      client.attachments.remove(id);
      setAttached((list) => list.filter((attachment) => attachment.id !== id));
    },
    clear() {
      setAttached([]);
      setErrors([]);
    },
  };
}
