import type { StreamEndReason } from '@helpline/core';

type End = (reason: StreamEndReason) => void;

interface OpenStream {
  keys: readonly string[];
  end: End;
}

/**
 * The SSE streams open on this instance, by the credential keys they were opened with
 * (stream-end.ts): what ends a credential ends its streams, one credential holds a bounded number
 * of them, and shutdown ends them all.
 */
export class StreamRegistry {
  readonly #byKey = new Map<string, Set<OpenStream>>();
  readonly #all = new Set<OpenStream>();

  /**
   * Registers a stream under its keys; the first is the credential that is capped. Past `cap`
   * streams for it, the oldest is ended as `replaced`: a reloaded tab, whose old connection the
   * server may not have noticed closing yet, is never locked out. Returns the unregistering call.
   */
  open(keys: readonly [string, ...string[]], cap: number, end: End): () => void {
    // Sets iterate in insertion order: the first ones are the oldest.
    const held = [...(this.#byKey.get(keys[0]) ?? [])];
    for (const oldest of held.slice(0, Math.max(0, held.length - cap + 1))) {
      this.#remove(oldest);
      oldest.end('replaced');
    }
    const stream: OpenStream = { keys, end };
    this.#all.add(stream);
    for (const key of keys) {
      const streams = this.#byKey.get(key) ?? new Set();
      streams.add(stream);
      this.#byKey.set(key, streams);
    }
    return () => this.#remove(stream);
  }

  /** Ends every stream opened with this key. */
  end(key: string, reason: StreamEndReason): void {
    for (const stream of [...(this.#byKey.get(key) ?? [])]) {
      this.#remove(stream);
      stream.end(reason);
    }
  }

  endAll(reason: StreamEndReason): void {
    for (const stream of [...this.#all]) {
      this.#remove(stream);
      stream.end(reason);
    }
  }

  #remove(stream: OpenStream): void {
    this.#all.delete(stream);
    for (const key of stream.keys) {
      const streams = this.#byKey.get(key);
      streams?.delete(stream);
      if (streams?.size === 0) this.#byKey.delete(key);
    }
  }
}
