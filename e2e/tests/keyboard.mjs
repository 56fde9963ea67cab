// The keyboard, as a reader without a pointer uses Gloss: Alt+Shift+. goes to the next marked term in
// reading order, rings it and opens its card with the focus in it; Tab and the arrow keys move
// through the card; Esc brings the focus and the reading position back to the term. On web pages
// and on Gloss's own pages. (The keys reach the page's key handler here: automation cannot fire the
// browser's commands, docs/browser-bugs.md.)
import { assert } from '../harness.mjs';
import { HOST } from '../page.mjs';

/** What a keyboard reader has on a web page: the card, where the focus is, the ringed term, the selection. */
function keyboardState(host) {
  const cardHost = document.querySelector(host);
  const card = cardHost?.shadowRoot?.querySelector('.card');
  const inner = cardHost?.shadowRoot?.activeElement ?? null;
  // The ringed term, by its text and where it stands on the page (the same words recur).
  const ring = [];
  for (const name of ['gloss-term-focus', 'gloss-term-focus-on-dark']) {
    for (const r of CSS.highlights.get(name) ?? []) {
      ring.push(`${r.toString()} @${Math.round(/** @type {Range} */ (r).getBoundingClientRect().top + scrollY)}`);
    }
  }
  return {
    card:
      card && !card.closest('[hidden]')
        ? { name: card.querySelector('.name')?.textContent ?? '', busy: card.getAttribute('aria-busy') }
        : null,
    focusInCard: document.activeElement === cardHost && !!inner,
    inRelated: !!inner?.closest('.related'),
    focused: inner
      ? inner.tagName + (inner.className ? `.${inner.className}` : '')
      : (document.activeElement?.tagName ?? null),
    announced: cardHost?.shadowRoot?.querySelector('.gloss-announce')?.textContent ?? '',
    ring,
    selection: getSelection().toString(),
    scroll: Math.round(scrollY),
  };
}

/**
 * The underlined terms of the page in the order they read, by where their first line box stands on
 * screen (the page is one column).
 */
function termsAsTheyRead() {
  scrollTo({ top: 0, behavior: 'instant' });
  const found = [];
  for (const name of ['gloss-term', 'gloss-term-on-dark']) {
    for (const r of CSS.highlights.get(name) ?? []) {
      const box = /** @type {Range} */ (r).getClientRects()[0];
      found.push({ text: r.toString(), top: Math.round(box.top), left: box.left });
    }
  }
  return found.sort((a, b) => a.top - b.top || a.left - b.left).map((t) => t.text);
}

