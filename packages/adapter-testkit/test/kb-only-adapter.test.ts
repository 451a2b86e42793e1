import { conformanceArticles, runAdapterConformance } from '@helpline/adapter-testkit';
import { fakeKbBackend } from './fixtures/fake-kb-backend.js';
import { createKbAdapter } from './fixtures/kb-adapter.js';

// An adapter that declares only `kb` must pass too: every other capability is checked for not
// pretending, and errors still map to typed AdapterErrors.
runAdapterConformance({
  name: 'kb-only example',
  async setup() {
    const backend = fakeKbBackend(conformanceArticles);
    const adapter = createKbAdapter('https://help.example.com/api/', backend.fetch);
    const noChat = () => {
      throw new Error('the kb-only example has no conversations');
    };
    return { adapter, agent: { reply: noChat, resolve: noChat, failNext: backend.failNext } };
  },
});
