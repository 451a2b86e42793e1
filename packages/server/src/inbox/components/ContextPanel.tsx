import type { ContextSnapshot, CustomFields } from '@helpline/core';
import type { ComponentChildren } from 'preact';
import type { VisitorPage, VisitorSummary } from '../api/schemas.js';
import type { ContextState } from '../state/inbox-store.js';
import { strings } from '../strings.js';
import { formatTime } from '../util/duration.js';
import { ContextBreadcrumbs } from './ContextBreadcrumbs.js';

const s = strings.context;

type Row = [label: string, value: string | number | boolean | null | undefined];

/** A definition list of the rows that have a value; every value is rendered as text. */
function Facts({ rows }: { rows: Row[] }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl class="facts">
      {shown.map(([label, value]) => (
        <div key={label} class="fact">
          <dt>{label}</dt>
          <dd dir="auto">{String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="context-section" aria-labelledby={`context-${id}`}>
      <h3 id={`context-${id}`}>{title}</h3>
      {children}
    </section>
  );
}

const customRows = (fields: CustomFields | undefined): Row[] => Object.entries(fields ?? {});

function Snapshot({ snapshot }: { snapshot: ContextSnapshot }) {
  const { page, device, user, account, app } = snapshot;
  return (
    <>
      <p class="muted">
        {s.captured} <time dateTime={snapshot.capturedAt}>{formatTime(snapshot.capturedAt)}</time>
      </p>
      <Section id="page" title={s.page}>
        <Facts
          rows={[
            [s.title, page.title],
            [s.url, page.url],
            [s.referrer, page.referrer],
          ]}
        />
      </Section>
      {user ? (
        <Section id="user" title={s.user}>
          <Facts
            rows={[
              [s.name, user.name],
              [s.email, user.email],
              [s.id, user.id],
              [s.plan, user.plan],
              ...customRows(user.custom),
            ]}
          />
        </Section>
      ) : null}
      {account ? (
        <Section id="account" title={s.account}>
          <Facts
            rows={[
              [s.name, account.name],
              [s.id, account.id],
              [s.plan, account.plan],
              [s.seats, account.seats],
              ...customRows(account.custom),
            ]}
          />
        </Section>
      ) : null}
      <ContextBreadcrumbs breadcrumbs={snapshot.breadcrumbs} />
      {snapshot.routeTrail.length > 0 ? (
        <Section id="trail" title={s.routeTrail}>
          <ol class="timeline">
            {snapshot.routeTrail.map((visit, index) => (
              <li key={index}>
                <time dateTime={visit.at}>{formatTime(visit.at)}</time>
                <span class="timeline-path">{visit.path}</span>
                {visit.title ? <span class="muted">{visit.title}</span> : null}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
      {snapshot.selfService.length > 0 ? (
        <Section id="self-service" title={s.selfService}>
          <ul class="plain-list">
            {snapshot.selfService.map((item, index) => (
              <li key={index}>
                <span class="kind">{s.selfServiceKinds[item.kind]}</span> {item.title ?? item.ref}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {device ? (
        <Section id="device" title={s.device}>
          <Facts
            rows={[
              [s.userAgent, device.userAgent],
              [s.viewport, `${device.viewport.width} × ${device.viewport.height}`],
              [s.language, device.language],
              [s.timezone, device.timezone],
              [s.colorScheme, device.colorScheme],
              [s.online, device.online ? s.online : s.offline],
            ]}
          />
        </Section>
      ) : null}
      {app ? (
        <Section id="app" title={s.app}>
          <Facts
            rows={[
              [s.version, app.version],
              [s.environment, app.environment],
            ]}
          />
        </Section>
      ) : null}
      {Object.keys(snapshot.custom).length > 0 ? (
        <Section id="custom" title={s.custom}>
          <Facts rows={customRows(snapshot.custom)} />
        </Section>
      ) : null}
    </>
  );
}

interface ContextPanelProps {
  context: ContextState | undefined;
  visitor: VisitorSummary | null;
  /** Where the visitor is (or last was, once the conversation is resolved). */
  visitorPage?: VisitorPage | undefined;
  open?: boolean;
}

/** The page the visitor is on while the conversation shares it, ahead of the snapshot taken at its start. */
function LivePageSection({ page, open }: { page: VisitorPage; open: boolean }) {
  return (
    <Section id="live-page" title={open ? s.nowOn : s.lastOn}>
      <Facts
        rows={[
          [s.title, page.title],
          [s.path, page.path],
        ]}
      />
      <p class="muted">
        {s.seen} <time dateTime={page.at}>{formatTime(page.at)}</time>
      </p>
    </Section>
  );
}

/** What the user was doing when they asked: everything they sent, shown as text. */
export function ContextPanel({ context, visitor, visitorPage, open = true }: ContextPanelProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1)
    <aside class="context" aria-labelledby="context-title" tabIndex={0}>
      <h2 id="context-title" class="column-title">
        {s.label}
      </h2>
      {visitor ? (
        <Section id="visitor" title={s.visitor}>
          <Facts
            rows={[
              [s.name, visitor.name ?? (visitor.email ? undefined : strings.queue.anonymous)],
              [s.email, visitor.email],
              [strings.queue.verified, visitor.verified ? s.yes : s.no],
              [s.givenEmail, visitor.contact?.email],
              [s.givenName, visitor.contact?.name],
            ]}
          />
        </Section>
      ) : null}
      {visitorPage ? <LivePageSection page={visitorPage} open={open} /> : null}
      {context === undefined ? null : context.kind === 'ok' ? (
        <Snapshot snapshot={context.snapshot} />
      ) : (
        <p class="muted">{context.kind === 'none' ? s.none : s.unreadable}</p>
      )}
    </aside>
  );
}
