// Spotting terms and opening cards on web pages: the traps of spelling and case, inline markup, shadow roots, frames,
// pages that fight back, real pages.
import { tsImport } from 'tsx/esm/api';
import { assert, sleep } from '../harness.mjs';
import {
  HIGHLIGHT,
  HOST,
  pageElementCenter,
  pageMarks,
  pageMarkSurroundings,
  pageMarkupWithoutGloss,
  pagePhraseCenter,
} from '../page.mjs';

/** How long a pointer at rest still counts as pointing at what Gloss marks under it, as the extension defines it. */
const { LOOK_AGAIN_WITHIN_MS } = await tsImport('../../lib/page/hover.ts', import.meta.url);

export function define(ctx, test) {
  const { driver, origin, marksOf, hover, readyCard, cardClosed, noCardOpens, storePreferences } = ctx;
  test('the content script marks terms on a page served from 127.0.0.1', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    // The scan runs in slices: the first marks may come before this one.
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.includes('Nguyen Phu Trong'));
    await page.close();
  });

  test('spotting handles the traps: inline markup, spelling variants, case rules, skipped fields', async () => {
    // Every mention underlined, so that each spelling can be seen (by default only the first of each
    // entry in each section is).
    await storePreferences({ markDensity: 'every' });
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => m.includes('Pham Minh CHINH') && m.includes('DoiMoi'));
    const marks = await page.evaluate(pageMarks, HIGHLIGHT);
    const surroundings = await page.evaluate(pageMarkSurroundings, HIGHLIGHT);
    await storePreferences(null);
    for (const expected of [
      'Belt and Road Initiative',
      'Two Corridors and One Economic Circle',
      'Doi-Moi',
      'DoiMoi',
      'Đổi Mới',
      'RCEP',
      'CPV',
      'CPC',
      'To LAM',
      'Pham Minh CHINH',
      'Trong',
    ]) {
      assert(marks.includes(expected), `"${expected}" should be marked; marks: ${marks.join(' | ')}`);
    }
    // Marks stand on word boundaries: a mark inside "strong", "perception" or "Trongsa" has a letter
    // beside it in the page, whatever it reads ("Trongsa" would give "Trong", as the name does).
    const trong = surroundings.find((m) => m.text === 'Trong');
    assert(
      surroundings.length === marks.length && trong?.before === ' ' && trong.after === ' ',
      `the surroundings of "Trong spoke": ${JSON.stringify(trong)}`,
    );
    const inWords = surroundings.filter((m) => /[\p{L}\p{N}]/u.test(m.before + m.after));
    assert(
      inWords.length === 0,
      `marks inside longer words: ${inWords.map((m) => `${m.before}[${m.text}]${m.after}`).join(' ')}`,
    );
    assert(!marks.includes('cpv'), 'lower-case "cpv" is no acronym');
    assert(marks.filter((m) => m === 'CPV').length === 1, 'CPV in <code> must not be marked');
    assert(!marks.includes('Xi Jinping'), 'text in a form field or an editor must not be marked');
    await page.close();
  });

  test('hovering a term opens a card with its facts, each cited', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await hover(page, 'Nguyen Phu Trong');
    const card = await readyCard(page, 'Nguyen Phu Trong');
    assert(card.role === 'dialog' && card.labelledBy, 'the card is a dialog named by its title');
    assert(/general secretary of the Communist Party of Vietnam Central Committee/i.test(card.text), card.text);
    assert(
      card.citations.length >= 2,
      `the label and at least one fact, each cited: ${JSON.stringify(card.citations)}`,
    );
    assert(
      card.citations.every((c) => /· ¶ \d+$/.test(c.text) && c.href.includes('viewer.html#doc=')),
      JSON.stringify(card.citations),
    );
    assert(/Mentioned in \d of 6 documents/.test(card.text), card.text);
    const background = await page.evaluate(
      (host) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector('.card')).backgroundColor,
      HOST,
    );
    const expected = driver.colorScheme === 'dark' ? 'rgb(28, 33, 40)' : 'rgb(255, 255, 255)';
    assert(background === expected, `card background ${background} in a ${driver.colorScheme} scheme`);
    await page.close();
  });

  test('the page DOM is unchanged apart from Gloss’s host element', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    const before = await page.evaluate(pageMarkupWithoutGloss, HOST);
    await marksOf(page);
    await hover(page, 'Belt and');
    await readyCard(page, 'Belt and Road Initiative');
    const after = await page.evaluate(pageMarkupWithoutGloss, HOST);
    assert(before === after, 'the page markup changed');
    const hosts = await page.evaluate((h) => document.querySelectorAll(h).length, HOST);
    assert(hosts === 1, `expected one host element, found ${hosts}`);
    await page.close();
  });

  test('Esc closes the card; moving away closes it after the grace period', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await hover(page, 'RCEP');
    await readyCard(page, 'Regional Comprehensive Economic Partnership');
    await page.key('Escape');
    await cardClosed(page);
    await hover(page, 'RCEP');
    await readyCard(page, 'Regional Comprehensive Economic Partnership');
    await page.mouseMove(5, 5);
    await cardClosed(page);
    await page.close();
  });

  test('no card opens while text is being selected across a term', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    const start = await page.evaluate(pagePhraseCenter, { phrase: 'The two sides' });
    const term = await page.evaluate(pagePhraseCenter, { phrase: 'Belt and' });
    await page.mouseMove(start.x, start.y);
    await page.mouseDown();
    await page.mouseMove(term.x, term.y);
    // Rest on the term with the button held, past the dwell: no card.
    await noCardOpens(page);
    await page.mouseUp();
    const selected = await page.evaluate(() => getSelection().toString());
    assert(selected.includes('two sides discussed the B'), `the selection was made: "${selected}"`);
    await page.close();
  });

  test('a related entry switches the card', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await hover(page, 'RCEP');
    const card = await readyCard(page, 'Regional Comprehensive Economic Partnership');
    assert(card.related.includes('Belt and Road Initiative'), JSON.stringify(card.related));
    const at = await page.evaluate(pageElementCenter, {
      host: HOST,
      selector: '.chip',
      index: card.related.indexOf('Belt and Road Initiative'),
    });
    await page.mouseMove(at.x, at.y);
    await page.mouseClick(at.x, at.y);
    await readyCard(page, 'Belt and Road Initiative');
    await page.close();
  });

  test('following a citation opens the source viewer at the quoted passage', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await hover(page, 'Nguyen Phu Trong');
    const card = await readyCard(page, 'Nguyen Phu Trong');
    const at = await page.evaluate(pageElementCenter, { host: HOST, selector: 'a.cite', index: 1 });
    await page.mouseMove(at.x, at.y);
    const opened = driver.waitForPage((url) => url.includes('/viewer.html#doc='));
    await page.mouseClick(at.x, at.y);
    const viewer = await opened;
    const url = new URL(await viewer.url());
    const params = new URLSearchParams(url.hash.slice(1));
    const expected = new URLSearchParams(new URL(card.citations[1].href, 'http://x').hash.slice(1));
    assert(
      params.get('doc') === expected.get('doc') && params.get('p') === expected.get('p'),
      `${url} vs ${card.citations[1].href}`,
    );
    const shown = await viewer.waitFor(
      () => {
        const mark = document.querySelector('li.target mark.quote');
        const target = /** @type {HTMLLIElement} */ (document.querySelector('li.target'));
        return mark ? { quote: mark.textContent, n: target.value } : null;
      },
      undefined,
      (v) => v !== null,
      8000,
    );
    assert(shown.n === Number(params.get('p')), `target paragraph ${shown.n}`);
    assert(shown.quote.replace(/\s+/g, ' ') === params.get('q').replace(/\s+/g, ' '), `quote shown: ${shown.quote}`);
    await viewer.close();
    await page.close();
  });

  test('a look-up of the selection opens a card for its best match, or says there is none', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await page.evaluate(() => {
      const p = document.querySelector('#p-bri');
      const text = /** @type {Text} */ (p.firstChild);
      const at = text.data.indexOf('Belt and');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Belt and'.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await driver.lookUpSelection(page);
    await readyCard(page, 'Belt and Road Initiative');
    await page.key('Escape');
    await page.evaluate(() => {
      const p = document.querySelector('h1');
      getSelection().removeAllRanges();
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection().addRange(range);
    });
    await driver.lookUpSelection(page, 'zzqx unrelated words');
    const none = await readyCard(page);
    assert(none.text.includes('No entry in Gloss matches'), none.text);
    await page.close();
  });

  test('a term inside an open shadow root is marked and opens its card', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.includes('Great Hall of the People'));
    const at = await page.evaluate(() => {
      const p = document.getElementById('shadow-host').shadowRoot.querySelector('p');
      const text = /** @type {Text} */ (p.firstChild);
      const i = text.data.indexOf('Great');
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 5);
      text.parentElement.scrollIntoView({ block: 'center' });
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouseMove(at.x - 30, at.y + 40);
    await page.mouseMove(at.x, at.y);
    await readyCard(page, 'Great Hall of the People');
    await page.close();
  });

  test('a term in a same-origin frame is marked and opens its card inside the frame', async () => {
    const page = await driver.openPage(`${origin}/frames.html`);
    await page.waitFor(
      (name) => {
        const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('inner'));
        // The frame's window is a global object as this one is, with its own CSS namespace.
        const h = /** @type {Window & typeof globalThis} */ (frame.contentWindow).CSS?.highlights?.get(name);
        return h ? [...h].map((r) => r.toString()) : [];
      },
      HIGHLIGHT,
      (m) => m.includes('Nguyen Phu Trong'),
      8000,
    );
    const at = await page.evaluate(() => {
      const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('inner'));
      const doc = frame.contentDocument;
      const text = /** @type {Text} */ (doc.getElementById('inner-p').firstChild);
      const i = text.data.indexOf('Nguyen');
      const range = doc.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 6);
      const r = range.getBoundingClientRect();
      const f = frame.getBoundingClientRect();
      return { x: f.left + frame.clientLeft + r.left + r.width / 2, y: f.top + frame.clientTop + r.top + r.height / 2 };
    });
    await page.mouseMove(at.x - 30, at.y + 30);
    await page.mouseMove(at.x, at.y);
    const name = await page.waitFor(
      () => {
        const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('inner'));
        const host = frame.contentDocument.querySelector('gloss-card');
        const card = host?.shadowRoot?.querySelector('.card[aria-busy="false"]');
        return card?.querySelector('.name')?.textContent ?? null;
      },
      undefined,
      (n) => n === 'Nguyen Phu Trong',
      5000,
    );
    assert(name === 'Nguyen Phu Trong');
    await page.close();
  });

  test('a frame with one short line is not read, until the reader selects text in it and asks for a card', async () => {
    const page = await driver.openPage(`${origin}/frames.html`);
    /** The frame's underlines, and the name on its card, if any. */
    const frameState = (name) => {
      const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('short'));
      const win = /** @type {Window & typeof globalThis} */ (frame.contentWindow);
      const h = win.CSS?.highlights?.get(name);
      const card = frame.contentDocument
        .querySelector('gloss-card')
        ?.shadowRoot?.querySelector('.card[aria-busy="false"]');
      return {
        marks: h ? [...h].map((r) => r.toString()) : [],
        card: card?.querySelector('.name')?.textContent ?? null,
      };
    };
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.includes('Communist Party of Vietnam'));
    // Past the longest wait for the page to be idle (lib/page/frame.ts IDLE_TIMEOUT_MS, 2 s), the line
    // in the frame is still not read: it is shorter than a sentence.
    await new Promise((r) => setTimeout(r, 2500));
    assert((await page.evaluate(frameState, HIGHLIGHT)).marks.length === 0, 'the short frame was read');
    // The reader selects the name in the frame, as with a mouse, and presses the shortcut.
    await page.evaluate(() => {
      const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('short'));
      const doc = frame.contentDocument;
      const text = /** @type {Text} */ (doc.getElementById('short-p').firstChild);
      const i = text.data.indexOf('Xi Jinping');
      const range = doc.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 'Xi Jinping'.length);
      doc.getSelection().removeAllRanges();
      doc.getSelection().addRange(range);
    });
    // The shortcut comes as soon as a reader's hand can press it, before the frame has started.
    await new Promise((r) => setTimeout(r, 100));
    await driver.lookUpSelection(page, '');
    const state = await page.waitFor(frameState, HIGHLIGHT, (s) => s.card === 'Xi Jinping', 5000);
    assert(state.card === 'Xi Jinping');
    await page.close();
  });

  test('page CSS cannot hide, shrink or restyle the card, and the card’s CSS does not leak', async () => {
    const page = await driver.openPage(`${origin}/hostile-css.html`);
    const before = await page.evaluate(
      () =>
        getComputedStyle(document.getElementById('p')).cssText ||
        JSON.stringify(
          [...getComputedStyle(document.getElementById('p'))].map((k) =>
            getComputedStyle(document.getElementById('p')).getPropertyValue(k),
          ),
        ),
    );
    await marksOf(page);
    await hover(page, 'Regional');
    await readyCard(page, 'Regional Comprehensive Economic Partnership');
    const look = await page.evaluate((host) => {
      const root = document.querySelector(host).shadowRoot;
      const card = root.querySelector('.card');
      const r = card.getBoundingClientRect();
      const name = getComputedStyle(root.querySelector('.name'));
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 20);
      return {
        width: Math.round(r.width),
        height: Math.round(r.height),
        nameSize: name.fontSize,
        nameColor: name.color,
        onTop: hit === document.querySelector(host),
      };
    }, HOST);
    assert(look.width >= 370 && look.width <= 390, `card width ${look.width}`);
    assert(look.height > 100, `card height ${look.height}`);
    assert(look.nameSize === '15px', `title size ${look.nameSize}`);
    assert(look.nameColor !== 'rgb(255, 0, 0)', 'page colours reached the card');
    assert(look.onTop, 'the card is not the topmost element at its own position');
    const after = await page.evaluate(
      () =>
        getComputedStyle(document.getElementById('p')).cssText ||
        JSON.stringify(
          [...getComputedStyle(document.getElementById('p'))].map((k) =>
            getComputedStyle(document.getElementById('p')).getPropertyValue(k),
          ),
        ),
    );
    assert(before === after, 'the page’s own styles changed');
    await page.close();
  });

  test('a page with a strict Content-Security-Policy still gets marks and a styled card', async () => {
    const csp = encodeURIComponent("default-src 'none'; style-src 'none'; script-src 'none'");
    const page = await driver.openPage(`${origin}/basic.html?csp=${csp}`);
    await marksOf(page);
    await hover(page, 'RCEP');
    await readyCard(page, 'Regional Comprehensive Economic Partnership');
    const look = await page.evaluate((host) => {
      const card = document.querySelector(host).shadowRoot.querySelector('.card');
      return {
        width: Math.round(card.getBoundingClientRect().width),
        position: getComputedStyle(card.parentElement).position,
      };
    }, HOST);
    assert(
      look.width >= 370 && look.width <= 390 && look.position === 'fixed',
      `the card is unstyled: ${JSON.stringify(look)}`,
    );
    // Firefox reports the CSP blocking the fixture's own inline style, script and favicon as page
    // errors; a block of Gloss's card style would show above as an unstyled card.
    const errors = page.errors.filter((e) => !e.startsWith('Content-Security-Policy:'));
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });

  // This page broke its own Element, Range and Array methods, which the suite's page-side helpers
  // use: here the card is read through what it left alone (ARIA reflection, `hidden`, textContent).
  const robustCard = (host) => {
    const card = document.querySelector(host)?.shadowRoot?.querySelector('.card');
    if (!card || card.ariaBusy !== 'false' || card.parentElement.hidden) return null;
    return {
      name: card.querySelector('.name').textContent,
      text: card.textContent,
      elements: card.querySelectorAll('img, script').length,
    };
  };

  test('a page that overrides the DOM’s own methods does not affect Gloss', async () => {
    const page = await driver.openPage(`${origin}/hostile-prototypes.html`);
    const marks = await page.waitFor(
      (name) => {
        const h = CSS.highlights.get(name);
        return h ? Array.from(h, (r) => r.toString()) : null;
      },
      HIGHLIGHT,
      (m) => Array.isArray(m) && m.length >= 2,
      8000,
    );
    assert(
      marks.includes('Regional Comprehensive Economic Partnership') && marks.includes('Hanoi'),
      JSON.stringify(marks),
    );
    // "Regional" is the 5th word of the paragraph; offsetLeft/Top are untouched by the page.
    const at = await page.evaluate(() => {
      const p = document.getElementById('p');
      return { x: p.offsetLeft + 75, y: p.offsetTop + 12 };
    });
    await page.mouseMove(at.x, at.y + 30);
    await page.mouseMove(at.x, at.y);
    await page.waitFor(robustCard, HOST, (c) => c?.name === 'Regional Comprehensive Economic Partnership', 5000);
    assert(page.errors.length === 0, `page errors: ${page.errors.join('; ')}`);
    await page.close();
  });

  test('markup-looking page text looked up as a selection stays text', async () => {
    const page = await driver.openPage(`${origin}/hostile-prototypes.html`);
    await page.waitFor(
      (name) => CSS.highlights.get(name)?.size ?? 0,
      HIGHLIGHT,
      (n) => n > 0,
      8000,
    );
    await page.evaluate(() => {
      const range = new Range();
      range.selectNodeContents(document.getElementById('markup'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await driver.lookUpSelection(page);
    const card = await page.waitFor(robustCard, HOST, Boolean, 5000);
    assert(
      card.text.includes('No entry in Gloss matches') && card.text.includes('<img src=x onerror=alert(1)>'),
      card.text,
    );
    assert(card.elements === 0, 'markup from the page became elements');
    assert(page.errors.length === 0, `page errors: ${page.errors.join('; ')}`);
    await page.close();
  });

  test('the card follows the reader’s dark colour scheme', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await driver.emulateDark(page);
    await marksOf(page);
    await hover(page, 'RCEP');
    await readyCard(page, 'Regional Comprehensive Economic Partnership');
    const background = await page.evaluate(
      (host) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector('.card')).backgroundColor,
      HOST,
    );
    assert(background === 'rgb(28, 33, 40)', `card background ${background}`);
    await page.close();
  });

  test('terms added to the page later are marked (MutationObserver)', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later: the Great Hall of the People hosted the talks.';
      document.body.append(p);
    });
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => m.includes('Great Hall of the People'), 5000);
    await page.close();
  });

  test('a term marked just after the pointer came to rest on its words opens its card; not where the reader said no, scrolled, or parked long ago', async () => {
    // As on a page jumped to, or read again after an update: the pointer arrives before the marks.
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'box';
      box.style.cssText = 'height: 3em; overflow: auto';
      box.innerHTML = '<p id="boxed">Earlier the talks stalled.</p><p style="height: 400px"></p>';
      document.body.prepend(box);
      for (const [id, text] of [
        ['parked', 'Later that evening the delegation dined.'],
        ['resting', 'Afterwards the ministers left for the airport.'],
      ]) {
        const p = document.createElement('p');
        p.id = id;
        p.textContent = text;
        document.body.prepend(p);
      }
    });
    /** The words under the pointer change; the pointer does not move again. */
    const rewrite = (id, text) =>
      page.evaluate(
        ([id, text]) => {
          const words = /** @type {Text} */ (document.getElementById(id).firstChild);
          words.data = text;
        },
        [id, text],
      );
    const marked = (name) => page.waitFor(pageMarks, HIGHLIGHT, (m) => m?.includes(name), 5000);

    // Moved a moment ago: the name that appears under it opens its card.
    await hover(page, 'Afterwards', { within: '#resting' });
    await rewrite('resting', 'Nguyen Phu Trong and the ministers left for the airport.');
    await readyCard(page, 'Nguyen Phu Trong');
    // Esc: the paragraph read again under the pointer does not bring the card back.
    await page.key('Escape');
    await cardClosed(page);
    await rewrite('resting', 'Nguyen Phu Trong and To Lam left for the airport.');
    await marked('To Lam');
    await noCardOpens(page);

    // A box scrolled under the resting pointer: what is there is not what the reader pointed at.
    // (Scrolled a frame after the pointer came: a scroll in the frame it arrives in counts as before it.)
    const frames = () =>
      page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await hover(page, 'Earlier', { within: '#boxed' });
    await frames();
    await page.evaluate(() => (document.getElementById('box').scrollTop = 2));
    await frames();
    await rewrite('boxed', 'Vo Van Thuong said the talks stalled.');
    await marked('Vo Van Thuong');
    await noCardOpens(page);

    // Parked longer than Gloss waits for marks: the name that appears under it opens nothing.
    await hover(page, 'Later', { within: '#parked' });
    await sleep(LOOK_AGAIN_WITHIN_MS + 500);
    await rewrite('parked', 'Xi Jinping, that evening, dined with the delegation.');
    await marked('Xi Jinping');
    await noCardOpens(page);
    await page.close();
  });

  test('real page: the US–Vietnam joint statement names Nguyen Phu Trong and Vo Van Thuong', async () => {
    const page = await driver.openPage(
      `${origin}/shared/en_whitehouse_us-vietnam_joint_leaders_statement_2023-09-11.md`,
    );
    await marksOf(page);
    await hover(page, 'Nguyen Phu Trong');
    await readyCard(page, 'Nguyen Phu Trong');
    await page.key('Escape');
    await cardClosed(page);
    await hover(page, 'Vo Van Thuong');
    const card = await readyCard(page, 'Vo Van Thuong');
    assert(card.citations.length >= 1, 'a citation');
    await page.close();
  });

  test('real page: Vietnamese Wikipedia — not one "trong" (= "in") is marked', async () => {
    const page = await driver.openPage(`${origin}/shared/vi_wikipedia_dang_cong_san_viet_nam_2017.txt`);
    const marks = await marksOf(page);
    const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
    const trongs = await page.evaluate(
      () => (document.body.innerText.match(/(^|[^\p{L}])trong(?![\p{L}])/giu) ?? []).length,
    );
    assert(trongs > 20, `the page has ${trongs} "trong"`);
    const bad = marks.filter((m) => fold(m) === 'trong' && m !== 'Trọng');
    assert(bad.length === 0, `marked as names: ${bad.join(', ')}`);
    assert(!marks.some((m) => m === 'đổi mới' || m === 'hữu nghị'), 'lower-case Vietnamese words are never marked');
    assert(
      marks.some((m) => fold(m).includes('nguyen phu trong') || fold(m) === 'ho chi minh'),
      `expected Vietnamese names: ${marks.slice(0, 20).join(' | ')}`,
    );
    await page.close();
  });
}
