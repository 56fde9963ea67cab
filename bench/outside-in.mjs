// What Gloss costs a page, measured from outside. Each page is loaded in a fresh tab of Debian's
// Chromium with the built extension, under the DevTools CPU profiler, from the navigation to
// AFTER_LOAD_MS after the load event; every sample whose stack holds a chrome-extension:// frame is
// Gloss's: evaluating its script, its messages, building what it needs, scanning, highlighting,
// observing, in every frame of the page. The floors and mark.js run in a Chromium without Gloss,
// after the load, as a script of their own, and are counted the same way (samples whose stack holds
// their script). They run in an isolated world, as a content script does: the same DOM walk costs
// two to three times as much from there as from the page's own scripts (Blink keeps the DOM's
// wrappers for other worlds in a hash map), and a floor no content script could reach would measure
// the world, not the work. The page's own world is measured too, for the TreeWalker floor. A trace
// taken alongside gives the page's tasks: the longest task holding any of the measured script's
// samples is the longest task it put on the page.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/drivers.mjs';

/** How long after the load event the profile runs: Gloss waits for the page to be idle, then scans. */
export const AFTER_LOAD_MS = 4000;
/** When the reader jumps to the end of a page (the End key), in the loads that read it through. */
const JUMP_AFTER_LOAD_MS = 1000;
/** The profiler's sampling interval: fine enough for costs of a millisecond. */
const SAMPLING_US = 100;
const HIGHLIGHT = 'gloss-term';

/**
 * A Chromium with `extension` loaded (none: a plain one), ready to measure: Gloss's store seeded and
 * its welcome tab closed, since a tab left in front would make the measured page a background tab,
 * whose timers and frames are throttled. `setPreferences(preferences)` stores the reader's
 * preferences, as the options page does (before the next page is opened).
 */
export async function launchChromium(extension, origin) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'gloss-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      ...CHROMIUM_FLAGS,
    ],
  });
  if (extension) {
    if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
    // The welcome tab opens on install; the first page marked proves the store is seeded.
    const page = await context.newPage();
    await page.goto(`${origin}/basic.html`);
    await page.waitForFunction((name) => (CSS.highlights.get(name)?.size ?? 0) > 0, HIGHLIGHT, { timeout: 30000 });
    await page.close();
    for (const tab of context.pages()) if (tab.url().startsWith('chrome-extension://')) await tab.close();
  }
  return {
    context,
    extension,
    setPreferences: (preferences) =>
      context.serviceWorkers()[0].evaluate((p) => chrome.storage.local.set({ preferences: p }), preferences),
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Loads `path` in a fresh tab under the profiler and a trace, runs `afterLoad(page, cdp)` once the
 * load event has fired, and stops. Returns the cost of the scripts `isMeasured` picks by URL, and the
 * longest task that holds any of it.
 */
export async function profiledLoad(context, origin, path, isMeasured, afterLoad) {
  const page = await context.newPage();
  await page.bringToFront();
  // Start from a page of the same origin, so the page under test opens in the process profiled.
  await page.goto(`${origin}/bench/blank.html`);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
  const url = `${origin}${path}`;
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  const extra = await afterLoad(page, cdp);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;
  await cdp.detach();
  const tasks = mainThreadTasks(events, url);
  const samples = measuredSamples(profile, isMeasured, tasks);
  const ms = samples.reduce((sum, s) => sum + s.duration, 0) / 1000;
  return { ms, ...longestTask(tasks, samples), extra, page, profile, samples };
}

/**
 * The tasks of the page's main thread (the thread that parsed its HTML), in order: start and end, µs,
 * and the share of that time the thread was on a CPU (the trace's thread time over its wall time).
 */
function mainThreadTasks(events, url) {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`the trace has no parse of ${url}`);
  return events
    .filter(
      (e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid,
    )
    .map((e) => ({ start: e.ts, end: e.ts + e.dur, onCpu: e.dur > 0 && e.tdur >= 0 ? Math.min(1, e.tdur / e.dur) : 1 }))
    .sort((a, b) => a.start - b.start);
}

/** A CPU profile's nodes by id, and each node's parent. */
function callTree(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  return { nodes, parent };
}

/**
 * The samples whose stack holds a frame of a script `isMeasured` picks: start time and duration, µs.
 * A sample lasts until the next one is taken, but not past the end of its task: the profiler's
 * thread, short of CPU on a busy machine, may take the next sample long after the thread went idle.
 * And a sample counts only the CPU time in it, its share of its task's thread time: on a shared
 * machine the page's thread waits for a CPU now and then, in the middle of whatever it was running,
 * and the sample taken after the wait would otherwise count the wait as that code's cost.
 */
function measuredSamples(profile, isMeasured, tasks) {
  const { nodes, parent } = callTree(profile);
  const measured = new Map();
  const holdsMeasured = (id) => {
    if (!measured.has(id)) {
      measured.set(id, isMeasured(nodes.get(id).callFrame.url) || (parent.has(id) && holdsMeasured(parent.get(id))));
    }
    return measured.get(id);
  };
  const samples = [];
  let time = profile.startTime;
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    if (!holdsMeasured(profile.samples[i])) continue;
    while (t < tasks.length && tasks[t].end <= time) t++;
    const next = time + (profile.timeDeltas[i + 1] ?? 0);
    const task = t < tasks.length && tasks[t].start <= time ? tasks[t] : null;
    const end = task ? Math.min(next, task.end) : next;
    samples.push({ time, duration: (end - time) * (task?.onCpu ?? 1), node: profile.samples[i] });
  }
  return samples;
}

