/**
 * Applies the reader's theme to one of Gloss's own pages, now and whenever it changes; a card box in
 * the page inherits it (components/card.css).
 */
import './page-theme.css';
import { preferences, type Preferences } from '../lib/settings';

export function followThemePreference(): void {
  const apply = (p: Preferences) => {
    document.documentElement.dataset.theme = p.theme;
  };
  void preferences.getValue().then(apply);
  preferences.watch(apply);
}
