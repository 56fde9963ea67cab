/** The sites where the reader switched Gloss off, each with a button to switch it back on. */
import { t } from '../../lib/i18n';

export function SiteList({ sites, onRemove }: { sites: readonly string[]; onRemove(site: string): void }) {
  if (sites.length === 0) return <p class="empty">{t('noDisabledSites')}</p>;
  return (
    <ul class="sites">
      {sites.map((site) => (
        <li key={site}>
          <span class="site">{site}</span>
          <button type="button" onClick={() => onRemove(site)} aria-label={t('enableOnSite', site)}>
            {t('enable')}
          </button>
        </li>
      ))}
    </ul>
  );
}