/** The longest task that holds any of the measured samples, and how much of it they took. */
function longestTask(tasks, samples) {
  let longest = { length: 0, share: 0 };
  let s = 0;
  for (const task of tasks) {
    while (s < samples.length && samples[s].time < task.start) s++;
    let share = 0;
    for (let k = s; k < samples.length && samples[k].time < task.end; k++) share += samples[k].duration;
    if (share > 0 && task.end - task.start > longest.length) longest = { length: task.end - task.start, share };
  }
  return { longestTaskMs: longest.length / 1000, longestTaskShareMs: longest.share / 1000 };
}

/**
 * The ranges in Gloss's highlight in every frame of the page: the underlines near the screen (lib/page/near-view.ts).
 */
async function marksIn(page) {
  const counts = await Promise.all(
    page.frames().map((f) => f.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT).catch(() => 0)),
  );
  return counts.reduce((a, b) => a + b, 0);
}

const isExtension = (url) => url.startsWith('chrome-extension://');

/**
 * Gloss's cost on one load of `path` in a browser with the extension; with `jumpToEnd`, the reader
 * presses the End key JUMP_AFTER_LOAD_MS after the load.
 */
export async function measureGloss(browser, origin, path, afterLoadMs, jumpToEnd = false) {
  const run = await profiledLoad(browser.context, origin, path, isExtension, async (page) => {
    if (jumpToEnd) {
      await page.waitForTimeout(JUMP_AFTER_LOAD_MS);
      await page.keyboard.press('End');
      await page.waitForTimeout(afterLoadMs - JUMP_AFTER_LOAD_MS);
    } else await page.waitForTimeout(afterLoadMs);
    return marksIn(page);
  });
  await run.page.close();
  const parts = partsOf(run.profile, run.samples, browser.extension);
  return {
    ms: run.ms,
    longestTaskMs: run.longestTaskMs,
    longestTaskShareMs: run.longestTaskShareMs,
    marks: run.extra,
    parts,
  };
}

/**
 * The parts of Gloss, by the source files their code comes from (the build's source maps,
 * wxt.config.ts): where each of its samples was, in the first of them that holds the sample's source.
 * A native function (a DOM call) counts in the part of the Gloss code that called it.
 */
