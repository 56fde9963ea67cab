// `node scripts/screenshot.mjs` (after `npm run build`): the README's screenshots and the stores', in
// Chromium with the built extension. README: a card on the US–Vietnam joint statement (../shared/pages,
// US government work, public domain), and the cards for Nguyen Phu Trong, Taiwan and the South China
// Sea on Gloss's own fixture page: who speaks, who publishes, as of when. Stores (docs/store/, 1280×800
// as both stores ask): that card at full size, the popup's search, the source viewer at a cited
// passage, the options page. README again: the popup at its own size, and the source viewer.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumDriver } from '../e2e/drivers.mjs';
import { startServer } from '../e2e/server.mjs';

const SHOTS = [
  {
    page: '/shared/en_whitehouse_us-vietnam_joint_leaders_statement_2023-09-11.md',
    phrase: 'Nguyen Phu Trong',
    file: 'docs/card-on-joint-statement.png',
  },
  { page: '/sources.html', phrase: 'Nguyen Phu Trong', file: 'docs/card-nguyen-phu-trong.png' },
  { page: '/sources.html', phrase: 'Taiwan', file: 'docs/card-taiwan.png' },
  { page: '/sources.html', phrase: 'South China Sea', file: 'docs/card-south-china-sea.png' },
];

const STORE_SIZE = { width: 1280, height: 800 };
const searchPopup = async (page) => {
  await page.raw.locator('input[type="search"]').fill('nguyen phu trong');
  await page.waitFor(
    () => document.querySelectorAll('[role="option"]').length,
    undefined,
    (n) => n > 0,
  );
};
const sourceViewerReady = (page) =>
  page.waitFor(
    () => document.querySelectorAll('.mention').length,
    undefined,
    (n) => n > 0,
  );
/** Gloss's own pages: the address, the picture's size, and what to do there before the picture. */
const EXTENSION_PAGES = [
  {
    path: '/popup.html',
    file: 'docs/store/popup-search.png',
    // The popup alone would be a 400 px strip: shown on a backdrop, at the size it has in the toolbar.
    prepare: async (page) => {
      await page.raw.addStyleTag({
        content:
          'html{background:#dfe3e8;min-height:100%}body{width:400px;margin:60px auto;background:var(--bg);box-shadow:0 8px 28px rgba(0,0,0,.25);border-radius:10px}',
      });
      await searchPopup(page);
    },
  },
  {
    path: '/viewer.html#doc=us-vietnam-joint-statement&p=1',
    file: 'docs/store/source-viewer.png',
    prepare: sourceViewerReady,
  },
  {
    path: '/options.html',
    file: 'docs/store/options.png',
    prepare: async (page) => page.waitFor(() => document.querySelector('.options h2'), undefined, Boolean),
  },
  { path: '/popup.html', file: 'docs/popup-search.png', size: { width: 400, height: 600 }, prepare: searchPopup },
  {
    path: '/viewer.html#doc=us-vietnam-joint-statement&p=1',
    file: 'docs/source-viewer.png',
    size: { width: 1100, height: 700 },
    prepare: sourceViewerReady,
  },
];

const server = await startServer();
const driver = await chromiumDriver(resolve('.output/chrome-mv3'));
const storeShots = [{ ...SHOTS[0], file: 'docs/store/card.png', size: STORE_SIZE }];
try {
  mkdirSync('docs/store', { recursive: true });
  for (const shot of [...SHOTS, ...storeShots]) {
    const page = await driver.openPage(`${server.origin}${shot.page}`);
    await page.raw.setViewportSize(shot.size ?? { width: 1000, height: 640 });
    await page.raw.addStyleTag({
      content: 'body{font:17px/1.6 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}',
    });
    await page.waitFor(
      () => CSS.highlights.get('gloss-term')?.size ?? 0,
      undefined,
      (n) => n > 0,
    );
    const at = await page.evaluate((phrase) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = /** @type {Text} */ (n).data.indexOf(phrase);
        if (i === -1) continue;
        n.parentElement.scrollIntoView({ block: 'start' });
        scrollBy(0, -60);
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + Math.min(phrase.length, 6));
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    }, shot.phrase);
    await page.mouseMove(at.x, at.y + 30);
    await page.mouseMove(at.x, at.y);
    await page.waitFor(
      (name) =>
        document.querySelector('gloss-card')?.shadowRoot?.querySelector('.card[aria-busy="false"] .name')
          ?.textContent === name,
      shot.phrase,
      Boolean,
    );
    await new Promise((r) => setTimeout(r, 200)); // let the card's placement settle
    await page.raw.screenshot({ path: shot.file });
    console.log(`Wrote ${shot.file}`);
    await page.close();
  }
  for (const shot of EXTENSION_PAGES) {
    const page = await driver.openExtensionPage(shot.path);
    await page.raw.setViewportSize(shot.size ?? STORE_SIZE);
    await shot.prepare(page);
    await page.raw.screenshot({ path: shot.file });
    console.log(`Wrote ${shot.file}`);
    await page.close();
  }
} finally {
  await driver.close();
  await server.close();
}
