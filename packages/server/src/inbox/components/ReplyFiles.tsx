import type { ReplyFile } from '../state/reply-files.js';
import { strings } from '../strings.js';
import { formatBytes } from '../util/bytes.js';

/** The files going with the reply: each with its progress, ready or its error, and a way to take it out. */
export function ReplyFiles({ files, onRemove }: { files: readonly ReplyFile[]; onRemove: (key: number) => void }) {
  if (files.length === 0) return null;
  return (
    <ul class="reply-files" aria-label={strings.files.list}>
      {files.map((entry) => (
        <li key={entry.key} class={`reply-file ${entry.error ? 'failed' : ''}`}>
          <span class="reply-file-name" dir="auto">
            {entry.file.name}
          </span>
          <span class="muted">{formatBytes(entry.file.size)}</span>
          {entry.error ? (
            <span class="form-error">{entry.error}</span>
          ) : entry.attachment ? (
            <span class="muted">{strings.files.ready}</span>
          ) : (
            <progress
              max={entry.file.size || 1}
              value={entry.sent}
              aria-label={strings.files.progress(entry.file.name)}
            />
          )}
          <button
            type="button"
            class="button subtle"
            aria-label={strings.files.remove(entry.file.name)}
            onClick={() => onRemove(entry.key)}
          >
            {strings.files.removeShort}
          </button>
        </li>
      ))}
    </ul>
  );
}
