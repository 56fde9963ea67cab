/**
 * The first page after installing: a short passage to try hovering on, and where the rest of Gloss is.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../lib/i18n';
import { messageWith } from './message-with';

export function Welcome({ children }: { children: ComponentChildren }) {
  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <blockquote class="try">{children}</blockquote>
      <ul>
        <li>{t('welcomeQuotes')}</li>
        <li>{messageWith('welcomeButton', <strong>{t('welcomeButtonName')}</strong>)}</li>
        <li>
          {messageWith(
            'welcomeShortcut',
            <>
              <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>G</kbd>
            </>,
            <em>{t('contextMenuLookUp')}</em>,
          )}
        </li>
        <li>
          {messageWith(
            'welcomeStepTerms',
            <>
              <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>.</kbd>
            </>,
            <>
              <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>,</kbd>
            </>,
          )}
        </li>
      </ul>
      <p>{t('welcomeReload')}</p>
      <h2>{t('welcomePinHeading')}</h2>
      <ul class="pin">
        <li>{t('welcomePinChrome')}</li>
        <li>{t('welcomePinFirefox')}</li>
      </ul>
      <p>{messageWith('welcomeTimeline', <a href="#timeline">{t('welcomeTimelineLink')}</a>)}</p>
    </section>
  );
}
