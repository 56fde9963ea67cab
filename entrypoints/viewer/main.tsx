/**
 * The source viewer. Addresses:
 * - `#doc=ID&p=N&q=QUOTE`: a document in full, scrolled to paragraph N with the quote marked;
 * - `#timeline`: the events the documents report, in order;
 * - `#welcome`: the first page after installing.
 * Every mention is marked, and hovering one opens the same card as on the web.
 */
import '../../adapters/i18n-browser';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DocumentView, LongDocumentView, ParagraphText } from '../../components/DocumentView';
import { attachHoverCards } from '../../components/hover-cards';
import { Timeline } from '../../components/Timeline';
import { Welcome } from '../../components/Welcome';
import '../../components/card.css';
import { loadBundledPack } from '../../adapters/bundled-pack';
import {
  citationTarget,
  citedDate,
  ENTRY_INDEX_HASH,
  entryHash,
  entryOfHash,
  parseViewerHash,
  viewerHash,
  type ViewerTarget,
} from '../../lib/citation';
import { isEntryId, onMessage, sendMessage } from '../../lib/messages';
import type { EntryDetail, IndexedEntry, SearchResult } from '../../lib/views';
import { SearchResults } from '../../components/SearchResults';
import { useSearch } from '../../components/use-search';
import { EntryIndex } from '../../components/EntryIndex';
import { EntryView } from '../../components/EntryView';
import type { Citation, DocumentInfo, Mention, Paragraph, TimelineEvent } from '../../lib/corpus/types';
import { sourceInfo } from '../../lib/views';
import { t } from '../../lib/i18n';
import { openForReading } from '../../lib/store/open';
import { userDataVersion } from '../../adapters/storage';
import { prepareExtensionPage } from '../../components/extension-page';
import '../../components/pages.css';
import './viewer.css';

const knowledge = openForReading(loadBundledPack);

/** The passage the welcome page offers to try: the Xinhua report's account of the welcome ceremony. */
const WELCOME_PASSAGE = { docId: 'xinhua-community', paragraphs: [4, 5] };

type Route =
  | { view: 'welcome' }
  | { view: 'timeline' }
  | { view: 'document'; target: ViewerTarget }
  | { view: 'entry'; entryId: string }
  | { view: 'index' };

/** An address of the source viewer; anything it does not know shows the index of every entry. */
function routeOf(hash: string): Route {
  if (hash === '#welcome') return { view: 'welcome' };
  if (hash === '#timeline') return { view: 'timeline' };
  const entryId = entryOfHash(hash);
  if (entryId !== null) return isEntryId(entryId) ? { view: 'entry', entryId } : { view: 'index' };
  const target = parseViewerHash(hash);
  return target ? { view: 'document', target } : { view: 'index' };
}

const citationHref = (c: Citation) => viewerHash(citationTarget(c));
const openCitation = (c: Citation) => {
  location.hash = citationHref(c);
};
const openEntry = (entryId: string) => {
  location.hash = entryHash(entryId);
};

/** Above this many paragraphs a document is shown as a virtualised list (components/DocumentView.tsx). */
const LONG_DOCUMENT = 400;

/** A short document, read whole; or a long one, of which the view loads pages as they come near. */
type DocumentData = { paragraphs: Paragraph[]; mentions: Mention[] } | { count: number };

