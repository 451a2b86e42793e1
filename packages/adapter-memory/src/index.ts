export { createMemoryAdapter, type MemoryAdapter } from './create-memory-adapter.js';
export type { MemoryAgent, AgentConversation, AgentTicket } from './agent.js';
export type { MemoryAdapterOptions, ArticleSeed } from './options.js';
export type { FaultKind } from './faults.js';
export type { TrackedEvent } from './runtime.js';
export { demoArticles } from './demo-articles.js';
