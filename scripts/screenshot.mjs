// `node scripts/screenshot.mjs`: the README's screenshot — a card on the US–Vietnam joint statement
// (../shared/pages, US government work, public domain), in Chromium with the built extension.
import { resolve } from 'node:path';
import { chromiumDriver } from '../e2e/drivers.mjs';
import { startServer } from '../e2e/server.mjs';

const server = await startServer();
const driver = await chromiumDriver(resolve('.output/chrome-mv3'));
try {
  const page = await driver.openPage(`${server.origin}/shared/en_whitehouse_us-vietnam_joint_leaders_statement_2023-09-11.md`);
  await page.raw.setViewportSize({ width: 1000, height: 640 });
  await page.raw.addStyleTag({ content: 'body{font:17px/1.6 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}' });
  await page.waitFor(() => CSS.highlights.get('gloss-term')?.size ?? 0, undefined, (n) => n > 0);
  const at = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf('Nguyen Phu Trong');
      if (i === -1) continue;
      n.parentElement.scrollIntoView({ block: 'start' });
      scrollBy(0, -60);
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 6);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
  });
  await page.mouseMove(at.x, at.y + 30);
  await page.mouseMove(at.x, at.y);
  await page.waitFor(() => Boolean(document.querySelector('gloss-card')?.shadowRoot?.querySelector('.card[aria-busy="false"]')), undefined, Boolean);
  await new Promise((r) => setTimeout(r, 200)); // let the card's placement settle
  await page.raw.screenshot({ path: 'docs/card-on-joint-statement.png' });
  console.log('Wrote docs/card-on-joint-statement.png');
} finally {
  await driver.close();
  await server.close();
}
