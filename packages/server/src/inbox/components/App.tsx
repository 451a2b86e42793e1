import { useEffect } from 'preact/hooks';
import type { InboxStore } from '../state/inbox-store.js';
import type { Router } from '../state/router.js';
import { strings } from '../strings.js';
import { LoginForm } from './LoginForm.js';
import { Shell } from './Shell.js';

export interface AppProps {
  store: InboxStore;
  router: Router;
  /** Starts the live parts (event stream, clock); tests leave it off and drive the store directly. */
  live?: boolean;
}

/** Login when signed out, the inbox shell when signed in. */
export function App({ store, router, live = true }: AppProps) {
  useEffect(() => {
    if (store.session.value === undefined) void store.restoreSession();
  }, [store]);
  const session = store.session.value;
  if (session === undefined)
    return (
      <main class="page-loading" aria-busy="true">
        <p>{strings.loading}</p>
      </main>
    );
  if (session === null) return <LoginForm store={store} />;
  return <Shell store={store} router={router} live={live} />;
}
