import type { Attachment } from '@helpline/core';
import { strings } from '../strings.js';
import { safeHttpUrl } from '../util/linkify.js';

/** A download link (with a thumbnail for images, its alt empty since the link text names the file) for http(s) URLs only; anything else is just its name. */
export function AttachmentLink({ attachment }: { attachment: Attachment }) {
  const href = safeHttpUrl(attachment.url);
  if (!href) return <span class="attachment">{attachment.name}</span>;
  const isImage = /^image\/(png|jpeg|gif|webp)$/.test(attachment.type);
  return (
    <a class="attachment" href={href} target="_blank" rel="noopener noreferrer">
      {isImage ? <img src={href} alt="" class="thumbnail" loading="lazy" /> : null}
      <span>
        {strings.thread.attachment}: {attachment.name}
      </span>
    </a>
  );
}
