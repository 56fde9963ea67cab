// Cards that fit: every entry's card at the default size, unbroken citations, and the entry in full.
import { readFileSync } from 'node:fs';
import { assert } from '../harness.mjs';
import { HOST, pageElementCenter } from '../page.mjs';

/** Whether a fact of the compiled corpus quotes the sentence its entry's label comes from. */
const quotesLabel = (fact, label) =>
  !!label &&
  fact.docId === label.docId &&
  fact.paragraph === label.paragraph &&
  (fact.quote.includes(label.quote) || label.quote.includes(fact.quote));

/** What a card box holds and whether it must scroll to show it; each citation part on one line. */
function cardLayout(host) {
  const card = document.querySelector(host)?.shadowRoot?.querySelector('.card[aria-busy="false"]');
  if (!card) return null;
  return {
    name: card.querySelector('.name')?.textContent ?? '',
    overflow: card.scrollHeight - card.clientHeight,
    overflowSideways: card.scrollWidth - card.clientWidth,
    facts: card.querySelectorAll('.facts li').length,
    // A fact citing the label's paragraph and quoting its words says the label twice.
    labelRepeats: (() => {
      // Where a quote stands: its link's document and paragraph (the link also carries the quote's words).
      const quoted = (el) => {
        const href = el?.querySelector('a.cite')?.href;
        const at = href && new URLSearchParams(new URL(href).hash.slice(1));
        return { at: at && `${at.get('doc')} ¶ ${at.get('p')}`, text: el?.querySelector('q')?.textContent ?? '' };
      };
      const label = quoted(card.querySelector('.label'));
      return [...card.querySelectorAll('.facts li')]
        .map(quoted)
        .filter((f) => label.at && f.at === label.at && (f.text.includes(label.text) || label.text.includes(f.text)))
        .map((f) => f.text);
    })(),
    mentions: card.querySelector('.mentions')?.textContent ?? '',
    brokenParts: [...card.querySelectorAll('.cite-part')]
      .filter((part) => part.getClientRects().length > 1)
      .map((part) => part.textContent),
  };
}

export function define(ctx, test) {
  const { driver, origin, marksOf, hover, readyCard } = ctx;
  // The bundled pack as shipped: its compiled corpus lists every entry.
  const bundle = JSON.parse(
    readFileSync(new URL('../../.output/chrome-mv3/bundled.gloss', import.meta.url), 'utf8'),
  ).compiled;

  test('cards fit: every entry shows name, label, facts and the "mentioned in" line without scrolling either way, no citation broken inside a part, no label said again as a fact', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    // Gloss starts on a page once it is idle; from then on it answers the shortcut.
    await marksOf(page);
    const misfits = [];
    for (const entry of bundle.entries) {
      // The reader selects the name and asks Gloss (the shortcut), so every entry is reached alike.
      await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('p'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      });
      await driver.lookUpSelection(page, entry.name);
      const card = await page.waitFor(cardLayout, HOST, (c) => c?.name === entry.name, 5000);
      const problems = [
        card.overflow > 0 && `scrolls by ${card.overflow} px`,
        card.overflowSideways > 0 && `scrolls sideways by ${card.overflowSideways} px`,
        card.labelRepeats.length > 0 && `the label said again as a fact: ${card.labelRepeats.join(' | ')}`,
        entry.facts.some((f) => !quotesLabel(f, entry.label)) && card.facts === 0 && 'no fact shown',
        !card.mentions.startsWith('Mentioned in') && 'no "mentioned in" line',
        entry.facts.filter((f) => !quotesLabel(f, entry.label)).length > card.facts &&
          !card.mentions.includes(`All ${entry.facts.length} facts`) &&
          'no link to the facts left out',
        card.brokenParts.length > 0 && `citation parts broken: ${card.brokenParts.join(', ')}`,
      ].filter(Boolean);
      if (problems.length) misfits.push(`${entry.id}: ${problems.join('; ')}`);
      await page.key('Escape');
      await page.waitFor(cardLayout, HOST, (c) => c === null, 3000);
    }
    assert(misfits.length === 0, misfits.join('\n'));
    await page.close();
  });

  test('a card\'s "all facts" link opens the entry in full in the source viewer: every fact, every mention by document', async () => {
    const trong = bundle.entries.find((e) => e.id === 'nguyen-phu-trong');
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await hover(page, 'Nguyen Phu Trong');
    await readyCard(page, 'Nguyen Phu Trong');
    const at = await page.evaluate(pageElementCenter, { host: HOST, selector: 'a.more' });
    await page.mouseMove(at.x, at.y);
    const opened = driver.waitForPage((url) => url.endsWith('/viewer.html#entry=nguyen-phu-trong'));
    await page.mouseClick(at.x, at.y);
    const viewer = await opened;
    const shown = await viewer.waitFor(
      () => {
        const entry = document.querySelector('article.entry');
        return entry
          ? {
              name: entry.querySelector('#entry-name')?.textContent,
              facts: entry.querySelectorAll('.facts li').length,
              groups: entry.querySelectorAll('.mention-group').length,
              title: document.title,
            }
          : null;
      },
      undefined,
      (v) => v && v.title.startsWith('Nguyen Phu Trong'),
      8000,
    );
    assert(shown.name === 'Nguyen Phu Trong' && shown.facts === trong.facts.length, JSON.stringify(shown));
    assert(shown.groups >= 2, `mentions grouped by document: ${shown.groups}`);
    await viewer.close();
    await page.close();
  });
}
