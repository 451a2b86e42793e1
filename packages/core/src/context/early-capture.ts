import type { Breadcrumb, RouteVisit } from '../schemas/context.js';
import { BREADCRUMBS_DEFAULT, BREADCRUMBS_MOST } from './breadcrumb-limits.js';
import { instrumentConsole } from './breadcrumbs-console.js';
import { instrumentNetwork } from './breadcrumbs-network.js';
import { createRingBuffer } from './ring-buffer.js';
import { createRouteTrail, instrumentRoutes, pathOf } from './route-trail.js';

/**
 * What the page did before the widget started. Kept in memory only, as recorded: the widget's capture
 * redacts it by the validated privacy options when it adopts it, before anything is stored or sent.
 */
export interface EarlyRecord {
  breadcrumbs: Breadcrumb[];
  routeTrail: RouteVisit[];
}

/**
 * The host's `privacy.breadcrumbs` from its queued `boot`, not yet validated: only `false` turns a kind
 * off, and a `max` the options would refuse keeps the default number.
 */
export interface EarlyToggles {
  console?: unknown;
  network?: unknown;
  navigation?: unknown;
  max?: unknown;
}

const keep = (max: unknown): number =>
  Number.isInteger(max) && (max as number) >= 0 && (max as number) <= BREADCRUMBS_MOST
    ? (max as number)
    : BREADCRUMBS_DEFAULT;

let running: (() => EarlyRecord) | undefined;
let taken = false;

/**
 * Records failures, console errors and navigation from the page's first idle moment, before the
 * widget is downloaded (the script tag loads it on the first click), so the snapshot of a request
 * also holds what went wrong before the visitor asked for help. Does nothing once the widget has
 * started, or a second time.
 */
export function startEarlyCapture(win: Window, toggles: EarlyToggles = {}, now = () => new Date()): void {
  if (running || taken) return;
  const crumbs = createRingBuffer<Breadcrumb>(keep(toggles.max));
  const trail = createRouteTrail();
  const add = (crumb: Breadcrumb) => crumbs.push(crumb);
  const undo: Array<() => void> = [];
  if (toggles.navigation !== false) {
    const record = () => {
      trail.record(pathOf(win), win.document.title, now().toISOString());
    };
    record();
    undo.push(instrumentRoutes(win, record));
  }
  if (toggles.console !== false) undo.push(instrumentConsole(win, now, add));
  if (toggles.network !== false) undo.push(instrumentNetwork(win, { now, ignoreUrl: () => false, add }));
  running = () => {
    for (const restore of undo) restore();
    return { breadcrumbs: crumbs.values(), routeTrail: trail.values() };
  };
}

/** Stops the early capture and hands over what it recorded (undefined if none ran); it cannot start after this. */
export function takeEarlyCapture(): EarlyRecord | undefined {
  taken = true;
  const take = running;
  running = undefined;
  return take?.();
}
