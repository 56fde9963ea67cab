// The toolbar button: a badge with the number of terms Gloss marked on the tab (the terms the popup
// lists), the grey icon and no number where Gloss is off on the site, and no number once the reader
// switches the badge off on the options page. Read through the button's own API from an extension
// page; the title is set with the icon, so it says which icon the tab has.
import { assert } from '../harness.mjs';
import { noTermPageAndPopup } from '../page.mjs';

/** The button's badge and title for a tab, as the browser holds them. */
async function buttonOf(tabId) {
  const api = globalThis.browser ?? globalThis.chrome;
  // Firefox's browserAction (Manifest V2) answers with promises, as action does.
  const button = /** @type {typeof chrome.action} */ (api.action ?? api.browserAction);
  return { badge: await button.getBadgeText({ tabId }), title: await button.getTitle({ tabId }) };
}

export function define(ctx, test) {
  const { driver, origin, storePreferences, clickOption } = ctx;

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
      // The reader unticks the badge on the options page.
      const options = await driver.openExtensionPage('/options.html');
      await clickOption(options, 'input[name="showBadge"]');
      const hidden = await popup.waitFor(buttonOf, tabId, (b) => b.badge === '', 5000);
      await options.close();
      assert(hidden.title === on.title, `the title still counts the terms: ${hidden.title}`);
    } finally {
      await setSites([]);
      await storePreferences(null);
    }
    await popup.close();
    await page.close();
  });

  test('toolbar button: a page with no term, which sends no report, shows no number; switched off there, it turns grey, and back', async () => {
    // The popup asks the page what it found: by then Gloss has read it.
    const { page, tabId, popup } = await noTermPageAndPopup(driver, origin);
    const shown = await popup.evaluate(buttonOf, tabId);
    assert(shown.badge === '' && shown.title === 'Gloss', JSON.stringify(shown));
    const setSites = (sites) =>
      popup.evaluate((s) => (globalThis.browser ?? globalThis.chrome).storage.local.set({ disabledSites: s }), sites);
    try {
      await setSites([new URL(origin).hostname]);
      await popup.waitFor(buttonOf, tabId, (b) => b.title === 'Gloss is off on this site', 5000);
      await setSites([]);
      await popup.waitFor(buttonOf, tabId, (b) => b.badge === '' && b.title === 'Gloss', 5000);
    } finally {
      await setSites([]);
    }
    await popup.close();
    await page.close();
  });

  test("identity: the manifest's icons from 16 to 128 px, the button's own, a homepage; each of Gloss's pages titled, with Gloss's icon", async () => {
    // The popup opens from the button and shows no tab, so needs no icon of its own.
    const pages = ['/options.html', '/viewer.html', '/viewer.html#welcome', '/privacy.html'];
    const first = await driver.openExtensionPage('/popup.html');
    const manifest = await first.evaluate(() => {
      const m = (globalThis.browser ?? globalThis.chrome).runtime.getManifest();
      return { icons: m.icons, button: (m.action ?? m.browser_action)?.default_icon, homepage: m.homepage_url };
    });
    assert(
      ['16', '32', '48', '128'].every((size) => manifest.icons?.[size]) &&
        Object.keys(manifest.button ?? {}).includes('16') &&
        /^https:\/\//.test(manifest.homepage ?? ''),
      JSON.stringify(manifest),
    );
    await first.close();
    for (const path of pages) {
      const page = await driver.openExtensionPage(path);
      const shown = await page.waitFor(
        async () => {
          if (document.readyState !== 'complete') return null;
          const href = document.querySelector('link[rel~="icon"]')?.getAttribute('href');
          const icon = href ? await fetch(new URL(href, location.href)) : null;
          return { title: document.title, icon: icon?.ok && (await icon.blob()).type };
        },
        undefined,
        Boolean,
        5000,
      );
      assert(/Gloss/.test(shown.title) && shown.icon === 'image/png', `${path}: ${JSON.stringify(shown)}`);
      await page.close();
    }
  });
}
