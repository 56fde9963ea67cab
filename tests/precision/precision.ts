/**
 * The labelled precision set: pages written by others (../shared/pages), and for every place a glossary
 * alias occurs on them, what Gloss must mark there (an entry, or nothing). Gloss is run on each page
 * through its real matcher and page scanner, and each of its marks is compared with the labels.
 *
 * Labels (labels.yaml) are keyed by the text found: a row names the text and the entry, and applies to
 * every occurrence of that text unless a more specific row says otherwise, by `occurrence` (1-based,
 * counted at word boundaries in the page's text) or by `in` (a longer passage of the page around it).
 * `means` records the entry a text means where the label is "none" because the evidence rules give it
 * up on purpose (a bare surname on a page that never names the person in full): recall against meaning
 * counts those.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { evidenceRules } from '../../lib/corpus/mentions';
import type { KnowledgeBundle } from '../../lib/corpus/types';
import { buildMatcher } from '../../lib/match/matcher';
import { PageMarker, type Mark, type MarkDensity } from '../../lib/page/marker';
import { nearestBlock } from '../../lib/page/text-runs';
import { fold, isWordChar } from '../../lib/text/normalize';
// @ts-expect-error: a plain JavaScript module, shared with the end-to-end server.
import { textPageBody } from '../../e2e/text-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_PAGES = resolve(here, '../../../shared/pages');
export const LABELS_FILE = join(here, 'labels.yaml');

export interface LabelRow {
  text: string;
  entry: string;
  occurrence?: number[];
  in?: string;
  /** The text Gloss marks there, where it is not the text found (a name with its title). */
  mark?: string;
  means?: string;
  why?: string;
}

export interface LabelledPage {
  page: string;
  lang?: string;
  rows: LabelRow[];
}

export function readLabels(source = readFileSync(LABELS_FILE, 'utf8')): LabelledPage[] {
  const data = parse(source) as { pages: { page: string; lang?: string; marks?: Record<string, unknown>[] }[] };
  return data.pages.map((p) => ({
    page: p.page,
    ...(p.lang ? { lang: p.lang } : {}),
    rows: (p.marks ?? []).map((r) => ({
      text: String(r.text),
      entry: String(r.entry),
      ...(r.occurrence !== undefined ? { occurrence: ([] as unknown[]).concat(r.occurrence).map(Number) } : {}),
      ...(r.in !== undefined ? { in: String(r.in) } : {}),
      ...(r.mark !== undefined ? { mark: String(r.mark) } : {}),
      ...(r.means !== undefined ? { means: String(r.means) } : {}),
      ...(r.why !== undefined ? { why: String(r.why) } : {}),
    })),
  }));
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of `text` in `page` at word boundaries, white space matching any white space. */
function occurrences(page: string, text: string): [number, number][] {
  const pattern = new RegExp(collapse(text).split(' ').map(escapeRegExp).join('\\s+'), 'gu');
  const found: [number, number][] = [];
  for (const m of page.matchAll(pattern)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!isWordChar(page[start - 1]) && !isWordChar(page[end])) found.push([start, end]);
  }
  return found;
}

export interface Candidate {
  start: number;
  end: number;
  text: string;
}

/**
 * The places an alias occurs in `page`, whatever Gloss would make of them: folded, at word boundaries,
 * the longest where they overlap. The universe the labels must cover.
 */
