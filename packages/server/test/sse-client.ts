export interface SseEvent {
  id: string | undefined;
  /** The `event:` field; undefined for plain messages. */
  event: string | undefined;
  // Tests assert on the shape; typing every event variant here would add nothing.
  data: any;
}

/**
 * A minimal EventSource over fetch (Node has no EventSource): reads `id:`/`data:` blocks from the
 * stream and hands them out one at a time with `next()`.
 */
export class SseClient {
  readonly #queue: SseEvent[] = [];
  readonly #waiters: ((event: SseEvent) => void)[] = [];
  readonly #controller = new AbortController();
  readonly #commentWaiters: (() => void)[] = [];
  /** Every event received, in order, whether or not `next()` handed it out. */
  readonly received: SseEvent[] = [];
  /** SSE comment lines received (`connected`, `heartbeat`). */
  readonly comments: string[] = [];
  /** What EventSource would send as Last-Event-ID: the latest `id:`, with or without data. */
  lastEventId: string | undefined;
  status = 0;
  contentType = '';
  /** The reason of the server's `end` event, once one has arrived. */
  endReason: string | undefined;
  #markEnded: () => void = () => undefined;
  /** Resolves once the response body has finished: the server ended the stream (or close()). */
  readonly ended = new Promise<void>((resolve) => {
    this.#markEnded = resolve;
  });

  /** Connects and resolves once the server has subscribed the stream. */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, {
      headers: { Accept: 'text/event-stream', ...headers },
      signal: client.#controller.signal,
    });
    client.status = response.status;
    client.contentType = response.headers.get('Content-Type') ?? '';
    if (response.body) void client.#pump(response.body);
    // The server subscribes before it writes ": connected", so after this no live event is missed.
    if (response.ok) await client.comment('connected');
    return client;
  }

  async #pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.#parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close().
    }
    this.#markEnded();
  }

  #parse(block: string): void {
    if (block.startsWith(':')) {
      this.comments.push(block.slice(1).trim());
      for (const waiter of this.#commentWaiters.splice(0)) waiter();
      return;
    }
    let id: string | undefined;
    let name: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (id !== undefined) this.lastEventId = id;
    if (data.length === 0) return;
    const event: SseEvent = { id, event: name, data: JSON.parse(data.join('\n')) };
    this.received.push(event);
    if (name === 'end') this.endReason = event.data.reason;
    const waiter = this.#waiters.shift();
    if (waiter) waiter(event);
    else this.#queue.push(event);
  }

  next(): Promise<SseEvent> {
    const queued = this.#queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Next event matching `predicate`, skipping others. */
  async nextWhere(predicate: (data: any) => boolean): Promise<SseEvent> {
    for (;;) {
      const event = await this.next();
      if (predicate(event.data)) return event;
    }
  }

  /** Resolves once a comment with this text has arrived. */
  async comment(text: string): Promise<void> {
    while (!this.comments.includes(text)) await new Promise<void>((resolve) => this.#commentWaiters.push(resolve));
  }

  /** Resolves once `count` heartbeats have arrived since the stream opened. */
  async heartbeats(count: number): Promise<void> {
    while (this.comments.filter((text) => text === 'heartbeat').length < count)
      await new Promise<void>((resolve) => this.#commentWaiters.push(resolve));
  }

  close(): void {
    this.#controller.abort();
  }
}
