// What the end-to-end suite, the benchmark and the scripts find in the pages they drive, beyond the
// DOM: the extension APIs, and properties of `window` that a fixture page, a test's page-side function
// or the benchmark's bundle sets. For tsconfig.tools.json only: Gloss's own pages have none of these
// properties, so tsconfig.json leaves this file out.
import type { Browser } from 'wxt/browser';

/** A scan of the benchmark's page by Gloss's own code (`ScanResult` in bench/page-bench.ts). */
interface BenchScan {
  ms: number;
  workMs: number;
  buildMs: number;
  marks: number;
  longestSliceMs: number;
}

/** What the background builds content scripts' matcher from (`MatcherData`, lib/store/knowledge.ts). */
interface BenchMatcherData {
  aliases: unknown[];
}

/**
 * The benchmark's in-page half, `bench` in bench/page-bench.ts. Packs and bundles cross the page's
 * boundary as JSON the orchestrator only passes on, so they are `unknown` here.
 */
interface GlossBench {
  linear(bundle: unknown, length: number): { ms: number; matches: number };
  perCharacter(bundle: unknown, texts: string[][], reps: number): { sieveNs: number; foldNs: number }[];
  floor(): { ms: number; chars: number };
  gloss(bundle: unknown, aliasCount: number): Promise<BenchScan>;
  glossWith(data: BenchMatcherData): Promise<BenchScan>;
  markjs(bundle: unknown, aliasCount: number): Promise<{ ms: number; marks: number }>;
  seed(pack: unknown, entries: number): Promise<{ ms: number; rows: number }>;
  search(pack: unknown, entries: number, queries: string[]): Promise<number[]>;
  packSearch(bundled: unknown, added: unknown, queries: string[]): Promise<number[]>;
  matcherWith(bundled: unknown, added: unknown): Promise<BenchMatcherData>;
}

declare global {
  // In the extension's service worker and pages, where the drivers call into the extension.
  var chrome: typeof Browser;
  var browser: typeof Browser;

  interface Window {
    /** e2e/fixtures/dynamic.html: starts adding paragraphs to the page, as a live feed does. */
    startAppending(): void;
    /** e2e/fixtures/dynamic.html: true once every paragraph has been added. */
    appendingDone: boolean;
    /** Set only if markup of a hostile page or file ran as script (e2e/fixtures/hostile/markup-text.html). */
    __gloss_pwned?: number;
    /** Set only if a handler of a hostile file ran (e2e/tests/user-data.mjs). */
    __glossRan?: number;
    /** e2e/tests/user-data.mjs, watchHtmlParsing: the HTML parsers handed the file's markup. */
    __glossParsedHere: string[];
    /** e2e/tests/user-data.mjs, holdDocumentsLock: lets go of the documents' transaction. */
    releaseGloss(): void;
    /** e2e/tests/user-data.mjs: the source viewer's scroll position at the last look, to tell it has settled. */
    __glossScrollY: number;
    /** e2e/tests/hover-intent.mjs, recordMoves: each pointer move the page saw, as [time, x]. */
    __glossTestMoves: [number, number][];
    /** e2e/tests/popup.mjs: set on the page to tell that it was not reloaded. */
    __notReloaded: boolean;
    /** bench/page-bench.ts, added to each of the benchmark's pages. */
    glossBench: GlossBench;
    /** bench/common.mjs, watchMainThread: the heartbeat's largest gap and the long tasks, in ms. */
    __glossWatch: {
      longest: number;
      longTasks: number[];
      timer: ReturnType<typeof setInterval>;
      observer: PerformanceObserver;
    };
    /** bench/packs.mjs: each stage the options page's progress bar showed, and whether it counted. */
    __glossStages: { stages: string[]; counted: boolean };
  }
}
