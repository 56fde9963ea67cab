/**
 * A citation link: "Outlet · date · ¶ n", with the document's title as its tooltip, and beside it who
 * publishes the source ("Chinese state media", "US government"), so a reader weighs each quote by its
 * side. Clicking opens the source reader at that passage (through `onOpen`, so each context opens tabs
 * its own way).
 */
import { citationLabel, perspectiveLabel } from '../lib/citation';
import type { Citation as CitationData } from '../lib/corpus/types';
import type { SourceInfo } from '../lib/store/knowledge';

export interface CitationProps {
  citation: CitationData;
  source: SourceInfo;
  href: string;
  onOpen(c: CitationData): void;
}

export function Citation({ citation, source, href, onOpen }: CitationProps) {
  const perspective = perspectiveLabel(source);
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
        {citationLabel(source, citation.paragraph)}
      </a>
      {perspective && <span class="perspective"> {perspective}</span>}
    </>
  );
}
