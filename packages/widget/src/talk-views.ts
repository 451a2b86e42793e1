// The conversation and ticket views share one chunk (and their composer, diagnostics preview and
// strings): one download when the user reaches out, instead of a dozen small ones.
export { ChatView } from './chat/ChatView.js';
export { ConversationsView } from './conversations/ConversationsView.js';
export { TicketView } from './ticket/TicketView.js';
export { TicketsView } from './tickets/TicketsView.js';
export { TicketThreadView } from './tickets/TicketThreadView.js';
