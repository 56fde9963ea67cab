/**
 * The reader's settings on this page: preferences changed on the options page apply at once, the site
 * switch starts or stops marking, and entries the reader added or removed make the page be read again
 * with the new matcher. The background tells every tab.
 */
import { onPageMessage } from '../../lib/messages';
import type { Preferences } from '../../lib/settings';
import { pageSetup } from './setup';
import type { PageCards } from './cards';
import { MARK_HIGHLIGHTS, type PageMarking } from './marking';

export class PagePreferences {
  constructor(
    public current: Preferences,
    private readonly marking: PageMarking,
    private readonly cards: PageCards,
  ) {
    this.apply(current);
  }

  apply(p: Preferences): void {
    this.current = p;
    this.cards.hover.dwellMs = p.hoverDelayMs;
    this.marking.marker?.showMarksAs(MARK_HIGHLIGHTS[p.markStyle]);
    this.marking.marker?.setDensity(p.markDensity);
    this.cards.layer.current?.setTheme(p.theme);
  }

  /** Follows the settings' changes; returns what stops following. */
  follow(site: string, extensionGone: () => boolean): () => void {
    return onPageMessage('settingsChanged', async ({ data }) => {
      if (data.preferences) this.apply(data.preferences);
      if (data.disabledSites) this.marking.setEnabled(!data.disabledSites.includes(site));
      if (!data.userData) return;
      const fresh = await pageSetup();
      if (fresh && !extensionGone()) this.marking.restart(fresh.sieve);
    });
  }
}
