// The source viewer: every mention marked and hoverable, the timeline, the welcome page.
import { assert } from '../harness.mjs';

export function define(ctx, test) {
  const { driver } = ctx;
  // ── The source viewer ───────────────────────────────────────────────────────────────────────────
  const viewerMention = (entryId) => {
    const el = document.querySelector(`.mention[data-entry="${entryId}"]`);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 15), y: r.top + r.height / 2, text: el.textContent };
  };
  const viewerCard = () => {
    const card = document.querySelector('.viewer-card:not([hidden]) .card[aria-busy="false"]');
    return card
      ? { name: card.querySelector('.name').textContent, citations: card.querySelectorAll('a.cite').length }
      : null;
  };

  test('source viewer: every mention is marked and hovering one opens its card', async () => {
    const viewer = await driver.openExtensionPage('/viewer.html#doc=xinhua-community&p=7');
    // Wait until the reader has scrolled to and focused paragraph 7 (an effect that runs after the
    // first paint), or that scroll could move the term after the test measured where it is.
    const marked = await viewer.waitFor(
      () => {
        if (!document.activeElement?.matches('li.target')) return null;
        const mentions = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.mention'));
        return [...mentions].map((m) => m.dataset.entry);
      },
      undefined,
      (m) => m?.length > 50,
      8000,
    );
    assert(marked.includes('nguyen-phu-trong') && marked.includes('rcep'), JSON.stringify(marked.slice(0, 10)));
    const at = await viewer.evaluate(viewerMention, 'rcep');
    assert(at.text === 'Regional Comprehensive Economic Partnership', at.text);
    await viewer.mouseMove(at.x - 30, at.y + 30);
    await viewer.mouseMove(at.x, at.y);
    const card = await viewer.waitFor(
      viewerCard,
      undefined,
      (c) => c?.name === 'Regional Comprehensive Economic Partnership',
      5000,
    );
    assert(card.citations >= 1, `citations: ${card.citations}`);
    await viewer.key('Escape');
    await viewer.waitFor(viewerCard, undefined, (c) => c === null, 3000);
    await viewer.close();
  });

  test('source viewer: the timeline lists the dated events in order, undated ones apart, each cited', async () => {
    const viewer = await driver.openExtensionPage('/viewer.html#timeline');
    const view = await viewer.waitFor(
      () => {
        const lists = document.querySelectorAll('ol.timeline');
        if (!lists.length) return null;
        const events = (list) =>
          [...list.querySelectorAll('.event')].map((e) => ({
            when: e.querySelector('time')?.getAttribute('datetime') ?? null,
            title: e.querySelector('h3').textContent,
            cite: e.querySelector('a.cite')?.textContent ?? '',
          }));
        return { dated: events(lists[0]), undated: lists[1] ? events(lists[1]) : [] };
      },
      undefined,
      Boolean,
      8000,
    );
    const dates = view.dated.map((e) => e.when);
    assert(dates.length >= 6 && dates.every(Boolean), JSON.stringify(dates));
    assert(JSON.stringify(dates) === JSON.stringify([...dates].sort()), `in order: ${dates.join(', ')}`);
    assert(
      view.undated.some((e) => e.title === 'To Lam\u2019s first state visit to China' || e.title.startsWith('To Lam')),
      JSON.stringify(view.undated),
    );
    assert(
      [...view.dated, ...view.undated].every((e) => /· ¶ \d+$/.test(e.cite)),
      'every event is cited',
    );
    // A citation on the timeline opens its document at the passage.
    const at = await viewer.evaluate(() => {
      const a = document.querySelector('#event-trong-arrives-beijing-2022 a.cite');
      a.scrollIntoView({ block: 'center' });
      const r = a.getClientRects()[0];
      return { x: r.left + 10, y: r.top + r.height / 2 };
    });
    await viewer.mouseClick(at.x, at.y);
    const shown = await viewer.waitFor(
      () => document.querySelector('li.target mark.quote')?.textContent ?? null,
      undefined,
      Boolean,
      5000,
    );
    assert(shown.startsWith('On October 31, 2022'), shown);
    await viewer.close();
  });

  test('welcome: installing Gloss opened a page with a passage to try hovering on', async () => {
    const welcome = await driver.findPage((url) => url.endsWith('/viewer.html#welcome'));
    await welcome.waitFor(
      () => document.querySelectorAll('.welcome .mention').length,
      undefined,
      (n) => n >= 3,
      8000,
    );
    const text = await welcome.evaluate(
      () => /** @type {HTMLElement} */ (document.querySelector('.welcome')).innerText,
    );
    assert(
      text.includes('Alt') && text.includes('Look up in Gloss'),
      'the welcome page explains the shortcut and the menu',
    );
    assert(text.includes('need a reload'), 'it says tabs open before the install need a reload');
    assert(
      text.includes('Chrome and Chromium:') && text.includes('Pin to Toolbar'),
      'it shows how to pin the button in each browser',
    );
    assert(
      await welcome.evaluate(() => document.title === 'Welcome to Gloss'),
      'the tab is titled as the welcome page',
    );
    const at = await welcome.evaluate(viewerMention, 'xi-jinping');
    await welcome.mouseMove(at.x - 30, at.y + 30);
    await welcome.mouseMove(at.x, at.y);
    await welcome.waitFor(viewerCard, undefined, (c) => c?.name === 'Xi Jinping', 5000);
  });
}
