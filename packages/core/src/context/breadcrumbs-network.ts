import type { Breadcrumb } from '../schemas/context.js';
import { patchMethod } from './patch.js';

type Add = (crumb: Breadcrumb) => void;
type NetWindow = Window & { fetch?: typeof fetch; XMLHttpRequest?: typeof XMLHttpRequest };

export interface NetworkOptions {
  now: () => Date;
  ignoreUrl: (url: string) => boolean;
  add: Add;
}

const requestUrl = (input: unknown): string => {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (typeof input === 'object' && input !== null && typeof (input as { url?: unknown }).url === 'string') {
    return (input as { url: string }).url;
  }
  return String(input);
};

/** Records failed fetch/XHR requests (status >= 400, or 0 when no response arrived). */
export function instrumentNetwork(win: NetWindow, opts: NetworkOptions): () => void {
  const undo: Array<() => void> = [];
  const record = (method: string, url: string, status: number, started: number) => {
    try {
      if (status > 0 && status < 400) return;
      if (opts.ignoreUrl(url)) return;
      const durationMs = Math.max(0, opts.now().getTime() - started);
      opts.add({
        type: 'request',
        method: method.toUpperCase(),
        url,
        status,
        durationMs,
        at: opts.now().toISOString(),
      });
    } catch {
      // recording must never affect the request
    }
  };

  if (typeof win.fetch === 'function') {
    undo.push(
      patchMethod(
        win as Required<NetWindow>,
        'fetch',
        (original, isActive) =>
          function (this: unknown, ...args: Parameters<typeof fetch>) {
            if (!isActive()) return original.apply(this, args);
            let method = 'GET';
            let url = '';
            let started = 0;
            try {
              const [input, init] = args;
              url = requestUrl(input);
              const fromInput = (input as { method?: unknown } | null)?.method;
              method = init?.method ?? (typeof fromInput === 'string' ? fromInput : 'GET');
              started = opts.now().getTime();
            } catch {
              // recording is best-effort
            }
            const result = original.apply(this, args);
            if (typeof (result as unknown as { then?: unknown })?.then !== 'function') return result;
            // observe without altering the promise the host receives
            void result.then(
              (response) => record(method, url, response.status, started),
              () => record(method, url, 0, started),
            );
            return result;
          },
      ),
    );
  }

  const Xhr = win.XMLHttpRequest;
  if (typeof Xhr === 'function') {
    const meta = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
    const proto = Xhr.prototype;
    undo.push(
      patchMethod(
        proto,
        'open',
        (original, isActive) =>
          function (this: XMLHttpRequest, ...args: unknown[]) {
            if (isActive()) {
              try {
                meta.set(this, { method: String(args[0]), url: requestUrl(args[1]) });
              } catch {
                // ignore
              }
            }
            return (original as (...a: unknown[]) => void).apply(this, args);
          } as XMLHttpRequest['open'],
      ),
    );
    undo.push(
      patchMethod(
        proto,
        'send',
        (original, isActive) =>
          function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
            const info = meta.get(this);
            if (isActive() && info) {
              const started = opts.now().getTime();
              const onEnd = () => {
                this.removeEventListener('loadend', onEnd);
                record(info.method, info.url, this.status, started);
              };
              this.addEventListener('loadend', onEnd);
            }
            return original.apply(this, args);
          },
      ),
    );
  }
  return () => {
    for (const u of undo) u();
  };
}
