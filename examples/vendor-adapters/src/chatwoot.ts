// Live chat through an existing Chatwoot installation (API-channel inbox). Chatwoot has no knowledge
// base or tickets in its client API, so the widget shows chat only.
import { createChatwootAdapter } from '@helpline/adapter-chatwoot';
import { createHelpline } from '@helpline/widget';

export function startWithChatwoot(user: { id: string; name: string; email: string }, userHash: string) {
  const helpline = createHelpline({
    adapter: createChatwootAdapter({
      baseUrl: 'https://chat.example.com',
      // Chatwoot → Settings → Inboxes → your API inbox → Configuration → Inbox identifier.
      inboxIdentifier: 'kP3xExampleInboxId',
    }),
    appearance: { brandColor: '#1f93ff' },
  });
  // userHash = hex HMAC-SHA256(user.id, the inbox's HMAC token), computed on your server; Chatwoot
  // refuses a contact whose identifier_hash does not match.
  void helpline.identify(user, { userHash });
  return helpline;
}
