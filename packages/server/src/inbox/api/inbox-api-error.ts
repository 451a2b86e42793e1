import { strings } from '../strings.js';
import { ErrorBody } from './schemas.js';

/** A failed agent API call: the HTTP status (0 when the network failed) and the server's message. */
export class InboxApiError extends Error {
  override name = 'InboxApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const isInboxApiError = (error: unknown): error is InboxApiError =>
  error instanceof Error && error.name === 'InboxApiError';

/** The server's `{ error }` answer as an InboxApiError; anything else names the HTTP status. */
export async function errorOf(response: Response): Promise<InboxApiError> {
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  const parsed = ErrorBody.safeParse(data);
  if (parsed.success) {
    const { code, message, field } = parsed.data.error;
    return new InboxApiError(response.status, code, message, field);
  }
  return new InboxApiError(response.status, 'server', `${strings.errors.generic} (HTTP ${response.status})`);
}
