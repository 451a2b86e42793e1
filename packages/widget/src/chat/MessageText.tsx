import { linkify } from './linkify.js';

/** A plain-text message body: text nodes plus http(s) links opening in a new tab. */
export function MessageText({ body }: { body: string }) {
  return (
    <p class="hl-msg__body" dir="auto">
      {linkify(body).map((part, index) =>
        part.href ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
