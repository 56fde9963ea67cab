// Browser drivers for the end-to-end suite: the built extension in Debian's Chromium (playwright-core)
// and in Firefox ESR (puppeteer-core over WebDriver BiDi). Launch recipes and their traps are in
// ../shared/BROWSER-TESTING.md and docs/browser-bugs.md. No browser is ever downloaded.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.GLOSS_FIREFOX ?? '/usr/bin/firefox-esr';
/** Chromium run quiet: no sandbox (these machines' containers have none), no GPU, nothing fetched on its own. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A fixed moz-extension host, so tests can open extension pages by address. */
export const FIREFOX_UUID = '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5';

const POLL_MS = 50;
/** How long a page has to say its address before it counts as saying none (a tab still loading, or closing). */
const PAGE_ANSWER_MS = 500;

/** Polls `read()` until `until(value)` holds; fails with the last value seen. */
export async function poll(read, until, timeout, what) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (until(last)) return last;
    } catch (e) {
      // Whatever was thrown, read for a message if it has one.
      lastError = /** @type {{ message?: string }} */ (e);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(
    `timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}${lastError ? `; last error: ${lastError.message}` : ''}`,
  );
}

/**
 * A page's own idea of its address. Over BiDi a tab the extension opens on a moz-extension:// page
 * reports "about:blank" as its URL (docs/browser-bugs.md; the same hang:
 * https://github.com/mozilla/firefox-devtools-mcp/pull/87), so ask the page; '' if it does not answer.
 */
function pageHref(page) {
  return Promise.race([
    page.evaluate(() => location.href),
    new Promise((r) => setTimeout(() => r(''), PAGE_ANSWER_MS)),
  ]).catch(() => '');
}

/** Every console message of each page the suite opened, kept for a failing test's evidence. */
const consoles = new WeakMap();

/**
 * Errors Gloss's content script logs or throws in a page: console errors whose source is the
 * extension (uncaught errors in the content script's world are reported there, not as page errors).
 * Every message is also kept for consoleOf.
 */
