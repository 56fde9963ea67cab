/**
 * A citation link: "Outlet · date · ¶ n", the date and the place each unbroken (a line may break
 * between parts or inside a long title, never inside a date), with the document's title as its
 * tooltip, and beside it who publishes the source ("Chinese state media", "US government"), so a
 * reader weighs each quote by its side. Clicking opens the source viewer at that passage (through
 * `onOpen`, so each context opens tabs its own way).
 */
import { Fragment } from 'preact';
import { citationParts, perspectiveLabel } from '../lib/citation';
import type { Citation as CitationData } from '../lib/corpus/types';
import type { SourceInfo } from '../lib/views';

interface CitationProps {
  citation: CitationData;
  source: SourceInfo;
  href: string;
  onOpen(c: CitationData): void;
}

export function Citation({ citation, source, href, onOpen }: CitationProps) {
  // "(no outlet named)" already says the publisher is not stated.
  const perspective = source.outlet || source.perspective !== 'not-stated' ? perspectiveLabel(source) : null;
  return (
    <>
      <a
        class="cite"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        title={source.title}
        onClick={(e) => {
          e.preventDefault();
          onOpen(citation);
        }}
      >
        {citationParts(source, citation.paragraph).map((part, i) => (
          <Fragment key={i}>
            {i > 0 && ' · '}
            {/* Who published it may wrap between words (a long title); the date and the place never. */}
            <span class={i === 0 ? 'cite-source' : 'cite-part'}>{part}</span>
          </Fragment>
        ))}
      </a>
      {perspective && <span class="perspective"> {perspective}</span>}
    </>
  );
}
