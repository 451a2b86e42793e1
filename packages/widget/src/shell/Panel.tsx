import { useLayoutEffect, useRef } from 'preact/hooks';
import { useDir, useT } from '../i18n/use-t.js';
import { IconButton } from '../ui/IconButton.js';
import { useClient } from './client-context.js';
import { fitVisualViewport } from './fit-visual-viewport.js';
import { focusableIn, focusInto } from './focusable.js';
import { keepFocusInside } from './keep-focus.js';
import css from './Panel.css.js';
import { UnreadAnnouncer } from './UnreadAnnouncer.js';
import { useBackStack } from './use-back-stack.js';
import { useStyles } from './use-styles.js';
import { useValue } from './use-value.js';
import { ViewHost } from './ViewHost.js';

export interface PanelProps {
  id: string;
  /** Where focus goes when the panel closes (our launcher or the host's custom one). */
  returnFocus: () => void;
}

const supportsPopover = (el: HTMLElement) => typeof el.showPopover === 'function';

/**
 * The help panel: a non-modal dialog that keeps Tab inside while open, closes on Escape and sits in
 * the top layer (popover) where supported, so host modals cannot cover it.
 */
export function Panel({ id, returnFocus }: PanelProps) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const dir = useDir();
  const view = useValue(client.state.view);
  const goBack = useBackStack(client);
  const panel = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const titleId = `${id}-title`;

  useLayoutEffect(() => {
    const el = panel.current;
    if (el && supportsPopover(el)) {
      el.setAttribute('popover', 'manual');
      try {
        el.showPopover();
      } catch {
        // Already shown or not connected: fixed positioning still places it.
      }
    }
    const focusKeeper = el && keepFocusInside(el, () => title.current);
    const unfit = el && fitVisualViewport(el);
    // However the panel closes (button, Escape, launcher, host command), focus that was inside it
    // goes back to what opened it instead of falling to <body>.
    return () => {
      focusKeeper?.disconnect();
      unfit?.();
      const active = (el?.getRootNode() as ShadowRoot | undefined)?.activeElement;
      if (active && el?.contains(active)) returnFocus();
    };
  }, []);

  const close = () => void client.close().catch(() => {});

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const items = focusableIn(panel.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = (panel.current.getRootNode() as ShadowRoot).activeElement;
    if (event.shiftKey && (active === first || active === title.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      ref={panel}
      id={id}
      class="hl-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      dir={dir}
      onKeyDown={onKeyDown}
    >
      <div class="hl-panel__header">
        {view.name !== 'home' && <IconButton icon="back" label={t('common.back')} flipRtl onClick={goBack} />}
        <h2 ref={title} id={titleId} class="hl-panel__title" tabIndex={-1}>
          {client.options.appearance.title ?? t('common.title')}
        </h2>
        <IconButton icon="close" label={t('common.close')} onClick={close} />
      </div>
      <ViewHost view={view} onShown={(container) => focusInto(container, title.current)} />
      <UnreadAnnouncer />
    </div>
  );
}
