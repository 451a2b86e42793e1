import { useT } from '../i18n/use-t.js';
import { useStyles } from '../shell/use-styles.js';
import { Button } from './Button.js';
import css from './ErrorNotice.css.js';
import { Icon } from './Icon.js';

/** An inline error, announced as an alert, with a retry button when the action can be repeated. */
export function ErrorNotice({ message, onRetry }: { message: string; onRetry?: () => void }) {
  useStyles(css);
  const t = useT();
  return (
    <div class="hl-error" role="alert">
      <p class="hl-error__message">
        <Icon name="alert" />
        <span>{message}</span>
      </p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
