export { createChatwootAdapter } from './adapter.js';
export {
  type ChatwootAdapterDeps,
  ChatwootAdapterOptions,
  type ChatwootAdapterOptionsInput,
  type WebSocketConstructor,
  type WebSocketLike,
} from './options.js';
