/**
 * Finds the mentions of every entry in a document's paragraphs with the same matcher and context rule
 * the content script uses on web pages. Used for the bundled corpus and for the reader's own documents.
 */
import { applyContext, firmEntries, type RelatedEntries } from '../match/context';
import { scan, type Match, type Matcher } from '../match/matcher';
import { looksVietnamese } from '../text/language';
import type { Mention, Paragraph } from './types';

export function findMentions(matcher: Matcher, related: RelatedEntries, paragraphs: readonly Paragraph[]): Mention[] {
  const perParagraph: { paragraph: Paragraph; matches: Match[] }[] = paragraphs.map((paragraph) => ({
    paragraph,
    matches: scan(matcher, paragraph.text, { vietnamese: () => looksVietnamese(paragraph.text) }),
  }));
  // The document is the context: "Trong" counts in a document that names Nguyen Phu Trong anywhere.
  const named = new Set<string>();
  for (const { matches } of perParagraph) firmEntries(matches, named);
  const mentions: Mention[] = [];
  for (const { paragraph, matches } of perParagraph) {
    for (const m of applyContext(matches, named, related)) {
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

/** The related-entries map the context rule reads, both directions. */
export function relatedMap(entries: readonly { id: string; related: readonly string[] }[]): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!map.has(a)) map.set(a, new Set());
    map.get(a)!.add(b);
  };
  for (const e of entries) {
    for (const r of e.related) {
      link(e.id, r);
      link(r, e.id);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
}
