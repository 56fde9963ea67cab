/**
 * A corpus document in full: header (title, outlet, authors, date), numbered paragraphs, and the cited
 * quote marked in its paragraph. Text is rendered as text; the quote is located with the same
 * normalizer the compiler uses, so a citation always lands on its words.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { DocumentInfo, Paragraph } from '../lib/corpus/types';
import { fold } from '../lib/text/normalize';

export interface DocumentViewProps {
  document: DocumentInfo;
  paragraphs: Paragraph[];
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

export function DocumentView({ document: doc, paragraphs, paragraph, quote }: DocumentViewProps) {
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
          {[doc.outlet ?? 'Outlet not stated', doc.authors.length ? doc.authors.join(', ') : null, doc.date ?? 'Undated']
            .filter(Boolean)
            .join(' · ')}
        </p>
        {doc.outletNote && <p class="note">{doc.outletNote}</p>}
      </header>
      <ol class="paragraphs">
        {paragraphs.map((p) => {
          const isTarget = p.n === paragraph;
          const span = isTarget && quote ? findQuote(p.text, quote) : null;
          return (
            <li
              key={p.n}
              id={`p${p.n}`}
              value={p.n}
              class={isTarget ? 'target' : undefined}
              ref={isTarget ? (target as never) : undefined}
              tabIndex={isTarget ? -1 : undefined}
            >
              {span ? (
                <>
                  {p.text.slice(0, span[0])}
                  <mark class="quote">{p.text.slice(span[0], span[1])}</mark>
                  {p.text.slice(span[1])}
                </>
              ) : (
                p.text
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
