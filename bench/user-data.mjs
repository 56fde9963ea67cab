// The reader's own documents, measured with the built extension in headless Chromium: importing a
// 4.9 MB text and 100,000 nested HTML elements, adding an entry with that text stored, restoring a
// large backup, a card on a web page and the source viewer with that text stored. On the options
// page, the longest main-thread task during each: Chrome's long-task entries (every task of 50 ms or
// more), with the largest gap of a heartbeat every 5 ms beside it (which also holds rendered frames
// and time the machine gave other processes).
//   node bench/user-data.mjs [--smoke] [--no-build] [--no-write]
// `npm run bench` runs it (section "user-data"); a full run writes its table into BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumDriver } from '../e2e/drivers.mjs';
import { startServer } from '../e2e/server.mjs';
import { pageControlCenter } from '../e2e/page.mjs';
import {
  fmt,
  hoverLatencies,
  markedPage,
  quantile,
  recorder,
  recordLongest,
  timedOutcome,
  writeResults,
} from './common.mjs';
import { fixtureFile, largeBackup, longDocument, nestedHtml } from '../e2e/tests/user-data-fixtures.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const smoke = process.argv.includes('--smoke');
const SIZES = smoke
  ? { paragraphs: 2000, depth: 2000, backupDocuments: 2, backupParagraphs: 1000, hovers: 3, viewerRuns: 1 }
  : { paragraphs: 36000, depth: 100000, backupDocuments: 8, backupParagraphs: 36000, hovers: 30, viewerRuns: 5 };

const { rows, record } = recorder(smoke);

