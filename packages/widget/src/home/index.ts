import { provideView } from '../views.js';
import { HomeView } from './HomeView.js';

/**
 * Ships the home view inside the caller's own bundle instead of as a lazy chunk, so the first open
 * fetches nothing more. The script-tag build does this: its bundle downloads only when the panel is
 * about to open, and every open starts at home. Call it before the panel first opens.
 */
export function bundleHomeView(): void {
  provideView('home', HomeView);
}
