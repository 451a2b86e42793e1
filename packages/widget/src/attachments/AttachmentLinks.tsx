import type { Attachment } from '@helpline/core';
import { httpHref } from '../chat/http-href.js';

/** Files on a ticket or message: links opening in a new tab when their URL is http(s), else their names. */
export function AttachmentLinks({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul class="hl-files">
      {attachments.map((attachment) => {
        const href = httpHref(attachment.url);
        return (
          <li key={attachment.id}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {attachment.name}
              </a>
            ) : (
              attachment.name
            )}
          </li>
        );
      })}
    </ul>
  );
}
