export { createHttpAdapter } from './adapter.js';
export { type HttpAdapterDeps, HttpAdapterOptions, type HttpAdapterOptionsInput } from './options.js';
export { createSseParser, type SseMessage } from './sse.js';
