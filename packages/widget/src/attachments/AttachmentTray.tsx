import { useRef } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { useValue } from '../shell/use-value.js';
import { Button } from '../ui/Button.js';
import { IconButton } from '../ui/IconButton.js';
import css from './AttachmentTray.css.js';
import type { AttachmentsState } from './use-attachments.js';

/** The attach button with its hidden file input. */
export function AttachButton({ state }: { state: AttachmentsState }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <IconButton icon="attach" label={t('chat.attach')} data-attach onClick={() => input.current?.click()} />
      <input
        ref={input}
        type="file"
        multiple
        class="hl-visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="file-input"
        onChange={(event) => {
          const files = event.currentTarget.files;
          if (files) state.add(Array.from(files));
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}

/**
 * This form's files: uploading (with progress), uploaded (remove), not uploaded (why, try again,
 * remove); and whether a send waits for them or stopped at one.
 */
export function AttachmentTray({ state }: { state: AttachmentsState }) {
  useStyles(css);
  const t = useT();
  const client = useClient();
  const progress = useValue(client.attachments.uploads);
  if (state.chosen.length === 0) return null;
  return (
    <div class="hl-tray">
      <ul class="hl-tray__list">
        {state.chosen.map(({ key, file, attachment, error, retryable }) => {
          const { name } = file;
          const uploading = !attachment && !error;
          const sent = uploading
            ? progress.find((upload) => upload.state === 'uploading' && upload.name === name)
            : undefined;
          const errorId = `hl-tray-error-${key}`;
          return (
            <li key={key} class="hl-tray__item">
              <span>{name}</span>
              {uploading && (
                <progress max={sent?.total || 1} value={sent?.sent ?? 0} aria-label={t('chat.uploading', { name })} />
              )}
              {error && retryable && (
                <Button variant="secondary" aria-describedby={errorId} onClick={() => state.retry(key)}>
                  {t('common.retry')}
                </Button>
              )}
              {!uploading && (
                <IconButton
                  icon="close"
                  label={t('chat.removeAttachment', { name })}
                  onClick={(event) => {
                    // The button goes with its file: focus moves next to it, to Attach, not to the panel title.
                    event.currentTarget.closest('form')?.querySelector<HTMLElement>('[data-attach]')?.focus();
                    state.remove(key);
                  }}
                />
              )}
              {error && (
                <p id={errorId} class="hl-tray__error" role="alert">
                  {t('chat.uploadFailed', { name, reason: error })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {/* Present from the first file on, so that the wait is announced when it begins. */}
      <p class="hl-tray__status" role="status">
        {state.waiting && t('chat.uploadWaiting')}
      </p>
      {state.stopped && (
        <p class="hl-tray__error" role="alert">
          {t('chat.uploadStopped')}
        </p>
      )}
    </div>
  );
}
