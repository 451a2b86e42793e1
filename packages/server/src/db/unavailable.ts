// Socket errors, SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting
// up) and 53300 (too many connections) mean "the database is not there right now", not "bad request".
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed|database is unavailable/i;

/** Whether an error means the database cannot be reached (answered 503, retried by clients). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = String((error as { code?: unknown }).code ?? '');
  if (NETWORK_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')) return true;
  const cause = (error as { cause?: unknown }).cause;
  return MESSAGES.test(error.message) || (cause !== undefined && cause !== error && isDatabaseUnavailable(cause));
}
