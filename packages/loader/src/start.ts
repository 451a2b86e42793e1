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
/** The early capture's file, `capture-<hash>.js`, likewise (src/capture.ts). */
declare const __HELPLINE_CAPTURE__: string;

// Commands that need the panel: they pull the widget in even in 'interaction' mode.
const UI_COMMANDS = ['open', 'toggle', 'search', 'article', 'newMessage', 'newTicket'];
const needsPanel = (entry: ArrayLike<unknown>) => UI_COMMANDS.includes(entry[0] as string);

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
  const isBoot = (entry: ArrayLike<unknown>) => entry[0] === 'boot';
  if (config.boot && !queue.some(isBoot)) queue.unshift(['boot', config.boot]);

  const inject = (file: string) => {
    const tag = doc.createElement('script');
    tag.type = 'module';
    tag.src = config.base + file;
    if (config.nonce) tag.nonce = config.nonce;
    doc.head.append(tag);
    return tag;
  };
  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    const tag = inject(__HELPLINE_ENTRY__);
    tag.onerror = () => {
      loading = false;
      console.error(`Helpline: failed to load ${tag.src}`);
    };
  };

  const queued: HelplineStub = function Helpline(...args: unknown[]) {
    queue.push(args);
    if (needsPanel(args)) load();
  };
  queued.q = queue as unknown[][];
  queued.loaderStarted = true;
  win.Helpline = queued;

  const whenIdle = (then: () => void) =>
    (win.requestIdleCallback ?? ((cb: () => void) => win.setTimeout(cb, 2000)))(then);
  const bootEntry = queue.find(isBoot);
  const options = (bootEntry?.[1] ?? {}) as { appearance?: PlaceholderAppearance };
  const appearance = options.appearance ?? {};
  const open = () => queued('open');
  const draw = () => {
    try {
      drawPlaceholderLauncher(doc, appearance, open, load);
    } catch {
      // No placeholder here: the widget draws its own launcher.
      whenIdle(load);
    }
  };
  if (doc.body) draw();
  // DOMContentLoaded fires once: no need to ask for `once`.
  else doc.addEventListener('DOMContentLoaded', draw);

  if (config.load === 'eager' || queue.some(needsPanel)) load();
  else
    whenIdle(() => {
      // A visitor this browser already has gets the widget at idle: replies show on the launcher's badge.
      if (config.load === 'idle' || isReturning(win)) load();
      // Anyone else gets it on their first click, and its early capture now (a small file), so that
      // what failed before they asked for help is in what they send.
      else if (!loading && queue.some(isBoot)) inject(__HELPLINE_CAPTURE__);
    });

  const selector = (appearance as { launcherSelector?: unknown }).launcherSelector;
  if (typeof selector === 'string') {
    // Until the widget takes over (it installs its own delegation), clicks on the host's launcher load it.
    // An invalid selector is the widget's to report, naming the option; here it must not throw on every click.
    const onClick = (event: Event) => {
      try {
        if (!loading && (event.target as Element).closest(selector)) open();
      } catch {}
    };
    doc.addEventListener('click', onClick);
  }
}
