import type { HelplineClient } from '@helpline/core';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MessagePreviewProps } from './MessagePreview.js';

/**
 * The message preview's component with the reply that asked for it, once an agent's reply has come
 * while the panel was closed: the preview is its own chunk, fetched then (it decides what it shows).
 * Off with `appearance.messagePreview: false` or without our launcher.
 */
export function usePreview(
  client: HelplineClient,
): [ComponentType<MessagePreviewProps>, MessagePreviewProps['first']] | undefined {
  const [preview, setPreview] = useState<[ComponentType<MessagePreviewProps>, MessagePreviewProps['first']]>();
  useEffect(() => {
    const { messagePreview, hideLauncher } = client.options.appearance;
    if (!messagePreview || hideLauncher) return;
    const stop = client.on('message', ({ message }) => {
      if (message.author.type === 'user' || client.state.isOpen.peek()) return;
      stop();
      import('./MessagePreview.js').then(
        (module) => setPreview([module.MessagePreview, message]),
        () => {},
      );
    });
    return stop;
  }, []);
  return preview;
}
