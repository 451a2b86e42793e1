import { useRef } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { useValue } from '../shell/use-value.js';
import { IconButton } from '../ui/IconButton.js';
import css from './AttachmentTray.css.js';
import type { AttachmentsState } from './use-attachments.js';

/** The attach button with its hidden file input. */
export function AttachButton({ state }: { state: AttachmentsState }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <IconButton icon="attach" label={t('chat.attach')} onClick={() => input.current?.click()} />
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

/** Uploads in progress, finished files with a remove button, and refusals. */
export function AttachmentTray({ state }: { state: AttachmentsState }) {
  useStyles(css);
  const t = useT();
  const client = useClient();
  const uploading = useValue(client.attachments.uploads).filter((upload) => upload.state === 'uploading');
  if (uploading.length === 0 && state.attached.length === 0 && state.errors.length === 0) return null;
  return (
    <div class="hl-tray">
      <ul class="hl-tray__list">
        {uploading.map((upload) => (
          <li key={upload.id} class="hl-tray__item">
            <span>{upload.name}</span>
            <progress
              max={upload.total || 1}
              value={upload.sent}
              aria-label={t('chat.uploading', { name: upload.name })}
            />
          </li>
        ))}
        {state.attached.map((attachment) => (
          <li key={attachment.id} class="hl-tray__item">
            <span>{attachment.name}</span>
            <IconButton
              icon="close"
              label={t('chat.removeAttachment', { name: attachment.name })}
              onClick={() => state.remove(attachment.id)}
            />
          </li>
        ))}
      </ul>
      {state.errors.map((error) => (
        <p key={error} class="hl-tray__error" role="alert">
          {error}
        </p>
      ))}
    </div>
  );
}
