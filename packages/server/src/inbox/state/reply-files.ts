import type { Attachment } from '@helpline/core';
import { type Signal, signal } from '@preact/signals';

/** A file chosen for the reply: uploading (`sent` bytes so far) until it has its attachment or its error. */
export interface ReplyFile {
  key: number;
  file: File;
  sent: number;
  attachment?: Attachment;
  error?: string;
}

/**
 * The files of one thread's unsent reply. The store keeps one per thread, like its draft, so an
 * agent who looks at another thread finds them again on coming back; their uploads carry on
 * meanwhile. Only Remove, sending the reply, or signing out stops them.
 */
export interface ThreadFiles {
  files: Signal<readonly ReplyFile[]>;
  uploads: Map<number, AbortController>;
  /** The shown reply box's live region; none while the thread is not shown, so nothing is said. */
  announce: ((text: string) => void) | undefined;
}

export const createThreadFiles = (): ThreadFiles => ({ files: signal([]), uploads: new Map(), announce: undefined });

export function cancelUploads(box: ThreadFiles): void {
  for (const controller of box.uploads.values()) controller.abort();
  box.uploads.clear();
}
