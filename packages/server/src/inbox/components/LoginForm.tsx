import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage, type InboxStore } from '../state/inbox-store.js';
import { strings } from '../strings.js';

/** Email + password; the server's error is shown inline and what was typed is kept. */
export function LoginForm({ store }: { store: InboxStore }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(strings.login.missing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await store.login(email.trim(), password);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title" tabIndex={-1} ref={heading}>
          {strings.login.title}
        </h1>
        <label for="login-email">{strings.login.email}</label>
        <input
          id="login-email"
          type="email"
          autoComplete="username"
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'login-error' : undefined}
          required
        />
        <label for="login-password">{strings.login.password}</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'login-error' : undefined}
          required
        />
        {error ? (
          <p id="login-error" class="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? strings.login.submitting : strings.login.submit}
        </button>
      </form>
    </main>
  );
}
