import { type Attachment, isHelplineError } from '@helpline/core';
import { useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { uploadErrorText } from '../ui/error-text.js';

/** A file chosen for a message or ticket: uploading until it has its attachment or its error. */
export interface ChosenFile {
  key: number;
  file: File;
  attachment?: Attachment;
  error?: string;
  /** Whether uploading it again may work: not when the file itself was refused (its size or type). */
  retryable?: boolean;
}

export interface AttachmentsState {
  chosen: readonly ChosenFile[];
  /** A send is waiting for uploads in progress. */
  waiting: boolean;
  /** A send stopped because a file did not upload. */
  stopped: boolean;
  add(files: Iterable<File>): void;
  retry(key: number): void;
  remove(key: number): void;
  /**
   * Every chosen file's attachment, once none is uploading (`waiting` meanwhile); undefined when
   * one did not upload (`stopped`: it stays, to retry or remove), or while another call waits.
   */
  ready(): Promise<Attachment[] | undefined>;
  /** Forgets the files that went out with a message or ticket; files chosen since then stay. */
  sent(attachments: readonly Attachment[]): void;
}

let lastKey = 0;

/** Files chosen for one message or ticket: uploads them and keeps each with its outcome, so none is lost. */
export function useAttachments(): AttachmentsState {
  const client = useClient();
  const t = useT();
  const [chosen, setChosen] = useState<readonly ChosenFile[]>([]);
  const [waiting, setWaiting] = useState(false);
  const [stopped, setStopped] = useState(false);
  // Upload outcomes and a waiting send read the files as they are now, not as of their render.
  const current = useRef(chosen);
  const uploads = useRef(new Set<Promise<void>>());
  const waits = useRef(false);
  const update = (change: (list: readonly ChosenFile[]) => readonly ChosenFile[]) => {
    current.current = change(current.current);
    setChosen(current.current);
  };
  const mark = (key: number, outcome: Partial<ChosenFile>) =>
    update((list) => list.map((entry) => (entry.key === key ? { key, file: entry.file, ...outcome } : entry)));
  const upload = (key: number, file: File) => {
    setStopped(false);
    const done: Promise<void> = client.attachments
      .upload(file)
      .then(
        (attachment) => {
          // Removed while it uploaded: nothing lists it.
          if (current.current.some((entry) => entry.key === key)) mark(key, { attachment });
          else client.attachments.remove(attachment.id);
        },
        (error: unknown) =>
          mark(key, {
            error: uploadErrorText(t, error),
            retryable: !(isHelplineError(error) && error.field),
          }),
      )
      .then(() => {
        uploads.current.delete(done);
      });
    uploads.current.add(done);
  };

  return {
    chosen,
    waiting,
    stopped,
    add(files) {
      for (const file of files) {
        const key = ++lastKey;
        update((list) => [...list, { key, file }]);
        upload(key, file);
      }
    },
    retry(key) {
      const entry = current.current.find((candidate) => candidate.key === key);
      if (!entry) return;
      mark(key, {});
      upload(key, entry.file);
    },
    remove(key) {
      const attachment = current.current.find((entry) => entry.key === key)?.attachment;
      if (attachment) client.attachments.remove(attachment.id);
      setStopped(false);
      update((list) => list.filter((entry) => entry.key !== key));
    },
    async ready() {
      if (waits.current) return undefined;
      setStopped(false);
      if (uploads.current.size > 0) {
        waits.current = true;
        setWaiting(true);
        // Files added while waiting are waited for too.
        while (uploads.current.size > 0) await Promise.all(uploads.current);
        waits.current = false;
        setWaiting(false);
      }
      const attachments = current.current.map((entry) => entry.attachment);
      if (attachments.every((attachment) => attachment !== undefined)) return attachments;
      setStopped(true);
      return undefined;
    },
    sent(attachments) {
      update((list) => list.filter((entry) => !(entry.attachment && attachments.includes(entry.attachment))));
    },
  };
}
