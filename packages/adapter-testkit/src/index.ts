export { runAdapterConformance } from './run-adapter-conformance.js';
export { conformanceArticles } from './conformance-articles.js';
export type { AgentDriver, AgentFault, ConformanceFixture, ConformanceSuite } from './agent-driver.js';
