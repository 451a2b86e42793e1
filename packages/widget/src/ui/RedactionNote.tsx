import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import css from './RedactionNote.css.js';

/**
 * Says, while the user types, that part of it (a card number, an access code) will be masked when sent,
 * so the masked copy in the thread is no surprise. The live region stays mounted so the note is announced.
 */
export function RedactionNote({ texts }: { texts: readonly unknown[] }) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const masked = texts.some((text) => typeof text === 'string' && client.redact(text) !== text);
  return (
    <div class="hl-redaction" aria-live="polite">
      {masked && <p class="hl-redaction__note">{t('chat.redactNote')}</p>}
    </div>
  );
}
