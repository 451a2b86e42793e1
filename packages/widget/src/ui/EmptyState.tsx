import type { ComponentChildren } from 'preact';
import { useStyles } from '../shell/use-styles.js';
import css from './EmptyState.css.js';
import { Icon, type IconName } from './Icon.js';

export function EmptyState({
  icon,
  title,
  hint,
  children,
}: {
  icon?: IconName;
  title: string;
  hint?: string;
  children?: ComponentChildren;
}) {
  useStyles(css);
  return (
    <div class="hl-empty">
      {icon && <Icon name={icon} size={28} class="hl-empty__icon" />}
      <p class="hl-empty__title">{title}</p>
      {hint && <p class="hl-empty__hint">{hint}</p>}
      {children && <div class="hl-empty__actions">{children}</div>}
    </div>
  );
}
