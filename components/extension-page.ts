/**
 * What every one of Gloss's own pages (popup, source viewer, options) does first: say which language its
 * words are in, and follow the reader's theme, now and whenever it changes (a card box in the page
 * inherits it, components/card.css).
 */
import './page-theme.css';
import { t } from '../lib/i18n';
import { preferences } from '../adapters/storage';
import type { Preferences } from '../lib/settings';

export function prepareExtensionPage(): void {
  document.documentElement.lang = t('localeCode');
  const apply = (p: Preferences) => {
    document.documentElement.dataset.theme = p.theme;
  };
  void preferences.getValue().then(apply);
  preferences.watch(apply);
}
