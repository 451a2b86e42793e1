import type { Attachment } from '@helpline/core';
import { useEffect } from 'preact/hooks';
import type { UploadRules } from '../api/schemas.js';
import type { UploadProgress } from '../api/upload-file.js';
import { errorMessage } from '../state/inbox-store.js';
import { cancelUploads, type ReplyFile, type ThreadFiles } from '../state/reply-files.js';
import { strings } from '../strings.js';
import { formatBytes } from '../util/bytes.js';

export type Upload = (file: File, progress: UploadProgress) => Promise<Attachment>;

let lastKey = 0;

/**
 * The files of the shown thread's reply, kept in `box` (the thread's, from the store): each uploads
 * as soon as it is chosen, so sending waits for nothing. A file the server's caps refuse is refused
 * here first, without sending a byte. `announce` speaks each step (the live region is the composer's).
 */
export function useReplyFiles(
  box: ThreadFiles,
  upload: Upload,
  rules: UploadRules | undefined,
  announce: (text: string) => void,
) {
  const files = box.files.value;
  const change = (key: number, next: Partial<ReplyFile>): void => {
    box.files.value = box.files.value.map((entry) => (entry.key === key ? { ...entry, ...next } : entry));
  };

  useEffect(() => {
    box.announce = announce;
    return () => {
      box.announce = undefined;
    };
  }, [box, announce]);

  function refusal(file: File): string | undefined {
    if (!rules) return undefined;
    if (file.size > rules.maxBytes) return strings.files.tooLarge(formatBytes(rules.maxBytes));
    // A browser that cannot tell the type leaves it empty: the server reads it from the bytes.
    if (file.type && !rules.types.includes(file.type)) return strings.files.wrongType;
    return undefined;
  }

  function start(entry: ReplyFile): void {
    const controller = new AbortController();
    box.uploads.set(entry.key, controller);
    upload(entry.file, { signal: controller.signal, onProgress: (sent) => change(entry.key, { sent }) })
      .then((attachment) => {
        change(entry.key, { attachment, sent: entry.file.size });
        box.announce?.(strings.files.uploaded(entry.file.name));
      })
      .catch((failure: unknown) => {
        if (controller.signal.aborted) return;
        const error = errorMessage(failure);
        change(entry.key, { error });
        box.announce?.(strings.files.failed(entry.file.name, error));
      })
      .finally(() => box.uploads.delete(entry.key));
  }

  /** Everything about one choice of files is said at once: a second message would cut off the first. */
  function add(chosen: Iterable<File>): void {
    const room = rules ? rules.maxFiles - box.files.value.length : Number.POSITIVE_INFINITY;
    const incoming = [...chosen];
    const added = incoming.slice(0, Math.max(room, 0)).map((file): ReplyFile => {
      const error = refusal(file);
      return { key: ++lastKey, file, sent: 0, ...(error ? { error } : {}) };
    });
    const said = added.map((entry) =>
      entry.error ? strings.files.failed(entry.file.name, entry.error) : strings.files.uploading(entry.file.name),
    );
    if (rules && incoming.length > added.length) said.push(strings.files.tooMany(rules.maxFiles));
    if (said.length > 0) announce(said.join(' '));
    box.files.value = [...box.files.value, ...added];
    for (const entry of added) if (!entry.error) start(entry);
  }

  function remove(key: number): void {
    const entry = box.files.value.find((candidate) => candidate.key === key);
    box.uploads.get(key)?.abort();
    box.files.value = box.files.value.filter((candidate) => candidate.key !== key);
    if (entry) announce(strings.files.removed(entry.file.name));
  }

  return {
    files,
    add,
    remove,
    /** Forgets the files once a reply carried them. */
    clear: () => {
      cancelUploads(box);
      box.files.value = [];
    },
    uploading: files.some((entry) => !entry.attachment && !entry.error),
    failed: files.some((entry) => entry.error !== undefined),
    attachments: files.flatMap((entry) => (entry.attachment ? [entry.attachment] : [])),
  };
}
