// The toolbar button: a badge with the number of terms Gloss marked on the tab (the terms the popup
// lists), the grey icon and no number where Gloss is off on the site, and no number once the reader
// switches the badge off on the options page. Read through the button's own API from an extension
// page; the title is set with the icon, so it says which icon the tab has.
import { assert } from '../harness.mjs';

/** The button's badge and title for a tab, as the browser holds them. */
async function buttonOf(tabId) {
  const api = globalThis.browser ?? globalThis.chrome;
  // Firefox's browserAction (Manifest V2) answers with promises, as action does.
  const button = /** @type {typeof chrome.action} */ (api.action ?? api.browserAction);
  return { badge: await button.getBadgeText({ tabId }), title: await button.getTitle({ tabId }) };
}

export function define(ctx, test) {
  const { driver, origin, storePreferences } = ctx;

  test('toolbar button: the number of terms on the page, grey and empty where Gloss is off, no number once the badge is switched off', async () => {
    const page = await driver.openPage(`${origin}/summary.html`);
    await page.waitFor(
      () => CSS.highlights.get('gloss-term')?.size ?? 0,
      undefined,
      (n) => n > 0,
      8000,
    );
    const tabId = await driver.activeTabId();
    const popup = await driver.openExtensionPage(`/popup.html?tab=${tabId}`);
    const listed = await popup.waitFor(
      () => document.querySelectorAll('.on-page .term').length,
      undefined,
      (n) => n >= 5,
      5000,
    );
    const on = await popup.waitFor(buttonOf, tabId, (b) => b.badge === String(listed), 5000);
    assert(on.title === `Gloss: ${listed} terms on this page`, on.title);
    const setSites = (sites) =>
      popup.evaluate((s) => (globalThis.browser ?? globalThis.chrome).storage.local.set({ disabledSites: s }), sites);
    try {
      await setSites([new URL(origin).hostname]);
      const off = await popup.waitFor(
        buttonOf,
        tabId,
        (b) => b.badge === '' && b.title === 'Gloss is off on this site',
        5000,
      );
      assert(off.badge === '', JSON.stringify(off));
      await setSites([]);
      await popup.waitFor(buttonOf, tabId, (b) => b.badge === String(listed) && b.title === on.title, 5000);
      await storePreferences({
        hoverDelayMs: 150,
        cardTrigger: 'hover',
        markStyle: 'underline',
        markDensity: 'first',
        theme: 'system',
        showBadge: false,
      });
      const hidden = await popup.waitFor(buttonOf, tabId, (b) => b.badge === '', 5000);
      assert(hidden.title === on.title, `the title still counts the terms: ${hidden.title}`);
    } finally {
      await setSites([]);
      await storePreferences(null);
    }
    await popup.close();
    await page.close();
  });
}
