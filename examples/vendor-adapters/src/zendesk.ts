// Tickets and Help Center search through Zendesk. Zendesk's Requests API has no live chat, so the
// widget shows the knowledge base and the ticket form.
import { createZendeskAdapter } from '@helpline/adapter-zendesk';
import { createHelpline } from '@helpline/widget';

export function startWithZendesk(endUserAccessToken?: string) {
  const helpline = createHelpline({
    adapter: createZendeskAdapter({
      subdomain: 'acme',
      helpCenterLocale: 'en-us',
      // Each Helpline custom field is written to a Zendesk ticket field (Admin Center → Ticket fields).
      ticketFields: [
        {
          id: 'affected_area',
          label: 'Affected area',
          type: 'select',
          required: true,
          zendeskId: 360001234567,
          options: [
            { value: 'invoices', label: 'Invoices' },
            { value: 'payments', label: 'Payments' },
          ],
        },
      ],
    }),
  });
  // Signed-in users (a Zendesk end-user access token your backend obtained) can list their requests;
  // without one, tickets are anonymous requests from the name and email given to identify().
  if (endUserAccessToken) void helpline.identify({ id: 'user-1001', name: 'Dana' }, { jwt: endUserAccessToken });
  return helpline;
}
