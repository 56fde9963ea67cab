// When the extension is removed, the page is left as if Gloss had never been there.
import { assert } from '../harness.mjs';

export function define(ctx, test) {
  const { driver, origin, marksOf, hover, readyCard } = ctx;
  // Last: it removes the extension from the browser.
  test('when the extension is removed, its marks and card leave the open page', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await hover(page, 'RCEP');
    await readyCard(page, 'Regional Comprehensive Economic Partnership');
    await driver.removeExtension();
    // The same page in a new tab, with no extension: what the old tab must come to look like.
    const fresh = await driver.openPage(`${origin}/basic.html`);
    const view = { x: 0, y: 0, width: 900, height: 600 };
    const y = await page.evaluate(() => window.scrollY);
    await fresh.evaluate((top) => window.scrollTo(0, top), y);
    const reference = await fresh.screenshot(view);
    const deadline = Date.now() + 8000;
    let same = false;
    while (!same && Date.now() < deadline) {
      same = Buffer.compare(await page.screenshot(view), reference) === 0;
      if (!same) await new Promise((r) => setTimeout(r, 250));
    }
    assert(same, 'the page still shows Gloss’s marks or card after the extension was removed');
    assert(page.errors.length === 0, `page errors: ${page.errors.join('; ')}`);
    await fresh.close();
    await page.close();
  });
}
