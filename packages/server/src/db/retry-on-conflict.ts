const UNIQUE_VIOLATION = '23505';

/**
 * Runs `work` again when it hits a unique violation: two instances creating the same idempotent
 * write, or taking the same per-workspace ticket number, at once. The retry sees the winner's row.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= attempts) throw error;
    }
  }
}
