// What the end-to-end tests read in a page: functions that run in the page (its main world), passed
// to a driver's evaluate. Plain loops and Array.from where a hostile page may break Array methods.

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
  const clone = document.documentElement.cloneNode(true);
  clone.querySelectorAll(host).forEach((el) => el.remove());
  return clone.outerHTML;
}
