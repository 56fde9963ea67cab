// `npm run bench`: how fast Gloss is, measured side by side in one run of headless Chromium, and
// written into BENCHMARKS.md. `--smoke`: one quick repetition on a small page, for CI (nothing written).
// `--only=outside,scan,growth,linear,store,search,hover,dynamic,size,user-data,packs`: just those sections (nothing
// written, but for a table whose sections all ran: the outside-in one's, outside and dynamic; the
// results table's, scan, growth, linear, store, search, hover and size).
// `--baseline=DIR`: also measure another build of Gloss (a chrome-mv3 directory) in the outside-in
// section, side by side with this one, for a before-and-after.
// `--pages=vi,viNoTerm`: the outside-in section on those pages alone (their ids in bench/pages.mjs;
// nothing written), for a quick look at one page while working on it.
// `--no-build`: measure the zips and build already in .output (npm test has just made them).
// Real pages come from ../shared/pages at run time (see its SOURCES.md for attribution).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromiumDriver } from '../e2e/drivers.mjs';
import { startServer } from '../e2e/server.mjs';
import {
  fmt,
  hoverLatencies,
  markedPage,
  median,
  QUERIES,
  quantile,
  recorder,
  scanPages,
  spread,
  startBenchBrowser,
  writeResults,
  writeSection,
} from './common.mjs';
import {
  AFTER_LOAD_MS,
  judge,
  judgeLive,
  LIVE_SHARE_TARGET,
  liveTable,
  outsideIn,
  outsideInTable,
  partsTable,
  readThroughTable,
} from './outside-in.mjs';
import { benchPages, englishProse, OUTSIDE_IN_PAGES, paragraphsOf } from './pages.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const smoke = process.argv.includes('--smoke');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wants = (section) => !only || only.includes(section);
/** The sections whose rows make the results table. */
const RESULTS_SECTIONS = ['scan', 'growth', 'linear', 'store', 'search', 'hover', 'size'];
const baseline = process.argv.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length);
const pageIds = process.argv
  .find((a) => a.startsWith('--pages='))
  ?.slice('--pages='.length)
  .split(',');
const REPS = smoke ? 1 : 5;
const MARKJS_REPS = smoke ? 1 : 3;
const HOVER_REPS = smoke ? 3 : 30;
const DYNAMIC_SECONDS = smoke ? 1 : 10;
const LIVE_REPS = smoke ? 1 : 3;
const PAGES = scanPages(smoke);
const GROWTH = smoke ? [100, 1000] : [100, 1000, 10000];

const { rows, record } = recorder(smoke);
// The outside-in rows have a table of their own.
const { rows: outsideRows, record: recordOutside } = recorder(smoke);

