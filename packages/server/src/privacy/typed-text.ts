import {
  BUILT_IN_PARAMS,
  type Contact,
  type ContextSnapshot,
  type LivePage,
  type RedactionRules,
  redactSnapshot,
  redactStrings,
  redactText,
  redactUrl,
} from '@helpline/core';

// The widget masks these before anything leaves the page; the server masks them again so a client that is
// not the widget (an older version, a script calling the API) cannot get a card number stored or shown
// to agents. The host's own patterns live in its page options, so only the built-in rules apply here.
const RULES: RedactionRules = { params: BUILT_IN_PARAMS, patterns: [], emails: false };

/** What a visitor typed (message, ticket text, rating comment, question), masked before it is stored. */
export const redactTyped = (text: string): string => redactText(text, RULES);

/** Every string value of custom fields, masked the same way. */
export const redactFields = <T>(fields: T): T => redactStrings(fields, redactTyped);

/** How a visitor says they can be reached, masked as their other typed text is (an email stays as it is). */
export const redactContact = (contact: Contact): Contact => ({
  email: redactTyped(contact.email),
  ...(contact.name === undefined ? {} : { name: redactTyped(contact.name) }),
});

/** The page a visitor says they are on, as the widget would have redacted it. */
export const redactLivePage = (page: LivePage): LivePage => ({
  path: redactUrl(page.path, RULES),
  title: redactText(page.title, RULES),
});

/** A context snapshot as the widget would have redacted it. */
export const redactContext = (context: ContextSnapshot | undefined): ContextSnapshot | null =>
  context ? redactSnapshot(context, RULES) : null;
