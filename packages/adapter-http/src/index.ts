export { createHttpAdapter } from './adapter.js';
export { HttpAdapterOptions, type HttpAdapterOptionsInput, type HttpAdapterDeps } from './options.js';
export { createSseParser, type SseMessage } from './sse.js';
