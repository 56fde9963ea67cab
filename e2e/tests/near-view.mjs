// Long pages: Gloss reads the text far below the screen once the reader nears it
// (lib/page/unread-below.ts), matches what may hold a term once near (lib/page/until-near.ts) and draws
// the marks near the screen (lib/page/near-view.ts), the others once the reader scrolls to them; the
// popup still finds and counts every mention.
import { assert, sleep } from '../harness.mjs';
import { HIGHLIGHT, pageMarks, pageMarksThroughout } from '../page.mjs';

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

  /** The terms the popup lists for the tab in front, each with its count, sorted. */
  const popupTerms = async () => {
    const tabId = await driver.activeTabId();
    const popup = await driver.openExtensionPage(`/popup.html?tab=${tabId}`);
    const terms = await popup.waitFor(
      () =>
        Array.from(document.querySelectorAll('.on-page .term'), (b) => [
          b.querySelector('.term-name').textContent,
          b.querySelector('.term-count').textContent,
        ]),
      undefined,
      (t) => t.length > 0,
      5000,
    );
    await popup.close();
    return terms.map(([name, count]) => `${name} ${count}`).sort();
  };
  /**
   * The page's marks once Gloss has read what is near the screen: two rendering updates and a moment
   * past the first mark.
   */
  const settledMarks = async (page) => {
    await marksOf(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await sleep(500);
    return page.evaluate(pageMarks, HIGHLIGHT);
  };

  test('text far below the screen is read as the reader scrolls near it, with the evidence it gives', async () => {
    const page = await driver.openPage(`${origin}/far.html`);
    // "Xi" waits for the page to name Xi Jinping, which it does 8000 pixels down, not read yet.
    const top = await settledMarks(page);
    assert(JSON.stringify(top) === JSON.stringify(['Doi Moi']), `marked at the top: ${JSON.stringify(top)}`);
    await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    const bottom = await page.waitFor(pageMarks, HIGHLIGHT, (m) => m?.includes('Nguyen Phu Trong'), 5000);
    assert(bottom.includes('Xi Jinping') && bottom.includes('Hanoi'), `marked at the bottom: ${bottom}`);
    // Back at the top, the name read below vouches for "Xi".
    await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => m?.includes('Xi') && m.includes('Doi Moi'), 5000);
    await page.close();
  });

  test('the popup reads the whole page at once: terms far below the screen are counted, and their evidence marks the top', async () => {
    const page = await driver.openPage(`${origin}/far.html`);
    await settledMarks(page);
    const terms = await popupTerms();
    assert(
      JSON.stringify(terms) === JSON.stringify(['Doi Moi 1×', 'Hanoi 1×', 'Nguyen Phu Trong 1×', 'Xi Jinping 2×']),
      `the popup lists ${JSON.stringify(terms)}`,
    );
    await page.front();
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => m?.includes('Xi') && m.includes('Doi Moi'), 5000);
    assert(page.errors.length === 0, page.errors.join('\n'));
    await page.close();
  });

  test('a long article is read as the reader goes: a jump to its middle, then to its end, marks what is there', async () => {
    const page = await driver.openPage(`${origin}/long.html`);
    // The aside comes after the article in the page's order, but is on the screen: it is read.
    const top = await settledMarks(page);
    assert(JSON.stringify(top.sort()) === JSON.stringify(['Doi Moi', 'Hanoi']), `marked at the top: ${top}`);
    // Jumps: the text in between is passed over without the reader coming near it.
    await page.evaluate(() => document.getElementById('p75').scrollIntoView({ block: 'center', behavior: 'instant' }));
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => m?.includes('Nguyen Phu Trong'), 5000);
    await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => m?.includes('Xi Jinping'), 5000);
    assert(page.errors.length === 0, page.errors.join('\n'));
    await page.close();
  });

  test('a long article read a screen at a time is marked throughout; the popup counts it all without a scroll', async () => {
    const page = await driver.openPage(`${origin}/long.html`);
    await settledMarks(page);
    const terms = await popupTerms();
    assert(
      JSON.stringify(terms) === JSON.stringify(['Doi Moi 1×', 'Hanoi 1×', 'Nguyen Phu Trong 1×', 'Xi Jinping 1×']),
      `the popup lists ${JSON.stringify(terms)}`,
    );
    await page.close();
    const again = await driver.openPage(`${origin}/long.html`);
    await settledMarks(again);
    const all = await again.evaluate(pageMarksThroughout, HIGHLIGHT);
    assert(
      JSON.stringify(all.sort()) === JSON.stringify(['Doi Moi', 'Hanoi', 'Nguyen Phu Trong', 'Xi Jinping']),
      `marked from top to bottom: ${all}`,
    );
    await again.close();
  });
}
