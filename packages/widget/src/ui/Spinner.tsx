import { useStyles } from '../shell/use-styles.js';
import css from './Spinner.css.js';

/** A polite status: screen readers hear the label once, sighted users see the ring and the label. */
export function Spinner({ label }: { label: string }) {
  useStyles(css);
  return (
    <div class="hl-spinner" role="status">
      <span class="hl-spinner__ring" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
