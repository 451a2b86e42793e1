/**
 * A stand-in XMLHttpRequest for uploads: each request waits until the test reports its progress and
 * answers it, so what the inbox shows meanwhile can be checked.
 */
export function fakeXhr() {
  const sent: FakeRequest[] = [];
  class FakeRequest {
    method = '';
    url = '';
    body: unknown;
    headers: Record<string, string> = {};
    status = 0;
    responseText = '';
    aborted = false;
    upload: { onprogress: ((event: { loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    open(method: string, url: string): void {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name: string, value: string): void {
      this.headers[name.toLowerCase()] = value;
    }
    send(body: unknown): void {
      this.body = body;
      sent.push(this);
    }
    abort(): void {
      this.aborted = true;
      this.onabort?.();
    }
    progress(loaded: number, total: number): void {
      this.upload.onprogress?.({ loaded, total });
    }
    respond(status: number, body: unknown): void {
      this.status = status;
      this.responseText = JSON.stringify(body);
      this.onload?.();
    }
  }
  return { XMLHttpRequest: FakeRequest as unknown as typeof XMLHttpRequest, sent };
}
