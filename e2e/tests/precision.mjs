// The labelled precision set (tests/precision), end to end: a sample of its pages opened in the built
// extension, as a reader opens them. What Gloss marks must be what the labels say (the Vitest test
// checks every page through the same matcher and scanner in Node; this checks the extension does too),
// and the popup's count of each term must count every mention, underlined or not.
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { tsImport } from 'tsx/esm/api';
import { assert } from '../harness.mjs';
import { HIGHLIGHT, HOST, pageCard, pageMarksThroughout } from '../page.mjs';

/** Pages of the sample, each with the phrase to rest the pointer on where no card must open. */
const SAMPLE = [
  { page: 'web/Renewable_energy.md', noCard: 'CPV' },
  { page: 'web/Bubble_Bobble.md', noCard: 'CPC' },
  { page: './pages/traps-elsewhere.md', noCard: 'state visit to Vietnam' },
  { page: './pages/traps-subject.md' },
  { page: 'web/Foreign_relations_of_Taiwan.md' },
  { page: 'vi_wikipedia_dang_cong_san_viet_nam_2017.txt' },
];

/** The labels and the compiled corpus, read once (TypeScript modules, loaded through tsx). */
let loaded = null;
function load() {
  loaded ??= (async () => {
    const precision = await tsImport('../../tests/precision/precision.ts', import.meta.url);
    const { compileCorpusDir } = await tsImport('../../adapters/node-corpus.ts', import.meta.url);
    const bundle = await compileCorpusDir(join(import.meta.dirname, '../../corpus'));
    return { precision, bundle, labels: precision.readLabels() };
  })();
  return loaded;
}

/** What the labels expect on a page: marked texts, and the count of each entry's mentions by name. */
async function expectation(page) {
  const { precision, bundle, labels } = await load();
  const labelled = labels.find((l) => l.page === page);
  if (!labelled) throw new Error(`${page} is not in the labelled set`);
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  // The DOM interfaces the page-text reader uses, as globals for the moment it runs.
  Object.assign(globalThis, { NodeFilter: dom.window.NodeFilter });
  precision.loadPage(dom.window.document, page, labelled.lang);
  const marks = precision.expectedMarks(dom.window.document, bundle, labelled);
  const names = new Map(bundle.entries.map((e) => [e.id, e.name]));
  const counts = {};
  for (const m of marks) counts[names.get(m.entryId)] = (counts[names.get(m.entryId)] ?? 0) + 1;
  return { texts: marks.map((m) => m.text).sort(), counts };
}

const url = (origin, page) =>
  page.startsWith('./pages/') ? `${origin}/precision/${page.slice('./pages/'.length)}` : `${origin}/shared/${page}`;
const collapse = (s) => s.replace(/\s+/g, ' ').trim();

