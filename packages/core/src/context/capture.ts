import type { Privacy } from '../options/schema.js';
import { redactSnapshot } from '../privacy/redact-snapshot.js';
import { redactText } from '../privacy/redact-text.js';
import { redactUrl } from '../privacy/redact-url.js';
import { redactionRules } from '../privacy/rules.js';
import type { CustomFields } from '../schemas/common.js';
import type { Breadcrumb, ContextSnapshot, LivePage } from '../schemas/context.js';
import type { ContextAccount, ContextUser } from '../schemas/people.js';
import { instrumentConsole } from './breadcrumbs-console.js';
import { instrumentNetwork } from './breadcrumbs-network.js';
import { captureDevice } from './device.js';
import type { EarlyRecord } from './early-capture.js';
import { capturePage } from './page.js';
import { createRingBuffer } from './ring-buffer.js';
import { createRouteTrail, instrumentRoutes, pathOf } from './route-trail.js';

export interface SnapshotExtras {
  user?: ContextUser;
  account?: ContextAccount;
  app?: { version?: string; environment?: string };
  custom?: CustomFields;
  selfService?: ContextSnapshot['selfService'];
}

export interface ContextCapture {
  start(): void;
  stop(): void;
  snapshot(extra?: SnapshotExtras): ContextSnapshot;
  addBreadcrumb(crumb: Breadcrumb): void;
  currentPath(): string;
  /** What the user typed, as it may leave the page (see `HelplineClient.redact`). */
  redact(text: string): string;
  /** The page the visitor is on now, redacted as in a snapshot. */
  page(): LivePage;
  onRouteChange(listener: (path: string) => void): () => void;
}

export interface ContextCaptureOptions {
  privacy: Privacy;
  window?: Window;
  now?: () => Date;
  /** Requests to these urls never become breadcrumbs (the widget's own backend calls). */
  ignoreUrl?: (url: string) => boolean;
  /** What the page did before the widget loaded (the script tag's early capture), adopted by these options. */
  earlier?: EarlyRecord;
}

// Which privacy.breadcrumbs switch governs a kind of breadcrumb; events come from the host's `track`.
const SWITCH = { console: 'console', exception: 'console', request: 'network', event: undefined } as const;

/**
 * Collects what an agent needs to help (page, route trail, device, failures) by wrapping the History API,
 * console and fetch/XHR of `window`. Everything is redacted by the privacy rules when captured and again
 * when snapshotted. Without a window (SSR) it still returns valid, mostly empty snapshots.
 */
export function createContextCapture(options: ContextCaptureOptions): ContextCapture {
  const { privacy } = options;
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  const now = options.now ?? (() => new Date());
  const ignoreUrl = options.ignoreUrl ?? (() => false);
  const rules = redactionRules(privacy);
  // Emails the user typed are theirs to share (redactEmails is about captured text).
  const typed = { ...rules, emails: false };
  const crumbs = createRingBuffer<Breadcrumb>(privacy.breadcrumbs.max);
  const trail = createRouteTrail();
  const routeListeners = new Set<(path: string) => void>();
  let undo: Array<() => void> | undefined;

  const currentPath = () => (win ? redactUrl(pathOf(win), rules) : '/');
  const addBreadcrumb = (crumb: Breadcrumb) => crumbs.push(crumb);
  const addRedacted = (crumb: Breadcrumb) =>
    addBreadcrumb(crumb.type === 'request' ? { ...crumb, url: redactUrl(crumb.url, rules) } : crumb);

  const { earlier } = options;
  if (earlier && privacy.breadcrumbs.navigation) {
    for (const visit of earlier.routeTrail) trail.record(redactUrl(visit.path, rules), visit.title ?? '', visit.at);
  }
  for (const crumb of earlier?.breadcrumbs ?? []) {
    const governedBy = SWITCH[crumb.type];
    if (governedBy !== undefined && !privacy.breadcrumbs[governedBy]) continue;
    if (crumb.type !== 'request' || !ignoreUrl(crumb.url)) addRedacted(crumb);
  }

  const recordRoute = (): string | undefined => {
    if (!win) return undefined;
    const path = currentPath();
    return trail.record(path, win.document.title, now().toISOString()) ? path : undefined;
  };
  const onRoute = () => {
    const path = recordRoute();
    if (path === undefined) return;
    for (const listener of routeListeners) {
      try {
        listener(path);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  return {
    start() {
      if (undo || !win) return;
      undo = [];
      if (privacy.breadcrumbs.navigation) {
        // the page we start on is part of the trail, but it is not a route change
        recordRoute();
        undo.push(instrumentRoutes(win, onRoute));
      }
      if (privacy.breadcrumbs.console) undo.push(instrumentConsole(win, now, addBreadcrumb));
      if (privacy.breadcrumbs.network) {
        undo.push(instrumentNetwork(win, { now, ignoreUrl, add: addRedacted }));
      }
    },
    stop() {
      if (!undo) return;
      for (const u of undo) u();
      undo = undefined;
    },
    // Built from values already checked where they came in (options, commands) or made here: the
    // schema that describes it is for the far side (outbox, adapters), not needed in the page.
    snapshot(extra = {}) {
      const raw: ContextSnapshot = {
        capturedAt: now().toISOString(),
        page: win ? capturePage(win) : { url: '', path: '/', title: '' },
        routeTrail: trail.values(),
        ...(win ? { device: captureDevice(win) } : {}),
        ...(extra.app ? { app: extra.app } : {}),
        ...(extra.user ? { user: extra.user } : {}),
        ...(extra.account ? { account: extra.account } : {}),
        breadcrumbs: crumbs.values(),
        selfService: extra.selfService ?? [],
        custom: extra.custom ?? {},
      };
      return redactSnapshot(raw, rules);
    },
    addBreadcrumb,
    currentPath,
    redact: (text) => redactText(text, typed),
    page: () => ({ path: currentPath(), title: win ? redactText(win.document.title, rules) : '' }),
    onRouteChange(listener) {
      routeListeners.add(listener);
      return () => routeListeners.delete(listener);
    },
  };
}
