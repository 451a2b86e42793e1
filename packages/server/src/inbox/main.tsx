import { render } from 'preact';
import { createInboxApi } from './api/inbox-api.js';
import { App } from './components/App.js';
import { createInboxStore } from './state/inbox-store.js';
import { createRouter } from './state/router.js';

const root = document.getElementById('app');
if (root) {
  const store = createInboxStore({ api: createInboxApi() });
  render(<App store={store} router={createRouter()} />, root);
}
