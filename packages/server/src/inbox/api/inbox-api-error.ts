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
