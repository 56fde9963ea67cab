// Accessibility, checked by axe-core: the popup, the options page, the source viewer (index, an entry,
// a document, the timeline) and an open card on a web page, in the light theme and the dark one. No
// serious or critical violation may remain.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assert } from '../harness.mjs';
import { HOST } from '../page.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The impacts that fail the check. */
const FAILING = ['serious', 'critical'];

/**
 * axe-core run in the page on `selector` (the whole document when null), as an expression both
 * drivers evaluate; each failing violation as "rule: target (summary)".
 */
const axeRun = (selector) => `(async () => {
  ${AXE_SOURCE}
  const context = ${selector ? `document.querySelector(${JSON.stringify(selector)})` : 'document'};
  const { violations } = await axe.run(context, { resultTypes: ['violations'] });
  return violations
    .filter((v) => ${JSON.stringify(FAILING)}.includes(v.impact))
    .flatMap((v) => v.nodes.map((n) => v.id + ': ' + JSON.stringify(n.target) + ' (' + (n.failureSummary || '').split('\\n').slice(1, 2).join('').trim() + ')'));
})()`;

export function define(ctx, test) {
  const { driver, origin, marksOf, hover, readyCard, storePreferences } = ctx;
  const PAGES = [
    ['popup', '/popup.html', () => !!document.querySelector('#search-input')],
    [
      'options',
      '/options.html',
      () =>
        !!document.querySelector('.user-entries .entries, .user-entries .empty') &&
        !!document.querySelector('input[name="hoverDelayMs"]'),
    ],
    [
      'source viewer: every entry',
      '/viewer.html#entries',
      () => document.querySelectorAll('.entry-index li').length > 0,
    ],
    [
      'source viewer: an entry',
      '/viewer.html#entry=nguyen-phu-trong',
      () => !!document.querySelector('article.entry .facts'),
    ],
    [
      'source viewer: a document',
      '/viewer.html#doc=us-vietnam-joint-statement&p=3',
      () => document.querySelectorAll('.mention').length > 0,
    ],
    ['source viewer: the timeline', '/viewer.html#timeline', () => document.querySelectorAll('.event').length > 0],
  ];

  for (const theme of ['light', 'dark']) {
    test(`accessibility (${theme}): Gloss's pages and a card have no serious or critical axe-core violation`, async () => {
      await storePreferences({
        hoverDelayMs: 150,
        cardTrigger: 'hover',
        markStyle: 'underline',
        markDensity: 'first',
        theme,
      });
      const found = [];
      try {
        for (const [name, path, ready] of PAGES) {
          const page = await driver.openExtensionPage(path);
          await page.waitFor(ready, undefined, Boolean, 8000);
          await page
            .waitFor(
              () => document.documentElement.dataset.theme,
              undefined,
              (t) => t === theme,
              5000,
            )
            .catch(() => {});
          for (const v of await page.evaluate(axeRun(null))) found.push(`${name}: ${v}`);
          await page.close();
        }
        const page = await driver.openPage(`${origin}/basic.html`);
        await marksOf(page);
        await hover(page, 'Nguyen Phu Trong');
        await readyCard(page, 'Nguyen Phu Trong');
        for (const v of await page.evaluate(axeRun(HOST))) found.push(`card: ${v}`);
        await page.close();
      } finally {
        await storePreferences(null);
      }
      assert(found.length === 0, `\n${found.join('\n')}`);
    });
  }
}
