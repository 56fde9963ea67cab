// Knowledge packs at scale: a generated pack of 1,000 documents (about 5 MB of text) and 5,000
// entries (bench/scale-pack.ts), built by `npm run pack`, installed beside the bundled one, and Gloss
// measured side by side without it and with it, in one run:
//   - installing it from the options page, as a reader does (file picker → Install), with its
//     progress bar, in the built extension;
//   - the card on a web page after the dwell, listing the pack's documents under "Also in";
//   - the popup's search per keystroke, as the background answers it (lib/service.ts over Chrome's
//     IndexedDB);
//   - the page scan with the combined matcher of both packs, against the bundled pack's alone.
//   node bench/packs.mjs [--smoke] [--no-build] [--no-write]
// `npm run bench` runs it (section "packs"); a full run writes its table into BENCHMARKS.md. A smoke
// run builds a pack of 20 documents and 100 entries.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumDriver } from '../e2e/drivers.mjs';
import { pageControlCenter } from '../e2e/page.mjs';
import { startServer } from '../e2e/server.mjs';
import {
  fmt,
  hoverLatencies,
  markedPage,
  median,
  QUERIES,
  quantile,
  recorder,
  recordLongest,
  scanPages,
  spread,
  startBenchBrowser,
  timedOutcome,
  writeResults,
} from './common.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const smoke = process.argv.includes('--smoke');
const SIZES = smoke
  ? { documents: 20, entries: 100, hovers: 3, reps: 1 }
  : { documents: 1000, entries: 5000, hovers: 30, reps: 9 };
const TITLE = 'Delta Wire archive (generated)';
/** The card counts as painted once it lists the generated pack's documents. */
const ALSO_IN_PACK = `.also-in.in-pack[aria-label*="${TITLE}"]`;

const { rows, record } = recorder(smoke);
/** The machine's load (1 minute), at the start and the end: other work on a shared machine moves every number. */
const load = () => fmt(loadavg()[0], 1);
const loadAtStart = load();
const seconds = (ms) => `${fmt(ms / 1000)} s`;
const megabytes = (bytes) => `${fmt(bytes / 2 ** 20, 1)} MB`;