if (!process.argv.includes('--no-build'))
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`\nYour documents${smoke ? ' (smoke: small files)' : ''}`);
const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-user-'));
const server = await startServer();
const driver = await chromiumDriver(resolve(root, '.output/chrome-mv3'));
try {
  const options = await driver.openExtensionPage('/options.html');
  await options.waitFor(() => !!document.querySelector('.documents:not(.loading)'), undefined, Boolean, 10000);
  const click = async (selector) => {
    const at = await options.waitFor(pageControlCenter, selector, Boolean, 10000);
    await options.mouseClick(at.x, at.y);
  };
  /** Runs `act` on the options page until `selector`'s outcome shows; the time and the longest task. */
  const timed = async (what, act, selector, prepare) => {
    const run = await timedOutcome(options, act, selector, prepare);
    if (!/^(Added|Restored)/.test(run.shown)) throw new Error(`${what}: ${run.shown}`);
    return run;
  };
  const importFile = async (path) => {
    await options.chooseFile('input[name="document"]', path);
    return timed(path, () => click('.import button[type="submit"]'), '.import');
  };

  // The card before any document of the reader's is stored: the same measurement, side by side.
  const bare = await markedPage(driver, server.origin);
  const withoutYours = await hoverLatencies(bare, SIZES.hovers);
  await bare.close();

  const text = longDocument(SIZES.paragraphs);
  const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
  const big = await importFile(await fixtureFile(dir, 'long-report.txt', text));
  record(
    `${mb(text.length)} text import (${SIZES.paragraphs} paragraphs), end to end`,
    `${fmt(big.ms / 1000)} s`,
    '≤ 5 s',
    big.ms <= 5000,
    big.shown,
  );
  recordLongest(record, `${mb(text.length)} text import: longest main-thread task on the options page`, big);

  const html = nestedHtml(SIZES.depth);
  const nested = await importFile(await fixtureFile(dir, 'nested.html', html));
  record(
    `${mb(html.length)} HTML, ${SIZES.depth} nested elements: import, end to end`,
    `${fmt(nested.ms)} ms`,
    '',
    null,
    nested.shown,
  );
  recordLongest(record, 'nested HTML import: longest main-thread task', nested);

  // An entry whose spellings stand in the long text: its mentions found by the word index.
  const docId = await options.evaluate(() => {
    const items = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.documents li'));
    return [...items].find((li) => li.textContent.startsWith('Paragraph 1.')).dataset.id;
  });
  const entry = await timed(
    'entry',
    () => click('.entry-form button[type="submit"]'),
    '.entry-form',
    async () => {
      await click('input[name="entryName"]');
      await options.typeText('Lach Huyen');
      await options.choose('select[name="labelDocument"]', docId);
      // A long document's paragraph is chosen by its number.
      await click('input[name="labelParagraphNumber"]');
      await options.typeText('3');
      await options.key('Tab');
      await options.waitFor(
        () => document.querySelectorAll('input[name="labelSentence"]').length,
        undefined,
        (n) => n > 0,
        10000,
      );
    },
  );
  record(
    'adding an entry with that text stored (end to end)',
    `${fmt(entry.ms)} ms`,
    '≤ 1 s',
    entry.ms <= 1000,
    entry.shown,
  );
  recordLongest(record, 'adding an entry: longest main-thread task', entry);

  // A card on a web page with that text stored: "Also in your documents" from the index.
  const page = await markedPage(driver, server.origin);
  const latencies = await hoverLatencies(page, SIZES.hovers, { until: '.yours' });
  await page.close();
  const p95 = quantile(latencies, 0.95);
  record(
    'card opened after the dwell, that text stored',
    `median ${fmt(quantile(latencies, 0.5))} ms, p95 ${fmt(p95)} ms`,
    '≤ 30 ms at p95',
    p95 <= 30,
    `${SIZES.hovers} hovers, each card listing the text under "Also in your documents"`,
  );
  record(
    'the same, before any document of yours was stored',
    `median ${fmt(quantile(withoutYours, 0.5))} ms, p95 ${fmt(quantile(withoutYours, 0.95))} ms`,
    '',
    null,
    `ratio of medians, with ÷ without: ${fmt(quantile(latencies, 0.5) / quantile(withoutYours, 0.5))}×`,
  );

  // The source viewer: the first paragraphs of the long text on screen, from navigation start.
  const firstPaint = [];
  for (let r = 0; r < SIZES.viewerRuns; r++) {
    const reader = await driver.openExtensionPage(`/viewer.html#doc=${docId}`);
    firstPaint.push(
      await reader.waitFor(
        () => {
          const li = document.querySelector('.paragraphs li[value="1"]');
          return li?.textContent && li.getBoundingClientRect().top < innerHeight ? performance.now() : null;
        },
        undefined,
        Boolean,
        30000,
      ),
    );
    await reader.close();
  }
  const paint = quantile(firstPaint, 0.5);
  record(
    'source viewer: first paragraphs of that text on screen',
    `${fmt(paint)} ms`,
    '≤ 500 ms',
    paint <= 500,
    `median of ${SIZES.viewerRuns} openings, from navigation start (polled every 50 ms)`,
  );

  // A restore that adds documents of that size.
  const backup = largeBackup(SIZES.backupDocuments, SIZES.backupParagraphs);
  await options.front();
  await options.chooseFile('input[name="backup"]', await fixtureFile(dir, 'backup.json', backup));
  const restored = await timed('restore', () => click('.restore button[type="submit"]'), '.backup');
  record(
    `${mb(backup.length)} backup restore (${SIZES.backupDocuments} documents), end to end`,
    `${fmt(restored.ms / 1000)} s`,
    '',
    null,
    restored.shown,
  );
  recordLongest(record, `${mb(backup.length)} backup restore: longest main-thread task`, restored);
  await options.close();
} finally {
  await driver.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}

if (!smoke && !process.argv.includes('--no-write')) {
  const heading = `Run ${new Date().toISOString().slice(0, 10)}, \`node bench/user-data.mjs\` (also part of \`npm run bench\`), headless Chromium with the built extension.`;
  writeResults(resolve(root, 'BENCHMARKS.md'), 'user-data', heading, rows);
}
