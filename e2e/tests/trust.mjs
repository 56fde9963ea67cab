// End to end: the card as a journalist reads it. On a web page, a card says who speaks in each
// quote ("Trong said", "Joint statement published by The White House"), who publishes each source ("US
// government", "Chinese state media"), as of when a person's title held, where a quote stops short
// ("…"), and Gloss's note on a source's error ([sic]); the timeline shows both dates where the
// sources differ. Listed in e2e/suite.mjs.
import { assert } from '../harness.mjs';
import { HIGHLIGHT, HOST, pageMarks, pagePhraseCenter } from '../page.mjs';

/**
 * What a reader sees of an entry's sources (runs in the page): on a card, read from its shadow root
 * (`host`), or in the entry in full in the source viewer (no host).
 */
function pageCardSources(host) {
  const card = host
    ? document.querySelector(host)?.shadowRoot?.querySelector('.card[aria-busy="false"]')
    : document.querySelector('article.entry');
  if (!card || card.closest('[hidden]')) return null;
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  return {
    name: card.querySelector('.name, #entry-name').textContent,
    kind: card.querySelector('.kind').textContent,
    label: card.querySelector('.label')?.innerText ?? null,
    asOf: card.querySelector('.label .as-of')?.textContent ?? null,
    facts: [...card.querySelectorAll('.facts li')].map((li) => li.innerText),
    said: [...card.querySelectorAll('.facts .said')].map((el) => el.textContent),
    notes: [...card.querySelectorAll('.facts [role="note"]')].map((el) => ({
      text: el.textContent.trim(),
      visible: visible(el),
    })),
    perspectives: [...card.querySelectorAll('.perspective')].filter(visible).map((el) => el.textContent.trim()),
  };
}

export function define({ driver, origin }, test) {
  const cardFor = async (page, phrase) => {
    const at = await page.evaluate(pagePhraseCenter, { phrase });
    if (!at) throw new Error(`"${phrase}" is not on the page`);
    await page.mouseMove(Math.max(1, at.x - 30), at.y + 40);
    await page.mouseMove(at.x, at.y);
    const card = await page.waitFor(pageCardSources, HOST, (c) => c?.name === phrase, 5000);
    await page.key('Escape');
    await page.waitFor(pageCardSources, HOST, (c) => c === null, 3000);
    return card;
  };

  /** The entry in full, as the card's "all facts" link opens it in the source viewer. */
  const entryInFull = async (entryId, name) => {
    const viewer = await driver.openExtensionPage(`/viewer.html#entry=${entryId}`);
    const entry = await viewer.waitFor(pageCardSources, null, (c) => c?.name === name, 8000);
    await viewer.close();
    return entry;
  };

  test('cards say who speaks, who publishes, as of when a title held, and note a source’s errors', async () => {
    const page = await driver.openPage(`${origin}/sources.html`);
    await page.waitFor(
      pageMarks,
      HIGHLIGHT,
      (m) => Array.isArray(m) && ['Nguyen Phu Trong', 'South China Sea', 'Taiwan'].every((t) => m.includes(t)),
      5000,
    );

    // On the card: the title dated by its source, and more than one voice among the facts shown.
    const trong = await cardFor(page, 'Nguyen Phu Trong');
    assert(trong.asOf === ' (as of 2023-09-11)', `the title is dated by its source: ${trong.label}`);
    assert(
      trong.facts.length > 0 &&
        trong.facts.every((f) => /(US government|Chinese state media|Chinese media)$/.test(f.trim())),
      JSON.stringify(trong.facts),
    );
    assert(
      new Set([trong.label, ...trong.facts].map((f) => f.trim().split(' ').at(-1))).size >= 2,
      `one voice: ${JSON.stringify(trong)}`,
    );
    // In full: every fact, each with who speaks, who publishes, and the note on a source's error.
    const trongInFull = await entryInFull('nguyen-phu-trong', 'Nguyen Phu Trong');
    assert(
      trongInFull.said.includes('Joint statement published by The White House: ') &&
        trongInFull.said.includes('Trong said: '),
      JSON.stringify(trongInFull.said),
    );
    assert(
      trongInFull.facts.some((f) => f.startsWith('Trong said: ') && f.includes('he said.')),
      'a quote whose speaker is a pronoun says who it is',
    );
    const delegation = trongInFull.notes.find((n) => n.text.startsWith('[sic] He came as general secretary'));
    assert(delegation?.visible, `the note on the source's error is shown: ${JSON.stringify(trongInFull.notes)}`);
    for (const side of ['US government', 'Chinese state media', 'Chinese media'])
      assert(trongInFull.perspectives.includes(side), `${side}: ${JSON.stringify(trongInFull.perspectives)}`);

    const taiwan = await cardFor(page, 'Taiwan');
    assert(taiwan.kind === 'Place' && taiwan.label === null, `no one's claim is the label: ${taiwan.label}`);
    assert(
      taiwan.facts.length === 1 && /Trong said\.”?\s/.test(taiwan.facts[0]) && taiwan.said.length === 0,
      JSON.stringify(taiwan.facts),
    );
    assert(taiwan.perspectives.includes('Chinese state media'), JSON.stringify(taiwan.perspectives));

    const sea = await cardFor(page, 'South China Sea');
    assert(
      sea.perspectives.includes('Chinese media') && sea.perspectives.includes('US government'),
      `both sides on the card: ${JSON.stringify(sea.perspectives)}`,
    );
    const seaInFull = await entryInFull('south-china-sea', 'South China Sea');
    assert(seaInFull.said.includes('Nie Huihui said: '), JSON.stringify(seaInFull.said));
    assert(
      seaInFull.facts.some((f) => f.startsWith('The Leaders underscored') && f.includes('South China Sea…')),
      'a quote cut short ends with an ellipsis',
    );
    await page.close();
  });

  test('source viewer: the timeline shows each source’s date where they differ', async () => {
    const viewer = await driver.openExtensionPage('/viewer.html#timeline');
    const arrival = await viewer.waitFor(
      () => {
        const event = document.querySelector('#event-trong-arrives-beijing-2022');
        return (
          event && {
            heading: event.querySelector('time')?.textContent,
            chips: [...event.querySelectorAll('.event-entries a.chip')].map((a) => a.getAttribute('href')),
            differ: event.querySelector('.differ')?.textContent ?? null,
            accounts: [...event.querySelectorAll('.account')].map((a) => ({
              when: a.querySelector('.account-when')?.textContent,
              cite: a.querySelector('a.cite')?.textContent,
            })),
          }
        );
      },
      undefined,
      Boolean,
      8000,
    );
    assert(arrival.differ === 'The sources differ on the date.', JSON.stringify(arrival));
    // Where they differ, the heading is the date both hold, in one format; the entries are links.
    assert(arrival.heading === 'October 2022', JSON.stringify(arrival));
    assert(
      arrival.chips.length > 0 && arrival.chips.every((href) => href.startsWith('#entry=')),
      JSON.stringify(arrival.chips),
    );
    assert(
      JSON.stringify(arrival.accounts.map((a) => a.when)) ===
        JSON.stringify(['October 31, 2022: ', 'from October 30 to November 2: ']),
      JSON.stringify(arrival.accounts),
    );
    assert(
      arrival.accounts[0].cite.startsWith('China.com · updated 2024-01-29') &&
        arrival.accounts[1].cite.startsWith('Bring China Vietnam relations'),
      JSON.stringify(arrival.accounts),
    );
    await viewer.close();
  });
}