function watchExtensionErrors(page) {
  const errors = [];
  const all = [];
  consoles.set(page, all);
  page.on('console', (message) => {
    const url = message.location?.()?.url ?? '';
    all.push(`${message.type()}: ${message.text()}${url ? ` (${url})` : ''}`);
    if (message.type() === 'error' && /-extension:\/\//.test(url + message.text())) errors.push(message.text());
  });
  return errors;
}

/** The console messages of a page the suite opened (a library page object), as kept so far. */
export const consoleOf = (page) => consoles.get(page) ?? [];

/**
 * A page as the drivers give it to the suite.
 * @typedef {ReturnType<typeof wrapPage>} DriverPage
 */

/** The page operations the suite uses, over either library's page object. */
function wrapPage(page, errors, extensionErrors = watchExtensionErrors(page)) {
  const evaluate = (fn, arg) => page.evaluate(fn, arg);
  return {
    raw: page,
    errors,
    extensionErrors,
    evaluate,
    /** `fn` run in every frame of the page (cross-origin ones too); a frame that cannot answer gives null. */
    evaluateInFrames: (fn, arg) => Promise.all(page.frames().map((frame) => frame.evaluate(fn, arg).catch(() => null))),
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    mouseClick: (x, y) => page.mouse.click(x, y),
    typeText: (text) => page.keyboard.type(text),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    key: (key) => page.keyboard.press(key),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    /** Brings the tab to the front: background tabs run no animation frames and throttle timers. */
    front: () => page.bringToFront(),
    /** Picks an option of a <select> by value, as the reader's click on it does. */
    choose: (selector, value) =>
      page.selectOption ? page.selectOption(selector, value) : page.select(selector, value),
    /** Chooses a file in a file input, as the picker does. */
    chooseFile: async (selector, path) =>
      page.setInputFiles ? page.setInputFiles(selector, path) : (await page.$(selector)).uploadFile(path),
    url: () => page.url(),
    screenshot: async (clip) => Buffer.from(await page.screenshot({ clip })),
    close: () => page.close(),
    /**
     * Runs `fn` in the page until `until` holds of what it returns; that value.
     * @template A, T
     * @param {(arg: A) => T} fn
     * @param {A} [arg]
     * @param {(value: NoInfer<Awaited<T>>) => unknown} [until]
     * @param {number} [timeout]
     * @returns {Promise<Awaited<T>>}
     */
    waitFor: (fn, arg, until = Boolean, timeout = 5000) =>
      poll(() => evaluate(fn, arg), until, timeout, fn.name || 'a page condition'),
  };
}

/** The message the background sends for the shortcut and the context menu (@webext-core/messaging's wire format). */
function lookUpSelectionMessage(text) {
  return { id: Math.floor(Math.random() * 1e6), type: 'lookUpSelection', data: text, timestamp: Date.now() };
}

/**
 * How a driver sets up its browser: `proxyPort` is the recording proxy's (e2e/proxy.mjs).
 * @typedef {{ locale?: string, proxyPort?: number }} DriverOptions
 */

/**
 * `locale`: the browser's own language (as a reader's browser would be set up), which picks the
 * extension's messages. Chromium on Linux reads it from LANGUAGE and needs Debian's chromium-l10n.
 * @param {string} extensionPath
 * @param {DriverOptions} [options]
 */
export async function chromiumDriver(extensionPath, { locale, proxyPort } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = await mkdtemp(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(locale ? { env: { ...process.env, LANGUAGE: locale, LANG: `${locale}.UTF-8` }, locale } : {}),
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...CHROMIUM_FLAGS,
      ...(locale ? [`--lang=${locale}`] : []),
      // Every request for a host other than the loopback goes to the recording proxy (e2e/proxy.mjs).
      ...(proxyPort ? [`--proxy-server=http://127.0.0.1:${proxyPort}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Gloss opens its welcome tab on install. Wait for it, or it may come to the front after a test's
  // page and leave that page in the background, where timers run once a second.
  await poll(
    () => context.pages().some((p) => p.url().endsWith('/viewer.html#welcome')),
    Boolean,
    10000,
    'the welcome tab',
  );
  const open = async (url) => {
    const page = await context.newPage();
    // Both watched from before the load: a content script's uncaught errors arrive as page errors,
    // what it logs as console errors from the extension's URL.
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const extensionErrors = watchExtensionErrors(page);
    await page.goto(url);
    // A new page is not necessarily the tab in front (the welcome tab Gloss opens on install may
    // be), and background tabs have their timers throttled to once a second.
    await page.bringToFront();
    return wrapPage(page, errors, extensionErrors);
  };
  return {
    name: 'chromium',
    consoleOf,
    extensionId,
    openPage: open,
    openExtensionPage: (path) => open(`chrome-extension://${extensionId}${path}`),
    /** Waits for a tab opened after this call whose address satisfies `predicate`. */
    async waitForPage(predicate, timeout = 8000) {
      const before = new Set(context.pages());
      const found = await poll(
        () => context.pages().find((p) => !before.has(p) && predicate(p.url())),
        Boolean,
        timeout,
        'a new tab',
      );
      return wrapPage(found, []);
    },
    /** An open tab whose address satisfies `predicate`, however it was opened. */
    async findPage(predicate, timeout = 8000) {
      return wrapPage(await poll(() => context.pages().find((p) => predicate(p.url())), Boolean, timeout, 'a tab'), []);
    },
    openTabs: () => context.pages(),
    colorScheme: 'light',
    /** The id of the active tab (the page the test opened last). */
    activeTabId: () =>
      worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id),
    emulateDark: (page) => page.raw.emulateMedia({ colorScheme: 'dark' }),
    /** Does what the background does on the shortcut or the menu: ask the tabs' content scripts. */
    async lookUpSelection(_page, text = '') {
      await worker.evaluate(async (message) => {
        for (const tab of await chrome.tabs.query({})) chrome.tabs.sendMessage(tab.id, message).catch(() => {});
      }, lookUpSelectionMessage(text));
    },
    /** Removes the extension from the running browser, as an update or uninstall does to open tabs. */
    async removeExtension() {
      await worker.evaluate(() => chrome.management.uninstallSelf()).catch(() => {});
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `locale`: as for Chromium; Firefox needs Debian's language pack (firefox-esr-l10n-vi for "vi").
 * @param {string} extensionPath
 * @param {DriverOptions} [options]
 */
export async function firefoxDriver(extensionPath, { locale, proxyPort } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  // The add-on id as the build gives it (wxt.config.ts), read from the extension being tested.
  const geckoId = JSON.parse(await readFile(join(extensionPath, 'manifest.json'), 'utf8')).browser_specific_settings
    .gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    defaultViewport: { width: 1200, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
      ...(proxyPort
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': proxyPort,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': proxyPort,
            'network.proxy.share_proxy_settings': true,
          }
        : { 'network.proxy.type': 0 }),
      // Pages see a dark colour scheme (0 = dark): BiDi cannot emulate it per page, so Firefox runs
      // the suite dark and Chromium light, emulating dark for one test (docs/browser-bugs.md;
      // https://github.com/w3c/webdriver-bidi/issues/750).
      'layout.css.prefers-color-scheme.content-override': 0,
      ...(locale ? { 'intl.locale.requested': locale } : {}),
    },
  });
  const addonId = await browser.installExtension(extensionPath);
  const base = `moz-extension://${FIREFOX_UUID}`;
  const open = async (url) => {
    const page = await browser.newPage();
    // Both watched from before the load: a content script's uncaught errors arrive as page errors,
    // what it logs as console errors from the extension's URL.
    const errors = [];
    // Over WebDriver BiDi, puppeteer reports every page error as an Error (bidi/Frame.js).
    page.on('pageerror', (e) => errors.push(/** @type {Error} */ (e).message));
    const extensionErrors = watchExtensionErrors(page);
    if (url.startsWith('moz-extension:')) {
      // page.goto never reports the load of a moz-extension:// page: start it and wait for the document.
      page.goto(url).catch(() => {});
      await poll(
        () => page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete'),
        Boolean,
        10000,
        'the extension page',
      );
    } else {
      await page.goto(url);
    }
    await page.bringToFront(); // see the Chromium driver: background tabs are throttled
    return wrapPage(page, errors, extensionErrors);
  };
  // Wait for the welcome tab Gloss opens on install (see the Chromium driver), then open an extension
  // page for calls into the extension APIs; every page a test opens later becomes the active tab.
  await poll(
    async () => {
      for (const page of await browser.pages()) {
        if ((await pageHref(page)).endsWith('/viewer.html#welcome')) return true;
      }
      return false;
    },
    Boolean,
    10000,
    'the welcome tab',
  );
  let helper = await open(`${base}/popup.html`);
  const findTab = async (predicate, skip, timeout) => {
    let seen = [];
    const found = await poll(
      async () => {
        seen = [];
        for (const page of await browser.pages()) {
          if (skip.has(page)) continue;
          const href = await pageHref(page);
          seen.push(href || '(no answer)');
          if (predicate(href)) return page;
        }
        return null;
      },
      Boolean,
      timeout,
      'a tab',
    ).catch((e) => {
      throw new Error(`${e.message}; tabs: ${seen.join(', ')}`);
    });
    const wrapped = wrapPage(found, []);
    return { ...wrapped, url: () => pageHref(found) };
  };
  return {
    name: 'firefox',
    consoleOf,
    openPage: open,
    openExtensionPage: (path) => open(`${base}${path}`),
    /** Waits for a tab opened after this call whose address satisfies `predicate`. */
    waitForPage: async (predicate, timeout = 8000) => findTab(predicate, new Set(await browser.pages()), timeout),
    /** An open tab whose address satisfies `predicate`, however it was opened. */
    findPage: (predicate, timeout = 8000) => findTab(predicate, new Set(), timeout),
    openTabs: () => browser.pages(),
    colorScheme: 'dark',
    async activeTabId() {
      // In the page, globalThis.browser is its extension APIs; `browser` here is puppeteer's.
      return helper.evaluate(
        async () => (await globalThis.browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
      );
    },
    emulateDark: async () => {},
    async lookUpSelection(_page, text = '') {
      // Firefox offers no way into the background page here; an extension page has the same APIs.
      await helper.evaluate(async (message) => {
        const api = globalThis.browser;
        for (const tab of await api.tabs.query({})) api.tabs.sendMessage(tab.id, message).catch(() => {});
      }, lookUpSelectionMessage(text));
    },
    /** Removes the extension from the running browser, as an update or uninstall does to open tabs. */
    async removeExtension() {
      await browser.uninstallExtension(addonId);
    },
    async close() {
      await browser.close();
    },
  };
}