export function candidatesOf(page: string, aliases: readonly { text: string; entryId: string }[]): Candidate[] {
  const { text: folded, sourceIndex } = fold(page);
  const keys = new Map(aliases.map((a) => [fold(a.text).text.trim(), a.entryId] as const).filter(([k]) => k));
  const hits: (Candidate & { entryId: string })[] = [];
  for (const [key, entryId] of keys) {
    for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) {
      if (isWordChar(folded[at - 1]) || isWordChar(folded[at + key.length])) continue;
      const start = sourceIndex[at];
      let end = sourceIndex[at + key.length];
      while (end > start && /\s/u.test(page[end - 1])) end--;
      hits.push({ start, end, text: page.slice(start, end), entryId });
    }
  }
  // As the matcher does: the longest wins, and hits of one entry that overlap make one ("President Xi Jinping").
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: (Candidate & { entryId: string })[] = [];
  for (const h of hits) {
    const over = kept.filter((k) => k.start < h.end && h.start < k.end);
    if (over.length === 0) kept.push({ ...h });
    else if (over.length === 1 && over[0].entryId === h.entryId) {
      over[0].start = Math.min(over[0].start, h.start);
      over[0].end = Math.max(over[0].end, h.end);
      over[0].text = page.slice(over[0].start, over[0].end);
    }
  }
  return kept.sort((a, b) => a.start - b.start).map(({ start, end, text }) => ({ start, end, text }));
}

/** The row that labels a candidate: by occurrence, else by the longest passage around it, else by text. */
export function rowFor(
  rows: readonly LabelRow[],
  page: string,
  c: Candidate,
): { row: LabelRow; occurrence: number } | { row: null; occurrence: number } {
  const text = collapse(c.text);
  const occurrence = occurrences(page, text).findIndex(([s]) => s === c.start) + 1;
  const same = rows.filter((r) => collapse(r.text) === text);
  const byOccurrence = same.find((r) => r.occurrence?.includes(occurrence));
  if (byOccurrence) return { row: byOccurrence, occurrence };
  const byPassage = same
    .filter((r) => r.in !== undefined && occurrences(page, r.in).some(([s, e]) => s <= c.start && c.end <= e))
    .sort((a, b) => b.in!.length - a.in!.length)[0];
  if (byPassage) return { row: byPassage, occurrence };
  return { row: same.find((r) => r.occurrence === undefined && r.in === undefined) ?? null, occurrence };
}

export type Status = 'ok' | 'missed' | 'wrong' | 'extra' | 'unlabelled';

export interface Outcome {
  status: Status;
  text: string;
  occurrence: number;
  expected: string | null;
  marked: string | null;
  context: string;
}

export interface PageResult {
  page: string;
  outcomes: Outcome[];
  marks: number;
  underlines: number;
  words: number;
  /** Rows labelled "none" whose text means an entry (given up by the evidence rules). */
  meant: number;
  /** Rows that label no place on the page: stale, after the glossary changed. */
  unused: LabelRow[];
}

/** A page's HTML document in the current DOM (jsdom in tests), as text-page.mjs builds it. */
export function loadPage(doc: Document, page: string, lang: string | undefined): void {
  // Pages of our own (traps seen elsewhere, written for the set) start with "./"; the rest are shared.
  const source = readFileSync(page.startsWith('./') ? join(here, page) : join(SHARED_PAGES, page), 'utf8');
  doc.documentElement.setAttribute('lang', lang ?? '');
  if (!lang) doc.documentElement.removeAttribute('lang');
  doc.head.innerHTML = '';
  doc.body.innerHTML = textPageBody(source);
}

/**
 * The page's text as a reader reads it, blocks apart (a line break between two blocks, which
 * `textContent` runs together: "…in Hanoi" + "South Korea…"), with each text node's offset in it.
 */
function pageText(root: Element): { text: string; offsets: Map<Node, number> } {
  const offsets = new Map<Node, number>();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  let lastBlock: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const block = n.parentElement ? nearestBlock(n.parentElement) : null;
    if (lastBlock && block !== lastBlock) text += '\n';
    lastBlock = block;
    offsets.set(n, text.length);
    text += (n as Text).data;
  }
  return { text, offsets };
}

/** What Gloss must mark on a page loaded into `doc`: each labelled place's text and entry, in page order. */
export function expectedMarks(
  doc: Document,
  bundle: KnowledgeBundle,
  labelled: LabelledPage,
): { text: string; entryId: string }[] {
  const { text: page } = pageText(doc.body);
  return candidatesOf(
    page,
    bundle.aliases.filter((a) => !a.blocks),
  ).flatMap((c) => {
    const { row } = rowFor(labelled.rows, page, c);
    return row && row.entry !== 'none' ? [{ text: collapse(row.mark ?? c.text), entryId: row.entry }] : [];
  });
}

