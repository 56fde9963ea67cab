/**
 * The benchmark's in-page half, bundled by bench/run.mjs with esbuild and added to real pages in
 * headless Chromium. It runs Gloss's own code (lib/), so what is measured is what ships; the
 * orchestrator only times and compares.
 */
import type { KnowledgeBundle } from '../lib/corpus/types';
import { evidenceRules } from '../lib/corpus/mentions';
import { buildMatcher, scan, type AliasSpec } from '../lib/match/matcher';
import { PageMarker } from '../lib/page/marker';
import { GlossService } from '../lib/service';
import { DATABASE_NAME, GlossDatabase } from '../lib/store/db';
import { seedFromBundle } from '../lib/store/seed';
import Dexie from 'dexie';
import { walkTextNodes } from './floors';
import { markWithMarkjs } from './markjs';

/** Synthetic aliases that read like names but occur in no real text: deterministic, so runs compare. */
export function syntheticAliases(count: number): AliasSpec[] {
  let seed = 0x2f6b3c1d;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const syllables = ['qua', 'zor', 'vel', 'thi', 'mek', 'dru', 'nax', 'pol', 'fyr', 'gud', 'wex', 'jol'];
  const word = () => {
    let w = '';
    for (let i = 0, n = 2 + Math.floor(random() * 2); i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  return Array.from({ length: count }, (_, i) => ({ entryId: `synthetic-${i}`, text: `${word()} ${word()}`, caseRule: 'name' as const }));
}

/** `count` aliases: the first of the real ones, or all of them padded with synthetic ones; 0 for all real. */
function aliasesOf(real: AliasSpec[], count: number): AliasSpec[] {
  if (count === 0) return real;
  return count <= real.length ? real.slice(0, count) : [...real, ...syntheticAliases(count - real.length)];
}

/** A macrotask without setTimeout's 4 ms clamp: how the marker yields between slices here. */
function fastYield(): (resume: () => void) => void {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (resume) => {
    queue.push(resume);
    channel.port2.postMessage(0);
  };
}

let counter = 0;

/**
 * Deterministic random text of `length` code units from every kind of Unicode a page may hold
 * (Latin, Vietnamese, CJK, Arabic, emoji, lone surrogates, controls), with real aliases mixed in.
 */
function randomUnicode(length: number, aliases: readonly AliasSpec[]): string {
  let seed = 0x51ed270b;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const ranges: [number, number][] = [[0x20, 0x7e], [0xc0, 0x1ef9], [0x4e00, 0x9fff], [0x600, 0x6ff], [0xd800, 0xdfff], [0x1f300, 0x1f6ff], [0, 0x1f]];
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const piece = random() < 0.02
      ? ` ${aliases[Math.floor(random() * aliases.length)].text} `
      : Array.from({ length: 1 + Math.floor(random() * 12) }, () => {
          const [lo, hi] = ranges[Math.floor(random() * ranges.length)];
          return String.fromCodePoint(lo + Math.floor(random() * (hi - lo)));
        }).join('') + (random() < 0.5 ? ' ' : '');
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, length);
}

const bench = {
  /** Matching alone over random Unicode of `length` code units: the time should grow with the length only. */
  linear(bundle: KnowledgeBundle, length: number): { ms: number; matches: number } {
    const matcher = buildMatcher(bundle.aliases);
    const text = randomUnicode(length, bundle.aliases);
    const t0 = performance.now();
    const matches = scan(matcher, text, { vietnamese: () => false }).length;
    return { ms: performance.now() - t0, matches };
  },

  /** The floor: one TreeWalker pass that reads every text node's data and does nothing else. */
  floor(): { ms: number; chars: number } {
    const t0 = performance.now();
    const chars = walkTextNodes();
    return { ms: performance.now() - t0, chars };
  },

  /**
   * Gloss's full scan: walk, match, build highlight ranges, register them. `workMs` is the time
   * spent in its slices, the work itself; `ms` runs from start to done, and so also holds whatever
   * the browser does between slices (rendering a frame). `longestSliceMs` is the longest slice, i.e.
   * the longest task the scan puts on the main thread.
   */
  async gloss(bundle: KnowledgeBundle, aliasCount: number): Promise<{ ms: number; workMs: number; buildMs: number; marks: number; longestSliceMs: number }> {
    const b0 = performance.now();
    const matcher = buildMatcher(aliasesOf(bundle.aliases, aliasCount));
    const buildMs = performance.now() - b0;
    const yieldNow = fastYield();
    let sliceStart = 0;
    let longestSliceMs = 0;
    let workMs = 0;
    const marker = new PageMarker(document, {
      matcher,
      rules: evidenceRules(bundle.entries),
      density: 'first',
      highlightName: `bench-${++counter}`,
      activeHighlightName: `bench-active-${counter}`,
      flashHighlightName: `bench-flash-${counter}`,
      yieldToPage: (resume) => {
        longestSliceMs = Math.max(longestSliceMs, performance.now() - sliceStart);
        workMs += performance.now() - sliceStart;
        yieldNow(() => {
          sliceStart = performance.now();
          resume();
        });
      },
    });
    const t0 = performance.now();
    sliceStart = t0;
    marker.start();
    await marker.whenIdle();
    const ms = performance.now() - t0;
    longestSliceMs = Math.max(longestSliceMs, performance.now() - sliceStart);
    workMs += performance.now() - sliceStart;
    const marks = marker.allMarks().length;
    marker.stop();
    return { ms, workMs, buildMs, marks, longestSliceMs };
  },

  /** mark.js marking the same aliases (it wraps each match in an element: run it on a fresh page). */
  markjs(bundle: KnowledgeBundle, aliasCount: number): Promise<{ ms: number; marks: number }> {
    return markWithMarkjs(document.body, [...new Set(aliasesOf(bundle.aliases, aliasCount).map((a) => a.text))]);
  },

  /** Seeding the store in this origin's real IndexedDB; `entries` > bundle size adds synthetic entries. */
  async seed(bundle: KnowledgeBundle, entries: number): Promise<{ ms: number; rows: number }> {
    await Dexie.delete(DATABASE_NAME);
    const big = widen(bundle, entries);
    const db = new GlossDatabase();
    const t0 = performance.now();
    const result = await seedFromBundle(db, big);
    const ms = performance.now() - t0;
    db.close();
    return { ms, rows: result.status === 'seeded' ? result.rows : 0 };
  },

  /** Popup search, one call per keystroke of each query, against a store of `entries` entries. */
  async search(bundle: KnowledgeBundle, entries: number, queries: string[]): Promise<number[]> {
    await Dexie.delete(DATABASE_NAME);
    const service = await GlossService.start(widen(bundle, entries));
    const times: number[] = [];
    for (const query of queries) {
      for (let i = 2; i <= query.length; i++) {
        const t0 = performance.now();
        await service.search(query.slice(0, i));
        times.push(performance.now() - t0);
      }
    }
    return times;
  },
};

/** The bundle with synthetic entries (and their aliases and search records) added up to `entries`. */
function widen(bundle: KnowledgeBundle, entries: number): KnowledgeBundle {
  const extra = Math.max(0, entries - bundle.entries.length);
  if (!extra) return bundle;
  const aliases = syntheticAliases(extra);
  // Every synthetic entry borrows the first labelled entry's label, as a fact too.
  const label = bundle.entries.find((e) => e.label)!.label!;
  const synthetic = aliases.map((a) => ({
    id: a.entryId,
    name: a.text,
    kind: 'concept' as const,
    label,
    facts: [label],
    related: [],
    aliases: [a.text],
  }));
  const records = synthetic.map((e) => ({ type: 'entry' as const, ref: e.id, name: e.name.toLowerCase(), aliases: [e.name.toLowerCase()], text: label.quote.toLowerCase() }));
  return {
    ...bundle,
    hash: `${bundle.hash}-${entries}`,
    entries: [...bundle.entries, ...synthetic],
    aliases: [...bundle.aliases, ...aliases],
    // No prebuilt index: the searcher builds one over all records, as a build would.
    search: { records: [...bundle.search.records, ...records], index: undefined },
  };
}

(window as unknown as { glossBench: typeof bench }).glossBench = bench;
