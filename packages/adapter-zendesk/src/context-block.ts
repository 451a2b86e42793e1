import type { Category, ContextSnapshot, Severity } from '@helpline/core';

export const BLOCK_START = '--- Helpline context ---';
const REFERENCE = 'Helpline reference: ';
const CATEGORY = 'Category: ';

/**
 * The context snapshot as plain lines appended to the first public comment. The Requests API acts
 * as the end user and cannot add internal notes, so the requester sees this block too: it carries
 * only what the widget already showed the user before sending (the snapshot arrives redacted).
 */
export function contextBlock(input: {
  category: Category;
  severity: Severity;
  idempotencyKey: string;
  context?: ContextSnapshot | undefined;
}): string {
  const lines = [BLOCK_START, `${CATEGORY}${input.category}`, `Severity: ${input.severity}`];
  const c = input.context;
  if (c) {
    lines.push(`Page: ${c.page.title || c.page.path} (${c.page.url})`, `Path: ${c.page.path}`);
    if (c.routeTrail.length) lines.push(`Route trail: ${c.routeTrail.map((r) => r.path).join(' → ')}`);
    if (c.user)
      lines.push(
        `User: ${[c.user.name, c.user.email, c.user.plan && `plan ${c.user.plan}`].filter(Boolean).join(', ')}`,
      );
    if (c.account)
      lines.push(
        `Account: ${[c.account.name, c.account.id, c.account.plan && `plan ${c.account.plan}`].filter(Boolean).join(', ')}`,
      );
    if (c.app) lines.push(`App: ${[c.app.version, c.app.environment].filter(Boolean).join(', ')}`);
    if (c.device) {
      const d = c.device;
      lines.push(
        `Device: ${d.userAgent}; ${d.viewport.width}×${d.viewport.height}; ${d.language}${d.timezone ? `; ${d.timezone}` : ''}`,
      );
    }
    for (const b of c.breadcrumbs.slice(-10)) {
      if (b.type === 'console') lines.push(`Console ${b.level}: ${b.message}`);
      else if (b.type === 'exception') lines.push(`Exception: ${b.message}`);
      else if (b.type === 'request') lines.push(`Request: ${b.method} ${b.url} → ${b.status} (${b.durationMs} ms)`);
      else lines.push(`Event: ${b.name}`);
    }
    for (const s of c.selfService) lines.push(`Tried ${s.kind}: ${s.title ?? s.ref}`);
    const custom = Object.entries(c.custom);
    if (custom.length) lines.push(`Custom: ${JSON.stringify(c.custom)}`);
  }
  lines.push(`${REFERENCE}${input.idempotencyKey}`);
  return lines.join('\n');
}

/** The part of a description the user typed, without the context block. */
export function userText(description: string): string {
  const at = description.indexOf(BLOCK_START);
  return (at === -1 ? description : description.slice(0, at)).trimEnd();
}

export function referenceIn(description: string): string | undefined {
  return lineValue(description, REFERENCE);
}

export function categoryIn(description: string): string | undefined {
  return lineValue(description, CATEGORY);
}

function lineValue(description: string, prefix: string): string | undefined {
  const at = description.indexOf(BLOCK_START);
  if (at === -1) return undefined;
  const line = description
    .slice(at)
    .split('\n')
    .find((l) => l.startsWith(prefix));
  return line?.slice(prefix.length).trim();
}
