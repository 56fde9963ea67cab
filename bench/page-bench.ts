/**
 * The benchmark's in-page half, bundled by bench/run.mjs with esbuild and added to real pages in
 * headless Chromium. It runs Gloss's own code (lib/), so what is measured is what ships; the
 * orchestrator only times and compares.
 */
import type { KnowledgeBundle } from '../lib/corpus/types';
import { evidenceRules } from '../lib/corpus/mentions';
import type { EvidenceRules } from '../lib/match/evidence';
import { buildMatcher, scan, type AliasSpec } from '../lib/match/matcher';
import { SieveReader } from '../lib/match/sieve';
import { foldUnits } from '../lib/text/normalize';
import { PageMarker } from '../lib/page/marker';
import { packHash, type PackFile } from '../lib/packs/format';
import { checkPack } from '../lib/packs/read';
import { preparePack, storePack } from '../lib/packs/store';
import { GlossService } from '../lib/service';
import { DATABASE_NAME, GlossDatabase } from '../lib/store/db';
import { openStore } from '../lib/store/open';
import type { MatcherData } from '../lib/store/knowledge';
import { seedBundledPack } from '../lib/store/seed';
import Dexie from 'dexie';
import { walkTextNodes } from './floors';
import { markWithMarkjs } from './markjs';

