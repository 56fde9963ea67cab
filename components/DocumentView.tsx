/**
 * A corpus document in full: header (title, outlet and who publishes it, authors, the original's date;
 * the copy's republisher and its date, an update, the licence), numbered paragraphs, and the cited
 * quote marked in its paragraph. Text is rendered as text; the quote is located with the same
 * normalizer the compiler uses, so a citation always lands on its words.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { DocumentInfo, Mention, Paragraph } from '../lib/corpus/types';
import { fold } from '../lib/text/normalize';
import { t } from '../lib/i18n';
import { perspectiveLabel } from '../lib/citation';
import { sourceInfo } from '../lib/store/knowledge';

export interface DocumentViewProps {
  document: DocumentInfo;
  paragraphs: Paragraph[];
  /** The document's mentions: each is marked, and hovering one opens its entry's card. */
  mentions: Mention[];
  /** The cited paragraph and quote, if the reader was opened from a citation. */
  paragraph?: number;
  quote?: string;
}

/** The range of `quote` in `text` (folded comparison), or null. */
export function findQuote(text: string, quote: string): [number, number] | null {
  const hay = fold(text);
  const needle = fold(quote).text.trim();
  if (!needle) return null;
  const at = hay.text.indexOf(needle);
  if (at === -1) return null;
  return [hay.sourceIndex[at], hay.sourceIndex[at + needle.length]];
}

interface Segment {
  text: string;
  entryId: string | null;
  quoted: boolean;
}

/** Cuts a paragraph at the edges of its mentions and of the cited quote. */
export function segments(text: string, mentions: readonly Pick<Mention, 'start' | 'end' | 'entryId'>[], quote: [number, number] | null): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const m of mentions) cuts.add(m.start).add(m.end);
  if (quote) cuts.add(quote[0]).add(quote[1]);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === b) continue;
    const mention = mentions.find((m) => m.start <= a && b <= m.end);
    out.push({ text: text.slice(a, b), entryId: mention?.entryId ?? null, quoted: !!quote && quote[0] <= a && b <= quote[1] });
  }
  return out;
}

function SegmentText({ segment }: { segment: Segment }) {
  return segment.entryId ? (
    <span class="mention" data-entry={segment.entryId}>
      {segment.text}
    </span>
  ) : (
    <>{segment.text}</>
  );
}

/** A paragraph's text with its mentions marked (and the cited quote, if any). */
export function ParagraphText({ text, mentions, quote = null }: { text: string; mentions: readonly Mention[]; quote?: [number, number] | null }) {
  // The quote is one <mark>, with the mentions inside it marked as everywhere else.
  const all = segments(text, mentions, quote);
  const before = all.filter((seg, i) => !seg.quoted && !all.slice(0, i).some((x) => x.quoted));
  const quoted = all.filter((seg) => seg.quoted);
  const after = all.slice(before.length + quoted.length);
  const run = (list: Segment[]) => list.map((segment, i) => <SegmentText key={i} segment={segment} />);
  return (
    <>
      {run(before)}
      {quoted.length > 0 && <mark class="quote">{run(quoted)}</mark>}
      {run(after)}
    </>
  );
}

export function DocumentView({ document: doc, paragraphs, mentions, paragraph, quote }: DocumentViewProps) {
  const target = useRef<HTMLElement>(null);
  useEffect(() => {
    target.current?.scrollIntoView({ block: 'center' });
    target.current?.focus({ preventScroll: true });
  }, [doc.id, paragraph, quote]);
  return (
    <article class="document" aria-labelledby="doc-title">
      <header>
        <h1 id="doc-title">{doc.title}</h1>
        <p class="byline">
          {[doc.outlet ?? t('outletNotStated'), perspectiveLabel(sourceInfo(doc)), doc.authors.length ? doc.authors.join(', ') : null, doc.date ?? t('undated')]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {doc.republished && (
          <p class="note">
            {[doc.republished.by ? t('republishedBy', doc.republished.by) : t('republishedUnnamed'), doc.republished.date?.date].filter(Boolean).join(' · ')}
          </p>
        )}
        {doc.updated && <p class="note">{doc.updated.date}</p>}
        {doc.outletNote && <p class="note">{doc.outletNote}</p>}
        {doc.licence && <p class="note">{doc.licence}</p>}
      </header>
      <ol class="paragraphs">
        {paragraphs.map((p) => {
          const isTarget = p.n === paragraph;
          const span = isTarget && quote ? findQuote(p.text, quote) : null;
          const here = mentions.filter((m) => m.paragraph === p.n);
          return (
            <li
              key={p.n}
              id={`p${p.n}`}
              value={p.n}
              class={isTarget ? 'target' : undefined}
              ref={isTarget ? (target as never) : undefined}
              tabIndex={isTarget ? -1 : undefined}
            >
              <ParagraphText text={p.text} mentions={here} quote={span} />
            </li>
          );
        })}
      </ol>
    </article>
  );
}
