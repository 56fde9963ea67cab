// What every benchmark uses (bench/run.mjs, bench/user-data.mjs, bench/packs.mjs): statistics, the
// page-side harness in a plain headless Chromium, the options page's main-thread watch, the hover
// measurement (from the pointer coming to rest on a term to the frame in which its card is painted,
// minus the dwell), and writing a table of results into BENCHMARKS.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/drivers.mjs';
import { HOST, pageCard } from '../e2e/page.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The card's dwell, as the extension defines it. */
const { DWELL_MS } = await tsImport('../lib/timing.ts', import.meta.url);
const TERMS = [
  ['RCEP', 'Regional Comprehensive Economic Partnership'],
  ['Hanoi', 'Hanoi'],
];
/** The popup's search is measured once per keystroke of each of these. */
export const QUERIES = ['doi moy', 'Tô Lâm', 'nguyen phu trng', 'belt road', 'global civilisation initiative'];

/** The real pages a scan is measured on (a smoke run: a small fixture), served by e2e/server.mjs. */
export const scanPages = (smoke) =>
  smoke
    ? [{ name: 'fixture (basic.html)', path: '/basic.html' }]
    : [
        { name: 'Wikipedia "New Zealand" (1 MB)', path: '/shared/perf_wikipedia_New_Zealand_readability_source.html' },
        { name: 'War and Peace (4 MB)', path: '/shared/perf_gutenberg_war_and_peace_2600-h.htm' },
      ];

// ── statistics ────────────────────────────────────────────────────────────────────────────────
export const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const quantile = (xs, q) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
export const median = (xs) => quantile(xs, 0.5);
export const fmt = (x, digits = x >= 100 ? 0 : x >= 10 ? 1 : 2) => Number(x).toFixed(digits);
export const spread = (xs) => (xs.length > 1 ? `${fmt(sorted(xs)[0])}–${fmt(sorted(xs).at(-1))}` : '—');

/** A table's rows, each printed as it is taken; a smoke run's numbers are reported, not judged. */
export function recorder(smoke) {
  const rows = [];
  const record = (metric, value, target, met, detail = '') => {
    rows.push({ metric, value, target, met, detail });
    const mark = met === null || smoke ? ' ' : met ? '✓' : '✗';
    console.log(`  ${mark} ${metric}: ${value}${target ? ` (target ${target})` : ''}${detail ? `  [${detail}]` : ''}`);
  };
  return { rows, record };
}

// ── a plain headless Chromium with the page-side harness (bench/page-bench.ts) ──────────────────

/** Starts Chromium; `benchPage(path)` opens a fresh page of `origin` with `window.glossBench` in it. */
export async function startBenchBrowser(origin) {
  const code = (
    await build({
      entryPoints: [resolve(root, 'bench/page-bench.ts')],
      bundle: true,
      format: 'iife',
      write: false,
      target: 'chrome120',
      logLevel: 'error',
    })
  ).outputFiles[0].text;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const benchPage = async (path) => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${origin}${path}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.addScriptTag({ content: code });
    return page;
  };
  return { browser, benchPage, version: browser.version(), close: () => browser.close() };
}

// ── the options page's main thread, watched in the page ─────────────────────────────────────────
/** Starts watching the page's main thread: a heartbeat's largest gap, and Chrome's long tasks. */
function watchMainThread(every) {
  const watch = /** @type {Window['__glossWatch']} */ ({ longest: 0, longTasks: [] }); // its timer and observer next
  let last = performance.now();
  watch.timer = setInterval(() => {
    const now = performance.now();
    watch.longest = Math.max(watch.longest, now - last - every);
    last = now;
  }, every);
  watch.observer = new PerformanceObserver((list) => watch.longTasks.push(...list.getEntries().map((e) => e.duration)));
  watch.observer.observe({ type: 'longtask' });
  window.__glossWatch = watch;
}
function stopWatching() {
  const watch = window.__glossWatch;
  clearInterval(watch.timer);
  watch.observer.disconnect();
  return { gap: watch.longest, longTasks: watch.longTasks };
}
/** What a form of the options page says it did, or why it did nothing; null until it says. */
const outcome = (selector) =>
  document.querySelector(`${selector} [role="status"], ${selector} [role="alert"]`)?.textContent ?? null;
