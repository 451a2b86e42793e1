/**
 * The commands a host page calls, by client method name: one list for the script tag's dispatcher,
 * the client's `HostCommands` and @helpline/react's `useHelpline()`.
 */
export const HOST_COMMANDS = [
  'open',
  'close',
  'toggle',
  'identify',
  'update',
  'logout',
  'search',
  'article',
  'suggest',
  'newMessage',
  'newTicket',
  'prefill',
  'track',
] as const;

export type HostCommandName = (typeof HOST_COMMANDS)[number];
