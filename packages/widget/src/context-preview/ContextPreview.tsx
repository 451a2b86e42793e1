import type { Breadcrumb, ContextSnapshot } from '@helpline/core';
import type { ComponentChildren } from 'preact';
import { useT } from '../i18n/use-t.js';
import { useStyles } from '../shell/use-styles.js';
import css from './ContextPreview.css.js';

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <details class="hl-ctx__section" open>
      <summary>{title}</summary>
      <ul>{children}</ul>
    </details>
  );
}

const line = (label: string, value: string | number | undefined) =>
  value === undefined || value === '' ? null : (
    <li key={label}>
      <span class="hl-ctx__label">{label}: </span>
      <span>{String(value)}</span>
    </li>
  );

type TrackedEvent = Extract<Breadcrumb, { type: 'event' }>;

const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' · ');

/** `format=csv, rows=3`: a custom field set or an event's data, as the agent will read it. */
const pairs = (fields: Record<string, unknown> | undefined) =>
  Object.entries(fields ?? {})
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(', ');

/**
 * A readable, text-only view of the redacted snapshot that would be shared with support: everything it
 * carries, so nothing reaches the agent that the user could not see here.
 */
export function ContextPreview({ snapshot, live = false }: { snapshot: ContextSnapshot; live?: boolean }) {
  useStyles(css);
  const t = useT();
  const { user, account, app } = snapshot;
  const problems = snapshot.breadcrumbs.filter(
    (crumb) =>
      crumb.type === 'exception' ||
      crumb.type === 'console' ||
      (crumb.type === 'request' && (crumb.status === 0 || crumb.status >= 400)),
  );
  const events = snapshot.breadcrumbs.filter((crumb): crumb is TrackedEvent => crumb.type === 'event');
  const other = { ...user?.custom, ...account?.custom, ...snapshot.custom };
  const tried = { article: t('ticket.ctxRead'), answer: t('ticket.ctxAnswered'), search: t('ticket.ctxSearched') };
  return (
    <fieldset class="hl-ctx" aria-label={t('ticket.ctxTitle')}>
      <Section title={t('ticket.ctxPage')}>
        {line(t('ticket.ctxUrl'), snapshot.page.url)}
        {line(t('ticket.ctxPageTitle'), snapshot.page.title)}
        {snapshot.routeTrail.map((visit, index) => line(`${t('ticket.ctxRoute')} ${index + 1}`, visit.path))}
        {live && <li>{t('ticket.ctxLivePage')}</li>}
      </Section>
      {(user || account) && (
        <Section title={t('ticket.ctxAccount')}>
          {line(t('ticket.ctxUser'), joined(user?.name, user?.email) || user?.id)}
          {line(t('ticket.ctxAccountName'), account?.name ?? account?.id)}
          {line(t('ticket.ctxPlan'), account?.plan ?? user?.plan)}
        </Section>
      )}
      <Section title={t('ticket.ctxProblems')}>
        {problems.length === 0 && <li>{t('ticket.ctxNoProblems')}</li>}
        {problems.map((crumb) => {
          if (crumb.type === 'request')
            return line(`${crumb.method} ${crumb.status || t('ticket.ctxNoResponse')}`, crumb.url);
          if (crumb.type === 'exception') return line(t('ticket.ctxError'), crumb.message);
          if (crumb.type === 'console') return line(crumb.level, crumb.message);
          return null;
        })}
      </Section>
      {(events.length > 0 || snapshot.selfService.length > 0) && (
        <Section title={t('ticket.ctxActivity')}>
          {events.map((crumb) => line(t('ticket.ctxEvent'), joined(crumb.name, pairs(crumb.data))))}
          {snapshot.selfService.map((entry) => line(tried[entry.kind], entry.title ?? entry.ref))}
        </Section>
      )}
      {(app || Object.keys(other).length > 0) && (
        <Section title={t('ticket.ctxOther')}>
          {line(t('ticket.ctxApp'), joined(app?.version, app?.environment))}
          {Object.entries(other).map(([name, value]) => line(name, String(value)))}
        </Section>
      )}
      {snapshot.device && (
        <Section title={t('ticket.ctxDevice')}>
          {line(t('ticket.ctxBrowser'), snapshot.device.userAgent)}
          {line(t('ticket.ctxViewport'), `${snapshot.device.viewport.width}×${snapshot.device.viewport.height}`)}
          {line(t('ticket.ctxLanguage'), snapshot.device.language)}
          {line(t('ticket.ctxTimezone'), snapshot.device.timezone)}
        </Section>
      )}
    </fieldset>
  );
}