if (!process.argv.includes('--no-build'))
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`\nKnowledge packs at scale${smoke ? ' (smoke: a small pack)' : ''}`);
const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-packs-'));
const server = await startServer();
try {
  // ── the pack, generated and built as its author would ────────────────────────────────────────
  const folder = join(dir, 'delta-wire');
  const file = join(dir, 'delta-wire-archive-1.0.0.gloss');
  execFileSync('npx', ['tsx', 'bench/scale-pack.ts', folder, String(SIZES.documents), String(SIZES.entries)], {
    cwd: root,
    stdio: 'inherit',
  });
  const builtAt = Date.now();
  const printed = execFileSync('npx', ['tsx', 'scripts/pack.ts', folder, '--out', file], {
    cwd: root,
    encoding: 'utf8',
  });
  const buildMs = Date.now() - builtAt;
  const scale = JSON.parse(await readFile(file, 'utf8'));
  const bundled = JSON.parse(await readFile(resolve(root, '.output/chrome-mv3/bundled.gloss'), 'utf8'));
  const text = scale.compiled.paragraphs.reduce((n, p) => n + p.text.length, 0);
  const size = (await stat(file)).size;
  const what = `${scale.compiled.documents.length} documents (${megabytes(text)} of text), ${scale.compiled.entries.length} entries, ${scale.compiled.mentions.length} mentions`;
  record(
    '`npm run pack` on the generated folder',
    seconds(buildMs),
    '',
    null,
    `${what}; every quote verified; ${printed.trim().split('\n')[1]?.trim() ?? ''}`,
  );
  record('the pack file', megabytes(size), '', null, 'one JSON file, its hash checked on install');

  // ── in the built extension: the card without the pack, the install, the card with it ───────────
  const driver = await chromiumDriver(resolve(root, '.output/chrome-mv3'));
  try {
    const bare = await markedPage(driver, server.origin);
    const before = await hoverLatencies(bare, SIZES.hovers);
    await bare.close();

    const options = await driver.openExtensionPage('/options.html');
    await options.waitFor(
      () => document.querySelectorAll('section.knowledge-packs .items li').length,
      undefined,
      (n) => n === 1,
      10000,
    );
    await options.chooseFile('input[name="pack"]', file);
    // Every stage the progress bar shows, and whether it counted (a bar with a value, not only a spinner).
    await options.evaluate(() => {
      /** @type {Window['__glossStages']} */
      const seen = (window.__glossStages = { stages: [], counted: false });
      new MutationObserver(() => {
        const stage = document.querySelector('.install-pack .job-stage')?.textContent;
        if (stage && seen.stages.at(-1) !== stage) seen.stages.push(stage);
        if (document.querySelector('.install-pack progress[value]')) seen.counted = true;
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const install = await timedOutcome(
      options,
      async () => {
        const at = await options.waitFor(pageControlCenter, '.install-pack button[type="submit"]', Boolean, 10000);
        await options.mouseClick(at.x, at.y);
      },
      '.install-pack',
    );
    if (!install.shown.startsWith('Installed')) throw new Error(`install: ${install.shown}`);
    const shown = await options.evaluate(() => window.__glossStages);
    const stageNames = [...new Set(shown.stages.map((s) => s.split(':')[0]))];
    record(
      'installing it from the options page (file picker → Install → installed), end to end',
      seconds(install.ms),
      '≤ 10 s',
      install.ms <= 10000,
      `${install.shown} Progress bar ${shown.counted ? 'counting' : 'NOT counting'}, ${shown.stages.length} updates: ${stageNames.join(' → ')}`,
    );
    recordLongest(record, 'installing it: longest main-thread task on the options page', install);
    await options.close();

    const page = await markedPage(driver, server.origin);
    const after = await hoverLatencies(page, SIZES.hovers, { until: ALSO_IN_PACK });
    await page.close();
    const p95 = quantile(after, 0.95);
    record(
      'card after the dwell, the pack installed',
      `median ${fmt(median(after))} ms, p95 ${fmt(p95)} ms`,
      '≤ 30 ms at p95',
      p95 <= 30,
      `${SIZES.hovers} hovers on RCEP and Hanoi, each card painted once it shows both packs' facts and the pack's documents under "Also in"`,
    );
    record(
      'the same, before the pack was installed',
      `median ${fmt(median(before))} ms, p95 ${fmt(quantile(before, 0.95))} ms`,
      '',
      null,
      `ratio of medians, with ÷ without: ${fmt(median(after) / median(before))}×`,
    );
  } finally {
    await driver.close();
  }

  // ── in a plain page: the background's search, and the scan with the combined matcher ──────────
  const { benchPage, close } = await startBenchBrowser(server.origin);
  try {
    // Queries of the bundled pack's, then a name of the pack's with a letter dropped, then passages' words.
    const name = scale.compiled.entries[Math.floor(scale.compiled.entries.length / 2)].name.toLowerCase();
    const queries = [...QUERIES, name.slice(0, 4) + name.slice(5), 'dry season canal', 'hanoi river traders'];
    const page = await benchPage('/basic.html');
    const alone = await page.evaluate(({ b, q }) => window.glossBench.packSearch(b, null, q), {
      b: bundled,
      q: queries,
    });
    const both = await page.evaluate(({ b, s, q }) => window.glossBench.packSearch(b, s, q), {
      b: bundled,
      s: scale,
      q: queries,
    });
    const matchers = {
      alone: await page.evaluate((b) => window.glossBench.matcherWith(b, null), bundled),
      both: await page.evaluate(({ b, s }) => window.glossBench.matcherWith(b, s), { b: bundled, s: scale }),
    };
    await page.close();
    const searchP95 = quantile(both, 0.95);
    record(
      'popup search per keystroke, the pack installed',
      `median ${fmt(median(both))} ms, p95 ${fmt(searchP95)} ms`,
      '≤ 50 ms',
      searchP95 <= 50,
      `${both.length} keystrokes of ${queries.length} queries (the bundled pack's, a name of the pack's with a letter dropped, passages' words); the bundled pack alone: median ${fmt(median(alone))} ms, p95 ${fmt(quantile(alone, 0.95))} ms`,
    );

    for (const { name: pageName, path } of scanPages(smoke)) {
      const scans = { alone: [], both: [] };
      let marks = {};
      for (let r = 0; r < SIZES.reps; r++) {
        for (const which of ['alone', 'both']) {
          const fresh = await benchPage(path);
          const result = await fresh.evaluate((data) => window.glossBench.glossWith(data), matchers[which]);
          await fresh.close();
          scans[which].push(result.workMs);
          marks[which] = result.marks;
        }
      }
      const ratio = median(scans.both) / median(scans.alone);
      // A loaded machine can only slow a run down: the fastest of each, side by side, is beside the medians.
      const fastest = Math.min(...scans.both) / Math.min(...scans.alone);
      record(
        `${pageName}: scan with both packs' matcher ÷ the bundled pack's alone`,
        `${fmt(ratio)}×`,
        '≤ 1.5×',
        ratio <= 1.5,
        `${fmt(median(scans.both))} ms (${spread(scans.both)}) with ${matchers.both.aliases.length} aliases, ${fmt(median(scans.alone))} ms (${spread(scans.alone)}) with ${matchers.alone.aliases.length}; fastest of each ${fmt(fastest)}×; ${marks.both} and ${marks.alone} marks`,
      );
    }
  } finally {
    await close();
  }
} finally {
  await server.close();
  await rm(dir, { recursive: true, force: true });
}

if (!smoke && !process.argv.includes('--no-write')) {
  const heading = `Run ${new Date().toISOString().slice(0, 10)}, \`node bench/packs.mjs\` (also part of \`npm run bench\`), headless Chromium with the built extension; load average ${loadAtStart} at the start, ${load()} at the end, on ${cpus().length} cores.`;
  writeResults(resolve(root, 'BENCHMARKS.md'), 'packs', heading, rows);
}
