/**
 * The options page: preferences (applied at once in open tabs, through storage change events), the
 * sites where Gloss is off, the reader's own documents and entries, and backup.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { prepareExtensionPage } from '../../components/extension-page';
import { PreferencesForm } from '../../components/options/PreferencesForm';
import { SiteList } from '../../components/options/SiteList';
import { t } from '../../lib/i18n';
import { DEFAULT_PREFERENCES, disabledSites, preferences, type Preferences } from '../../lib/settings';
import './options.css';

function Options() {
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    void preferences.getValue().then(setPrefs);
    void disabledSites.getValue().then(setSites);
    const stops = [preferences.watch(setPrefs), disabledSites.watch(setSites)];
    return () => stops.forEach((stop) => stop());
  }, []);

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="prefs-heading">
        <h2 id="prefs-heading">{t('preferencesHeading')}</h2>
        <PreferencesForm value={prefs} onChange={(p) => void preferences.setValue(p)} />
      </section>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('sitesHeading')}</h2>
        <SiteList sites={sites} onRemove={(site) => void disabledSites.setValue(sites.filter((s) => s !== site))} />
      </section>
    </main>
  );
}

document.title = t('optionsTitle');
prepareExtensionPage();
render(<Options />, document.getElementById('app')!);
