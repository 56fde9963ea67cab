// A browser whose language is Vietnamese: Gloss's own words are Vietnamese; corpus text is not.
import { assert } from '../harness.mjs';
import { HIGHLIGHT, HOST, pageCard, pageMarks, pagePhraseCenter } from '../page.mjs';

export function define(ctx, test) {
  const { driver, origin } = ctx;

  test('the popup renders in Vietnamese', async () => {
    const popup = await driver.openExtensionPage('/popup.html');
    const view = await popup.waitFor(
      () => {
        const status = document.querySelector('[role="status"]')?.textContent ?? '';
        return status.includes('…')
          ? null
          : {
              lang: document.documentElement.lang,
              placeholder: /** @type {HTMLInputElement} */ (document.querySelector('input[type="search"]'))
                ?.placeholder,
              heading: document.querySelector('#summary-title')?.textContent,
              status,
            };
      },
      undefined,
      Boolean,
      8000,
    );
    assert(view.lang === 'vi', `lang=${view.lang}`);
    assert(view.placeholder?.startsWith('Tìm tên'), `placeholder: ${view.placeholder}`);
    assert(view.heading === 'Trên trang này', `heading: ${view.heading}`);
    assert(view.status === '', `a working store needs no word: ${view.status}`);
    await popup.close();
  });

  test('a card on a web page speaks Vietnamese around the English quotes', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.includes('Nguyen Phu Trong'));
    const at = await page.evaluate(pagePhraseCenter, { phrase: 'Nguyen Phu Trong' });
    await page.mouseMove(at.x - 30, at.y + 40);
    await page.mouseMove(at.x, at.y);
    const card = await page.waitFor(pageCard, HOST, (c) => c && c.busy !== 'true', 5000);
    assert(/Được nhắc đến trong \d+\/6 tài liệu/.test(card.text), card.text);
    assert(
      /general secretary of the Communist Party of Vietnam Central Committee/i.test(card.text),
      'quotes stay as written',
    );
    const close = await page.evaluate(
      (host) => document.querySelector(host).shadowRoot.querySelector('.close').getAttribute('aria-label'),
      HOST,
    );
    assert(close === 'Đóng', `close button: ${close}`);
    await page.close();
  });
}
