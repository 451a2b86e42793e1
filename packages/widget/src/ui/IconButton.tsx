import type { ButtonHTMLAttributes } from 'preact';
import { useStyles } from '../shell/use-styles.js';
import css from './Button.css.js';
import { Icon, type IconName } from './Icon.js';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'icon' | 'label'> {
  icon: IconName;
  /** Accessible name; icon-only buttons have no other. */
  label: string;
  /** Mirror the icon in right-to-left layouts (arrows). */
  flipRtl?: boolean;
}

export function IconButton({ icon, label, flipRtl = false, type = 'button', class: extra, ...rest }: IconButtonProps) {
  useStyles(css);
  return (
    <button
      type={type}
      class={typeof extra === 'string' ? `hl-icon-button ${extra}` : 'hl-icon-button'}
      aria-label={label}
      title={label}
      {...rest}
    >
      <Icon name={icon} class={flipRtl ? 'hl-flip-rtl' : undefined} />
    </button>
  );
}
