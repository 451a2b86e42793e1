import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';
import { Button } from '../ui/Button.js';
import { errorText } from '../ui/error-text.js';

const EMAIL_ID = 'hl-contact-email';

/**
 * "Get notified by email" in the thread, once a visitor the host has not named has written: their
 * email, so a reply reaches them after they leave. Saved, it says where replies go, with Change. It
 * never takes focus on its own; what it replaces hands focus on (Save to Change, No thanks to the box).
 */
export function ContactCard({ away }: { away: boolean }) {
  const client = useClient();
  const t = useT();
  const asks = useValue(client.contact.asks);
  const given = useValue(client.contact.given);
  const [editing, setEditing] = useState(true);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  // Saved in this thread: the confirmation stays once core stops asking.
  const [savedHere, setSavedHere] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | undefined>(undefined);

  useEffect(() => {
    const selector = focusNext.current;
    focusNext.current = undefined;
    if (selector) card.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [editing]);

  if (!asks && !savedHere) return null;

  const save = (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    client.contact.set({ email }).then(
      () => {
        setSaving(false);
        setError(undefined);
        setSavedHere(true);
        focusNext.current = '.hl-contact__change';
        setEditing(false);
      },
      (failure: unknown) => {
        setSaving(false);
        const field = (failure as { field?: unknown } | null)?.field;
        setError(field === 'email' ? t('chat.contactInvalid') : errorText(t, failure));
        card.current?.querySelector<HTMLElement>(`#${EMAIL_ID}`)?.focus();
      },
    );
  };

  const dismiss = () => {
    // Focus goes where the visitor was writing, not to the top of the panel with the card.
    card.current?.closest('.hl-chat')?.querySelector<HTMLElement>('.hl-composer__input')?.focus();
    client.contact.dismiss();
  };

  if (!editing && given)
    return (
      <div class="hl-contact" ref={card}>
        <p role="status">{t('chat.contactSaved', { email: given.email })}</p>
        <button
          type="button"
          class="hl-link-button hl-contact__change"
          onClick={() => {
            setEmail(given.email);
            focusNext.current = `#${EMAIL_ID}`;
            setEditing(true);
          }}
        >
          {t('chat.contactChange')}
        </button>
      </div>
    );

  return (
    <div class="hl-contact" ref={card}>
      <form onSubmit={save} noValidate aria-labelledby="hl-contact-title">
        <p id="hl-contact-title" class="hl-contact__title">
          {t('chat.contactTitle')}
        </p>
        <p class="hl-contact__why" id="hl-contact-why">
          {t(away ? 'chat.contactWhyAway' : 'chat.contactWhy')}
        </p>
        <label for={EMAIL_ID}>{t('chat.contactEmail')}</label>
        <input
          id={EMAIL_ID}
          type="email"
          autocomplete="email"
          inputMode="email"
          dir="ltr"
          maxLength={254}
          value={email}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'hl-contact-error' : 'hl-contact-why'}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        {error && (
          <p id="hl-contact-error" class="hl-chat__error" role="alert">
            {error}
          </p>
        )}
        <div class="hl-contact__actions">
          <Button type="submit" aria-disabled={saving}>
            {t('chat.contactSave')}
          </Button>
          {savedHere ? (
            <button
              type="button"
              class="hl-link-button"
              onClick={() => {
                focusNext.current = '.hl-contact__change';
                setEditing(false);
              }}
            >
              {t('chat.contactCancel')}
            </button>
          ) : (
            <button type="button" class="hl-link-button" onClick={dismiss}>
              {t('chat.contactDismiss')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
