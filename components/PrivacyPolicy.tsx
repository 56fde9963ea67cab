/**
 * What Gloss does with the user's data, in the user's language: nothing leaves the browser. Each
 * statement is one the end-to-end privacy test keeps true (nothing Gloss does reaches the network).
 */
import { t } from '../lib/i18n';

/** The day the policy's text last changed; a store listing shows the same. */
const PRIVACY_POLICY_CHANGED = '2026-12-02';

export function PrivacyPolicy() {
  return (
    <main class="privacy" aria-labelledby="privacy-title">
      <h1 id="privacy-title">{t('privacyTitle')}</h1>
      <p>{t('privacyNothingSent')}</p>
      <h2>{t('privacyReadsHeading')}</h2>
      <p>{t('privacyReads')}</p>
      <h2>{t('privacyStoredHeading')}</h2>
      <p>{t('privacyStored')}</p>
      <h2>{t('privacyPermissionsHeading')}</h2>
      <ul>
        <li>{t('privacyPermissionSites')}</li>
        <li>{t('privacyPermissionStorage')}</li>
        <li>{t('privacyPermissionMenus')}</li>
      </ul>
      <p>{t('privacyRemoval')}</p>
      <p class="changed">{t('privacyChanged', PRIVACY_POLICY_CHANGED)}</p>
    </main>
  );
}
