import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { ContextPreview } from './ContextPreview.js';

/** "Include diagnostics": a checkbox to opt out, and a button revealing exactly what is shared. */
export function DiagnosticsToggle({
  include,
  onChange,
  label,
  live = false,
}: {
  include: boolean;
  onChange: (on: boolean) => void;
  label: string;
  /** A chat: while it is open, the page the user is on is shared too (SupportAdapter.sendPage). */
  live?: boolean;
}) {
  const client = useClient();
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div class="hl-diag">
      <label class="hl-diag__check">
        <input type="checkbox" checked={include} onChange={(e) => onChange(e.currentTarget.checked)} />
        {label}
      </label>
      <button type="button" class="hl-link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('ticket.ctxHide') : t('ticket.ctxPreview')}
      </button>
      {open && <ContextPreview snapshot={client.snapshot()} live={live} />}
    </div>
  );
}
