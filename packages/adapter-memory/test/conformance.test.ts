import { createMemoryAdapter } from '@helpline/adapter-memory';
import { conformanceArticles, runAdapterConformance } from '@helpline/adapter-testkit';

runAdapterConformance({
  name: 'memory',
  async setup() {
    const adapter = createMemoryAdapter({ articles: conformanceArticles, autoReply: () => null });
    return { adapter, agent: adapter.agent };
  },
});
