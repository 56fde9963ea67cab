/** The privacy policy, shipped inside Gloss (the stores link to it, and so does the options page). */
import '../../adapters/i18n-browser';
import { render } from 'preact';
import { PrivacyPolicy } from '../../components/PrivacyPolicy';
import { prepareExtensionPage } from '../../components/extension-page';
import { t } from '../../lib/i18n';
import './privacy.css';

document.title = t('privacyTitle');
prepareExtensionPage();
render(<PrivacyPolicy />, document.getElementById('app')!);
