// The end-to-end suite, written once against a small driver so Chromium and Firefox run the same
// tests. Each test uses Gloss as a reader would: load a page, rest the pointer on a word, read the
// card, follow the citation, press Esc.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { poll } from './drivers.mjs';
import { densityTests, precisionTests } from './precision.mjs';
import { defineTrustTests } from './trust.mjs';
import { defineUserDataTests } from './user-data.mjs';
import { definePackTests } from './packs.mjs';
import { definePdfTests } from './pdf.mjs';

/** Card and mark names as the extension defines them (entrypoints/content). */
export const HOST = 'gloss-card';
export const HIGHLIGHT = 'gloss-term';

// ── Helpers that run in the page (main world) ───────────────────────────────────────────────────

/** Centre of the `occurrence`-th appearance of `phrase` in the page's text, scrolled into view. */
export function pagePhraseCenter({ phrase, occurrence = 0, within = null }) {
  const root = within ? document.querySelector(within) : document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let at = n.data.indexOf(phrase);
    while (at !== -1) {
      if (seen++ === occurrence) {
        const range = document.createRange();
        // The first word is enough to hover; a phrase may wrap across lines.
        const firstWord = phrase.split(' ')[0];
        range.setStart(n, at);
        range.setEnd(n, at + firstWord.length);
        n.parentElement.scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      at = n.data.indexOf(phrase, at + 1);
    }
  }
  return null;
}

export function pageMarks(name) {
  const h = CSS.highlights.get(name);
  // Array.from rather than spread and map: one hostile page breaks Array.prototype.map.
  return h ? Array.from(h, (r) => r.toString()) : null;
}

