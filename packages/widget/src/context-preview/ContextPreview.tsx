import type { ContextSnapshot } from '@helpline/core';
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

/** A readable, text-only view of the redacted snapshot that would be shared with support. */
export function ContextPreview({ snapshot }: { snapshot: ContextSnapshot }) {
  useStyles(css);
  const t = useT();
  const problems = snapshot.breadcrumbs.filter(
    (crumb) =>
      crumb.type === 'exception' || crumb.type === 'console' || (crumb.type === 'request' && crumb.status >= 400),
  );
  return (
    <fieldset class="hl-ctx" aria-label={t('ticket.ctxTitle')}>
      <Section title={t('ticket.ctxPage')}>
        {line(t('ticket.ctxUrl'), snapshot.page.url)}
        {line(t('ticket.ctxPageTitle'), snapshot.page.title)}
        {snapshot.routeTrail.map((visit, index) => line(`${t('ticket.ctxRoute')} ${index + 1}`, visit.path))}
      </Section>
      {(snapshot.user || snapshot.account) && (
        <Section title={t('ticket.ctxAccount')}>
          {line(t('ticket.ctxUser'), snapshot.user?.name ?? snapshot.user?.email ?? snapshot.user?.id)}
          {line(t('ticket.ctxAccountName'), snapshot.account?.name ?? snapshot.account?.id)}
          {line(t('ticket.ctxPlan'), snapshot.account?.plan ?? snapshot.user?.plan)}
        </Section>
      )}
      <Section title={t('ticket.ctxProblems')}>
        {problems.length === 0 && <li>{t('ticket.ctxNoProblems')}</li>}
        {problems.map((crumb) => {
          if (crumb.type === 'request') return line(`${crumb.method} ${crumb.status}`, crumb.url);
          if (crumb.type === 'exception') return line(t('ticket.ctxError'), crumb.message);
          if (crumb.type === 'console') return line(crumb.level, crumb.message);
          return null;
        })}
      </Section>
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
