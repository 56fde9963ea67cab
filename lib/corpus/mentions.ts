/**
 * Finds the mentions of every entry in a document's paragraphs with the same matcher and evidence
 * rules the content script uses on web pages. Used for the bundled corpus and for the reader's own
 * documents.
 */
import { PageEvidence, type EvidenceRules, type Side } from '../match/evidence';
import { scan, type Match, type Matcher } from '../match/matcher';
import { looksVietnamese } from '../text/language';
import type { EntryKind, Mention, Paragraph } from './types';

/**
 * Every mention in a document's paragraphs: all are scanned, then judged with the evidence the whole
 * document gives ("Trong" counts in a document that names Nguyen Phu Trong anywhere). A generator
 * that yields how many paragraphs are scanned every `every` paragraphs, so a caller can report
 * progress and pause; `out` receives the mentions and the entries the document names firmly.
 */
export function* scanDocument(
  matcher: Matcher,
  rules: EvidenceRules,
  paragraphs: readonly Paragraph[],
  out: { mentions: Mention[]; named: string[] },
  every = Infinity,
): Generator<number> {
  const scanned: Match[][] = [];
  const evidence = new PageEvidence(rules);
  for (let i = 0; i < paragraphs.length; i++) {
    if (i > 0 && i % every === 0) yield i;
    const text = paragraphs[i].text;
    scanned.push(scan(matcher, text, { vietnamese: () => looksVietnamese(text) }));
    evidence.noteFirm(scanned[i]);
  }
  out.mentions = paragraphs.flatMap((paragraph, i) =>
    scanned[i]
      .filter((m) => evidence.verdict(m, paragraph.text, scanned[i]) === 'mark')
      .map((m) => toMention(paragraph, m)),
  );
  out.named = [...evidence.named].sort();
}

/** The mentions of a document's paragraphs, at once (the compiler's). */
export function findMentions(matcher: Matcher, rules: EvidenceRules, paragraphs: readonly Paragraph[]): Mention[] {
  const out = { mentions: [] as Mention[], named: [] as string[] };
  for (const _ of scanDocument(matcher, rules, paragraphs, out));
  return out.mentions;
}

/** A match as a mention of the paragraph it was found in. */
export function toMention(paragraph: Paragraph, m: Match): Mention {
  return {
    entryId: m.entryId,
    docId: paragraph.docId,
    paragraph: paragraph.n,
    start: m.start,
    end: m.end,
    text: paragraph.text.slice(m.start, m.end),
  };
}

/** Kinds of entry whose firm mention tells what a page is about; places are named in passing. */
const TOPICAL_KINDS: ReadonlySet<EntryKind> = new Set([
  'person',
  'party',
  'policy',
  'initiative',
  'agreement',
  'event',
  'concept',
]);

/** The rules the evidence model reads: related entries both ways, sides, and the topical entries. */
export function evidenceRules(
  entries: readonly { id: string; kind: EntryKind; related: readonly string[]; side?: Side }[],
): EvidenceRules {
  const related = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!related.has(a)) related.set(a, new Set());
    related.get(a)!.add(b);
  };
  const sides = new Map<string, Side>();
  const topical = new Set<string>();
  for (const e of entries) {
    for (const r of e.related) {
      link(e.id, r);
      link(r, e.id);
    }
    if (e.side) sides.set(e.id, e.side);
    if (e.side && TOPICAL_KINDS.has(e.kind)) topical.add(e.id);
  }
  return { related: new Map([...related].map(([k, v]) => [k, [...v].sort()])), sides, topical };
}
