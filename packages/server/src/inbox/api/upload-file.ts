import { Attachment, parseResponse } from '@helpline/core';
import { strings } from '../strings.js';
import type { FetchLike } from './inbox-api.js';
import { errorOf, InboxApiError } from './inbox-api-error.js';

export interface UploadProgress {
  onProgress?: (sent: number, total: number) => void;
  /** Aborting it (the agent removed the file) stops the upload. */
  signal?: AbortSignal;
}

interface UploadTarget {
  url: string;
  headers: Record<string, string>;
  fetch: FetchLike;
  XMLHttpRequest: typeof XMLHttpRequest | undefined;
}

/** The raw bytes, no multipart: the server reads the type from them and the name from X-Filename. */
export async function uploadFile(target: UploadTarget, file: File, progress: UploadProgress): Promise<Attachment> {
  const headers = {
    ...target.headers,
    'Content-Type': file.type || 'application/octet-stream',
    'X-Filename': encodeURIComponent(file.name),
  };
  const response = target.XMLHttpRequest
    ? await sendWithProgress(target.XMLHttpRequest, target.url, headers, file, progress)
    : await sendWithFetch(target, headers, file, progress);
  if (!response.ok) throw await errorOf(response);
  progress.onProgress?.(file.size, file.size);
  return parseResponse(Attachment, await response.json(), 'attachment');
}

async function sendWithFetch(
  target: UploadTarget,
  headers: Record<string, string>,
  file: File,
  progress: UploadProgress,
): Promise<Response> {
  try {
    return await target.fetch(target.url, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
      ...(progress.signal ? { signal: progress.signal } : {}),
    });
  } catch {
    throw new InboxApiError(0, 'network', strings.errors.network);
  }
}

function sendWithProgress(
  Xhr: typeof XMLHttpRequest,
  url: string,
  headers: Record<string, string>,
  file: File,
  progress: UploadProgress,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new Xhr();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => progress.onProgress?.(event.loaded, event.total || file.size);
    xhr.onload = () =>
      resolve(new Response(xhr.responseText, { status: xhr.status, headers: { 'Content-Type': 'application/json' } }));
    xhr.onerror = () => reject(new InboxApiError(0, 'network', strings.errors.network));
    xhr.onabort = () => reject(new InboxApiError(0, 'aborted', strings.files.cancelled));
    progress.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
