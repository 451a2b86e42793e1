import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body when it is JSON (tests assert on its shape). */
  // biome-ignore lint/suspicious/noExplicitAny: hostile requests get every kind of answer; tests probe it.
  json: any;
}

export interface RawRequest {
  method: string;
  /** Sent exactly as given: no normalisation of `..`, no re-encoding. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Send the body with Transfer-Encoding: chunked instead of Content-Length. */
  chunked?: boolean;
}

/**
 * One request over a raw socket, so hostile paths and bodies arrive as written (fetch would
 * normalise `../`, refuse some headers and re-encode). An event stream is cut after its headers.
 */
export function send(base: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(base);
  const body =
    typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body ? Buffer.from(req.body) : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: {
          // Node only chunks POST/PUT/PATCH bodies by default; say it for DELETE too.
          ...(body
            ? req.chunked
              ? { 'Transfer-Encoding': 'chunked' }
              : { 'Content-Length': String(body.length) }
            : {}),
          ...req.headers,
        },
        agent: false,
      },
      (response) => {
        const headers = response.headers as RawResponse['headers'];
        if (String(headers['content-type'] ?? '').startsWith('text/event-stream')) {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, headers, text: '', json: undefined });
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers, text, json });
        });
      },
    );
    outgoing.on('error', reject);
    if (body && req.chunked) {
      // Two chunks, so the length is only known after the fact.
      const half = Math.floor(body.length / 2);
      outgoing.write(body.subarray(0, half));
      outgoing.end(body.subarray(half));
    } else outgoing.end(body);
  });
}

/** mulberry32: a tiny seeded generator, so every run sends the same hostile inputs. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