// ── setup ─────────────────────────────────────────────────────────────────────────────────────
console.log(smoke ? 'Benchmark smoke run' : 'Benchmark');
/** The machine's load when the run began: other work on a shared machine moves every number. */
const loadAtStart = loadavg()[0];
if (!process.argv.includes('--no-build'))
  execFileSync('npm', ['run', 'zip', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
// The bundled pack as shipped; its compiled corpus is what the page-side measurements read.
const pack = JSON.parse(readFileSync(resolve(root, '.output/chrome-mv3/bundled.gloss'), 'utf8'));
const bundle = { ...pack.compiled, hash: pack.hash };
/** A comparison script for the outside-in section, bundled from bench/ to be evaluated in the page. */
const comparisonScript = async (name, contents) => ({
  name,
  source: (
    await build({
      stdin: { contents, resolveDir: resolve(root, 'bench'), loader: 'ts' },
      bundle: true,
      format: 'iife',
      write: false,
      target: 'chrome120',
      logLevel: 'error',
    })
  ).outputFiles[0].text,
});
const scripts = {
  floors: await comparisonScript(
    'gloss-bench-floors.js',
    "import { walkTextNodes, walkElementsAndText, readEveryCharacter, readEveryWord } from './floors';" +
      ' globalThis.benchFloors = { walk: () => walkTextNodes(), elements: () => walkElementsAndText(),' +
      ' read: () => readEveryCharacter(), words: () => readEveryWord() };',
  ),
  markjs: await comparisonScript(
    'gloss-bench-markjs.js',
    "import { markWithMarkjs } from './markjs'; globalThis.benchMarkjs = (words) => markWithMarkjs(document.body, words);",
  ),
};
const server = await startServer({ pages: benchPages(pack.compiled.aliases) });
const { benchPage, version: chromiumVersion, close: closeBrowser } = await startBenchBrowser(server.origin);

// ── outside in: what the page pays, from a CPU profile of its loads; and a page that never stops changing ──
let outsideInLines = [];
if (wants('outside') || wants('dynamic')) {
  const pagesMeasured = !wants('outside')
    ? []
    : smoke
      ? OUTSIDE_IN_PAGES.filter((p) => p.id === 'tiny')
      : OUTSIDE_IN_PAGES.filter((p) => !pageIds || pageIds.includes(p.id));
  console.log(
    `\nOutside in — CPU profile from navigation to ${smoke ? 1000 : AFTER_LOAD_MS} ms after load${baseline ? `; before: ${baseline}` : ''}`,
  );
  const { pages: results, live } = await outsideIn({
    origin: server.origin,
    extension: resolve(root, '.output/chrome-mv3'),
    baseline: baseline && resolve(baseline),
    pages: pagesMeasured,
    reps: REPS,
    markjsReps: MARKJS_REPS,
    afterLoadMs: smoke ? 1000 : AFTER_LOAD_MS,
    words: [...new Set(bundle.aliases.map((a) => a.text))],
    scripts,
    live: wants('dynamic') ? { seconds: DYNAMIC_SECONDS, reps: LIVE_REPS } : null,
    log: console.log,
  });
  const judged = judge(results);
  for (const { r, ms, longest, longestMet, target } of judged) {
    if (target)
      recordOutside(
        `${r.page.name}: Gloss, all its JS`,
        `${fmt(ms)} ms${target.ratio === null ? '' : ` (${fmt(target.ratio)}×)`}`,
        target.text,
        target.met,
      );
    recordOutside(`${r.page.name}: Gloss's longest task`, `${fmt(longest)} ms`, '≤ 50 ms', longestMet);
  }
  if (judged.length) {
    outsideInLines = outsideInTable(judged, {
      hasBaseline: !!baseline,
      aliasCount: new Set(bundle.aliases.map((a) => a.text)).size,
    });
    const readThrough = readThroughTable(judged, { hasBaseline: !!baseline });
    if (readThrough.length) {
      console.log(`\nRead through:\n${readThrough.join('\n')}`);
      outsideInLines.push(
        '',
        'The same pages read through: what Gloss leaves for later it pays for once the reader goes there.',
        '',
        ...readThrough,
      );
    }
    const parts = partsTable(judged);
    console.log(`\nWhere Gloss's time goes, by part:\n${parts.join('\n')}`);
    outsideInLines.push(
      '',
      "Where Gloss's time goes, by part (the source files of each profiled sample's innermost Gloss frame):",
      '',
      ...parts,
    );
  }
  if (live) {
    const liveJudged = judgeLive(live);
    for (const { run, share, met } of liveJudged)
      recordOutside(
        `live page, ${run.name}: Gloss's share of main-thread time`,
        `${fmt(share)} %`,
        `≤ ${LIVE_SHARE_TARGET} %`,
        met,
      );
    outsideInLines.push('', ...liveTable(liveJudged, live, { hasBaseline: !!baseline }));
  }
}

try {
  // ── page scan: Gloss vs the floor vs mark.js ──────────────────────────────────────────────
  for (const { name, path } of wants('scan') ? PAGES : []) {
    console.log(`\nPage scan — ${name}, all ${bundle.aliases.length} aliases`);
    // Each measured in a fresh page, as a content script meets a page: nothing compiled or wrapped
    // yet. Then once more in the same page ("warm"), for the cost of the work alone.
    const floor = [];
    const warmFloor = [];
    const gloss = [];
    const warmGloss = [];
    const wall = [];
    const build = [];
    const slices = [];
    let marks = 0;
    for (let r = 0; r < REPS; r++) {
      let page = await benchPage(path);
      floor.push((await page.evaluate(() => window.glossBench.floor())).ms);
      warmFloor.push((await page.evaluate(() => window.glossBench.floor())).ms);
      await page.close();
      page = await benchPage(path);
      const g = await page.evaluate((b) => window.glossBench.gloss(b, 0), bundle);
      warmGloss.push((await page.evaluate((b) => window.glossBench.gloss(b, 0), bundle)).workMs);
      gloss.push(g.workMs);
      wall.push(g.ms);
      build.push(g.buildMs);
      slices.push(g.longestSliceMs);
      marks = g.marks;
      await page.close();
    }
    const markjs = [];
    let markjsMarks = 0;
    for (let r = 0; r < MARKJS_REPS; r++) {
      const page = await benchPage(path);
      const m = await page.evaluate((b) => window.glossBench.markjs(b, 0), bundle);
      markjs.push(m.ms);
      markjsMarks = m.marks;
      await page.close();
    }
    const ratio = median(gloss) / median(floor);
    record(
      `${name}: Gloss ÷ floor`,
      `${fmt(ratio)}×`,
      '≤ 2×',
      ratio <= 2,
      `Gloss ${fmt(median(gloss))} ms (${spread(gloss)}), floor ${fmt(median(floor))} ms (${spread(floor)}), ${marks} marks; ${fmt(median(wall))} ms from start to done, slices and the page's frames between them; matcher built in ${fmt(median(build))} ms`,
    );
    record(
      `${name}: warm, Gloss ÷ floor`,
      `${fmt(median(warmGloss) / median(warmFloor))}×`,
      '',
      null,
      `second pass in the same page: Gloss ${fmt(median(warmGloss))} ms, floor ${fmt(median(warmFloor))} ms`,
    );
    record(
      `${name}: mark.js ÷ Gloss`,
      `${fmt(median(markjs) / median(gloss))}×`,
      '',
      null,
      `mark.js ${fmt(median(markjs))} ms (${spread(markjs)}), ${markjsMarks} marks`,
    );
    const longest = Math.max(...slices);
    record(
      `${name}: Gloss's longest main-thread task`,
      `${fmt(longest)} ms`,
      '≤ 50 ms',
      longest <= 50,
      `median of longest slices ${fmt(median(slices))} ms`,
    );
  }

  // ── growth with the number of aliases ─────────────────────────────────────────────────────
  if (wants('growth')) {
    console.log(`\nGrowth — ${PAGES[0].name}`);
    const growth = new Map();
    for (let r = 0; r < REPS; r++) {
      for (const count of GROWTH) {
        const page = await benchPage(PAGES[0].path);
        const g = await page.evaluate(({ b, n }) => window.glossBench.gloss(b, n), { b: bundle, n: count });
        growth.set(count, [...(growth.get(count) ?? []), g]);
        await page.close();
      }
    }
    for (const count of GROWTH) {
      const runs = growth.get(count);
      record(
        `scan with ${count} aliases`,
        `${fmt(median(runs.map((g) => g.workMs)))} ms`,
        '',
        null,
        `automaton built in ${fmt(median(runs.map((g) => g.buildMs)))} ms`,
      );
    }
    const [fewest, most] = [GROWTH[0], GROWTH.at(-1)];
    const growthRatio = median(growth.get(most).map((g) => g.workMs)) / median(growth.get(fewest).map((g) => g.workMs));
    record(`${most} ÷ ${fewest} aliases`, `${fmt(growthRatio)}×`, '≤ 1.5×', growthRatio <= 1.5);
  }

  // ── matching time against the length of any Unicode text ─────────────────────────────────────
  if (wants('linear')) {
    console.log('\nLinear time — random Unicode of every plane, aliases mixed in');
    const sizes = smoke ? [50_000, 500_000] : [200_000, 2_000_000];
    const page = await benchPage(PAGES[0].path);
    const times = new Map(sizes.map((n) => [n, []]));
    for (let r = 0; r < REPS; r++) {
      for (const n of sizes)
        times.get(n).push((await page.evaluate(({ b, n }) => window.glossBench.linear(b, n), { b: bundle, n })).ms);
    }
    await page.close();
    for (const n of sizes)
      record(
        `${(n / 1000).toLocaleString('en')}k code units`,
        `${fmt(median(times.get(n)))} ms`,
        '',
        null,
        `${fmt((median(times.get(n)) / n) * 1e6)} ns per code unit`,
      );
    const [small, large] = sizes;
    const perUnit = median(times.get(large)) / large / (median(times.get(small)) / small);
    record(`time per code unit, ${large / small}× the text`, `${fmt(perUnit)}×`, '≤ 1.5×', perUnit <= 1.5);

    // Vietnamese at the speed of English: the sieve and the folding per character of Vietnamese prose
    // and of as much English prose (War and Peace), in the same page, warm.
    // Ten copies of the Vietnamese article, as on the outside-in page: passes long enough for the page's timer.
    const vietnamese = Array(10).fill(paragraphsOf('vi_wikipedia_dang_cong_san_viet_nam_2017.txt')).flat();
    const english = englishProse(vietnamese.reduce((sum, p) => sum + p.length, 0));
    const perChar = await benchPage(PAGES[0].path);
    const [vi, en] = await perChar.evaluate(({ b, texts, reps }) => window.glossBench.perCharacter(b, texts, reps), {
      b: bundle,
      texts: [vietnamese, english],
      reps: smoke ? 3 : 15,
    });
    await perChar.close();
    for (const [what, key] of [
      ['the sieve', 'sieveNs'],
      ['folding', 'foldNs'],
    ]) {
      const ratio = vi[key] / en[key];
      record(
        `${what}, per character: Vietnamese ÷ English`,
        `${fmt(ratio)}×`,
        '≤ 1.1×',
        ratio <= 1.1,
        `${fmt(vi[key])} ns against ${fmt(en[key])} ns; the margin is the measure's run-to-run noise`,
      );
    }
  }

  // ── store seeding and popup search, in real IndexedDB ─────────────────────────────────────
  if (wants('store') || wants('search')) console.log('\nStore and search');
  for (const entries of wants('store') ? [bundle.entries.length, smoke ? 1000 : 10000] : []) {
    const times = [];
    let rows = 0;
    for (let r = 0; r < REPS; r++) {
      const page = await benchPage('/basic.html');
      const s = await page.evaluate(({ b, n }) => window.glossBench.seed(b, n), { b: pack, n: entries });
      times.push(s.ms);
      rows = s.rows;
      await page.close();
    }
    record(`seeding ${entries} entries`, `${fmt(median(times))} ms`, '', null, `${rows} rows, ${spread(times)} ms`);
  }
  for (const [entries, target] of wants('search')
    ? [
        [bundle.entries.length, 16],
        [smoke ? 1000 : 10000, 50],
      ]
    : []) {
    const page = await benchPage('/basic.html');
    const times = await page.evaluate(({ b, n, q }) => window.glossBench.search(b, n, q), {
      b: pack,
      n: entries,
      q: QUERIES,
    });
    await page.close();
    const p95 = quantile(times, 0.95);
    record(
      `popup search per keystroke, ${entries} entries`,
      `median ${fmt(median(times))} ms, p95 ${fmt(p95)} ms`,
      `≤ ${target} ms`,
      p95 <= target,
      `${times.length} keystrokes`,
    );
  }
} finally {
  await closeBrowser();
}

// ── with the extension: hover latency ─────────────────────────────────────────────────────────
const extension = resolve(root, '.output/chrome-mv3');
const driver = wants('hover') ? await chromiumDriver(extension) : null;
try {
  if (wants('hover')) {
    console.log('\nHover');
    const page = await markedPage(driver, server.origin);
    // Time from the pointer coming to rest on a term to the frame in which the card is painted.
    const latencies = await hoverLatencies(page, HOVER_REPS);
    const p95 = quantile(latencies, 0.95);
    record(
      'pointer at rest → card painted, after the dwell',
      `median ${fmt(median(latencies))} ms, p95 ${fmt(p95)} ms`,
      '≤ 30 ms at p95',
      p95 <= 30,
      `${HOVER_REPS} hovers; the first, which also loads the card's script, ${fmt(latencies[0])} ms`,
    );
    await page.close();
  }
} finally {
  await driver?.close();
  await server.close();
}

// ── sizes ─────────────────────────────────────────────────────────────────────────────────────
if (wants('size')) {
  console.log('\nSizes');
  const kb = (n) => `${fmt(n / 1024, 1)} KB`;
  // The finder runs in the top frame of every page; the card's script is loaded on the first dwell on a
  // term, not with every page (entrypoints/finder/cards.ts); the frame script is evaluated in every
  // frame but the top one, the finder following only where there is text (entrypoints/frame.ts).
  /** @type {[file: string, label: string, limitKb: number | null][]} */
  const scripts = [
    ['finder.js', 'content script, minified', 40],
    ['card-ui.js', 'card script, loaded on first use', null],
    ['frame.js', 'the script of every other frame, minified', 8],
  ];
  for (const [file, label, limitKb] of scripts) {
    const script = readFileSync(resolve(root, '.output/chrome-mv3', file));
    record(
      label,
      kb(script.length),
      limitKb ? `≤ ${limitKb} KB` : '',
      limitKb ? script.length <= limitKb * 1024 : null,
      `gzipped ${kb(gzipSync(script).length)}`,
    );
  }
  const version = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version;
  for (const zip of [`gloss-${version}-chrome.zip`, `gloss-${version}-firefox.zip`, `gloss-${version}-sources.zip`]) {
    record(zip, kb(statSync(resolve(root, '.output', zip)).size), '', null);
  }
}

// ── the reader's own documents, and knowledge packs at scale: scripts of their own, each writing its own table ──
for (const section of ['user-data', 'packs']) {
  if (wants(section))
    execFileSync(
      'node',
      [`bench/${section}.mjs`, '--no-build', ...(smoke ? ['--smoke'] : []), ...(only ? ['--no-write'] : [])],
      { cwd: root, stdio: 'inherit' },
    );
}

// ── report ────────────────────────────────────────────────────────────────────────────────────
const missed = [...outsideRows, ...rows].filter((r) => r.met === false);
if (smoke)
  console.log(
    `\nSmoke run: ${outsideRows.length + rows.length} measurements taken (targets are judged by a full run).`,
  );
else
  console.log(
    `\n${outsideRows.length + rows.length} measurements, ${[...outsideRows, ...rows].filter((r) => r.met === true).length} targets met, ${missed.length} missed${missed.length ? `: ${missed.map((r) => r.metric).join('; ')}` : ''}`,
  );
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, load average ${fmt(loadAtStart, 1)} at the start and ${fmt(loadavg()[0], 1)} at the end; Node ${process.version}; ${chromiumVersion.startsWith('1') ? 'Chromium ' : ''}${chromiumVersion}`;
const file = resolve(root, 'BENCHMARKS.md');
// The results table, like the outside-in one, is whole in itself: a run of its sections alone writes it.
if (!smoke && !pageIds && RESULTS_SECTIONS.every(wants)) {
  const heading = `Run ${new Date().toISOString().slice(0, 10)} on ${machine}. Medians of ${REPS} runs (mark.js: ${MARKJS_REPS}; hover: ${HOVER_REPS}); ranges in brackets.`;
  writeResults(file, 'results', heading, rows);
}
// The outside-in table is whole in itself: a run of that section alone (--only=outside,dynamic) writes it.
if (!smoke && !pageIds && wants('outside') && wants('dynamic')) {
  writeSection(file, 'outside-in', [
    `Run ${new Date().toISOString().slice(0, 10)} on ${machine}. Medians of ${REPS} loads (mark.js: ${MARKJS_REPS}), ranges in brackets; the longest task is the longest of all loads.`,
    '',
    ...outsideInLines,
  ]);
}
