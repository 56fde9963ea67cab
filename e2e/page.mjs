// What the end-to-end tests read in a page: functions that run in the page (its main world), passed
// to a driver's evaluate. Plain loops and Array.from where a hostile page may break Array methods.

/** Card and mark names as the extension defines them (entrypoints/finder). */
export const HOST = 'gloss-card';
export const HIGHLIGHT = 'gloss-term';

// ── Helpers that run in the page (main world) ───────────────────────────────────────────────────

/** Centre of the `occurrence`-th appearance of `phrase` in the page's text, scrolled into view. */
export function pagePhraseCenter({ phrase, occurrence = 0, within = null }) {
  const root = within ? document.querySelector(within) : document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let at = /** @type {Text} */ (n).data.indexOf(phrase);
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
      at = /** @type {Text} */ (n).data.indexOf(phrase, at + 1);
    }
  }
  return null;
}

/** Centre of an element of the page (an extension page's control), scrolled into view; null while it is not there. */
export function pageControlCenter(selector) {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.left + Math.min(r.width / 2, 12), y: r.top + r.height / 2 };
}

/** The ranges of highlight `name` registered now: Gloss's marks near the screen (lib/page/near-view.ts). */
export function pageMarks(name) {
  const h = CSS.highlights.get(name);
  // Array.from rather than spread and map: one hostile page breaks Array.prototype.map.
  return h ? Array.from(h, (r) => r.toString()) : null;
}

/**
 * The ranges of highlight `name` registered now, each with the character of its block's text just
 * before it and just after it ('' at the block's edge): a mark inside a longer word has a letter
 * beside it, whatever its own text reads.
 */
export function pageMarkSurroundings(name) {
  const h = CSS.highlights.get(name);
  if (!h) return null;
  const blockOf = (node) => {
    let el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    while (el && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
    return el ?? node.getRootNode();
  };
  return Array.from(h, (range) => {
    // Gloss registers live Ranges, not StaticRanges.
    const block = blockOf(/** @type {Range} */ (range).commonAncestorContainer);
    const before = document.createRange();
    before.selectNodeContents(block);
    before.setEnd(range.startContainer, range.startOffset);
    const after = document.createRange();
    after.selectNodeContents(block);
    after.setStart(range.endContainer, range.endOffset);
    return {
      text: range.toString(),
      before: Array.from(before.toString()).pop() ?? '',
      after: Array.from(after.toString())[0] ?? '',
    };
  });
}

/**
 * Every mark of highlight `name` on a page of any length, read as a reader sees them: Gloss registers
 * only the marks near the screen, so the page is scrolled a screen at a time, each screen read once
 * the browser has told intersection observers where things are, then scrolled back. Null when there
 * is no such highlight. The tab must be in front.
 */
export async function pageMarksThroughout(name) {
  if (!CSS.highlights.get(name)) return null;
  // A tab out of sight draws nothing, and intersection observers are told nothing until it is shown.
  if (document.visibilityState === 'hidden') throw new Error('the page must be in front to be read');
  /**
   * Two rendering updates: an observer of this page is told of the first with Gloss's, and by the
   * second every observer has been told of the first, whatever their order.
   */
  const observed = () =>
    new Promise((resolve) => {
      const observer = new IntersectionObserver(() => {
        observer.disconnect();
        resolve();
      });
      observer.observe(document.documentElement);
    });
  const scroller = document.scrollingElement ?? document.documentElement;
  const start = scroller.scrollTop;
  const seen = new Set();
  for (let top = 0; ; top += innerHeight) {
    scroller.scrollTo({ top, behavior: 'instant' });
    await observed();
    await observed();
    for (const range of CSS.highlights.get(name) ?? []) seen.add(range);
    if (top + innerHeight >= scroller.scrollHeight) break;
  }
  scroller.scrollTo({ top: start, behavior: 'instant' });
  return Array.from(seen, (r) => r.toString());
}

export function pageCard(host) {
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

export function pageElementCenter({ host, selector, index = 0 }) {
  const el = document.querySelector(host)?.shadowRoot?.querySelectorAll(selector)[index];
  if (!el) return null;
  // A link that wraps has several line boxes; aim at the first one, as a reader would.
  const r = el.getClientRects()[0];
  return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
}

/** The page's markup without Gloss's host element. */
export function pageMarkupWithoutGloss(host) {
  const clone = /** @type {HTMLElement} */ (document.documentElement.cloneNode(true));
  clone.querySelectorAll(host).forEach((el) => el.remove());
  return clone.outerHTML;
}

/** The popup's words for a page on which Gloss found no term. */
export const NO_TERM_ON_PAGE = 'No term Gloss knows is on this page.';

/**
 * Opens e2e/fixtures/no-terms.html and the popup for its tab, once the popup says Gloss found no term
 * there (the popup asks the page itself, so by then Gloss has read it).
 */
export async function noTermPageAndPopup(driver, origin) {
  const page = await driver.openPage(`${origin}/no-terms.html`);
  const tabId = await driver.activeTabId();
  const popup = await driver.openExtensionPage(`/popup.html?tab=${tabId}`);
  await popup.waitFor(
    () => document.querySelector('.summary .state')?.textContent ?? '',
    undefined,
    (t) => t === NO_TERM_ON_PAGE,
    8000,
  );
  return { page, tabId, popup };
}
