/**
 * A document in full: header (title, outlet and who publishes it, authors, the original's date; the
 * copy's republisher and its date, an update, the licence), numbered paragraphs, and the cited
 * quote marked in its paragraph. Text is rendered as text; the quote is located with the same
 * normalizer the compiler uses, so a citation always lands on its words. A long document (a reader's
 * own, tens of thousands of paragraphs) is a virtualised list: only the paragraphs near the screen
 * are loaded and rendered, a page of them at a time.
 */
import { observeWindowOffset, observeWindowRect, Virtualizer, windowScroll } from '@tanstack/virtual-core';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DocumentInfo, Mention, Paragraph } from '../lib/corpus/types';
import { groupBy } from '../lib/group-by';
import { fold } from '../lib/text/normalize';
import { t } from '../lib/i18n';
import { pageOfParagraph, perspectiveLabel } from '../lib/citation';
import { sourceInfo } from '../lib/views';

interface DocumentViewProps {
  document: DocumentInfo;
  paragraphs: Paragraph[];
  /** The document's mentions: each is marked, and hovering one opens its entry's card. */
  mentions: Mention[];
  /** The cited paragraph and quote, if the source viewer was opened from a citation. */
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
export function segments(
  text: string,
  mentions: readonly Pick<Mention, 'start' | 'end' | 'entryId'>[],
  quote: [number, number] | null,
): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const m of mentions) cuts.add(m.start).add(m.end);
  if (quote) cuts.add(quote[0]).add(quote[1]);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === b) continue;
    const mention = mentions.find((m) => m.start <= a && b <= m.end);
    out.push({
      text: text.slice(a, b),
      entryId: mention?.entryId ?? null,
      quoted: !!quote && quote[0] <= a && b <= quote[1],
    });
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
export function ParagraphText({
  text,
  mentions,
  quote = null,
}: {
  text: string;
  mentions: readonly Mention[];
  quote?: [number, number] | null;
}) {
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

function DocumentHeader({ document: doc }: { document: DocumentInfo }) {
  return (
    <header>
      <h1 id="doc-title">{doc.title}</h1>
      <p class="byline">
        {[
          doc.outlet ?? t('outletNotStated'),
          perspectiveLabel(sourceInfo(doc)),
          doc.authors.length ? doc.authors.join(', ') : null,
          // The original's date as its citations give it ("2023-09-11", not the source's "00:32:32-04:00").
          doc.dateISO ?? doc.date ?? t('undatedShort'),
          doc.pages ? t('pdfPages', doc.pages.length) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {doc.republished && (
        <p class="note">
          {[
            doc.republished.by ? t('republishedBy', doc.republished.by) : t('republishedUnnamed'),
            doc.republished.date?.date,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {doc.updated && <p class="note">{doc.updated.date}</p>}
      {doc.outletNote && <p class="note">{doc.outletNote}</p>}
      {doc.licence && <p class="note">{doc.licence}</p>}
    </header>
  );
}

interface ParagraphItemProps {
  paragraph: Paragraph;
  mentions: readonly Mention[];
  /** The cited paragraph: marked, focusable, its quote marked. */
  target: boolean;
  quote?: string;
  focusRef?: (element: HTMLLIElement | null) => void;
  index?: number;
  /** A PDF's pages (DocumentInfo.pages). */
  pages?: DocumentInfo['pages'];
}

/**
 * A paragraph in the list, numbered as citations number it: in a PDF by its place on its page, under
 * the page's number where a page begins ("p. 12").
 */
function ParagraphItem({ paragraph: p, mentions, target, quote, focusRef, index, pages }: ParagraphItemProps) {
  const span = target && quote ? findQuote(p.text, quote) : null;
  const page = pageOfParagraph(pages, p.n);
  const pageStarts = page?.first === p.n;
  const classes = [target && 'target', pageStarts && 'page-start'].filter(Boolean).join(' ');
  return (
    <li
      id={`p${p.n}`}
      value={page?.n ?? p.n}
      data-index={index}
      data-page={page?.label}
      class={classes || undefined}
      ref={focusRef}
      tabIndex={target ? -1 : undefined}
    >
      {pageStarts && <span class="page-mark">{t('pageMark', page.label)}</span>}
      <ParagraphText text={p.text} mentions={mentions} quote={span} />
    </li>
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
      <DocumentHeader document={doc} />
      <ol class="paragraphs">
        {paragraphs.map((p) => (
          <ParagraphItem
            key={p.n}
            paragraph={p}
            mentions={mentions.filter((m) => m.paragraph === p.n)}
            target={p.n === paragraph}
            quote={quote}
            focusRef={p.n === paragraph ? (el) => (target.current = el) : undefined}
            pages={doc.pages}
          />
        ))}
      </ol>
    </article>
  );
}

/** Paragraphs loaded and rendered at a time in a long document. */
export const PAGE_SIZE = 100;

interface LongDocumentViewProps {
  document: DocumentInfo;
  /** How many paragraphs the document has (numbered 1…count). */
  count: number;
  /** Paragraphs `from`…`to` with their mentions. */
  load(from: number, to: number): Promise<{ paragraphs: Paragraph[]; mentions: Mention[] }>;
  paragraph?: number;
  quote?: string;
  /** Changes when the store's data changed: pages already loaded are loaded again. */
  revision?: number;
}

interface Page {
  paragraphs: Map<number, Paragraph>;
  mentions: Map<number, Mention[]>;
  /** The `revision` it was loaded at: an older page is shown until its fresh copy arrives. */
  revision: number | undefined;
}

/** Height a paragraph is given before it is measured: by its length once loaded. */
const estimateHeight = (p: Paragraph | undefined) => (p ? 30 + Math.ceil(p.text.length / 80) * 26 : 56);

/**
 * A long document as a virtualised list (TanStack Virtual): the window scrolls over the whole
 * document's height, and only the paragraphs near the screen are in the page, each measured as it is
 * rendered. Pages of paragraphs are loaded as they come near. A citation's paragraph is scrolled to
 * and focused like in the short view.
 */
export function LongDocumentView({ document: doc, count, load, paragraph, quote, revision }: LongDocumentViewProps) {
  const [, rerender] = useState(0);
  const pages = useRef(new Map<number, Page>());
  const loading = useRef(new Set<number>());
  const list = useRef<HTMLDivElement>(null);
  const focused = useRef<string | null>(null);
  const pageOf = (n: number) => Math.floor((n - 1) / PAGE_SIZE);
  const loaded = (n: number) => pages.current.get(pageOf(n)) ?? null;
  const [virtualizer] = useState(
    () =>
      new Virtualizer<Window, HTMLLIElement>({
        count,
        getScrollElement: () => window,
        estimateSize: (i) => estimateHeight(loaded(i + 1)?.paragraphs.get(i + 1)),
        overscan: 6,
        scrollToFn: windowScroll,
        observeElementRect: observeWindowRect,
        observeElementOffset: observeWindowOffset,
        onChange: () => rerender((n) => n + 1),
      }),
  );
  virtualizer.setOptions({ ...virtualizer.options, count, scrollMargin: list.current?.offsetTop ?? 0 });
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());
  const items = virtualizer.getVirtualItems();

  // The pages the rendered paragraphs stand in, loaded once each (again after the store changed).
  useEffect(() => {
    for (const page of new Set(items.map((item) => pageOf(item.index + 1)))) {
      if (pages.current.get(page)?.revision === revision || loading.current.has(page)) continue;
      loading.current.add(page);
      const from = page * PAGE_SIZE + 1;
      const asOf = revision;
      void load(from, Math.min(count, from + PAGE_SIZE - 1)).then(({ paragraphs, mentions }) => {
        pages.current.set(page, {
          paragraphs: new Map(paragraphs.map((p) => [p.n, p])),
          mentions: groupBy(mentions, (m) => m.paragraph),
          revision: asOf,
        });
        loading.current.delete(page);
        rerender((n) => n + 1);
      });
    }
  });
  // A citation: its paragraph scrolled to the middle of the screen, then focused once it is rendered.
  useLayoutEffect(() => {
    focused.current = null;
    if (paragraph && paragraph <= count) virtualizer.scrollToIndex(paragraph - 1, { align: 'center' });
  }, [doc.id, paragraph, quote]);
  const focusTarget = (element: HTMLLIElement | null) => {
    const key = `${doc.id}#${paragraph}#${quote}`;
    if (!element || focused.current === key) return;
    focused.current = key;
    requestAnimationFrame(() => {
      virtualizer.scrollToIndex((paragraph ?? 1) - 1, { align: 'center' });
      element.focus({ preventScroll: true });
    });
  };

  const first = items[0];
  return (
    <article class="document long" aria-labelledby="doc-title">
      <DocumentHeader document={doc} />
      <div ref={list} class="virtual" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        <ol
          class="paragraphs"
          style={{ transform: `translateY(${first ? first.start - virtualizer.options.scrollMargin : 0}px)` }}
        >
          {items.map((item) => {
            const n = item.index + 1;
            const page = loaded(n);
            const p = page?.paragraphs.get(n);
            if (!p) {
              return (
                <li
                  key={n}
                  value={n}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  class="pending"
                  aria-busy="true"
                />
              );
            }
            const isTarget = n === paragraph;
            return (
              <ParagraphItem
                key={n}
                index={item.index}
                paragraph={p}
                mentions={page!.mentions.get(n) ?? []}
                target={isTarget}
                quote={quote}
                pages={doc.pages}
                focusRef={(element) => {
                  virtualizer.measureElement(element);
                  if (isTarget) focusTarget(element);
                }}
              />
            );
          })}
        </ol>
      </div>
    </article>
  );
}
