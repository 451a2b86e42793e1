import * as z from 'zod/mini';
import type { SupportAdapter } from '../adapter/contract.js';
import { BREADCRUMBS_DEFAULT, BREADCRUMBS_MOST } from '../context/breadcrumb-limits.js';
import { BusinessHours } from '../schemas/availability.js';
import { between, CustomFields, matches, whole } from '../schemas/common.js';
import { Verification } from '../schemas/identity.js';
import { ContextAccount, ContextUser } from '../schemas/people.js';

const isAdapter = (value: unknown): value is SupportAdapter =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { connect?: unknown }).connect === 'function' &&
  typeof (value as { capabilities?: unknown }).capabilities === 'object';

const Color = z
  .string()
  .check(matches(/^(#[0-9a-fA-F]{3,8}|(rgb|hsl|oklch)a?\([^;{}]*\))$/, 'a CSS colour such as #4f46e5'));
const Length = z.string().check(matches(/^\d+(\.\d+)?(px|rem|em|%)$|^0$/, 'a CSS length such as 12px'));

export const Appearance = z.object({
  /** @default 'auto' — follows the user's prefers-color-scheme. */
  theme: z._default(z.enum(['light', 'dark', 'auto']), 'auto'),
  /** @default 'right' — the side of the viewport, whatever the locale's direction. */
  position: z._default(z.enum(['left', 'right']), 'right'),
  /** Distance of the launcher from the viewport edges. @default { x: 20, y: 20 } */
  offset: z._default(
    z.object({
      x: z.number().check(between(0, 500)),
      y: z.number().check(between(0, 500)),
    }),
    { x: 20, y: 20 },
  ),
  /** @default 2147483000 — high, but below the maximum so host top-layer dialogs can still win. */
  zIndex: z._default(z.number().check(whole(), between(0, 2147483647)), 2147483000),
  /** Brand colour for the launcher, header and primary buttons. @default '#4f46e5' */
  brandColor: z._default(Color, '#4f46e5'),
  /** @default '12px' */
  radius: z._default(Length, '12px'),
  /** @default system-ui stack */
  fontFamily: z.optional(z.string().check(z.maxLength(200), matches(/^[^;{}<>]*$/, 'a font-family list'))),
  /** CSS selector of host elements that open the widget instead of (or besides) our launcher. */
  launcherSelector: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** @default false */
  hideLauncher: z._default(z.boolean(), false),
  /** An agent's new message shows above the launcher while the panel is closed. @default true */
  messagePreview: z._default(z.boolean(), true),
  /** Title in the panel header. @default the locale's "Help" */
  title: z.optional(z.string().check(z.maxLength(80))),
  /** Greeting on the home view. @default the locale's greeting */
  greeting: z.optional(z.string().check(z.maxLength(200))),
});
export type Appearance = z.infer<typeof Appearance>;

export const Features = z.object({
  kb: z._default(z.boolean(), true),
  chat: z._default(z.boolean(), true),
  tickets: z._default(z.boolean(), true),
  answers: z._default(z.boolean(), true),
  /** Offers "End chat" on an open conversation (where the adapter can). */
  endChat: z._default(z.boolean(), true),
});
export type Features = z.infer<typeof Features>;

export const Privacy = z.object({
  /** Extra query-parameter names to strip, besides the built-in token/password/secret/key/code list. */
  redactParams: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** Extra regular expressions (source strings) whose matches are masked in every captured string. */
  redactPatterns: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(500))), []),
  /** Mask email addresses in free text (console messages, URLs). @default false */
  redactEmails: z._default(z.boolean(), false),
  breadcrumbs: z._default(
    z.object({
      console: z._default(z.boolean(), true),
      network: z._default(z.boolean(), true),
      navigation: z._default(z.boolean(), true),
      /** Most recent breadcrumbs kept. @default 30 */
      max: z._default(z.number().check(whole(), between(0, BREADCRUMBS_MOST)), BREADCRUMBS_DEFAULT),
    }),
    { console: true, network: true, navigation: true, max: BREADCRUMBS_DEFAULT },
  ),
  /** Write nothing to storage or cookies until the user interacts with the widget. @default true */
  noStorageBeforeInteraction: z._default(z.boolean(), true),
  /** Whether "include diagnostics" starts checked on forms. @default true */
  diagnosticsByDefault: z._default(z.boolean(), true),
});
export type Privacy = z.infer<typeof Privacy>;

export const Routing = z.object({
  queue: z.optional(z.string().check(z.maxLength(100))),
  productArea: z.optional(z.string().check(z.maxLength(100))),
  tags: z._default(z.array(z.string().check(z.maxLength(50))), []),
});
export type Routing = z.infer<typeof Routing>;

export const HelplineOptions = z.object({
  adapter: z.custom<SupportAdapter>(isAdapter, 'an adapter object with connect() and capabilities'),
  appearance: z._default(Appearance, Appearance.parse({})),
  /** BCP 47 tag; falls back to the browser language, then 'en'. */
  locale: z.optional(
    z.string().check(matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as en or pt-BR')),
  ),
  features: z._default(Features, Features.parse({})),
  privacy: z._default(Privacy, Privacy.parse({})),
  /** Nonce of the host's CSP, applied to the fallback <style> and anything the loader injects. */
  cspNonce: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Shown when the adapter does not report availability itself. */
  businessHours: z.optional(BusinessHours),
  routing: z._default(Routing, Routing.parse({})),
  app: z.optional(z.object({ version: z.optional(z.string()), environment: z.optional(z.string()) })),
  user: z.optional(ContextUser),
  account: z.optional(ContextAccount),
  verification: z.optional(Verification),
  /** Custom fields attached to every context snapshot. */
  custom: z._default(CustomFields, {}),
  /** Where the widget element is attached. @default document.body */
  container: z.optional(
    z.custom<HTMLElement>((v) => typeof v === 'object' && v !== null && 'appendChild' in v, 'an element'),
  ),
  /** Log debug information to the console. @default false */
  debug: z._default(z.boolean(), false),
});
export type HelplineOptions = z.infer<typeof HelplineOptions>;
export type HelplineOptionsInput = z.input<typeof HelplineOptions>;
