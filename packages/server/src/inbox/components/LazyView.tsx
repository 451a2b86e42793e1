import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { strings } from '../strings.js';

interface LazyViewProps<P> {
  /** Loads the view's chunk (the KB editor brings DOMPurify; analytics is rarely opened). */
  load: () => Promise<ComponentType<P>>;
  props: P;
}

/** Renders a view from a lazily loaded chunk, with a loading line and a retry if the chunk fails. */
export function LazyView<P extends object>({ load, props }: LazyViewProps<P>) {
  const [view, setView] = useState<{ component: ComponentType<P> } | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    load()
      .then((component) => {
        if (current) setView({ component });
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [load, attempt]);
  if (view) {
    const View = view.component;
    return <View {...props} />;
  }
  if (failed)
    return (
      <p class="form-error" role="alert">
        {strings.errors.network}{' '}
        <button
          type="button"
          class="button subtle"
          onClick={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
        >
          {strings.errors.retry}
        </button>
      </p>
    );
  return <p class="muted">{strings.loading}</p>;
}
