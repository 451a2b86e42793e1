export { HelplineProvider, type HelplineProviderProps } from './provider.js';
export { useHelpline, type UseHelpline } from './use-helpline.js';
export { useSignalValue } from './use-signal-value.js';
