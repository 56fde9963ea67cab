// End to end: hover intent reads the pointer's speed (lib/page/hover.ts). A pointer that sweeps
// across a term on its way elsewhere opens nothing, however long it takes to cross it; one that
// comes to rest on it opens its card.
import { assert } from '../harness.mjs';
import { HIGHLIGHT, HOST, pageCard, pageMarks } from '../page.mjs';

/** The widest line box of any mark, in viewport coordinates. */
function pageWidestMark(name) {
  let widest = null;
  for (const range of CSS.highlights.get(name) ?? []) {
    for (const box of /** @type {Range} */ (range).getClientRects()) {
      if (box.top > 0 && box.bottom < innerHeight && (!widest || box.width > widest.right - widest.left)) {
        widest = { left: box.left, right: box.right, y: box.top + box.height / 2, text: range.toString() };
      }
    }
  }
  return widest;
}

/** Page side: the pointer moves the page saw, as [time, x]. */
function recordMoves() {
  window.__glossTestMoves = [];
  addEventListener('pointermove', (e) => window.__glossTestMoves.push([e.timeStamp, e.clientX]), { capture: true });
}

/** Most milliseconds between two moves the page saw, and the slowest speed over any two moves 50 ms apart or more. */
function pageSweepPace() {
  const moves = window.__glossTestMoves;
  let gap = 0;
  let slowest = Infinity;
  for (let i = 1; i < moves.length; i++) {
    gap = Math.max(gap, moves[i][0] - moves[i - 1][0]);
    for (let j = i; j < moves.length; j++) {
      if (moves[j][0] - moves[i - 1][0] < 50) continue;
      slowest = Math.min(slowest, Math.abs(moves[j][1] - moves[i - 1][1]) / (moves[j][0] - moves[i - 1][0]));
      break;
    }
  }
  return { gap, slowest };
}

export function define(ctx, test) {
  const { driver, origin, readyCard } = ctx;
  test('hover intent: a slow sweep across a term opens nothing; slowing to rest on it opens its card', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.includes('Belt and Road Initiative'));
    const box = await page.evaluate(pageWidestMark, HIGHLIGHT);
    assert(box && box.right - box.left > 100, `a term's line box: ${JSON.stringify(box)}`);
    await page.evaluate(recordMoves);
    // A slow sweep for a hand, fast for Gloss: 24 px a step, a step each time the page has answered
    // whether a card is open (a few tens of milliseconds: 0.2 px/ms and more, against the 0.1 px/ms
    // of SLOWED_PX_PER_MS), crossing the term in several dwells. What the page saw is checked after.
    for (let attempt = 1; ; attempt++) {
      let opened = null;
      await page.evaluate(() => (window.__glossTestMoves.length = 0));
      for (let x = box.left - 24; x <= box.right + 24; x += 24) {
        await page.mouseMove(x, box.y);
        opened ??= await page.evaluate(pageCard, HOST);
      }
      const pace = await page.evaluate(pageSweepPace);
      // On a busy machine the moves may stall: then the pointer did rest on the term, and a card
      // that opened was right to. Such a run proves nothing either way; the sweep is made again.
      if (pace.gap < 120 && pace.slowest > 0.12) {
        assert(opened === null, `a sweep at ${pace.slowest.toFixed(2)} px/ms or faster opened a card: ${opened?.name}`);
        break;
      }
      assert(attempt < 5, `the machine never moved the pointer steadily: ${JSON.stringify(pace)}`);
      await page.key('Escape');
      await page.mouseMove(5, 5);
    }
    await page.mouseMove((box.left + box.right) / 2, box.y);
    await readyCard(page);
    await page.close();
  });
}
