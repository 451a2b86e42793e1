/**
 * Error code of an outbox item shown as not sent because it is a signed-in user's and this page names
 * nobody: it goes once they sign in again, and meanwhile shows neither its text nor whose it is.
 */
export const SIGNED_OUT = 'signed_out';