export function define(ctx, test) {
  const { driver, origin, marksOf } = ctx;
  /** Presses Alt+Shift+key, as a reader does. */
  const chord = async (page, key) => {
    await page.keyDown('Alt');
    await page.keyDown('Shift');
    await page.key(key);
    await page.keyUp('Shift');
    await page.keyUp('Alt');
  };
  const cardFor = (page, ring) =>
    page.waitFor(
      keyboardState,
      HOST,
      (s) => s.card?.busy === 'false' && s.ring.length === 1 && s.ring[0] !== ring && s.focusInCard,
      5000,
    );

  test('keyboard: Alt+Shift+. goes through the marked terms in reading order (into a shadow root and round), each card opened with the focus in it and announced', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    // The shadow root is read after the document: its term is marked once the whole page is scanned.
    const expected = await page.waitFor(
      termsAsTheyRead,
      undefined,
      (t) => t.includes('Great Hall of the People'),
      5000,
    );
    assert(expected.length >= 5, `terms: ${expected.join(', ')}`);
    const visited = [];
    let state = null;
    for (let i = 0; i <= expected.length; i++) {
      await chord(page, 'Period');
      state = await cardFor(page, state?.ring[0]);
      visited.push(state.ring[0].replace(/ @\d+$/, ''));
      assert(state.announced === `Card for ${state.card.name} opened`, `announced: "${state.announced}"`);
    }
    assert(
      JSON.stringify(visited) === JSON.stringify([...expected, expected[0]]),
      `visited ${visited.join(', ')}; expected ${expected.join(', ')}, then round`,
    );
    await chord(page, 'Comma');
    state = await cardFor(page, state.ring[0]);
    assert(state.ring[0].startsWith(`${expected[expected.length - 1]} @`), `Alt+Shift+, went to "${state.ring[0]}"`);
    assert(page.errors.length === 0, page.errors.join('\n'));
    await page.close();
  });

  test('keyboard: a step reaches the terms far below the screen, which Gloss had not read yet, and the evidence they give', async () => {
    const page = await driver.openPage(`${origin}/far.html`);
    await marksOf(page);
    // At the top only "Doi Moi" is marked: "Xi" waits for the full name, 8000 pixels down. The step
    // reads the whole page first, so it starts at "Xi", then goes on down to the names far below.
    const visited = [];
    let state = null;
    for (let i = 0; i < 3; i++) {
      await chord(page, 'Period');
      state = await cardFor(page, state?.ring[0]);
      visited.push(state.ring[0].replace(/ @\d+$/, ''));
    }
    assert(
      JSON.stringify(visited) === JSON.stringify(['Xi', 'Doi Moi', 'Xi Jinping']),
      `visited ${visited.join(', ')}`,
    );
    assert(state.scroll > 5000, `the page scrolled to ${state.scroll} for the term far below`);
    assert(page.errors.length === 0, page.errors.join('\n'));
    await page.close();
  });

  test("keyboard: Tab and the arrow keys move through the card's links and buttons, End to a related entry that Enter opens; Esc gives the focus and the reading position back to the term", async () => {
    const page = await driver.openPage(`${origin}/density.html`);
    await marksOf(page);
    // Some way down the page, where the reader is reading.
    await page.evaluate(() => scrollTo({ top: innerHeight, behavior: 'instant' }));
    await chord(page, 'Period');
    const opened = await cardFor(page, null);
    await page.key('Tab');
    const first = await page.waitFor(keyboardState, HOST, (s) => s.focusInCard && /^(A|BUTTON)/.test(s.focused), 3000);
    await page.key('ArrowDown');
    const second = await page.waitFor(keyboardState, HOST, (s) => s.focusInCard && s.focused !== first.focused, 3000);
    assert(/^(A|BUTTON)/.test(second.focused), `arrow down focused ${second.focused}`);
    await page.key('ArrowUp');
    await page.waitFor(keyboardState, HOST, (s) => s.focusInCard && s.focused === first.focused, 3000);
    // End reaches the last control, a related entry; Enter opens its card, the focus still in the card.
    await page.key('End');
    await page.waitFor(keyboardState, HOST, (s) => s.focusInCard && s.inRelated, 3000);
    await page.key('Enter');
    const related = await page.waitFor(
      keyboardState,
      HOST,
      (s) => s.card?.busy === 'false' && s.card.name !== opened.card.name && s.focusInCard,
      5000,
    );
    assert(related.announced === `Card for ${related.card.name} opened`, `announced: "${related.announced}"`);
    await page.key('Escape');
    const back = await page.waitFor(keyboardState, HOST, (s) => s.card === null, 3000);
    assert(!back.focusInCard, 'the focus stayed in the closed card');
    assert(
      `${back.selection} @` === opened.ring[0].replace(/\d+$/, ''),
      `selection after Esc: "${back.selection}", term "${opened.ring[0]}"`,
    );
    assert(back.scroll === opened.scroll && back.scroll > 0, `scrolled to ${back.scroll}, read at ${opened.scroll}`);
    assert(back.ring[0] === opened.ring[0], 'the term is still ringed');
    // The next step goes on from that term: the last on the page, so round to the first.
    await chord(page, 'Period');
    const next = await cardFor(page, opened.ring[0]);
    assert(next.scroll < opened.scroll, `did not go round to the first term: ${JSON.stringify(next)}`);
    await page.close();
  });

  /** The welcome page once its passage's terms are marked, and what it tells the reader. */
  const openWelcome = async () => {
    const page = await driver.openExtensionPage('/viewer.html#welcome');
    await page.waitFor(
      () => document.querySelectorAll('.welcome .try .mention').length,
      undefined,
      (n) => n > 0,
      8000,
    );
    const told = await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('.welcome')).innerText);
    return { page, told };
  };

  test("keyboard: on Gloss's welcome page the same keys open a card with the focus in it, Esc gives the focus back to the term, Alt+Shift+, goes back and Tab moves through the card", async () => {
    const { page, told } = await openWelcome();
    assert(told.includes('Alt+Shift+.'), 'the welcome page does not tell of the shortcut');
    await chord(page, 'Period');
    const opened = await page.waitFor(
      () => {
        const card = document.querySelector('.viewer-card .card[aria-busy="false"]');
        const at = document.querySelector('.gloss-term-at');
        return card && at && card.contains(document.activeElement)
          ? {
              name: card.querySelector('.name').textContent,
              term: at.textContent,
              announced: document.querySelector('.gloss-announce')?.textContent,
            }
          : null;
      },
      undefined,
      Boolean,
      5000,
    );
    assert(opened.announced === `Card for ${opened.name} opened`, `announced: "${opened.announced}"`);
    await page.key('Escape');
    const focused = await page.waitFor(
      () => {
        const card = /** @type {HTMLElement} */ (document.querySelector('.viewer-card'));
        return card.hidden ? document.activeElement?.textContent : null;
      },
      undefined,
      Boolean,
      3000,
    );
    assert(focused === opened.term, `focus after Esc on "${focused}", term "${opened.term}"`);
    // Alt+Shift+, goes back: from the first term, round to the last, its card with the focus in it;
    // Tab moves on inside the card, as the page says.
    assert(told.includes('Alt+Shift+,'), 'the welcome page does not tell of the shortcut back');
    await chord(page, 'Comma');
    const back = await page.waitFor(
      (first) => {
        const card = document.querySelector('.viewer-card .card[aria-busy="false"]');
        const at = document.querySelector('.gloss-term-at');
        return card && at && at.textContent !== first && card.contains(document.activeElement)
          ? { term: at.textContent, focused: document.activeElement.outerHTML.slice(0, 60) }
          : null;
      },
      opened.term,
      Boolean,
      5000,
    );
    await page.key('Tab');
    await page.waitFor(
      (before) => {
        const card = document.querySelector('.viewer-card .card');
        const el = document.activeElement;
        return !!card?.contains(el) && el.outerHTML.slice(0, 60) !== before && /^(A|BUTTON)$/.test(el.tagName);
      },
      back.focused,
      Boolean,
      3000,
    );
    await page.close();
  });

  test("keyboard: on Gloss's welcome page Alt+Shift+G opens the card of the selection, as the page says", async () => {
    const { page, told } = await openWelcome();
    assert(told.includes('Alt+Shift+G'), 'the welcome page does not tell of the look-up shortcut');
    const select = (selector) =>
      page.evaluate((sel) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(sel));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return getSelection().toString();
      }, selector);
    const shownCard = (want) =>
      page.waitFor(
        () => {
          const card = document.querySelector('.viewer-card:not([hidden]) .card[aria-busy="false"]');
          return card && card.contains(document.activeElement)
            ? { name: card.querySelector('.name')?.textContent ?? '', text: card.textContent }
            : null;
        },
        undefined,
        (c) => !!c && want(c),
        5000,
      );
    // A term of the passage: its own card.
    const term = await page.evaluate(
      () => /** @type {HTMLElement} */ (document.querySelector('.welcome .try .mention')).dataset.entry,
    );
    await select('.welcome .try .mention');
    await chord(page, 'KeyG');
    // The entry's name, as the background names it.
    const name = await page.evaluate(async (id) => {
      const api = globalThis.browser ?? globalThis.chrome;
      return (await api.runtime.sendMessage({ id: 1, type: 'card', data: id, timestamp: Date.now() }))?.res?.name;
    }, term);
    const card = await shownCard((c) => c.name === name);
    assert(!!name && card.name === name, `the card of the selected term ${term}: ${JSON.stringify(card)}`);
    await page.key('Escape');
    await page.waitFor(
      () => /** @type {HTMLElement} */ (document.querySelector('.viewer-card')).hidden,
      undefined,
      Boolean,
      3000,
    );
    // Text that names no entry: the card says so, with the text.
    const selected = await select('#welcome-title');
    await chord(page, 'KeyG');
    await shownCard((c) => c.text.includes(selected));
    await page.close();
  });
}
