// `node scripts/screenshot.mjs` (after `npm run build`): the README's screenshots, in Chromium with the
// built extension. A card on the US–Vietnam joint statement (../shared/pages, US government work,
// public domain), and the cards for Nguyen Phu Trong, Taiwan and the South China Sea on Gloss's own
// fixture page: who speaks, who publishes, as of when.
import { resolve } from 'node:path';
import { chromiumDriver } from '../e2e/drivers.mjs';
import { startServer } from '../e2e/server.mjs';

const SHOTS = [
  { page: '/shared/en_whitehouse_us-vietnam_joint_leaders_statement_2023-09-11.md', phrase: 'Nguyen Phu Trong', file: 'docs/card-on-joint-statement.png' },
  { page: '/sources.html', phrase: 'Nguyen Phu Trong', file: 'docs/card-nguyen-phu-trong.png' },
  { page: '/sources.html', phrase: 'Taiwan', file: 'docs/card-taiwan.png' },
  { page: '/sources.html', phrase: 'South China Sea', file: 'docs/card-south-china-sea.png' },
];

const server = await startServer();
const driver = await chromiumDriver(resolve('.output/chrome-mv3'));
try {
  for (const shot of SHOTS) {
    const page = await driver.openPage(`${server.origin}${shot.page}`);
    await page.raw.setViewportSize({ width: 1000, height: 640 });
    await page.raw.addStyleTag({ content: 'body{font:17px/1.6 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}' });
    await page.waitFor(() => CSS.highlights.get('gloss-term')?.size ?? 0, undefined, (n) => n > 0);
    const at = await page.evaluate((phrase) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(phrase);
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
    await page.waitFor((name) => document.querySelector('gloss-card')?.shadowRoot?.querySelector('.card[aria-busy="false"] .name')?.textContent === name, shot.phrase, Boolean);
    await new Promise((r) => setTimeout(r, 200)); // let the card's placement settle
    await page.raw.screenshot({ path: shot.file });
    console.log(`Wrote ${shot.file}`);
    await page.close();
  }
} finally {
  await driver.close();
  await server.close();
}