/** Synthetic aliases that read like names but occur in no real text: deterministic, so runs compare. */
export function syntheticAliases(count: number): AliasSpec[] {
  let seed = 0x2f6b3c1d;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const syllables = ['qua', 'zor', 'vel', 'thi', 'mek', 'dru', 'nax', 'pol', 'fyr', 'gud', 'wex', 'jol'];
  const word = () => {
    let w = '';
    for (let i = 0, n = 2 + Math.floor(random() * 2); i < n; i++)
      w += syllables[Math.floor(random() * syllables.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  return Array.from({ length: count }, (_, i) => ({
    entryId: `synthetic-${i}`,
    text: `${word()} ${word()}`,
    caseRule: 'name' as const,
  }));
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
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0xc0, 0x1ef9],
    [0x4e00, 0x9fff],
    [0x600, 0x6ff],
    [0xd800, 0xdfff],
    [0x1f300, 0x1f6ff],
    [0, 0x1f],
  ];
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const piece =
      random() < 0.02
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

interface ScanResult {
  ms: number;
  workMs: number;
  buildMs: number;
  marks: number;
  longestSliceMs: number;
}

/**
 * Gloss's full scan: walk, match, build highlight ranges, register them. `workMs` is the time
 * spent in its slices, the work itself; `ms` runs from start to done, and so also holds whatever
 * the browser does between slices (rendering a frame). `longestSliceMs` is the longest slice, i.e.
 * the longest task the scan puts on the main thread.
 */
async function scanPage(aliases: AliasSpec[], rules: EvidenceRules): Promise<ScanResult> {
  const b0 = performance.now();
  const matcher = buildMatcher(aliases);
  const buildMs = performance.now() - b0;
  const yieldNow = fastYield();
  let sliceStart = 0;
  let longestSliceMs = 0;
  let workMs = 0;
  const marker = new PageMarker(document, {
    matcher,
    rules,
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
  // The whole page, as the slice-time table has always measured: the text far from the screen too.
  await marker.readWholePage();
  await marker.whenIdle();
  const ms = performance.now() - t0;
  longestSliceMs = Math.max(longestSliceMs, performance.now() - sliceStart);
  workMs += performance.now() - sliceStart;
  const marks = marker.allMarks().length;
  marker.stop();
  return { ms, workMs, buildMs, marks, longestSliceMs };
}

/**
 * The background's service over this origin's real IndexedDB: the bundled pack installed as the
 * background installs it and, beside it, `added` installed as the options page's worker installs a
 * pack file (checked whole, prepared, stored in one transaction), then the service told, as the
 * options page tells it.
 */
async function serviceWith(bundled: PackFile, added: PackFile | null): Promise<GlossService> {
  await Dexie.delete(DATABASE_NAME);
  const service = await GlossService.start(bundled);
  if (added) {
    const db = new GlossDatabase();
    await storePack(db, preparePack(await checkPack(added), false));
    db.close();
    service.userDataChanged();
  }
  return service;
}

/** The popup's search, as the background answers it: one call per keystroke of each query; each time in ms. */
async function searchTimes(service: GlossService, queries: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of queries) {
    for (let i = 2; i <= query.length; i++) {
      const t0 = performance.now();
      await service.search(query.slice(0, i));
      times.push(performance.now() - t0);
    }
  }
  return times;
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

  /**
   * The sieve and the folding over each of `texts` (paragraphs), per character, once the code is
   * compiled: the least time of `reps` rounds, each reading every text in turn, in ns per UTF-16 code
   * unit. The sieve is one of as many aliases as the bundle's that occur in no text, so that it reads
   * every character (a run that may hold a term is left at its first key).
   */
  perCharacter(bundle: KnowledgeBundle, texts: string[][], reps: number): { sieveNs: number; foldNs: number }[] {
    const reader = new SieveReader(buildMatcher(syntheticAliases(bundle.aliases.length)).sieve!);
    const sieve = (p: string) => {
      reader.begin();
      reader.read(p);
      reader.mayHoldTerm();
    };
    const time = (paragraphs: string[], pass: (p: string) => unknown) => {
      const t0 = performance.now();
      for (const p of paragraphs) pass(p);
      return performance.now() - t0;
    };
    const best = texts.map(() => ({ sieve: Infinity, fold: Infinity }));
    for (let r = 0; r < reps; r++) {
      texts.forEach((paragraphs, t) => {
        best[t].sieve = Math.min(best[t].sieve, time(paragraphs, sieve));
        best[t].fold = Math.min(best[t].fold, time(paragraphs, foldUnits));
      });
    }
    return texts.map((paragraphs, t) => {
      const chars = paragraphs.reduce((sum, p) => sum + p.length, 0);
      return { sieveNs: (best[t].sieve * 1e6) / chars, foldNs: (best[t].fold * 1e6) / chars };
    });
  },

  /** The floor: one TreeWalker pass that reads every text node's data and does nothing else. */
  floor(): { ms: number; chars: number } {
    const t0 = performance.now();
    const chars = walkTextNodes();
    return { ms: performance.now() - t0, chars };
  },

  /** Gloss's full scan with the bundle's first `aliasCount` aliases (0: all), as scanPage measures it. */
  gloss(bundle: KnowledgeBundle, aliasCount: number): Promise<ScanResult> {
    return scanPage(aliasesOf(bundle.aliases, aliasCount), evidenceRules(bundle.entries));
  },

  /** Gloss's full scan with what the background gives content scripts (matcherWith): every enabled pack's matcher. */
  glossWith(data: MatcherData): Promise<ScanResult> {
    return scanPage(data.aliases, {
      related: new Map(data.related),
      sides: new Map(data.sides),
      topical: new Set(data.topical),
    });
  },

  /** mark.js marking the same aliases (it wraps each match in an element: run it on a fresh page). */
  markjs(bundle: KnowledgeBundle, aliasCount: number): Promise<{ ms: number; marks: number }> {
    return markWithMarkjs(document.body, [...new Set(aliasesOf(bundle.aliases, aliasCount).map((a) => a.text))]);
  },

  /**
   * Installing the bundled pack in this origin's real IndexedDB, as the background does (checked,
   * prepared, stored); `entries` > its size adds synthetic entries.
   */
  async seed(pack: PackFile, entries: number): Promise<{ ms: number; rows: number }> {
    await Dexie.delete(DATABASE_NAME);
    const big = await widen(pack, entries);
    const prepared = preparePack(big, true);
    const rows =
      prepared.documents.length +
      prepared.paragraphPages.length +
      prepared.mentionPages.length +
      prepared.entries.length +
      prepared.entryDocuments.length +
      2;
    const db = new GlossDatabase();
    const t0 = performance.now();
    await seedBundledPack(db, big);
    const ms = performance.now() - t0;
    db.close();
    return { ms, rows };
  },

  /** Popup search, one call per keystroke of each query, against a store of `entries` entries. */
  async search(pack: PackFile, entries: number, queries: string[]): Promise<number[]> {
    await Dexie.delete(DATABASE_NAME);
    return searchTimes(await GlossService.start(await widen(pack, entries)), queries);
  },

  /** The same, with `added` installed beside the bundled pack (null: the bundled pack alone). */
  async packSearch(bundled: PackFile, added: PackFile | null, queries: string[]): Promise<number[]> {
    return searchTimes(await serviceWith(bundled, added), queries);
  },

  /**
   * What the background builds content scripts' matcher from, with `added` installed beside the bundled pack (null:
   * alone).
   */
  async matcherWith(bundled: PackFile, added: PackFile | null): Promise<MatcherData> {
    await serviceWith(bundled, added);
    return (await openStore(bundled)).knowledge.matcherData();
  },
};

/** The pack with synthetic entries (and their aliases) added up to `entries`, its hash made again. */
async function widen(pack: PackFile, entries: number): Promise<PackFile> {
  const bundle = pack.compiled;
  const extra = Math.max(0, entries - bundle.entries.length);
  if (!extra) return pack;
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
  const widened = {
    ...pack,
    compiled: { ...bundle, entries: [...bundle.entries, ...synthetic], aliases: [...bundle.aliases, ...aliases] },
  };
  return { ...widened, hash: await packHash(widened) };
}

(window as unknown as { glossBench: typeof bench }).glossBench = bench;
