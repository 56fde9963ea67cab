// The end-to-end harness: what every test area shares (the context of helpers a reader's actions are
// written with), and the runner (a time limit per test, a screenshot and the console of every tab a
// failing test left open, and a summary that names every failure).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { poll } from './drivers.mjs';
import { HIGHLIGHT, HOST, pageCard, pageControlCenter, pageMarks, pagePhraseCenter } from './page.mjs';

/** The card's dwell and the time a card is kept for a pointer on its way to it, as the extension defines them. */
const { DWELL_MS } = await tsImport('../lib/timing.ts', import.meta.url);
const { GRACE_MS } = await tsImport('../lib/page/hover.ts', import.meta.url);

/** Longest a test may run: past it the test fails (a hung browser call must not hold the suite). */
export const TEST_TIMEOUT_MS = 120_000;
/**
 * How long past a dwell a test waits before it says a card did not open (the only checks that must
 * wait a fixed time are checks of absence): the dwell once more, since the pointer's arriving move
 * may start it again, and the grace period, the longest Gloss itself waits for a reader's pointer on
 * its way to a card (a card later than that after its dwell would be broken anyway).
 */
export const ABSENCE_MARGIN_MS = DWELL_MS + GRACE_MS;

const FAILURES_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)), '.output/e2e-failures');

export function assert(condition, message) {
  if (!condition) throw new Error(message ?? 'assertion failed');
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The helpers every test area is written with, over one browser's driver. */
export function makeContext({ driver, origin, otherOrigin, proxy }) {
  const marksOf = async (page) => page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.length > 0);
  /** Rests the pointer on a phrase of the page, arriving from a little way off as a hand does. */
  const hover = async (page, phrase, opts = {}) => {
    const at = await page.evaluate(pagePhraseCenter, { phrase, ...opts });
    if (!at) throw new Error(`"${phrase}" is not on the page`);
    // (Within the viewport: Firefox refuses a move to a point outside it.)
    await page.mouseMove(Math.max(1, at.x - 30), at.y + 40);
    await page.mouseMove(at.x, at.y);
    return at;
  };
  const readyCard = async (page, name) =>
    page.waitFor(pageCard, HOST, (c) => c && c.busy !== 'true' && (!name || c.name === name), 5000);
  /** The card closes (after Esc, or once the pointer has left). */
  const cardClosed = async (page) => page.waitFor(pageCard, HOST, (c) => c === null, 3000);
  /** No card opens: past `dwellMs` and a margin, there is none. */
  const noCardOpens = async (page, dwellMs = DWELL_MS) => {
    await sleep(dwellMs + ABSENCE_MARGIN_MS);
    assert((await page.evaluate(pageCard, HOST)) === null, 'a card opened');
  };
  /** Stores preferences (null: the defaults) from an extension page, as the options page would. */
  const storePreferences = async (preferences) => {
    const ext = await driver.openExtensionPage('/options.html');
    await ext.evaluate((p) => {
      const storage = (globalThis.browser ?? globalThis.chrome).storage.local;
      return p ? storage.set({ preferences: p }) : storage.remove('preferences');
    }, preferences);
    await ext.close();
  };
  /** Clicks a control of an extension page (scrolled into view), as a reader does. */
  const clickOption = async (page, selector, timeout = 8000) => {
    const at = await page.waitFor(pageControlCenter, selector, Boolean, timeout);
    await page.mouseClick(at.x, at.y);
  };
  /** Deletes everything in one of the options page's lists, in the two clicks the page asks for. */
  const deleteListed = async (options, list) => {
    await options.front();
    while (await options.evaluate((l) => !!document.querySelector(`${l} li button`), list)) {
      const before = await options.evaluate((l) => document.querySelectorAll(`${l} li`).length, list);
      await clickOption(options, `${list} li button`);
      await clickOption(options, `${list} li button.danger`);
      await options.waitFor(
        (l) => document.querySelectorAll(`${l} li`).length,
        list,
        (n) => n < before,
        15000,
      );
    }
  };
  return {
    driver,
    origin,
    otherOrigin,
    proxy,
    assert,
    poll,
    marksOf,
    hover,
    readyCard,
    cardClosed,
    noCardOpens,
    storePreferences,
    clickOption,
    deleteListed,
  };
}

const slug = (s) =>
  s
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 90);

/** A screenshot and the console of every tab a failing test left open, under .output/e2e-failures. */
async function keepEvidence(label, name, driver, tabs) {
  const dir = join(FAILURES_DIR, slug(label));
  await mkdir(dir, { recursive: true });
  const saved = [];
  for (const [i, tab] of tabs.entries()) {
    const base = join(dir, `${slug(name)}-${i + 1}`);
    const shot = await Promise.race([
      tab.screenshot({ path: `${base}.png` }).then(() => true),
      sleep(5000).then(() => false),
    ]).catch(() => false);
    await writeFile(`${base}.log`, `${tab.url?.() ?? ''}\n${(driver.consoleOf?.(tab) ?? []).join('\n')}\n`);
    if (shot) saved.push(`${base}.png`);
  }
  return saved;
}

/**
 * Runs tests in order; prints one line each and returns the counts and the names of the failures.
 * Tabs a test leaves open are kept as evidence when it failed, then closed, so one failure cannot
 * mislead the next test. GLOSS_E2E_ONLY=text runs only the tests whose names contain the text, and
 * the summary says how many it left out.
 */
export async function runTests(label, tests, driver) {
  let passed = 0;
  const failures = [];
  let filtered = 0;
  const only = process.env.GLOSS_E2E_ONLY;
  for (const { name, fn } of tests) {
    if (only && !name.includes(only)) {
      filtered++;
      continue;
    }
    const started = Date.now();
    const tabsBefore = new Set(await driver.openTabs());
    let timer;
    try {
      await Promise.race([
        fn(),
        new Promise(
          (_, reject) =>
            (timer = setTimeout(
              () => reject(new Error(`timed out after ${TEST_TIMEOUT_MS / 1000} s`)),
              TEST_TIMEOUT_MS,
            )),
        ),
      ]);
      passed++;
      console.log(`  ✓ [${label}] ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failures.push(`[${label}] ${name}`);
      // Whatever was thrown: its stack if it has one.
      const told = String(/** @type {{ stack?: string }} */ (error)?.stack ?? error)
        .split('\n')
        .slice(0, 4);
      console.log(`  ✗ [${label}] ${name}\n      ${told.join('\n      ')}`);
      const left = (await driver.openTabs()).filter((tab) => !tabsBefore.has(tab));
      const saved = await keepEvidence(label, name, driver, left).catch(() => []);
      if (saved.length) console.log(`      screenshots: ${saved.join(', ')}`);
    } finally {
      clearTimeout(timer);
    }
    for (const tab of await driver.openTabs()) if (!tabsBefore.has(tab)) await tab.close().catch(() => {});
  }
  return { passed, failed: failures.length, failures, filtered };
}
