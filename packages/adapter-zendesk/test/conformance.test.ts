import { conformanceArticles, runAdapterConformance } from '@helpline/adapter-testkit';
import type { SupportAdapter } from '@helpline/core';
import { createZendeskAdapter } from '../src/index.js';
import { startFakeZendesk } from './fake-zendesk.js';

/**
 * The kit connects an unverified visitor, but Zendesk only lets signed-in end users read their
 * requests back or vote on articles. So the host's part is played here: every identity is passed on
 * with the end user's access token, as a host that signs its users in does. The anonymous path
 * (create only, refused list and votes) is covered in zendesk.test.ts.
 */
function signedInByHost(adapter: SupportAdapter, jwt: string): SupportAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      if (key === 'connect')
        return (identity: Parameters<SupportAdapter['connect']>[0]) =>
          target.connect({ ...identity, verification: { jwt } });
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

runAdapterConformance({
  name: 'zendesk',
  async setup() {
    const zendesk = await startFakeZendesk({ articles: conformanceArticles });
    return {
      adapter: signedInByHost(createZendeskAdapter({ baseUrl: zendesk.origin }), 'token-ada-0001'),
      agent: zendesk.agent,
      cleanup: zendesk.close,
    };
  },
});
