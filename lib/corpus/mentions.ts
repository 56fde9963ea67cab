/**
 * Finds the mentions of every entry in a document's paragraphs with the same matcher and evidence
 * rules the content script uses on web pages. Used for the bundled corpus and for the reader's own
 * documents.
 */
import { PageEvidence, type EvidenceRules, type Side } from '../match/evidence';
import { scan, type Match, type Matcher } from '../match/matcher';
import { looksVietnamese } from '../text/language';
import type { EntryKind, Mention, Paragraph } from './types';

export function findMentions(matcher: Matcher, rules: EvidenceRules, paragraphs: readonly Paragraph[]): Mention[] {
  const perParagraph: { paragraph: Paragraph; matches: Match[] }[] = paragraphs.map((paragraph) => ({
    paragraph,
    matches: scan(matcher, paragraph.text, { vietnamese: () => looksVietnamese(paragraph.text) }),
  }));
  // The document is the page: "Trong" counts in a document that names Nguyen Phu Trong anywhere.
  const evidence = new PageEvidence(rules);
  for (const { matches } of perParagraph) evidence.noteFirm(matches);
  const mentions: Mention[] = [];
  for (const { paragraph, matches } of perParagraph) {
    for (const m of matches) {
      if (evidence.verdict(m, paragraph.text, matches) !== 'mark') continue;
      mentions.push({
        entryId: m.entryId,
        docId: paragraph.docId,
        paragraph: paragraph.n,
        start: m.start,
        end: m.end,
        text: paragraph.text.slice(m.start, m.end),
      });
    }
  }
  return mentions;
}

/** Kinds of entry whose firm mention tells what a page is about; places are named in passing. */
const TOPICAL_KINDS: ReadonlySet<EntryKind> = new Set(['person', 'party', 'policy', 'initiative', 'agreement', 'event', 'concept']);

/** The rules the evidence model reads: related entries both ways, sides, and the topical entries. */
export function evidenceRules(entries: readonly { id: string; kind: EntryKind; related: readonly string[]; side?: Side }[]): EvidenceRules {
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
