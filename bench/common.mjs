// What both benchmarks use (bench/run.mjs, bench/user-data.mjs): the hover measurement, from the
// pointer coming to rest on a term to the frame in which its card is painted, minus the dwell; and
// writing a table of results into BENCHMARKS.md.
import { readFileSync, writeFileSync } from 'node:fs';
const DWELL_MS = 150; // lib/page/hover.ts
const TERMS = [['RCEP', 'Regional Comprehensive Economic Partnership'], ['Hanoi', 'Hanoi']];

/**
 * `reps` hovers over the terms of basic.html on `page` (already marked), in turn; each latency in ms.
 * `withYours`: a card counts as painted only once it lists the reader's documents too.
 */
export async function hoverLatencies(page, reps, { withYours = false } = {}) {
  const latencies = [];
  for (let r = 0; r < reps; r++) {
    const [phrase, name] = TERMS[r % TERMS.length];
    const at = await page.evaluate((p) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(p);
        if (i === -1) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + p.length);
        const b = range.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }, phrase);
    const painted = page.raw.evaluate(({ expected, yours }) => new Promise((done) => {
      let arrived = 0;
      addEventListener('pointermove', () => (arrived = performance.now()), { capture: true, once: false });
      const check = () => {
        const card = document.querySelector('gloss-card')?.shadowRoot?.querySelector('.card[aria-busy="false"]');
        if (arrived && card?.querySelector('.name')?.textContent === expected && (!yours || card.querySelector('.yours'))) done(performance.now() - arrived);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }), { expected: name, yours: withYours });
    await page.mouseMove(at.x, at.y);
    latencies.push((await painted) - DWELL_MS);
    await page.key('Escape');
    await page.mouseMove(5, 5);
    await new Promise((r) => setTimeout(r, 400));
  }
  return latencies;
}

/** Writes `rows` as a table, under `heading`, between BENCHMARKS.md's `<!-- marker:start -->` and `<!-- marker:end -->`. */
export function writeResults(file, marker, heading, rows) {
  writeSection(file, marker, [
    heading,
    '',
    '| | measurement | result | target | details |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.met === null ? '' : r.met ? '✓' : '✗'} | ${r.metric} | ${r.value} | ${r.target} | ${r.detail} |`),
  ]);
}

/** Writes `lines` between BENCHMARKS.md's `<!-- marker:start -->` and `<!-- marker:end -->`. */
export function writeSection(file, marker, lines) {
  const between = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*<!-- ${marker}:end -->`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(between, `<!-- ${marker}:start -->\n${lines.join('\n')}\n<!-- ${marker}:end -->`));
  console.log(`Wrote the ${marker} table into BENCHMARKS.md`);
}
