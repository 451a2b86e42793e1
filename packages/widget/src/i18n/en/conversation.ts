import chat from './chat.js';
import ticket from './ticket.js';

/** The chat and ticket views' strings: they load with those views. */
export default { ...chat, ...ticket } as Readonly<Record<string, string>>;
