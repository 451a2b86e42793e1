export type { AgentConversation, AgentTicket, MemoryAgent } from './agent.js';
export { createMemoryAdapter, type MemoryAdapter } from './create-memory-adapter.js';
export { demoArticles } from './demo-articles.js';
export type { FaultKind } from './faults.js';
export type { ArticleSeed, MemoryAdapterOptions } from './options.js';
export type { TrackedEvent } from './runtime.js';
