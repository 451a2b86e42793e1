interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface BucketOptions {
  capacity: number;
  refillPerSecond: number;
}

const MAX_KEYS = 50_000;

/** In-memory token buckets, one per key (visitor or IP). Per process: each instance limits alone. */
export class TokenBucketLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #options: BucketOptions;
  readonly #now: () => number;

  constructor(options: BucketOptions, now: () => number = Date.now) {
    this.#options = options;
    this.#now = now;
  }

  /** Takes one token; when empty, says how many seconds until the next one. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.#now();
    const { capacity, refillPerSecond } = this.#options;
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * refillPerSecond);
    bucket.updatedAt = now;
    // Re-inserting keeps Map order by last use, so the oldest keys are evicted first.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > MAX_KEYS) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)) };
  }

  /** Gives back a token taken for something that turned out not to count (up to capacity). */
  refund(key: string): void {
    const bucket = this.#buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.#options.capacity, bucket.tokens + 1);
  }
}
