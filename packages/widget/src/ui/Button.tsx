import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { useStyles } from '../shell/use-styles.js';
import css from './Button.css.js';
import { Icon, type IconName } from './Icon.js';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'icon'> {
  variant?: 'primary' | 'secondary';
  block?: boolean;
  icon?: IconName;
  children: ComponentChildren;
}

export function Button({
  variant = 'primary',
  block = false,
  icon,
  children,
  type = 'button',
  class: extra,
  ...rest
}: ButtonProps) {
  useStyles(css);
  const classes = [
    'hl-button',
    `hl-button--${variant}`,
    block ? 'hl-button--block' : '',
    typeof extra === 'string' ? extra : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} class={classes} {...rest}>
      {icon && <Icon name={icon} />}
      {children}
    </button>
  );
}
