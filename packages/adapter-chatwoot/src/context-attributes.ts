import type { ContextSnapshot } from '@helpline/core';

const MAX_TEXT = 255;
/** Chatwoot keeps custom_attributes as JSON; one long value is kept under this size to stay readable. */
const MAX_JSON = 10_000;

const clip = (value: string) => (value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value);

/**
 * The context snapshot as conversation custom_attributes: a few flat, readable attributes an agent
 * sees in the sidebar, plus the whole (already redacted) snapshot as a JSON string. When the JSON
 * is too long, breadcrumbs and the route trail are dropped first.
 */
export function contextAttributes(context: ContextSnapshot): Record<string, string | number> {
  const attributes: Record<string, string | number> = {
    page_url: clip(context.page.url),
    page_path: clip(context.page.path),
    page_title: clip(context.page.title),
    errors_before_contact: context.breadcrumbs.filter(
      (b) => b.type === 'exception' || (b.type === 'console' && b.level === 'error'),
    ).length,
  };
  if (context.app?.version) attributes.app_version = clip(context.app.version);
  if (context.user?.plan) attributes.plan = clip(context.user.plan);
  if (context.account?.name) attributes.account = clip(context.account.name);
  if (context.device) {
    attributes.browser = clip(context.device.userAgent);
    attributes.language = clip(context.device.language);
    if (context.device.timezone) attributes.timezone = clip(context.device.timezone);
  }
  let json = JSON.stringify(context);
  if (json.length > MAX_JSON) json = JSON.stringify({ ...context, breadcrumbs: [], routeTrail: [] });
  if (json.length <= MAX_JSON) attributes.helpline_context = json;
  return attributes;
}
