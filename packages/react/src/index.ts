export { HelplineProvider, type HelplineProviderProps } from './provider.js';
export { type UseHelpline, useHelpline } from './use-helpline.js';
export { useSignalValue } from './use-signal-value.js';