export function define(ctx, test) {
  const { driver, origin, storePreferences, hover, readyCard, clickOption, noCardOpens } = ctx;
  for (const { page, noCard: phrase } of SAMPLE) {
    test(`precision set: ${page} is marked as its labels say, every mention counted`, async () => {
      const expected = await expectation(page);
      // Every mention underlined, so the marks can be read from the page's highlight.
      await storePreferences({ markDensity: 'every' });
      try {
        const tab = await driver.openPage(url(origin, page));
        const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
        // The highlight exists once Gloss runs on the page; then its ranges, read from top to bottom
        // as the reader scrolls, must come to be the labels'.
        const marksAre = async (wanted) => {
          await tab.front();
          const texts = await tab
            .waitFor(
              pageMarksThroughout,
              HIGHLIGHT,
              (m) => Array.isArray(m) && same(m.map(collapse).sort(), wanted),
              15000,
            )
            .catch(async () => (await tab.evaluate(pageMarksThroughout, HIGHLIGHT)) ?? []);
          const marked = texts.map(collapse).sort();
          const count = (list, t) => list.filter((x) => x === t).length;
          const missing = [...new Set(wanted.filter((t) => count(marked, t) < count(wanted, t)))];
          const extra = [...new Set(marked.filter((t) => count(wanted, t) < count(marked, t)))];
          assert(same(marked, wanted), `${page}: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
        };
        await marksAre(expected.texts);
        const tabId = await driver.activeTabId();
        const popup = await driver.openExtensionPage(`/popup.html?tab=${tabId}`);
        const counts = await popup.waitFor(
          () =>
            Object.fromEntries(
              [...document.querySelectorAll('.on-page .term')].map((b) => [
                b.querySelector('.term-name').textContent,
                Number.parseInt(b.querySelector('.term-count').textContent, 10),
              ]),
            ),
          undefined,
          (c) => Object.keys(c).length > 0 || Object.keys(expected.counts).length === 0,
          5000,
        );
        assert(
          same(Object.entries(counts).sort(), Object.entries(expected.counts).sort()),
          `${page}: popup counts ${JSON.stringify(counts)}, expected ${JSON.stringify(expected.counts)}`,
        );
        await popup.close();
        if (phrase) {
          // A reader resting on the word: past the dwell, no card opens.
          await tab.front();
          await hover(tab, phrase);
          await noCardOpens(tab);
        }
        // Still the same marks once the page has long been scanned.
        await marksAre(expected.texts);
        await tab.close();
      } finally {
        await storePreferences(null);
      }
    });
  }

  // By default only the first mention of each entry in each section is underlined: every other one is
  // still found by the pointer and counted by the popup, and the options page turns every one on.
  test('a long article: one underline per entry per section; the others still open cards; "every mention" underlines all', async () => {
    await storePreferences(null);
    const page = await driver.openPage(`${origin}/density.html`);
    // Sections: the heading's (Xi Jinping, Hanoi), "The second day" (Hanoi), "Reactions" (Hanoi).
    const underlined = await page.waitFor(
      pageMarksThroughout,
      HIGHLIGHT,
      (m) => Array.isArray(m) && m.length === 4,
      8000,
    );
    assert(
      JSON.stringify([...underlined].sort()) === JSON.stringify(['Hanoi', 'Hanoi', 'Hanoi', 'President Xi Jinping']),
      JSON.stringify(underlined),
    );
    // The whole name is one mark: resting on "Jinping" opens Xi Jinping's card.
    await hover(page, 'Jinping');
    await readyCard(page, 'Xi Jinping');
    await page.key('Escape');
    await page.waitFor(pageCard, HOST, (c) => c === null, 5000);
    // A mention that is not underlined (the third "Hanoi", after the heading's and the first paragraph's) still opens
    // its card.
    await hover(page, 'Hanoi', { occurrence: 2 });
    await readyCard(page, 'Hanoi');
    // The popup counts every mention.
    const tabId = await driver.activeTabId();
    const popup = await driver.openExtensionPage(`/popup.html?tab=${tabId}`);
    const counts = await popup.waitFor(
      () =>
        Object.fromEntries(
          [...document.querySelectorAll('.on-page .term')].map((b) => [
            b.querySelector('.term-name').textContent,
            b.querySelector('.term-count').textContent,
          ]),
        ),
      undefined,
      (c) => Object.keys(c).length >= 2,
      5000,
    );
    assert(counts.Hanoi === '7×' && counts['Xi Jinping'] === '2×', JSON.stringify(counts));
    await popup.close();
    // The options page's choice applies at once to the open tab.
    const options = await driver.openExtensionPage('/options.html');
    await clickOption(options, 'input[name="markDensity"][value="every"]');
    await page.front();
    await page.waitFor(pageMarksThroughout, HIGHLIGHT, (m) => Array.isArray(m) && m.length === 9, 8000);
    await options.front();
    await clickOption(options, 'input[name="markDensity"][value="first"]');
    await page.front();
    await page.waitFor(pageMarksThroughout, HIGHLIGHT, (m) => Array.isArray(m) && m.length === 4, 8000);
    await options.close();
    await page.close();
  });
}