function pageCard(host) {
  const card = document.querySelector(host)?.shadowRoot?.querySelector('.card');
  if (!card || card.closest('[hidden]')) return null;
  return {
    text: card.innerText,
    name: card.querySelector('.name')?.textContent ?? '',
    busy: card.getAttribute('aria-busy'),
    role: card.getAttribute('role'),
    labelledBy: card.getAttribute('aria-labelledby'),
    citations: [...card.querySelectorAll('a.cite')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
    related: [...card.querySelectorAll('.chip')].map((b) => b.textContent),
  };
}

function pageElementCenter({ host, selector, index = 0 }) {
  const el = document.querySelector(host)?.shadowRoot?.querySelectorAll(selector)[index];
  if (!el) return null;
  // A link that wraps has several line boxes; aim at the first one, as a reader would.
  const r = el.getClientRects()[0];
  return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
}

/** The page's markup without Gloss's host element. */
function pageMarkupWithoutGloss(host) {
  const clone = document.documentElement.cloneNode(true);
  clone.querySelectorAll(host).forEach((el) => el.remove());
  return clone.outerHTML;
}

// ── The suite ───────────────────────────────────────────────────────────────────────────────────

export function defineSuite({ driver, origin, otherOrigin, proxy }) {
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });

  const marksOf = async (page) => page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.length > 0);
  const hover = async (page, phrase, opts = {}) => {
    const at = await page.evaluate(pagePhraseCenter, { phrase, ...opts });
    if (!at) throw new Error(`"${phrase}" is not on the page`);
    // Arrive from a little way off, as a hand does, then rest. (Within the viewport: Firefox refuses
    // a move to a point outside it.)
    await page.mouseMove(Math.max(1, at.x - 30), at.y + 40);
    await page.mouseMove(at.x, at.y);
    return at;
  };
  const readyCard = async (page, name) =>
    page.waitFor(pageCard, HOST, (c) => c && c.busy !== 'true' && (!name || c.name === name), 5000);
  const noCard = async (page) => page.waitFor(pageCard, HOST, (c) => c === null, 3000);

  test('the content script marks terms on a page served from 127.0.0.1', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    const marks = await marksOf(page);
    assert(marks.includes('Nguyen Phu Trong'), `marks: ${marks.join(' | ')}`);
    await page.close();
  });

  /** Stores preferences (null: the defaults) from an extension page, as the options page would. */
  const storePreferences = async (preferences) => {
    const ext = await driver.openExtensionPage('/options.html');
    await ext.evaluate((p) => {
      const storage = (globalThis.browser ?? globalThis.chrome).storage.local;
      return p ? storage.set({ preferences: p }) : storage.remove('preferences');
    }, preferences);
    await ext.close();
  };

  for (const t of precisionTests({ driver, origin, pageMarks, highlight: HIGHLIGHT, pageCard, host: HOST, storePreferences, hover, assert })) test(t.name, t.fn);

  test('spotting handles the traps: inline markup, spelling variants, case rules, skipped fields', async () => {
    // Every mention underlined, so that each spelling can be seen (by default only the first of each
    // entry in each section is).
    await storePreferences({ markDensity: 'every' });
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => m.includes('Pham Minh CHINH') && m.includes('DoiMoi'));
    const marks = await page.evaluate(pageMarks, HIGHLIGHT);
    await storePreferences(null);
    for (const expected of ['Belt and Road Initiative', 'Two Corridors and One Economic Circle', 'Doi-Moi', 'DoiMoi', 'Đổi Mới', 'RCEP', 'CPV', 'CPC', 'To LAM', 'Pham Minh CHINH', 'Trong']) {
      assert(marks.includes(expected), `"${expected}" should be marked; marks: ${marks.join(' | ')}`);
    }
    // A mark inside "strong" or "perception" would read "trong" or "rcep".
    for (const wrong of ['trong', 'cpv', 'rcep']) assert(!marks.includes(wrong), `"${wrong}" must not be marked`);
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
    assert(card.text.includes('general secretary of the Communist Party of Vietnam Central Committee'), card.text);
    assert(card.citations.length >= 3, `citations: ${JSON.stringify(card.citations)}`);
    assert(card.citations.every((c) => /· ¶ \d+$/.test(c.text) && c.href.includes('reader.html#doc=')), JSON.stringify(card.citations));
    assert(/Mentioned in \d of 6 documents/.test(card.text), card.text);
    const background = await page.evaluate((host) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector('.card')).backgroundColor, HOST);
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
    await noCard(page);
    await hover(page, 'RCEP');
    await readyCard(page, 'Regional Comprehensive Economic Partnership');
    await page.mouseMove(5, 5);
    await noCard(page);
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
    // Rest on the term with the button held, well past the dwell.
    await new Promise((r) => setTimeout(r, 700));
    const during = await page.evaluate(pageCard, HOST);
    await page.mouseUp();
    const selected = await page.evaluate(() => getSelection().toString());
    assert(during === null, 'a card opened during a selection');
    assert(selected.includes('two sides discussed the B'), `the selection was made: "${selected}"`);
    await page.close();
  });

  test('a related entry switches the card', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await hover(page, 'RCEP');
    const card = await readyCard(page, 'Regional Comprehensive Economic Partnership');
    assert(card.related.includes('Belt and Road Initiative'), JSON.stringify(card.related));
    const at = await page.evaluate(pageElementCenter, { host: HOST, selector: '.chip', index: card.related.indexOf('Belt and Road Initiative') });
    await page.mouseMove(at.x, at.y);
    await page.mouseClick(at.x, at.y);
    await readyCard(page, 'Belt and Road Initiative');
    await page.close();
  });

  test('following a citation opens the source reader at the quoted passage', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await hover(page, 'Nguyen Phu Trong');
    const card = await readyCard(page, 'Nguyen Phu Trong');
    const at = await page.evaluate(pageElementCenter, { host: HOST, selector: 'a.cite', index: 1 });
    await page.mouseMove(at.x, at.y);
    const opened = driver.waitForPage((url) => url.includes('/reader.html#doc='));
    await page.mouseClick(at.x, at.y);
    const reader = await opened;
    const url = new URL(await reader.url());
    const params = new URLSearchParams(url.hash.slice(1));
    const expected = new URLSearchParams(new URL(card.citations[1].href, 'http://x').hash.slice(1));
    assert(params.get('doc') === expected.get('doc') && params.get('p') === expected.get('p'), `${url} vs ${card.citations[1].href}`);
    const shown = await reader.waitFor(() => {
      const mark = document.querySelector('li.target mark.quote');
      return mark ? { quote: mark.textContent, n: document.querySelector('li.target').value } : null;
    }, undefined, (v) => v !== null, 8000);
    assert(shown.n === Number(params.get('p')), `target paragraph ${shown.n}`);
    assert(shown.quote.replace(/\s+/g, ' ') === params.get('q').replace(/\s+/g, ' '), `quote shown: ${shown.quote}`);
    await reader.close();
    await page.close();
  });

  test('a look-up of the selection opens a card for its best match, or says there is none', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    await page.evaluate(() => {
      const p = document.querySelector('#p-bri');
      const text = p.firstChild;
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
      const text = document.getElementById('shadow-host').shadowRoot.querySelector('p').firstChild;
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
    await page.waitFor((name) => {
      const h = document.getElementById('inner').contentWindow.CSS?.highlights?.get(name);
      return h ? [...h].map((r) => r.toString()) : [];
    }, HIGHLIGHT, (m) => m.includes('Nguyen Phu Trong'), 8000);
    const at = await page.evaluate(() => {
      const frame = document.getElementById('inner');
      const doc = frame.contentDocument;
      const text = doc.getElementById('inner-p').firstChild;
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
    const name = await page.waitFor(() => {
      const card = document.getElementById('inner').contentDocument.querySelector('gloss-card')?.shadowRoot?.querySelector('.card[aria-busy="false"]');
      return card?.querySelector('.name')?.textContent ?? null;
    }, undefined, (n) => n === 'Nguyen Phu Trong', 5000);
    assert(name === 'Nguyen Phu Trong');
    await page.close();
  });

  test('page CSS cannot hide, shrink or restyle the card, and the card’s CSS does not leak', async () => {
    const page = await driver.openPage(`${origin}/hostile-css.html`);
    const before = await page.evaluate(() => getComputedStyle(document.getElementById('p')).cssText || JSON.stringify([...getComputedStyle(document.getElementById('p'))].map((k) => getComputedStyle(document.getElementById('p')).getPropertyValue(k))));
    await marksOf(page);
    await hover(page, 'Regional');
    await readyCard(page, 'Regional Comprehensive Economic Partnership');
    const look = await page.evaluate((host) => {
      const root = document.querySelector(host).shadowRoot;
      const card = root.querySelector('.card');
      const r = card.getBoundingClientRect();
      const name = getComputedStyle(root.querySelector('.name'));
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 20);
      return { width: Math.round(r.width), height: Math.round(r.height), nameSize: name.fontSize, nameColor: name.color, onTop: hit === document.querySelector(host) };
    }, HOST);
    assert(look.width >= 340 && look.width <= 370, `card width ${look.width}`);
    assert(look.height > 100, `card height ${look.height}`);
    assert(look.nameSize === '15px', `title size ${look.nameSize}`);
    assert(look.nameColor !== 'rgb(255, 0, 0)', 'page colours reached the card');
    assert(look.onTop, 'the card is not the topmost element at its own position');
    const after = await page.evaluate(() => getComputedStyle(document.getElementById('p')).cssText || JSON.stringify([...getComputedStyle(document.getElementById('p'))].map((k) => getComputedStyle(document.getElementById('p')).getPropertyValue(k))));
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
      return { width: Math.round(card.getBoundingClientRect().width), position: getComputedStyle(card.parentElement).position };
    }, HOST);
    assert(look.width >= 340 && look.width <= 370 && look.position === 'fixed', `the card is unstyled: ${JSON.stringify(look)}`);
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
    return { name: card.querySelector('.name').textContent, text: card.textContent, elements: card.querySelectorAll('img, script').length };
  };

  test('a page that overrides the DOM’s own methods does not affect Gloss', async () => {
    const page = await driver.openPage(`${origin}/hostile-prototypes.html`);
    const marks = await page.waitFor((name) => {
      const h = CSS.highlights.get(name);
      return h ? Array.from(h, (r) => r.toString()) : null;
    }, HIGHLIGHT, (m) => Array.isArray(m) && m.length >= 2, 8000);
    assert(marks.includes('Regional Comprehensive Economic Partnership') && marks.includes('Hanoi'), JSON.stringify(marks));
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
    await page.waitFor((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT, (n) => n > 0, 8000);
    await page.evaluate(() => {
      const range = new Range();
      range.selectNodeContents(document.getElementById('markup'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await driver.lookUpSelection(page);
    const card = await page.waitFor(robustCard, HOST, Boolean, 5000);
    assert(card.text.includes('No entry in Gloss matches') && card.text.includes('<img src=x onerror=alert(1)>'), card.text);
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
    const background = await page.evaluate((host) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector('.card')).backgroundColor, HOST);
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

  test('real page: the US–Vietnam joint statement names Nguyen Phu Trong and Vo Van Thuong', async () => {
    const page = await driver.openPage(`${origin}/shared/en_whitehouse_us-vietnam_joint_leaders_statement_2023-09-11.md`);
    await marksOf(page);
    await hover(page, 'Nguyen Phu Trong');
    await readyCard(page, 'Nguyen Phu Trong');
    await page.key('Escape');
    await noCard(page);
    await hover(page, 'Vo Van Thuong');
    const card = await readyCard(page, 'Vo Van Thuong');
    assert(card.citations.length >= 1, 'a citation');
    await page.close();
  });

  test('real page: Vietnamese Wikipedia — not one "trong" (= "in") is marked', async () => {
    const page = await driver.openPage(`${origin}/shared/vi_wikipedia_dang_cong_san_viet_nam_2017.txt`);
    const marks = await marksOf(page);
    const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
    const trongs = await page.evaluate(() => (document.body.innerText.match(/(^|[^\p{L}])trong(?![\p{L}])/giu) ?? []).length);
    assert(trongs > 20, `the page has ${trongs} "trong"`);
    const bad = marks.filter((m) => fold(m) === 'trong' && m !== 'Trọng');
    assert(bad.length === 0, `marked as names: ${bad.join(', ')}`);
    assert(!marks.some((m) => m === 'đổi mới' || m === 'hữu nghị'), 'lower-case Vietnamese words are never marked');
    assert(marks.some((m) => fold(m).includes('nguyen phu trong') || fold(m) === 'ho chi minh'), `expected Vietnamese names: ${marks.slice(0, 20).join(' | ')}`);
    await page.close();
  });

  // ── Hostile pages ───────────────────────────────────────────────────────────────────────────────
  // Each asserts: the expected marks (in whatever frame they are), the ones that must not be, no
  // uncaught error from the page or from Gloss, the page's DOM unchanged apart from Gloss's host
  // (pages that change themselves are checked for Gloss's nodes instead), and where given, that a card
  // opens on hover and the page's own check holds.
  const HOSTILE_PAGES = [
    { page: 'markup-text.html', marks: ['Xi Jinping', 'Hanoi', 'Nguyen Phu Trong', 'Belt and Road Initiative'], hover: ['Xi Jinping', 'Xi Jinping'], holds: () => window.__gloss_pwned === undefined && document.images.length === 0 && !document.querySelector('b, script') },
    { page: 'css-all-unset.html', marks: ['Xi Jinping', 'Nguyen Phu Trong', 'Hanoi'], hover: ['Xi Jinping', 'Xi Jinping'] },
    { page: 'css-display-none.html', marks: ['Xi Jinping', 'Hanoi'], hover: ['Xi Jinping', 'Xi Jinping'] },
    { page: 'huge-z-index.html', marks: ['Xi Jinping', 'To Lam', 'Hanoi'], hover: ['Xi Jinping', 'Xi Jinping'] },
    { page: 'transformed-body.html', marks: ['Regional Comprehensive Economic Partnership', 'Hanoi'], hover: ['Regional', 'Regional Comprehensive Economic Partnership'] },
    { page: 'zoomed-body.html', marks: ['Nguyen Phu Trong', 'Communist Party of Vietnam'], hover: ['Nguyen Phu Trong', 'Nguyen Phu Trong'] },
    { page: 'many-nodes.html', marks: ['Xi Jinping', 'Hanoi'] },
    { page: 'rewrite-every-frame.html', marks: ['Belt and Road Initiative', 'Xi Jinping'], changesItself: true, hover: ['Belt and', 'Belt and Road Initiative'] },
    { page: 'editable.html', marks: ['Xi Jinping'], absent: ['Nguyen Phu Trong', 'To Lam', 'Belt and Road Initiative', 'Communist Party of Vietnam'], caret: true },
    { page: 'shadow-roots.html', marks: ['Xi Jinping', 'Hanoi'], absent: ['Nguyen Phu Trong'] },
    { page: 'nested-frames.html', marks: ['Communist Party of Vietnam', 'Xi Jinping', 'Nguyen Phu Trong', 'Hanoi'] },
    { page: 'cross-origin-frame.html', query: () => `?other=${encodeURIComponent(otherOrigin)}`, marks: ['Hanoi', 'To Lam', 'Belt and Road Initiative'] },
    { page: 'lang-vi.html', marks: ['Nguyễn Phú Trọng'], absent: ['trong', 'đổi mới'] },
    // Chinese runs its words together: a term needs no space around it.
    { page: 'lang-zh.html', marks: ['习近平', '中国共产党', '一带一路'], hover: ['习近平', 'Xi Jinping'] },
    { page: 'rtl.html', marks: ['Xi Jinping', 'Nguyen Phu Trong', 'Hanoi', 'To Lam'], hover: ['Nguyen Phu Trong', 'Nguyen Phu Trong'] },
    { page: 'frameset.html', marks: ['To Lam', 'Belt and Road Initiative', 'Xi Jinping', 'Nguyen Phu Trong', 'Hanoi'] },
    // SVG text is left unmarked by design: lib/page/text-runs.ts skips SVG and MathML, whose text is part of a drawing.
    { page: 'svg-text.html', marks: ['Hanoi'], absent: ['Xi Jinping'] },
    { page: 'huge-text-node.html', marks: ['Regional Comprehensive Economic Partnership', 'Hanoi'] },
    { page: 'mutation-storm.html', marks: ['Nguyen Phu Trong'], changesItself: true, hover: ['Nguyen Phu Trong', 'Nguyen Phu Trong'] },
    { page: 'hidden-content.html', marks: ['Hanoi'] },
    { page: '../hostile-prototypes.html', marks: ['Regional Comprehensive Economic Partnership', 'Hanoi'] },
    { page: '../basic.html', title: 'a strict Content-Security-Policy', query: () => `?csp=${encodeURIComponent("default-src 'none'; style-src 'none'; script-src 'none'")}`, marks: ['Nguyen Phu Trong', 'RCEP'], hover: ['RCEP', 'Regional Comprehensive Economic Partnership'], cspErrors: true },
  ];
  const allMarks = async (page) => (await page.evaluateInFrames(pageMarks, HIGHLIGHT)).flatMap((m) => m ?? []);
  /** Gloss's nodes in the page: anything but the one host element must not exist. (Plain loops: a hostile page breaks Array methods.) */
  const glossNodes = (host) => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      let ours = el.localName.startsWith('gloss') && el.localName !== host;
      for (const a of el.attributes) if (a.name.startsWith('data-gloss')) ours = true;
      if (ours) found.push(el.localName);
    }
    return found;
  };

  for (const spec of HOSTILE_PAGES) {
    test(`hostile page: ${spec.title ?? spec.page.replace(/^.*\//, '')}`, async () => {
      const page = await driver.openPage(`${origin}/hostile/${spec.page}${spec.query?.() ?? ''}`);
      const before = spec.changesItself ? null : await page.evaluate(pageMarkupWithoutGloss, HOST);
      let caret = null;
      if (spec.caret) {
        // The reader is typing in the editor: Gloss must not move the caret or take the focus.
        caret = await page.evaluate(() => {
          const editor = document.getElementById('editor');
          editor.focus();
          const range = document.createRange();
          range.setStart(editor.firstChild, 12);
          range.collapse(true);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          return 12;
        });
      }
      const marks = await poll(() => allMarks(page), (m) => spec.marks.every((x) => m.includes(x)), 10000, `marks ${spec.marks.join(', ')}`);
      for (const wrong of spec.absent ?? []) assert(!marks.includes(wrong), `"${wrong}" must not be marked: ${marks.join(' | ')}`);
      if (caret !== null) {
        const now = await page.evaluate(() => ({ focused: document.activeElement?.id, offset: getSelection().anchorOffset, node: getSelection().anchorNode?.parentElement?.id ?? getSelection().anchorNode?.id }));
        assert(now.focused === 'editor' && now.offset === caret && now.node === 'editor', `caret moved: ${JSON.stringify(now)}`);
      }
      if (spec.hover) {
        await hover(page, spec.hover[0]);
        await readyCard(page, spec.hover[1]);
        await page.key('Escape');
      }
      if (spec.holds) assert(await page.evaluate(spec.holds), 'the page’s own check failed: markup from its text ran or became elements');
      if (before !== null) assert((await page.evaluate(pageMarkupWithoutGloss, HOST)) === before, 'the page markup changed');
      const foreign = await page.evaluate(glossNodes, HOST);
      assert(foreign.length === 0, `Gloss left nodes in the page: ${foreign.join(', ')}`);
      const errors = page.errors.filter((e) => !(spec.cspErrors && e.startsWith('Content-Security-Policy:')));
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      assert(page.extensionErrors.length === 0, `Gloss errors: ${page.extensionErrors.join('; ')}`);
      await page.close();
    });
  }

  // ── The source reader ───────────────────────────────────────────────────────────────────────────
  const readerMention = (entryId) => {
    const el = document.querySelector(`.mention[data-entry="${entryId}"]`);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 15), y: r.top + r.height / 2, text: el.textContent };
  };
  const readerCard = () => {
    const card = document.querySelector('.reader-card:not([hidden]) .card[aria-busy="false"]');
    return card ? { name: card.querySelector('.name').textContent, citations: card.querySelectorAll('a.cite').length } : null;
  };

  test('reader: every mention is marked and hovering one opens its card', async () => {
    const reader = await driver.openExtensionPage('/reader.html#doc=xinhua-community&p=7');
    // Wait until the reader has scrolled to and focused paragraph 7 (an effect that runs after the
    // first paint), or that scroll could move the term after the test measured where it is.
    const marked = await reader.waitFor(
      () => (document.activeElement?.matches('li.target') ? [...document.querySelectorAll('.mention')].map((m) => m.dataset.entry) : null),
      undefined,
      (m) => m?.length > 50,
      8000,
    );
    assert(marked.includes('nguyen-phu-trong') && marked.includes('rcep'), JSON.stringify(marked.slice(0, 10)));
    const at = await reader.evaluate(readerMention, 'rcep');
    assert(at.text === 'Regional Comprehensive Economic Partnership', at.text);
    await reader.mouseMove(at.x - 30, at.y + 30);
    await reader.mouseMove(at.x, at.y);
    const card = await reader.waitFor(readerCard, undefined, (c) => c?.name === 'Regional Comprehensive Economic Partnership', 5000);
    assert(card.citations >= 1, `citations: ${card.citations}`);
    await reader.key('Escape');
    await reader.waitFor(readerCard, undefined, (c) => c === null, 3000);
    await reader.close();
  });

  test('reader: the timeline lists the dated events in order, undated ones apart, each cited', async () => {
    const reader = await driver.openExtensionPage('/reader.html#timeline');
    const view = await reader.waitFor(() => {
      const lists = document.querySelectorAll('ol.timeline');
      if (!lists.length) return null;
      const events = (list) => [...list.querySelectorAll('.event')].map((e) => ({
        when: e.querySelector('time')?.getAttribute('datetime') ?? null,
        title: e.querySelector('h3').textContent,
        cite: e.querySelector('a.cite')?.textContent ?? '',
      }));
      return { dated: events(lists[0]), undated: lists[1] ? events(lists[1]) : [] };
    }, undefined, Boolean, 8000);
    const dates = view.dated.map((e) => e.when);
    assert(dates.length >= 6 && dates.every(Boolean), JSON.stringify(dates));
    assert(JSON.stringify(dates) === JSON.stringify([...dates].sort()), `in order: ${dates.join(', ')}`);
    assert(view.undated.some((e) => e.title === 'To Lam\u2019s first state visit to China' || e.title.startsWith('To Lam')), JSON.stringify(view.undated));
    assert([...view.dated, ...view.undated].every((e) => /· ¶ \d+$/.test(e.cite)), 'every event is cited');
    // A citation on the timeline opens its document at the passage.
    const at = await reader.evaluate(() => {
      const a = document.querySelector('#event-trong-arrives-beijing-2022 a.cite');
      a.scrollIntoView({ block: 'center' });
      const r = a.getClientRects()[0];
      return { x: r.left + 10, y: r.top + r.height / 2 };
    });
    await reader.mouseClick(at.x, at.y);
    const shown = await reader.waitFor(() => document.querySelector('li.target mark.quote')?.textContent ?? null, undefined, Boolean, 5000);
    assert(shown.startsWith('On October 31, 2022'), shown);
    await reader.close();
  });

  test('welcome: installing Gloss opened a page with a passage to try hovering on', async () => {
    const welcome = await driver.findPage((url) => url.endsWith('/reader.html#welcome'));
    await welcome.waitFor(() => document.querySelectorAll('.welcome .mention').length, undefined, (n) => n >= 3, 8000);
    const text = await welcome.evaluate(() => document.querySelector('.welcome').innerText);
    assert(text.includes('Alt') && text.includes('Look up in Gloss'), 'the welcome page explains the shortcut and the menu');
    const at = await welcome.evaluate(readerMention, 'xi-jinping');
    await welcome.mouseMove(at.x - 30, at.y + 30);
    await welcome.mouseMove(at.x, at.y);
    await welcome.waitFor(readerCard, undefined, (c) => c?.name === 'Xi Jinping', 5000);
  });

  // ── The options page ────────────────────────────────────────────────────────────────────────────
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const resetPreferences = (page) => page.evaluate(() => (globalThis.browser ?? globalThis.chrome).storage.local.remove('preferences'));
  const optionCenter = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + Math.min(r.width / 2, 12), y: r.top + r.height / 2 };
  };
  const clickOption = async (options, selector) => {
    const at = await options.waitFor(optionCenter, selector, Boolean, 5000);
    await options.mouseClick(at.x, at.y);
  };
  for (const t of densityTests({ driver, origin, pageMarks, highlight: HIGHLIGHT, pageCard, host: HOST, hover, readyCard, clickOption, storePreferences, assert })) test(t.name, t.fn);
  /** Deletes everything in one of the options page's lists, in the two clicks the page asks for. */
  const deleteListed = async (options, list) => {
    await options.front();
    while (await options.evaluate((l) => !!document.querySelector(`${l} li button`), list)) {
      await clickOption(options, `${list} li button`);
      await clickOption(options, `${list} li button.danger`);
      await options.waitFor((l) => document.querySelectorAll(`${l} li`).length, list, (n) => n === 0, 5000);
    }
  };

  test('options: a new hover delay and the Alt trigger change behaviour in a tab already open', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    const options = await driver.openExtensionPage('/options.html');
    try {
      // The reader types a delay of 1.2 s.
      await clickOption(options, 'input[name="hoverDelayMs"]');
      await options.key('End');
      for (let i = 0; i < 5; i++) await options.key('Backspace');
      await options.typeText('1200');
      await options.key('Tab');
      await options.waitFor(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('preferences')).preferences?.hoverDelayMs, undefined, (d) => d === 1200, 5000);
      await page.front();
      await hover(page, 'Belt and');
      await sleep(500);
      assert((await page.evaluate(pageCard, HOST)) === null, 'the card opened before the new delay was over');
      await readyCard(page, 'Belt and Road Initiative');
      await page.key('Escape');
      await noCard(page);

      // Cards only while Alt is held (and back to a short delay).
      await options.front();
      await clickOption(options, 'input[name="cardTrigger"][value="alt"]');
      await clickOption(options, 'input[name="hoverDelayMs"]');
      await options.key('End');
      for (let i = 0; i < 5; i++) await options.key('Backspace');
      await options.typeText('100');
      await options.key('Tab');
      await options.waitFor(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('preferences')).preferences, undefined, (p) => p?.cardTrigger === 'alt' && p.hoverDelayMs === 100, 5000);
      await page.front();
      await hover(page, 'Nguyen Phu Trong');
      await sleep(800);
      assert((await page.evaluate(pageCard, HOST)) === null, 'a card opened without Alt');
      await page.keyDown('Alt');
      await readyCard(page, 'Nguyen Phu Trong');
      await page.keyUp('Alt');
    } finally {
      await resetPreferences(options);
    }
    await options.close();
    await page.close();
  });

  test('options: the mark style and the theme change at once in a tab already open', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    const options = await driver.openExtensionPage('/options.html');
    try {
      await clickOption(options, 'input[name="markStyle"][value="tint"]');
      const tinted = await page.waitFor(pageMarks, 'gloss-term-tint', (m) => Array.isArray(m) && m.length > 0, 5000);
      assert(tinted.includes('Nguyen Phu Trong'), tinted.join(' | '));
      assert((await page.evaluate(pageMarks, HIGHLIGHT)) === null, 'the underline highlight is gone');
      // The theme opposite to the browser's own scheme wins on the card.
      const [theme, background] = driver.colorScheme === 'dark' ? ['light', 'rgb(255, 255, 255)'] : ['dark', 'rgb(28, 33, 40)'];
      await clickOption(options, `input[name="theme"][value="${theme}"]`);
      await options.waitFor(() => document.documentElement.dataset.theme, undefined, (t) => t === theme, 5000);
      await page.front();
      await hover(page, 'Nguyen Phu Trong');
      await readyCard(page, 'Nguyen Phu Trong');
      const shown = await page.evaluate((host) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector('.card')).backgroundColor, HOST);
      assert(shown === background, `card background ${shown} with the ${theme} theme`);
    } finally {
      await resetPreferences(options);
    }
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.length > 0, 5000);
    await options.close();
    await page.close();
  });

  test('options: an imported document is cited on cards; a bad file changes nothing; delete removes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-import-'));
    const notes = join(dir, 'seminar-notes.md');
    await writeFile(notes, '# Seminar notes\n\nThe Regional Comprehensive Economic Partnership (**RCEP**) came up twice at the seminar.\n');
    const image = join(dir, 'photo.png');
    await writeFile(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    const options = await driver.openExtensionPage('/options.html');
    const listed = () => [...document.querySelectorAll('.documents li')].map((li) => li.querySelector('a').textContent);
    try {
      await options.waitFor(() => !!document.querySelector('input[type="file"]'), undefined, Boolean, 5000);
      await options.chooseFile('input[type="file"]', notes);
      await clickOption(options, 'input[name="outlet"]');
      await options.typeText('My notebook');
      await clickOption(options, '.import button[type="submit"]');
      const added = await options.waitFor(() => document.querySelector('.import [role="status"]')?.textContent ?? null, undefined, Boolean, 8000);
      assert(added.startsWith('Added “Seminar notes”: 2 paragraphs'), added);
      assert(JSON.stringify(await options.evaluate(listed)) === '["Seminar notes"]', 'the document is listed');

      // A tab that was already open cites the new document on the card of a term it names.
      await page.front();
      await hover(page, 'RCEP');
      await readyCard(page, 'Regional Comprehensive Economic Partnership');
      const yours = await page.waitFor(
        (host) => {
          const section = document.querySelector(host).shadowRoot.querySelector('.yours');
          return section && { title: section.querySelector('.also-title').textContent, cite: section.querySelector('a.cite').textContent };
        },
        HOST,
        Boolean,
        5000,
      );
      assert(yours.title === 'Seminar notes' && yours.cite === 'My notebook · undated · ¶ 2', JSON.stringify(yours));
      const at = await page.evaluate((host) => {
        const r = document.querySelector(host).shadowRoot.querySelector('.yours a.cite').getClientRects()[0];
        return { x: r.left + 10, y: r.top + r.height / 2 };
      }, HOST);
      const opened = driver.waitForPage((url) => url.includes('/reader.html#doc=user-seminar-notes-'));
      await page.mouseMove(at.x, at.y);
      await page.mouseClick(at.x, at.y);
      const reader = await opened;
      const quoted = await reader.waitFor(() => document.querySelector('li.target mark.quote')?.textContent ?? null, undefined, Boolean, 8000);
      assert(quoted === 'Regional Comprehensive Economic Partnership', `quote marked in the reader: ${quoted}`);
      await reader.close();

      // A binary file is refused with a message, and nothing changes.
      await options.front();
      await options.chooseFile('input[type="file"]', image);
      await clickOption(options, '.import button[type="submit"]');
      const refused = await options.waitFor(() => document.querySelector('.import [role="alert"]')?.textContent ?? null, undefined, Boolean, 5000);
      assert(refused.startsWith('This is not a text file'), refused);
      assert(JSON.stringify(await options.evaluate(listed)) === '["Seminar notes"]', 'the store is unchanged');
    } finally {
      await deleteListed(options, '.documents');
      await rm(dir, { recursive: true, force: true });
    }
    await options.close();
    await page.close();
  });

  test('options: an imported HTML file with scripts and markup-looking text shows only its text in the reader', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-hostile-import-'));
    const file = join(dir, 'hostile.html');
    await writeFile(file, `<!doctype html><html><head><title>Hostile import</title><script>window.__gloss_pwned = 1</script>
      <link rel="stylesheet" href="http://gloss-leak.invalid/x.css"></head><body>
      <p>Xi Jinping said &lt;img src=x onerror=alert(1)&gt; in Hanoi.</p><img src="http://gloss-leak.invalid/x.png" onerror="window.__gloss_pwned = 2">
      <p><a href="javascript:window.__gloss_pwned = 3">"&gt;&lt;script&gt;window.__gloss_pwned = 4&lt;/script&gt;</a></p></body></html>`);
    const options = await driver.openExtensionPage('/options.html');
    try {
      await options.waitFor(() => !!document.querySelector('input[type="file"]'), undefined, Boolean, 5000);
      await options.chooseFile('input[name="document"]', file);
      await clickOption(options, '.import button[type="submit"]');
      const added = await options.waitFor(() => document.querySelector('.import [role="status"]')?.textContent ?? null, undefined, Boolean, 8000);
      assert(added.startsWith('Added “Hostile import”: 2 paragraphs'), added);
      const docId = await options.evaluate(() => document.querySelector('.documents li').dataset.id);
      const reader = await driver.openExtensionPage(`/reader.html#doc=${docId}`);
      const shown = await reader.waitFor(() => {
        const article = document.querySelector('article.document');
        return article && {
          paragraphs: [...article.querySelectorAll('.paragraphs li')].map((li) => li.textContent),
          elements: article.querySelectorAll('img, script, link, a[href^="javascript"]').length,
          mentions: [...article.querySelectorAll('.mention')].map((m) => m.textContent),
          pwned: window.__gloss_pwned ?? null,
        };
      }, undefined, Boolean, 8000);
      assert(JSON.stringify(shown.paragraphs) === JSON.stringify(['Xi Jinping said <img src=x onerror=alert(1)> in Hanoi.', '"><script>window.__gloss_pwned = 4</script>']), JSON.stringify(shown.paragraphs));
      assert(shown.elements === 0 && shown.pwned === null, JSON.stringify(shown));
      assert(shown.mentions.includes('Xi Jinping') && shown.mentions.includes('Hanoi'), JSON.stringify(shown.mentions));
      assert((await options.evaluate(() => window.__gloss_pwned ?? null)) === null, 'a script of the file ran in the options page');
      await reader.close();
    } finally {
      await deleteListed(options, '.documents');
      await rm(dir, { recursive: true, force: true });
    }
    await options.close();
  });

  test('options: an entry the reader defines is spotted on web pages; export → clear → restore brings everything back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-backup-'));
    const options = await driver.openExtensionPage('/options.html');
    const lists = () => ({
      documents: [...document.querySelectorAll('.documents li a')].map((a) => a.textContent),
      entries: [...document.querySelectorAll('.entries li strong')].map((s) => s.textContent),
    });
    const portCard = async () => {
      const page = await driver.openPage(`${origin}/port.html`);
      await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.includes('Lach Huyen'), 8000);
      await hover(page, 'Lach Huyen');
      const card = await readyCard(page, 'Lach Huyen');
      await page.close();
      return card;
    };
    try {
      // A document (pasted) to quote the label from, then the entry.
      await options.waitFor(() => !!document.querySelector('textarea[name="pasted"]'), undefined, Boolean, 5000);
      await clickOption(options, 'textarea[name="pasted"]');
      await options.typeText('Port notes');
      await options.key('Enter');
      await options.typeText('Lach Huyen is the deep-water port of Haiphong. It opened in 2018.');
      await clickOption(options, 'input[name="title"]');
      await options.typeText('Port notes');
      await clickOption(options, '.import button[type="submit"]');
      await options.waitFor(() => document.querySelector('.import [role="status"]')?.textContent ?? null, undefined, Boolean, 8000);
      await clickOption(options, 'input[name="entryName"]');
      await options.typeText('Lach Huyen');
      await options.choose('select[name="entryKind"]', 'place');
      const docId = await options.waitFor(() => [...document.querySelectorAll('select[name="labelDocument"] option')].find((o) => o.textContent === 'Port notes')?.value ?? null, undefined, Boolean, 5000);
      await options.choose('select[name="labelDocument"]', docId);
      await options.waitFor(() => !!document.querySelector('select[name="labelParagraph"] option[value="2"]'), undefined, Boolean, 5000);
      await options.choose('select[name="labelParagraph"]', '2');
      await clickOption(options, '.entry-form button[type="submit"]');
      const added = await options.waitFor(() => document.querySelector('.entry-form [role="status"], .entry-form [role="alert"]')?.textContent ?? null, undefined, Boolean, 8000);
      assert(added.startsWith('Added “Lach Huyen”'), added);

      // A web page opened now marks the new entry and shows its card, label quoted and cited.
      const card = await portCard();
      assert(card.text.includes('Lach Huyen is the deep-water port of Haiphong.'), card.text);
      assert(card.citations.some((c) => c.href.includes('#doc=user-port-notes-')), JSON.stringify(card.citations));

      // Export, then clear everything the reader added.
      await options.front();
      await clickOption(options, 'button.export');
      const saved = await options.waitFor(async () => {
        const link = document.querySelector('a.saved');
        return link && { name: link.getAttribute('download'), text: await (await fetch(link.href)).text() };
      }, undefined, Boolean, 8000);
      assert(/^gloss-backup-\d{4}-\d{2}-\d{2}\.json$/.test(saved.name), saved.name);
      const file = join(dir, saved.name);
      await writeFile(file, saved.text);
      for (const list of ['.entries', '.documents']) await deleteListed(options, list);

      // Restore: both come back, and the web page spots the entry again.
      await options.chooseFile('input[name="backup"]', file);
      await clickOption(options, '.restore button[type="submit"]');
      const restored = await options.waitFor(() => document.querySelector('.backup [role="status"] p')?.textContent ?? null, undefined, Boolean, 8000);
      assert(restored === 'Restored: 1 documents and 1 entries added, 0 already here.', restored);
      const back = await options.evaluate(lists);
      assert(JSON.stringify(back) === JSON.stringify({ documents: ['Port notes'], entries: ['Lach Huyen'] }), JSON.stringify(back));
      assert((await portCard()).name === 'Lach Huyen', 'the restored entry is spotted');
    } finally {
      for (const list of ['.entries', '.documents']) await deleteListed(options, list);
      await rm(dir, { recursive: true, force: true });
    }
    await options.close();
  });

  defineUserDataTests({ driver, origin, test, assert });
  definePackTests({ driver, origin, test });
  definePdfTests({ driver, origin, test });

  // ── The popup ─────────────────────────────────────────────────────────────────────────────────
  const popupOptions = () => [...document.querySelectorAll('[role="option"]')].map((o) => ({
    name: o.querySelector('.result-name')?.textContent ?? null,
    selected: o.getAttribute('aria-selected') === 'true',
    marks: [...o.querySelectorAll('mark')].map((m) => m.textContent),
  }));
  const typeInto = async (popup, text) => {
    await popup.evaluate(() => {
      const input = document.querySelector('input[type="search"]');
      input.focus();
      input.select();
    });
    await popup.typeText(text);
  };

  test('popup search: misspelled and accented queries put the right entry first', async () => {
    const popup = await driver.openExtensionPage('/popup.html');
    const label = await popup.evaluate(() => document.querySelector('label[for="search-input"]')?.textContent);
    assert(label === 'Search Gloss', `the search box is labelled: ${label}`);
    for (const [query, expected] of [
      ['doi moy', 'Doi Moi'],
      ['Tô Lâm', 'To Lam'],
      ['nguyen phu trng', 'Nguyen Phu Trong'],
      ['belt road', 'Belt and Road Initiative'],
      ['global civilisation initiative', 'Global Civilization Initiative'],
    ]) {
      await typeInto(popup, query);
      const options = await popup.waitFor(popupOptions, undefined, (o) => o.length > 0 && o[0].name === expected, 5000);
      assert(options[0].selected, 'the first result is the active option');
    }
    await typeInto(popup, 'zzqx qqq');
    await popup.waitFor(() => document.querySelector('.state')?.textContent ?? '', undefined, (t) => t.includes('No entry or passage matches'), 5000);
    await popup.close();
  });

  test('popup: arrow keys and Enter open an entry with its cited facts and mentions by document', async () => {
    const popup = await driver.openExtensionPage('/popup.html');
    await typeInto(popup, 'cpv');
    await popup.waitFor(popupOptions, undefined, (o) => o.length > 1 && o[0].name === 'Communist Party of Vietnam', 5000);
    await popup.key('ArrowDown');
    await popup.key('ArrowUp');
    await popup.key('Enter');
    const entry = await popup.waitFor(() => {
      const article = document.querySelector('article.entry');
      return article && {
        name: article.querySelector('h2')?.textContent,
        facts: [...article.querySelectorAll('.facts li')].map((li) => li.querySelector('a.cite')?.textContent ?? ''),
        groups: [...article.querySelectorAll('.mention-group h4')].map((h) => h.textContent),
        related: [...article.querySelectorAll('.chip')].map((b) => b.textContent),
      };
    }, undefined, Boolean, 5000);
    assert(entry.name === 'Communist Party of Vietnam', entry.name);
    assert(entry.facts.length >= 3 && entry.facts.every((c) => /· ¶ \d+$/.test(c)), JSON.stringify(entry.facts));
    assert(entry.groups.length >= 3, JSON.stringify(entry.groups));
    assert(entry.related.includes('Communist Party of China'), JSON.stringify(entry.related));
    // A citation in the entry opens the reader at the quoted passage.
    const at = await popup.evaluate(() => {
      const r = document.querySelector('article.entry .facts a.cite').getClientRects()[0];
      return { x: r.left + 10, y: r.top + r.height / 2 };
    });
    const opened = driver.waitForPage((url) => url.includes('/reader.html#doc='));
    await popup.mouseClick(at.x, at.y);
    const reader = await opened;
    await reader.waitFor(() => document.querySelector('li.target mark.quote')?.textContent ?? null, undefined, (q) => !!q, 8000);
    await reader.close();
    await popup.close();
  });

  test('popup summary: the terms on the page with their counts; a click scrolls to each occurrence', async () => {
    const page = await driver.openPage(`${origin}/summary.html`);
    // Nine underlines: the first of each entry in each screenful (the spacers put each paragraph on its own).
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.length >= 9);
    const tabId = await driver.activeTabId();
    const popup = await driver.openExtensionPage(`/popup.html?tab=${tabId}`);
    const terms = await popup.waitFor(
      () => [...document.querySelectorAll('.terms .term')].map((b) => [b.querySelector('.term-name').textContent, b.querySelector('.term-count').textContent]),
      undefined,
      (t) => t.length >= 5,
      5000,
    );
    assert(JSON.stringify(terms.slice(0, 2)) === JSON.stringify([['Xi Jinping', '4×'], ['Hanoi', '3×']]), JSON.stringify(terms));
    const rest = Object.fromEntries(terms.slice(2));
    assert(rest['Nguyen Phu Trong'] === '1×' && rest['Communist Party of Vietnam'] === '1×' && rest['Belt and Road Initiative'] === '1×', JSON.stringify(terms));
    const clickTerm = async (name) => {
      const at = await popup.evaluate((n) => {
        const b = [...document.querySelectorAll('.terms .term')].find((x) => x.querySelector('.term-name').textContent === n);
        const r = b.getBoundingClientRect();
        return { x: r.left + 20, y: r.top + r.height / 2 };
      }, name);
      await popup.mouseClick(at.x, at.y);
    };
    const flashed = () => {
      const h = CSS.highlights.get('gloss-term-flash');
      const range = h && [...h][0];
      return range ? { text: range.toString(), block: range.startContainer.parentElement.id, scrollY: Math.round(scrollY) } : null;
    };
    await clickTerm('Hanoi');
    const first = await page.waitFor(flashed, undefined, (f) => f?.block === 'first', 5000);
    assert(first.text === 'Hanoi', JSON.stringify(first));
    await clickTerm('Hanoi');
    const second = await page.waitFor(flashed, undefined, (f) => f?.block === 'second', 5000);
    assert(second.scrollY > first.scrollY, `the page scrolled down: ${first.scrollY} → ${second.scrollY}`);
    await popup.close();
    await page.close();
  });

  test('popup: the per-site switch removes and restores the marks without a reload', async () => {
    const page = await driver.openPage(`${origin}/summary.html`);
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.length >= 9);
    await page.evaluate(() => (window.__notReloaded = true));
    const tabId = await driver.activeTabId();
    const popup = await driver.openExtensionPage(`/popup.html?tab=${tabId}`);
    const toggle = async () => {
      const at = await popup.waitFor(() => {
        const r = document.querySelector('.switch input')?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      }, undefined, Boolean, 5000);
      await popup.mouseClick(at.x, at.y);
    };
    await toggle();
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => m === null, 5000);
    await popup.waitFor(() => document.querySelector('.summary .state')?.textContent ?? '', undefined, (t) => t.includes('Gloss is off on this site'), 5000);
    // Remembered for the site: another tab on it opens with Gloss off; another site is unaffected.
    const sameSite = await driver.openPage(`${origin}/basic.html`);
    const otherSite = await driver.openPage(`${origin.replace('127.0.0.1', 'localhost')}/basic.html`);
    await otherSite.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.length > 0, 8000);
    assert((await sameSite.evaluate(pageMarks, HIGHLIGHT)) === null, 'a new tab on the same site was marked');
    await toggle();
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.length >= 9, 5000);
    await sameSite.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.length > 0, 5000);
    assert(await page.evaluate(() => window.__notReloaded === true), 'the page was reloaded');
    await sameSite.close();
    await otherSite.close();
    await popup.close();
    await page.close();
  });

  test('popup: a tab Gloss cannot read gets a plain explanation, not an empty list', async () => {
    const reader = await driver.openExtensionPage('/reader.html');
    const tabId = await driver.activeTabId();
    const popup = await driver.openExtensionPage(`/popup.html?tab=${tabId}`);
    const text = await popup.waitFor(() => document.querySelector('.summary .state')?.textContent ?? '', undefined, (t) => t.includes('Gloss cannot read this tab'), 5000);
    assert(text.includes('Browser pages'), text);
    await popup.close();
    await reader.close();
  });

  test('the popup opens and reports the seeded knowledge base', async () => {
    const popup = await driver.openExtensionPage('/popup.html');
    const status = await popup.waitFor(() => document.querySelector('.status')?.dataset.mode, undefined, (m) => m === 'database' || m === 'memory', 8000);
    assert(status === 'database', `store mode: ${status}`);
    await popup.close();
  });

  defineTrustTests({ driver, origin, otherOrigin, proxy }, test);

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


  // Last, after every context has been used (background, content scripts, popup, options, reader).
  // The browsers' own services (updates, remote settings, autofill) are theirs, not Gloss's: Gloss
  // has no address of any host in it, so anything else is a leak.
  const BROWSER_VENDOR = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|mozilla\.com|mozilla\.org|mozilla\.net|firefox\.com)$/;
  test('privacy: nothing Gloss did, in any context, tried to leave the machine during the whole suite', async () => {
    const seenDuringSuite = proxy.take();
    // Prove the recorder sees what a page asks of the network.
    const probe = await driver.openPage(`${origin}/basic.html`);
    await probe.evaluate(() => fetch('http://gloss-probe.invalid/ping').catch(() => {}));
    await poll(async () => proxy.take(), (seen) => seen.some((r) => r.url.includes('gloss-probe.invalid')), 5000, 'the probe request at the proxy').catch((e) => {
      throw new Error(`the recording proxy saw nothing: ${e.message}`);
    });
    await probe.close();
    const leaks = seenDuringSuite.filter((r) => !BROWSER_VENDOR.test(new URL(r.url).hostname));
    assert(leaks.length === 0, `requests to the network: ${leaks.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  });

  return tests;
}

/** A browser whose language is Vietnamese: Gloss's own words are Vietnamese; corpus text is not. */
export function defineVietnameseSuite({ driver, origin }) {
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });

  test('the popup renders in Vietnamese', async () => {
    const popup = await driver.openExtensionPage('/popup.html');
    const view = await popup.waitFor(() => {
      const status = document.querySelector('[role="status"]')?.textContent ?? '';
      return status.includes('…') ? null : {
        lang: document.documentElement.lang,
        placeholder: document.querySelector('input[type="search"]')?.placeholder,
        heading: document.querySelector('#summary-title')?.textContent,
        status,
      };
    }, undefined, Boolean, 8000);
    assert(view.lang === 'vi', `lang=${view.lang}`);
    assert(view.placeholder?.startsWith('Một cái tên'), `placeholder: ${view.placeholder}`);
    assert(view.heading === 'Trên trang này', `heading: ${view.heading}`);
    assert(view.status === 'Cơ sở tri thức đã sẵn sàng', `status: ${view.status}`);
    await popup.close();
  });

  test('a card on a web page speaks Vietnamese around the English quotes', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.includes('Nguyen Phu Trong'));
    const at = await page.evaluate(pagePhraseCenter, { phrase: 'Nguyen Phu Trong' });
    await page.mouseMove(at.x - 30, at.y + 40);
    await page.mouseMove(at.x, at.y);
    const card = await page.waitFor(pageCard, HOST, (c) => c && c.busy !== 'true', 5000);
    assert(/Được nhắc đến trong \d+\/6 tài liệu/.test(card.text), card.text);
    assert(card.text.includes('general secretary of the Communist Party of Vietnam Central Committee'), 'quotes stay as written');
    const close = await page.evaluate((host) => document.querySelector(host).shadowRoot.querySelector('.close').getAttribute('aria-label'), HOST);
    assert(close === 'Đóng', `close button: ${close}`);
    await page.close();
  });

  return tests;
}

export function assert(condition, message) {
  if (!condition) throw new Error(message ?? 'assertion failed');
}

/**
 * Runs tests in order; prints one line each and returns the counts. Tabs a test leaves open (because
 * it failed before closing them) are closed after it, so one failure cannot mislead the next test.
 * GLOSS_E2E_ONLY=text runs only the tests whose names contain the text.
 */
export async function runTests(label, tests, driver) {
  let passed = 0;
  let failed = 0;
  const only = process.env.GLOSS_E2E_ONLY;
  for (const { name, fn } of tests) {
    if (only && !name.includes(only)) continue;
    const started = Date.now();
    const tabsBefore = new Set(await driver.openTabs());
    try {
      await fn();
      passed++;
      console.log(`  ✓ [${label}] ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✗ [${label}] ${name}\n      ${String(error?.stack ?? error).split('\n').slice(0, 4).join('\n      ')}`);
    }
    for (const tab of await driver.openTabs()) if (!tabsBefore.has(tab)) await tab.close().catch(() => {});
  }
  return { passed, failed };
}
