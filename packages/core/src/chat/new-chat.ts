/**
 * Key of the chat not started yet, for its thread and its draft: the composer, `newMessage` and the
 * chat module agree on it. A module of its own so the first open can name it without the chat module.
 */
export const NEW_CHAT = 'new';