/** Runs Gloss's page scanner on a labelled page and compares every mark with the labels. */
export async function evaluatePage(
  doc: Document,
  bundle: KnowledgeBundle,
  labelled: LabelledPage,
  density: MarkDensity = 'first',
): Promise<PageResult> {
  loadPage(doc, labelled.page, labelled.lang);
  const marker = new PageMarker(doc, {
    matcher: buildMatcher(bundle.aliases),
    rules: evidenceRules(bundle.entries),
    density,
    highlightName: 'precision-marks',
    activeHighlightName: 'precision-active',
    flashHighlightName: 'precision-flash',
    yieldToPage: (resume) => setTimeout(resume, 0),
  });
  marker.start();
  await marker.whenIdle();
  const { text: page, offsets } = pageText(doc.body);
  const position = (m: Mark) => {
    const start = offsets.get(m.range.startContainer)! + m.range.startOffset;
    return { start, end: start + m.range.toString().length, entryId: m.entryId, text: m.range.toString() };
  };
  const marks = marker.allMarks().map(position);
  const underlines = marker.underlinedMarks().length;
  marker.stop();

  const candidates = candidatesOf(
    page,
    bundle.aliases.filter((a) => !a.blocks),
  );
  const outcomes: Outcome[] = [];
  const claimed = new Set<(typeof marks)[number]>();
  const used = new Set<LabelRow>();
  let meant = 0;
  const contextOf = (start: number, end: number) =>
    collapse(`${page.slice(Math.max(0, start - 50), start)}[${page.slice(start, end)}]${page.slice(end, end + 50)}`);
  for (const c of candidates) {
    const { row, occurrence } = rowFor(labelled.rows, page, c);
    const over = marks.filter((m) => m.start < c.end && c.start < m.end);
    over.forEach((m) => claimed.add(m));
    const base = { text: collapse(c.text), occurrence, context: contextOf(c.start, c.end) };
    if (!row) {
      outcomes.push({ ...base, status: 'unlabelled', expected: null, marked: over[0]?.entryId ?? null });
      continue;
    }
    used.add(row);
    const expected = row.entry === 'none' ? null : row.entry;
    if (row.means && !expected) meant++;
    const marked = over.length ? over.map((m) => m.entryId).join('+') : null;
    const right =
      expected !== null &&
      over.length === 1 &&
      over[0].entryId === expected &&
      collapse(over[0].text) === collapse(row.mark ?? c.text);
    const status: Status =
      expected === null ? (over.length ? 'extra' : 'ok') : right ? 'ok' : over.length ? 'wrong' : 'missed';
    outcomes.push({ ...base, status, expected, marked });
  }
  for (const m of marks) {
    if (!claimed.has(m))
      outcomes.push({
        status: 'extra',
        text: m.text,
        occurrence: 0,
        expected: null,
        marked: m.entryId,
        context: contextOf(m.start, m.end),
      });
  }
  const unused = labelled.rows.filter((r) => !used.has(r));
  return {
    page: labelled.page,
    outcomes,
    marks: marks.length,
    underlines,
    words: page.match(/[\p{L}\p{N}]+/gu)?.length ?? 0,
    meant,
    unused,
  };
}

/** Precision, and recall against the labels and against what the texts mean. */
export function scores(results: readonly PageResult[]) {
  const all = results.flatMap((r) => r.outcomes);
  const right = all.filter((o) => o.status === 'ok' && o.expected !== null).length;
  const marks = results.reduce((n, r) => n + r.marks, 0);
  const expected = all.filter((o) => o.expected !== null).length;
  const meant = results.reduce((n, r) => n + r.meant, 0);
  return {
    marks,
    right,
    expected,
    precision: marks ? right / marks : 1,
    recall: expected ? right / expected : 1,
    recallOfMeaning: expected + meant ? right / (expected + meant) : 1,
    wrongMarks: all.filter((o) => o.status === 'extra' || o.status === 'wrong').length,
  };
}