/** How often the heartbeat beats, in ms. */
const HEARTBEAT_MS = 5;

/**
 * Runs `act` on an extension page until the form `selector` says what happened: the time, what it
 * said, and the main thread meanwhile (`prepare`, what the reader does first, is watched but not timed).
 */
export async function timedOutcome(page, act, selector, prepare = async () => {}) {
  await page.evaluate(watchMainThread, HEARTBEAT_MS);
  await prepare();
  const started = Date.now();
  await act();
  const shown = await page.waitFor(outcome, selector, Boolean, 600000);
  const ms = Date.now() - started;
  return { ms, ...(await page.evaluate(stopWatching)), shown };
}

/** The row of a run's longest main-thread task: none of 50 ms or more meets the target. */
export function recordLongest(record, metric, run) {
  const longest = run.longTasks.length ? Math.max(...run.longTasks) : null;
  record(
    metric,
    longest === null ? 'none ≥ 50 ms' : `${fmt(longest)} ms`,
    '≤ 50 ms',
    longest === null,
    `${run.longTasks.length} tasks of 50 ms or more; largest heartbeat gap ${fmt(run.gap)} ms`,
  );
}

// ── the card on a web page ──────────────────────────────────────────────────────────────────────
/** basic.html in a tab of the extension's browser, once Gloss has marked it. */
export async function markedPage(driver, origin) {
  const page = await driver.openPage(`${origin}/basic.html`);
  await page.waitFor(
    () => CSS.highlights.get('gloss-term')?.size ?? 0,
    undefined,
    (n) => n > 5,
    10000,
  );
  return page;
}

/**
 * `reps` hovers over the terms of basic.html on `page` (already marked), in turn; each latency in ms.
 * `until`: a card counts as painted only once it holds this (".yours": the reader's documents listed).
 */
export async function hoverLatencies(page, reps, { until = null } = {}) {
  const latencies = [];
  for (let r = 0; r < reps; r++) {
    const [phrase, name] = TERMS[r % TERMS.length];
    const at = await page.evaluate((p) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = /** @type {Text} */ (n).data.indexOf(p);
        if (i === -1) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + p.length);
        const b = range.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }, phrase);
    const painted = page.raw.evaluate(
      ({ expected, until }) =>
        new Promise((done) => {
          let arrived = 0;
          addEventListener('pointermove', () => (arrived = performance.now()), { capture: true, once: false });
          const check = () => {
            const card = document.querySelector('gloss-card')?.shadowRoot?.querySelector('.card[aria-busy="false"]');
            if (
              arrived &&
              card?.querySelector('.name')?.textContent === expected &&
              (!until || card.querySelector(until))
            )
              done(performance.now() - arrived);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      { expected: name, until },
    );
    await page.mouseMove(at.x, at.y);
    latencies.push((await painted) - DWELL_MS);
    await page.key('Escape');
    await page.mouseMove(5, 5);
    // The next hover starts with no card open.
    await page.waitFor(pageCard, HOST, (c) => c === null, 5000);
  }
  return latencies;
}

/**
 * Writes `rows` as a table, under `heading`, between BENCHMARKS.md's `<!-- marker:start -->` and `<!-- marker:end -->`.
 */
export function writeResults(file, marker, heading, rows) {
  writeSection(file, marker, [
    heading,
    '',
    '| | measurement | result | target | details |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.met === null ? '' : r.met ? '✓' : '✗'} | ${r.metric} | ${r.value} | ${r.target} | ${r.detail} |`,
    ),
  ]);
}

/** Writes `lines` between BENCHMARKS.md's `<!-- marker:start -->` and `<!-- marker:end -->`. */
export function writeSection(file, marker, lines) {
  const between = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*<!-- ${marker}:end -->`);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      between,
      `<!-- ${marker}:start -->\n${lines.join('\n')}\n<!-- ${marker}:end -->`,
    ),
  );
  console.log(`Wrote the ${marker} table into BENCHMARKS.md`);
}