function SourceViewer() {
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const [documents, setDocuments] = useState<DocumentInfo[]>([]);
  const [data, setData] = useState<DocumentData | null>(null);
  const [timeline, setTimeline] = useState<TimelineEvent[] | null>(null);
  const [names, setNames] = useState(new Map<string, string>());
  const mainRef = useRef<HTMLElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  /** Changes when the reader's documents or entries change anywhere: what is shown is read again. */
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', onHash);
    const stopWatching = userDataVersion.watch(() => setVersion((v) => v + 1));
    return () => {
      removeEventListener('hashchange', onHash);
      stopWatching();
    };
  }, []);
  useEffect(() => {
    knowledge.then(async (k) => {
      setDocuments(await k.documents());
      setNames(await k.entryNames());
    });
  }, [version]);
  useEffect(() => {
    const cards = knowledge.then((k) =>
      attachHoverCards(document.body, boxRef.current!, {
        card: (id) => k.card(id),
        lookUpText: (text) => sendMessage('lookUpText', text),
        citationHref,
        onOpenCitation: openCitation,
        entryHref: entryHash,
        onOpenEntry: openEntry,
      }),
    );
    // The step and look-up shortcuts, which the browser gives the background: this page answers for
    // its own tab.
    const isThisTab = async (tabId?: number) => {
      const tab = await browser.tabs.getCurrent();
      return tab?.id !== undefined && tab.id === tabId;
    };
    const stops = [
      onMessage('stepTerm', async ({ data }) => {
        if (await isThisTab(data.tabId)) (await cards).step(data.direction);
      }),
      onMessage('lookUpHere', async ({ data }) => {
        if (await isThisTab(data.tabId)) (await cards).lookUp(data.text);
      }),
    ];
    return () => {
      stops.forEach((stop) => stop());
      void cards.then((c) => c.stop());
    };
  }, []);

  const docId =
    route.view === 'document' ? route.target.docId : route.view === 'welcome' ? WELCOME_PASSAGE.docId : null;
  const shownDocument = useRef<string | null>(null);
  useEffect(() => {
    // Another document: nothing of the last one stays. The same one read again after a write stays
    // on screen (and where the reader scrolled) until the new rows arrive.
    if (docId !== shownDocument.current) setData(null);
    shownDocument.current = docId;
    if (!docId) return;
    let current = true;
    void knowledge.then(async (k) => {
      const count = await k.paragraphCount(docId);
      const data = count > LONG_DOCUMENT ? { count } : await k.paragraphRange(docId, 1, count);
      if (current) setData(data);
    });
    return () => {
      current = false;
    };
  }, [docId, version]);
  const [entry, setEntry] = useState<{ entryId: string; detail: EntryDetail | null } | null>(null);
  const entryId = route.view === 'entry' ? route.entryId : null;
  useEffect(() => {
    if (!entryId) return;
    let current = true;
    void sendMessage('entryDetail', entryId)
      .catch(() => null)
      .then((detail) => current && setEntry({ entryId, detail }));
    return () => {
      current = false;
    };
  }, [entryId, version]);
  const [index, setIndex] = useState<IndexedEntry[] | null>(null);
  useEffect(() => {
    if (route.view === 'index') void knowledge.then((k) => k.entryIndex()).then(setIndex);
  }, [route.view, version]);
  useEffect(() => {
    if (route.view === 'timeline' && !timeline) knowledge.then((k) => k.timeline()).then(setTimeline);
  }, [route.view]);

  const doc = route.view === 'document' ? documents.find((d) => d.id === route.target.docId) : undefined;
  useEffect(() => {
    const shownEntry = route.view === 'entry' && entry?.entryId === route.entryId ? entry.detail : null;
    document.title = doc
      ? `${doc.title} — Gloss`
      : shownEntry
        ? `${shownEntry.card.name} — Gloss`
        : route.view === 'welcome'
          ? t('welcomeTitle')
          : route.view === 'timeline'
            ? `${t('timeline')} — Gloss`
            : route.view === 'index'
              ? `${t('entryIndexTitle')} — Gloss`
              : t('viewerTitle');
  }, [doc, route, entry]);

  const search = useSearch();
  const openResult = (r: SearchResult) => {
    location.hash = r.type === 'entry' ? entryHash(r.id) : viewerHash({ docId: r.docId, paragraph: r.paragraph });
    void search.search('');
  };

  return (
    <>
      <header class="viewer-head">
        <a class="home" href={ENTRY_INDEX_HASH}>
          Gloss
        </a>
        <SearchResults
          query={search.query}
          results={search.results}
          active={search.active}
          onQuery={(q) => void search.search(q)}
          onActive={search.setActive}
          onOpen={openResult}
          autoFocus={false}
        />
        <nav aria-label={t('sourceViewerSections')}>
          <a href={ENTRY_INDEX_HASH} aria-current={route.view === 'index' ? 'page' : undefined}>
            {t('entryIndexTitle')}
          </a>
          <a href="#timeline" aria-current={route.view === 'timeline' ? 'page' : undefined}>
            {t('timeline')}
          </a>
          <a href="/options.html" target="_blank" rel="noopener">
            {t('optionsLink')}
          </a>
        </nav>
      </header>
      <div class="layout">
        <nav class="doclist" aria-label={t('documents')}>
          <h2>{t('documents')}</h2>
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <a href={viewerHash({ docId: d.id })} aria-current={d.id === doc?.id ? 'page' : undefined}>
                  {d.title}
                </a>
                <span class="meta">
                  {d.outlet ?? t('outletNotStated')} · {citedDate(sourceInfo(d))}
                </span>
              </li>
            ))}
          </ul>
        </nav>
        <main ref={mainRef}>
          {route.view === 'index' && index && <EntryIndex entries={index} entryHref={entryHash} />}
          {route.view === 'welcome' && (
            <Welcome>
              {data &&
                'paragraphs' in data &&
                data.paragraphs
                  .filter((p) => WELCOME_PASSAGE.paragraphs.includes(p.n))
                  .map((p) => (
                    <p key={p.n}>
                      <ParagraphText text={p.text} mentions={data.mentions.filter((m) => m.paragraph === p.n)} />
                    </p>
                  ))}
            </Welcome>
          )}
          {route.view === 'timeline' && timeline && (
            <Timeline
              events={timeline}
              sources={new Map(documents.map((d) => [d.id, sourceInfo(d)]))}
              entryNames={names}
              citationHref={citationHref}
              onOpenCitation={openCitation}
              entryHref={entryHash}
            />
          )}
          {route.view === 'entry' &&
            entry?.entryId === route.entryId &&
            (entry.detail ? (
              <EntryView
                detail={entry.detail}
                citationHref={citationHref}
                onOpenCitation={openCitation}
                onOpenEntry={openEntry}
                onBack={() => (history.length > 1 ? history.back() : (location.hash = ENTRY_INDEX_HASH))}
              />
            ) : (
              <p class="empty">{t('noSuchEntry')}</p>
            ))}
          {route.view === 'document' && documents.length > 0 && !doc && (
            <p class="empty">{t('noSuchDocument', route.target.docId)}</p>
          )}
          {route.view === 'document' && doc && data && 'paragraphs' in data && (
            <DocumentView
              document={doc}
              paragraphs={data.paragraphs}
              mentions={data.mentions}
              paragraph={route.target.paragraph}
              quote={route.target.quote}
            />
          )}
          {route.view === 'document' && doc && data && 'count' in data && (
            <LongDocumentView
              key={doc.id}
              revision={version}
              document={doc}
              count={data.count}
              load={(from, to) => knowledge.then((k) => k.paragraphRange(doc.id, from, to))}
              paragraph={route.target.paragraph}
              quote={route.target.quote}
            />
          )}
        </main>
        <div ref={boxRef} class="gloss-floating viewer-card" hidden />
      </div>
    </>
  );
}

prepareExtensionPage();
render(<SourceViewer />, document.getElementById('app')!);
