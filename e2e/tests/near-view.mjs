// A long page that keeps growing: Gloss draws the marks near the screen (lib/page/near-view.ts), the
// others once the reader scrolls to them, and still finds and counts every mention.
import { assert } from '../harness.mjs';
import { HIGHLIGHT, pageMarksThroughout } from '../page.mjs';

/** The viewport's height, and where each range of highlight `name` registered now stands in it. */
function pageMarkPositions(name) {
  const boxes = [];
  for (const range of CSS.highlights.get(name) ?? []) {
    const r = /** @type {Range} */ (range).getBoundingClientRect();
    boxes.push({ top: r.top, bottom: r.bottom });
  }
  return { height: innerHeight, boxes };
}

/**
 * Every registered range is within half a screen of the viewport (NEAR_VIEW_MARGIN; a line's height of slack), and
 * there is one.
 */
const nearTheScreen = ({ height, boxes }) =>
  boxes.length > 0 && boxes.every((b) => b.bottom >= -height / 2 - 40 && b.top <= 1.5 * height + 40);

export function define(ctx, test) {
  const { driver, origin, marksOf, storePreferences } = ctx;
  test('a long live page: the marks near the screen are drawn, the rest once scrolled to; every mention is counted', async () => {
    // Every mention underlined: the most marks a page can hold.
    await storePreferences({ markDensity: 'every' });
    try {
      const page = await driver.openPage(`${origin}/dynamic.html?paragraphs=200`);
      await marksOf(page);
      await page.evaluate(() => window.startAppending());
      await page.waitFor(() => window.appendingDone === true, undefined, Boolean, 30000);
      const height = await page.evaluate(() => document.documentElement.scrollHeight / innerHeight);
      assert(height > 4, `the feed is ${height.toFixed(1)} screens long`);
      // Read a screen at a time, as a reader scrolls: the whole feed is marked.
      const all = await page.waitFor(
        pageMarksThroughout,
        HIGHLIGHT,
        (m) => Array.isArray(m) && m.includes('Nguyen Phu Trong') && m.includes('RCEP'),
        10000,
      );
      // At the top, only what is near the screen is drawn.
      await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
      const top = await page.waitFor(pageMarkPositions, HIGHLIGHT, nearTheScreen, 5000);
      assert(
        top.boxes.length < all.length / 2,
        `${top.boxes.length} of ${all.length} marks drawn at the top of a feed of ${height.toFixed(1)} screens`,
      );
      // At the bottom, the newest paragraphs' marks are drawn, and the first ones are not.
      await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      const bottom = await page.waitFor(
        pageMarkPositions,
        HIGHLIGHT,
        (p) => nearTheScreen(p) && p.boxes.some((b) => b.top > 0 && b.bottom < p.height),
        5000,
      );
      assert(bottom.boxes.length < all.length / 2, `${bottom.boxes.length} of ${all.length} marks drawn at the bottom`);
      // The popup counts every mention on the page, drawn or not.
      const tabId = await driver.activeTabId();
      const popup = await driver.openExtensionPage(`/popup.html?tab=${tabId}`);
      const counted = await popup.waitFor(
        () =>
          [...document.querySelectorAll('.on-page .term-count')].reduce(
            (sum, c) => sum + Number.parseInt(c.textContent, 10),
            0,
          ),
        undefined,
        (n) => n > 0,
        5000,
      );
      assert(counted === all.length, `the popup counts ${counted} mentions; ${all.length} are marked`);
      await popup.close();
      await page.close();
    } finally {
      await storePreferences(null);
    }
  });
}
