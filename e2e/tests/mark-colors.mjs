// Marks readable on any page: the colours come from the page's own background, not the system's
// colour scheme. A white page in a dark system gets the light page's underline, a dark page (with a
// white box in it) the dark page's, and every underline drawn is at least 3:1 against what is under
// it, as the browser computes both. (Firefox runs the whole suite with a dark system; Chromium is
// light and emulates dark here.)
import { tsImport } from 'tsx/esm/api';
import { assert } from '../harness.mjs';

const { contrast, parseColor } = await tsImport('../../lib/page/mark-colors.ts', import.meta.url);

/**
 * Each underlined term: the highlight it is drawn in, the underline colour the browser computes for
 * it there, and the colour under it (the first opaque background up the tree, white at the root).
 */
function drawnMarks() {
  const marks = [];
  for (const name of ['gloss-term', 'gloss-term-on-dark']) {
    for (const range of CSS.highlights.get(name) ?? []) {
      const element = range.startContainer.parentElement;
      let background = 'rgb(255, 255, 255)';
      for (let el = element; el; el = el.parentElement) {
        const colour = getComputedStyle(el).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)' && !/,\s*0(\.\d+)?\)$/.test(colour)) {
          background = colour;
          break;
        }
      }
      marks.push({
        text: range.toString(),
        name,
        underline: getComputedStyle(element, `::highlight(${name})`).textDecorationColor,
        background,
      });
    }
  }
  return { marks, systemDark: matchMedia('(prefers-color-scheme: dark)').matches };
}

/**
 * The tinted terms of each block in reading order: the highlight each is drawn in and the background the
 * browser computes for it there.
 */
function tintedByBlock() {
  const blocks = new Map();
  for (const name of [
    'gloss-term-tint',
    'gloss-term-tint-alt',
    'gloss-term-tint-on-dark',
    'gloss-term-tint-on-dark-alt',
  ]) {
    for (const range of CSS.highlights.get(name) ?? []) {
      const element = range.startContainer.parentElement;
      const block = element.closest('p, li, h1, h2, h3, td, blockquote');
      const box = /** @type {Range} */ (range).getBoundingClientRect();
      const list = blocks.get(block) ?? [];
      list.push({
        text: range.toString(),
        name,
        at: [Math.round(box.top + scrollY), box.left],
        tint: getComputedStyle(element, `::highlight(${name})`).backgroundColor,
      });
      blocks.set(block, list);
    }
  }
  return [...blocks.values()].map((list) => list.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]));
}

export function define(ctx, test) {
  const { driver, origin, storePreferences } = ctx;
  const check = (marks) => {
    const weak = marks
      .map((m) => ({ ...m, ratio: contrast(parseColor(m.underline), parseColor(m.background)) }))
      .filter((m) => !(m.ratio >= 3));
    assert(weak.length === 0, `underlines under 3:1: ${JSON.stringify(weak)}`);
  };

  test("marks: a white page in a dark system is marked in the light page's colours, every underline at least 3:1", async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await driver.emulateDark(page);
    // Gloss marks the page a slice at a time: every term of its first screen, once they are there.
    const { marks, systemDark } = await page.waitFor(drawnMarks, undefined, (d) => d.marks.length >= 8, 8000);
    assert(systemDark, 'the system is not dark');
    assert(
      marks.every((m) => m.name === 'gloss-term'),
      JSON.stringify(marks),
    );
    check(marks);
    await page.close();
  });

  test('marks: tinted terms side by side in a block take the two tints in turn, so neighbours stay apart', async () => {
    await storePreferences({
      hoverDelayMs: 150,
      cardTrigger: 'hover',
      markStyle: 'tint',
      markDensity: 'every',
      theme: 'system',
      showBadge: true,
    });
    try {
      const page = await driver.openPage(`${origin}/density.html`);
      const blocks = await page.waitFor(tintedByBlock, undefined, (b) => b.some((list) => list.length >= 2), 8000);
      const pairs = blocks.flatMap((list) => list.slice(1).map((mark, i) => [list[i], mark]));
      const same = pairs.filter(([a, b]) => a.name === b.name || a.tint === b.tint);
      assert(pairs.length >= 2 && same.length === 0, `neighbours alike: ${JSON.stringify(same)}`);
      await page.close();
    } finally {
      await storePreferences(null);
    }
  });

  test("marks: a dark page is marked in the dark page's colours and a white box on it in the light page's, every underline at least 3:1", async () => {
    const page = await driver.openPage(`${origin}/dark-page.html`);
    const { marks } = await page.waitFor(drawnMarks, undefined, (d) => d.marks.length >= 5, 8000);
    const tone = (word) => marks.find((m) => m.text.startsWith(word))?.name;
    assert(
      tone('Nguyen Phu Trong') === 'gloss-term-on-dark' && tone('Belt and Road') === 'gloss-term-on-dark',
      JSON.stringify(marks),
    );
    assert(tone('Xi Jinping') === 'gloss-term', JSON.stringify(marks));
    check(marks);
    await page.close();
  });
}
