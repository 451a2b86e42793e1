import { Component, type ComponentChildren } from 'preact';
import { useT } from '../i18n/use-t.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';

interface State {
  error: unknown;
  attempt: number;
}

function Crashed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return <ErrorNotice message={`${t('common.crashed')}. ${t('common.crashedDetail')}`} onRetry={onRetry} />;
}

/** Contains a crash inside a view: the panel stays usable and the host page never sees the exception. */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = { error: undefined, attempt: 0 };

  override componentDidCatch(error: unknown): void {
    console.error('[Helpline] a view failed to render', error);
    this.setState({ error });
  }

  override render() {
    if (this.state.error !== undefined) {
      return <Crashed onRetry={() => this.setState({ error: undefined, attempt: this.state.attempt + 1 })} />;
    }
    // A new key on retry remounts the subtree, so it starts from fresh state.
    return (
      <div key={this.state.attempt} class="hl-boundary">
        {this.props.children}
      </div>
    );
  }
}