export const PARTS = [
  { name: 'reading the page', source: /lib\/page\/(text-runs|wake|frame)\.ts$/ },
  { name: 'the sieve', source: /lib\/match\/sieve\.ts$/ },
  { name: 'folding', source: /lib\/text\/normalize\.ts$/ },
  { name: 'reading the matcher', source: /lib\/match\/tables\.ts$/ },
  { name: 'exact scan and evidence', source: /lib\/(match|text)\// },
  { name: 'marks and highlights', source: /lib\/page\// },
  { name: 'messages', source: /(@webext-core|valibot|serialize-error|wxt)\/|lib\/messages\.ts$|finder\/setup\.ts$/ },
  { name: 'the card', source: /components\// },
  { name: 'the rest', source: /./ },
];
/** Samples in code no source map covers: the engine compiling and starting the scripts. */
const UNMAPPED = 'starting the scripts';

const traceMaps = new Map();
/** The source map of a script of the extension, or null where it has none. */
function traceMapOf(extension, url) {
  const file = `${extension}${new URL(url).pathname}.map`;
  if (!traceMaps.has(file)) {
    let map = null;
    try {
      map = new TraceMap(readFileSync(file, 'utf8'));
    } catch {
      // No map: its samples are counted as unmapped.
    }
    traceMaps.set(file, map);
  }
  return traceMaps.get(file);
}

/** Milliseconds of Gloss's samples by part (PARTS, UNMAPPED). */
function partsOf(profile, samples, extension) {
  const { nodes, parent } = callTree(profile);
  const partOfNode = new Map();
  const partOf = (id) => {
    if (partOfNode.has(id)) return partOfNode.get(id);
    let part = UNMAPPED;
    // The innermost frame of the extension's code on the stack.
    let at = id;
    while (at !== undefined && !isExtension(nodes.get(at).callFrame.url)) at = parent.get(at);
    const frame = at === undefined ? null : nodes.get(at).callFrame;
    const map = frame && frame.lineNumber >= 0 && traceMapOf(extension, frame.url);
    if (map) {
      const { source } = originalPositionFor(map, {
        line: frame.lineNumber + 1,
        column: Math.max(0, frame.columnNumber),
      });
      if (source) part = PARTS.find((p) => p.source.test(source)).name;
    }
    partOfNode.set(id, part);
    return part;
  };
  const parts = {};
  for (const s of samples) parts[partOf(s.node)] = (parts[partOf(s.node)] ?? 0) + s.duration / 1000;
  return parts;
}

/**
 * A comparison script's cost on one load of `path` in a plain browser. `script` ({ name, source })
 * is evaluated after the load, in an isolated world like a content script's (or, with
 * `world: 'page'`, in the page's own), then `call`, an expression, runs it there.
 */
export async function measureScript(browser, origin, path, script, call, world = 'isolated') {
  const run = await profiledLoad(
    browser.context,
    origin,
    path,
    (url) => url === script.name,
    async (_page, cdp) => {
      let contextId;
      if (world === 'isolated') {
        const { frameTree } = await cdp.send('Page.getFrameTree');
        ({ executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', {
          frameId: frameTree.frame.id,
          worldName: 'gloss-bench',
        }));
      }
      const evaluate = async (expression) => {
        const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
          expression,
          contextId,
          awaitPromise: true,
          returnByValue: true,
        });
        if (exceptionDetails)
          throw new Error(`${script.name}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        return result.value;
      };
      await evaluate(`${script.source}\n//# sourceURL=${script.name}`);
      return evaluate(call);
    },
  );
  await run.page.close();
  return { ms: run.ms, longestTaskMs: run.longestTaskMs, result: run.extra };
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const fmt = (x) => (Number.isNaN(x) ? '—' : Number(x).toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2));
const spread = (xs) => (xs.length > 1 ? ` (${fmt(sorted(xs)[0])}–${fmt(sorted(xs).at(-1))})` : '');
/** The median of some loads' times, with their spread. */
const msCell = (runs) =>
  runs.length ? `${fmt(median(runs.map((x) => x.ms)))} ms${spread(runs.map((x) => x.ms))}` : '—';
/** A Markdown table's lines: its head, then its rows, each a list of cells. */
const markdownTable = (head, rows) => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];
/** The longest task any page may get from Gloss: the browser's own threshold for a long task. */
export const LONGEST_TASK_MS = 50;

/** The mark densities the live page is measured with (lib/settings.ts MARK_DENSITIES), the default first. */
export const LIVE_DENSITIES = [
  { density: 'first', name: 'the first mention of each term in each section underlined (the default)' },
  { density: 'every', name: 'every mention underlined' },
];
/** The most of the main thread Gloss may take on the live page. */
export const LIVE_SHARE_TARGET = 10;

/**
 * The page that appends a paragraph every 16 ms (e2e/fixtures/dynamic.html) for `seconds`, in a
 * fresh tab: the main thread's task time (Chrome's TaskDuration) meanwhile, and, with Gloss, the
 * ranges registered in its highlight at the end.
 */
async function measureLivePage(browser, origin, seconds, withGloss) {
  const page = await browser.context.newPage();
  await page.bringToFront();
  await page.goto(`${origin}/dynamic.html?seconds=${seconds}`);
  // The first paragraph is marked: Gloss is running on the page.
  if (withGloss)
    await page.waitForFunction((name) => (CSS.highlights.get(name)?.size ?? 0) > 0, HIGHLIGHT, { timeout: 30000 });
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const start = await taskSeconds();
  await page.evaluate(() => window.startAppending());
  await page.waitForFunction(() => window.appendingDone === true, null, { timeout: (seconds + 20) * 1000 });
  const busyMs = ((await taskSeconds()) - start) * 1000;
  const registered = withGloss ? await marksIn(page) : 0;
  await cdp.detach();
  await page.close();
  return { busyMs, registered };
}

/**
 * The live page, `reps` times each: without Gloss, then with Gloss (and the baseline) under each of
 * LIVE_DENSITIES. Gloss's share is its main-thread time beyond the page's own, over the wall time.
 */
async function measureLive({ origin, browsers, seconds, reps, log }) {
  const { gloss, before, plain } = browsers;
  const without = [];
  // The shares are worked out once every run is in: they need the page's own time, without Gloss.
  const runs = LIVE_DENSITIES.map((d) => ({ ...d, gloss: [], before: [], shares: [], beforeShares: [] }));
  for (let i = 0; i < reps; i++) {
    without.push((await measureLivePage(plain, origin, seconds, false)).busyMs);
    for (const run of runs) {
      for (const [browser, list] of [
        [gloss, run.gloss],
        [before, run.before],
      ]) {
        if (!browser) continue;
        await browser.setPreferences({ markDensity: run.density });
        list.push(await measureLivePage(browser, origin, seconds, true));
      }
    }
  }
  const plainMs = median(without);
  const share = (m) => (100 * Math.max(0, m.busyMs - plainMs)) / (seconds * 1000);
  for (const run of runs) {
    run.shares = run.gloss.map(share);
    run.beforeShares = run.before.map(share);
    log(
      `  live page, ${run.name}: Gloss ${fmt(median(run.shares))} %${before ? `, before ${fmt(median(run.beforeShares))} %` : ''} of the main thread; ${run.gloss.at(-1).registered} ranges registered at the end`,
    );
  }
  return { seconds, plainMs, runs };
}

/**
 * Measures every page: Gloss (and the `baseline` build, if given, in the same run, loads taking
 * turns), the floors and mark.js, the pages taking turns too; then the live page, if `live`
 * ({ seconds, reps }) is given.
 * `words`: the aliases, for mark.js. Logs as it goes.
 */
export async function outsideIn({
  origin,
  extension,
  baseline,
  pages,
  reps,
  markjsReps,
  afterLoadMs,
  words,
  scripts,
  live,
  log,
}) {
  const gloss = await launchChromium(extension, origin);
  const before = baseline ? await launchChromium(baseline, origin) : null;
  const plain = await launchChromium(null, origin);
  const results = new Map(
    pages.map((page) => [
      page.id,
      {
        page,
        gloss: [],
        before: [],
        jumped: [],
        jumpedBefore: [],
        walk: [],
        elements: [],
        read: [],
        words: [],
        pageWalk: [],
        markjs: [],
      },
    ]),
  );
  try {
    // The pages take turns, a load of each in each round: a machine that slows or speeds up during
    // the run moves every page alike, and the ratio of two pages (the frames' target) stays theirs.
    for (let i = 0; i < reps; i++) {
      for (const page of pages) {
        const r = results.get(page.id);
        r.gloss.push(await measureGloss(gloss, origin, page.path, afterLoadMs));
        if (before) r.before.push(await measureGloss(before, origin, page.path, afterLoadMs));
        if (page.readThrough) {
          r.jumped.push(await measureGloss(gloss, origin, page.path, afterLoadMs, true));
          if (before) r.jumpedBefore.push(await measureGloss(before, origin, page.path, afterLoadMs, true));
        }
        r.walk.push(await measureScript(plain, origin, page.path, scripts.floors, 'benchFloors.walk()'));
        r.elements.push(await measureScript(plain, origin, page.path, scripts.floors, 'benchFloors.elements()'));
        r.read.push(await measureScript(plain, origin, page.path, scripts.floors, 'benchFloors.read()'));
        r.words.push(await measureScript(plain, origin, page.path, scripts.floors, 'benchFloors.words()'));
        r.pageWalk.push(await measureScript(plain, origin, page.path, scripts.floors, 'benchFloors.walk()', 'page'));
      }
      log(`  round ${i + 1} of ${reps}: a load of each page`);
    }
    for (const page of pages) {
      const r = results.get(page.id);
      for (let i = 0; i < markjsReps; i++) {
        r.markjs.push(
          await measureScript(plain, origin, page.path, scripts.markjs, `benchMarkjs(${JSON.stringify(words)})`),
        );
      }
      log(
        `  ${page.name}: Gloss ${fmt(median(r.gloss.map((g) => g.ms)))} ms${before ? `, before ${fmt(median(r.before.map((g) => g.ms)))} ms` : ''}; floors ${fmt(median(r.walk.map((f) => f.ms)))} / ${fmt(median(r.read.map((f) => f.ms)))} ms (elements and text: ${fmt(median(r.elements.map((f) => f.ms)))} ms, every word: ${fmt(median(r.words.map((f) => f.ms)))} ms) (page's world: ${fmt(median(r.pageWalk.map((f) => f.ms)))} ms); mark.js ${fmt(median(r.markjs.map((m) => m.ms)))} ms; longest task ${fmt(Math.max(...r.gloss.map((g) => g.longestTaskMs)))} ms; ${r.gloss.at(-1).marks} underlines near the screen`,
      );
    }
    const liveResults = live ? await measureLive({ origin, browsers: { gloss, before, plain }, ...live, log }) : null;
    return { pages: results, live: liveResults };
  } finally {
    await gloss.close();
    await before?.close();
    await plain.close();
  }
}

/** Each page's target and whether it was met (null: the page has none of its own). */
export function judge(results) {
  return [...results.values()].map((r) => {
    const ms = median(r.gloss.map((g) => g.ms));
    const longest = Math.max(...r.gloss.map((g) => g.longestTaskMs));
    const t = r.page.target;
    let target = null;
    if (t?.maxMs) target = { text: `≤ ${t.maxMs} ms`, ratio: null, met: ms <= t.maxMs };
    else if (t?.floor) {
      const floor = median(r[t.floor].map((f) => f.ms));
      const what = t.floor === 'walk' ? 'the TreeWalker floor' : 'the read-every-character floor';
      // What the least finder of words costs against the same floor: a target below it is out of any
      // finder's reach (by as much as it is below, against the spread of the two floors' loads).
      const least = median(r.words.map((f) => f.ms)) / floor;
      target = { text: `≤ ${t.times}× ${what}`, ratio: ms / floor, met: ms / floor <= t.times, least };
    } else if (t?.versus) {
      const other = median(results.get(t.versus).gloss.map((g) => g.ms));
      target = { text: `≤ ${t.times}× the same page without them`, ratio: ms / other, met: ms / other <= t.times };
    }
    return { r, ms, longest, longestMet: longest <= LONGEST_TASK_MS, target };
  });
}

/** The outside-in table, for BENCHMARKS.md. */
export function outsideInTable(judged, { hasBaseline, aliasCount }) {
  const head = [
    '',
    'page',
    'Gloss, all its JS',
    ...(hasBaseline ? ['before'] : []),
    'floor: TreeWalker over text nodes',
    'TreeWalker over elements and text',
    'floor: read every character',
    'floor: read every word',
    "TreeWalker from the page's own world",
    `mark.js, ${aliasCount} aliases`,
    "Gloss's longest task",
    'target',
  ];
  const rows = [];
  for (const { r, longest, longestMet, target } of judged) {
    rows.push([
      target ? (target.met ? '✓' : '✗') : '',
      r.page.name,
      `${msCell(r.gloss)}; ${r.gloss.at(-1).marks} underlines near the screen`,
      ...(hasBaseline ? [msCell(r.before)] : []),
      msCell(r.walk),
      msCell(r.elements),
      msCell(r.read),
      msCell(r.words),
      msCell(r.pageWalk),
      msCell(r.markjs),
      `${longestMet ? '✓' : '✗'} ${fmt(longest)} ms`,
      target
        ? `${target.text}${target.ratio === null ? '' : `: ${fmt(target.ratio)}×`}${target.least === undefined ? '' : ` (every word: ${fmt(target.least)}×)`}`
        : '',
    ]);
  }
  return markdownTable(head, rows);
}

/**
 * Where Gloss's time goes on each page, by part (medians of the loads; a part's medians need not add
 * up to the median of the whole).
 */
export function partsTable(judged) {
  const names = [...PARTS.map((p) => p.name), UNMAPPED].filter((name) =>
    judged.some(({ r }) => r.gloss.some((g) => g.parts[name])),
  );
  const head = ['page', 'Gloss, all its JS', ...names];
  return markdownTable(
    head,
    judged.map(({ r, ms }) => [
      r.page.name,
      `${fmt(ms)} ms`,
      ...names.map((name) => `${fmt(median(r.gloss.map((g) => g.parts[name] ?? 0)))} ms`),
    ]),
  );
}

/** Gloss on the pages read through (the reader jumping to the end), beside its cost with no scroll; no target. */
export function readThroughTable(judged, { hasBaseline }) {
  const read = judged.filter(({ r }) => r.jumped.length);
  if (!read.length) return [];
  const head = [
    `the reader jumps to the end ${JUMP_AFTER_LOAD_MS / 1000} s after the load (End)`,
    'Gloss, all its JS',
    ...(hasBaseline ? ['before'] : []),
    'no scroll (above)',
    "Gloss's longest task",
  ];
  return markdownTable(
    head,
    read.map(({ r, ms }) => [
      r.page.name,
      msCell(r.jumped),
      ...(hasBaseline ? [msCell(r.jumpedBefore)] : []),
      `${fmt(ms)} ms`,
      `${fmt(Math.max(...r.jumped.map((g) => g.longestTaskMs)))} ms`,
    ]),
  );
}

/** The live page's rows, each judged against LIVE_SHARE_TARGET. */
export function judgeLive(live) {
  return live.runs.map((run) => {
    const share = median(run.shares);
    return { run, share, met: share <= LIVE_SHARE_TARGET };
  });
}

/** The live page's table, for BENCHMARKS.md. */
export function liveTable(judged, { seconds, plainMs }, { hasBaseline }) {
  const cell = (xs) => (xs.length ? `${fmt(median(xs))} %${spread(xs)}` : '—');
  const head = [
    '',
    `a paragraph every 16 ms for ${seconds} s (the page's own main-thread time: ${fmt(plainMs)} ms)`,
    "Gloss's share of main-thread time",
    ...(hasBaseline ? ['before'] : []),
    "ranges in Gloss's highlight at the end",
    'target',
  ];
  return markdownTable(
    head,
    judged.map(({ run, met }) => [
      met ? '✓' : '✗',
      run.name,
      cell(run.shares),
      ...(hasBaseline ? [cell(run.beforeShares)] : []),
      run.gloss.at(-1).registered,
      `≤ ${LIVE_SHARE_TARGET} %`,
    ]),
  );
}
