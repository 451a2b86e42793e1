import { drawPlaceholderLauncher, type PlaceholderAppearance } from './placeholder-launcher.js';
import { isReturning } from './returning.js';
import { readScriptConfig } from './script-config.js';
import type { HelplineStub } from './stub.js';

/**
 * The widget's file, `helpline-<hash of its content>.js`, put in by the build (vite.loader.config.ts):
 * a release's loader asks for exactly its own widget, which browsers may therefore keep for good, so
 * the first interaction on a page costs no revalidation round trip.
 */
declare const __HELPLINE_ENTRY__: string;

// Commands that need the panel: they pull the widget in even in 'interaction' mode.
const UI_COMMANDS = ['open', 'toggle', 'search', 'article', 'newMessage', 'newTicket'];

export type LoaderWindow = Window & {
  Helpline?: HelplineStub;
  requestIdleCallback?: (cb: () => void) => number;
};

export function start(win: LoaderWindow, script: HTMLScriptElement | null): void {
  const doc = win.document;
  // The snippet's first line may be missing: then nothing was queued.
  const stub: Partial<HelplineStub> = win.Helpline ?? {};
  if (stub.loaderStarted) return;
  stub.loaderStarted = true;
  const config = readScriptConfig(script, doc.baseURI);
  const queue = (stub.q ||= []) as ArrayLike<unknown>[];
  const command = (entry: ArrayLike<unknown>) => entry[0];
  if (config.boot && !queue.some((entry) => command(entry) === 'boot')) queue.unshift(['boot', config.boot]);

  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    const tag = doc.createElement('script');
    tag.type = 'module';
    tag.src = config.base + __HELPLINE_ENTRY__;
    if (config.nonce) tag.nonce = config.nonce;
    tag.onerror = () => {
      loading = false;
      console.error(`Helpline: failed to load ${tag.src}`);
    };
    doc.head.append(tag);
  };

  const queued: HelplineStub = function Helpline(...args: unknown[]) {
    queue.push(args);
    if (UI_COMMANDS.includes(args[0] as string)) load();
  };
  queued.q = queue as unknown[][];
  queued.loaderStarted = true;
  win.Helpline = queued;

  const loadWhenIdle = () => (win.requestIdleCallback ?? ((cb: () => void) => win.setTimeout(cb, 2000)))(load);
  if (queue.some((entry) => UI_COMMANDS.includes(command(entry) as string))) load();
  else if (config.load === 'eager') load();
  // A visitor this browser already has gets the widget at idle: replies show on the launcher's badge.
  else if (config.load === 'idle' || isReturning(win)) loadWhenIdle();

  const bootEntry = queue.find((entry) => command(entry) === 'boot');
  const options = (bootEntry?.[1] ?? {}) as { appearance?: PlaceholderAppearance };
  const appearance = options.appearance ?? {};
  const open = () => queued('open');
  const draw = () => {
    try {
      drawPlaceholderLauncher(doc, appearance, open, load);
    } catch {
      // No placeholder here: the widget draws its own launcher.
      loadWhenIdle();
    }
  };
  if (doc.body) draw();
  else doc.addEventListener('DOMContentLoaded', draw, { once: true });

  const selector = (appearance as { launcherSelector?: unknown }).launcherSelector;
  if (typeof selector === 'string') {
    // Until the widget takes over (it installs its own delegation), clicks on the host's launcher load it.
    const onClick = (event: Event) => {
      const target = event.target as Element | null;
      if (!loading && target?.closest?.(selector)) open();
    };
    doc.addEventListener('click', onClick);
  }
}
