import { Capabilities, type Capability } from '../adapter/capabilities.js';
import type { HelplineOptions } from '../options/schema.js';

/**
 * What the widget may offer: the adapter's capabilities, narrowed by the host's `features`. Turning a
 * feature off also turns off what only makes sense with it (typing without chat, form schema without
 * tickets); the live page needs chat and navigation in the context (`privacy.breadcrumbs.navigation`).
 */
export function effectiveCapabilities(
  adapterCapabilities: unknown,
  { features, privacy }: Pick<HelplineOptions, 'features' | 'privacy'>,
): Capabilities {
  const declared = Capabilities.safeParse(adapterCapabilities);
  const caps = declared.success ? declared.data : Capabilities.parse({});
  const chat = caps.chat && features.chat;
  const tickets = caps.tickets && features.tickets;
  return {
    ...caps,
    kb: caps.kb && features.kb,
    answers: caps.answers && features.answers,
    chat,
    typing: caps.typing && chat,
    readReceipts: caps.readReceipts && chat,
    csat: caps.csat && chat,
    tickets,
    ticketList: caps.ticketList && tickets,
    ticketRead: caps.ticketRead && caps.ticketList && tickets,
    solveTicket: caps.solveTicket && caps.ticketList && tickets,
    formSchema: caps.formSchema && tickets,
    attachments: caps.attachments && (chat || tickets),
    livePage: caps.livePage && chat && privacy.breadcrumbs.navigation,
    endChat: caps.endChat && chat && features.endChat,
  };
}

export type { Capability };
