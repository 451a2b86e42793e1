export type { AgentDriver, AgentFault, ConformanceFixture, ConformanceSuite } from './agent-driver.js';
export { conformanceArticles } from './conformance-articles.js';
export { runAdapterConformance } from './run-adapter-conformance.js';
