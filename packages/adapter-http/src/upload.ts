import type { Upload, UploadOptions } from '@helpline/core';
import { errorFromResponse, networkError } from './errors.js';
import type { HttpClient } from './http-client.js';

interface UploadDeps {
  fetch: typeof fetch;
  XMLHttpRequest: typeof XMLHttpRequest | undefined;
}

// The server names HTTP headers; callers know the file's `type` and `size`.
const UPLOAD_FIELDS = { 413: 'size', 415: 'type' };

/**
 * Uploads the raw bytes (no multipart: the server sniffs the type from the bytes anyway). XHR where
 * available, because fetch cannot report upload progress.
 */
export function uploadBytes(
  client: HttpClient,
  file: Upload,
  options: UploadOptions,
  deps: UploadDeps,
): Promise<unknown> {
  return client.authorized((session) =>
    sendBytes(
      client.url('/attachments'),
      {
        ...session,
        'Content-Type': file.type || 'application/octet-stream',
        'X-Filename': encodeURIComponent(file.name),
      },
      file,
      options,
      deps,
    ),
  );
}

async function sendBytes(
  url: string,
  headers: Record<string, string>,
  file: Upload,
  options: UploadOptions,
  deps: UploadDeps,
): Promise<unknown> {
  if (deps.XMLHttpRequest) {
    const Xhr = deps.XMLHttpRequest;
    const response = await new Promise<Response>((resolve, reject) => {
      const xhr = new Xhr();
      xhr.open('POST', url);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => options.onProgress?.(event.loaded, event.total || file.size);
      xhr.onload = () =>
        resolve(
          new Response(xhr.responseText, {
            status: xhr.status,
            headers: {
              'content-type': 'application/json',
              'retry-after': xhr.getResponseHeader('retry-after') ?? '',
            },
          }),
        );
      xhr.onerror = () => reject(networkError('Upload', new Error('network error')));
      xhr.onabort = () => reject(networkError('Upload', new Error('aborted')));
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(file.data);
    });
    if (!response.ok) throw await errorFromResponse(response, 'Upload', UPLOAD_FIELDS);
    return response.json();
  }
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: 'POST',
      headers,
      body: file.data,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw networkError('Upload', error);
  }
  if (!response.ok) throw await errorFromResponse(response, 'Upload', UPLOAD_FIELDS);
  options.onProgress?.(file.size, file.size);
  return response.json();
}
