/**
 * The toolbar popup: fuzzy search over the knowledge base, an entry in full, and a summary of the
 * current tab with the per-site switch. Data comes from the background (search, entries) and from the
 * tab's content script (what is marked there); the popup bundle carries no Dexie and no Fuse.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntryView } from '../../components/EntryView';
import { PageSummary, type SummaryView } from '../../components/PageSummary';
import { SearchResults } from '../../components/SearchResults';
import { READER_PAGE, citationTarget, readerHash } from '../../lib/citation';
import type { Citation } from '../../lib/corpus/types';
import { sendMessage } from '../../lib/messages';
import { disabledSites, userDataVersion } from '../../lib/settings';
import type { StoreStatus } from '../../lib/store/open';
import type { EntryDetail, SearchResult } from '../../lib/views';
import { prepareExtensionPage } from '../../components/extension-page';
import '../../components/quote.css';
import './popup.css';
import { t } from '../../lib/i18n';

const readerUrl = browser.runtime.getURL(READER_PAGE);
const citationHref = (c: Citation) => readerUrl + readerHash(citationTarget(c));
const openCitation = (c: Citation) => void browser.tabs.create({ url: citationHref(c) });

/**
 * The tab the popup speaks about: the active tab, or the one named by `?tab=ID` when the popup is
 * opened as a page of its own (a popped-out popup keeps working for the tab it came from).
 */
async function activeTabId(): Promise<number | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named >= 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function Popup() {
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<EntryDetail | null>(null);
  const [summary, setSummary] = useState<SummaryView>({ status: 'loading' });
  const [site, setSite] = useState<string | null>(null);
  const searchSeq = useRef(0);
  const revealed = useRef(new Map<string, number>());

  /** What is shown, for reading it again when the reader's data changes (see below). */
  const shown = useRef({ query: '', entryId: null as string | null });
  shown.current = { query, entryId: detail?.card.id ?? null };
  useEffect(() => {
    sendMessage('storeStatus', undefined).then(setStatus, () => setFailed(true));
    void loadSummary();
    // The reader's documents or entries changed (the background has been told first): the results
    // and the open entry are asked for again; an entry deleted meanwhile closes.
    return userDataVersion.watch(() => {
      const { query: current, entryId } = shown.current;
      if (entryId) void openEntry(entryId, true);
      void onQuery(current);
    });
  }, []);

  async function loadSummary(): Promise<void> {
    const tabId = await activeTabId();
    const page = tabId === null ? null : await sendMessage('pageSummary', undefined, { tabId, frameId: 0 }).catch(() => null);
    if (!page) return setSummary({ status: 'unavailable' });
    setSite(page.site);
    const briefs = await sendMessage('briefs', page.counts.map(([id]) => id)).catch(() => []);
    const counts = new Map(page.counts);
    const terms = briefs.map((b) => ({ ...b, count: counts.get(b.id) ?? 0 })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    setSummary({ status: 'ready', enabled: page.enabled, terms });
  }

  async function onQuery(text: string): Promise<void> {
    setQuery(text);
    setActive(0);
    const seq = ++searchSeq.current;
    if (text.trim().length < 2) return setResults(null);
    const found = await sendMessage('search', text).catch(() => null);
    // A slower answer to an earlier keystroke must not replace a newer one.
    if (seq === searchSeq.current) setResults(found ?? []);
  }

  /** `again`: the entry is shown already and is read again; gone, it closes. */
  async function openEntry(entryId: string, again = false): Promise<void> {
    const found = await sendMessage('entryDetail', entryId).catch(() => null);
    if (found || again) setDetail(found);
  }

  async function reveal(entryId: string): Promise<void> {
    const tabId = await activeTabId();
    if (tabId === null) return;
    const index = revealed.current.get(entryId) ?? 0;
    revealed.current.set(entryId, index + 1);
    await sendMessage('revealTerm', { entryId, index }, { tabId, frameId: 0 }).catch(() => false);
  }

  async function toggleSite(enabled: boolean): Promise<void> {
    if (!site) return;
    const sites = await disabledSites.getValue();
    await disabledSites.setValue(enabled ? sites.filter((s) => s !== site) : [...new Set([...sites, site])]);
    // The content script reacts to the change; read back what it now shows.
    setTimeout(() => void loadSummary(), 300);
  }

  return (
    <main class="popup">
      <header class="top">
        <h1>Gloss</h1>
        <span class="status" role="status" data-mode={status?.mode ?? (failed ? 'error' : 'loading')}>
          {failed && t('backgroundSilent')}
          {!failed && !status && t('loading')}
          {status?.mode === 'database' && t('knowledgeReady')}
          {status?.mode === 'memory' && t('builtInOnly', status.problem ?? '')}
        </span>
      </header>
      {detail ? (
        <EntryView
          detail={detail}
          citationHref={citationHref}
          onOpenCitation={openCitation}
          onOpenEntry={openEntry}
          onBack={() => setDetail(null)}
        />
      ) : (
        <>
          <SearchResults
            query={query}
            results={results}
            active={active}
            onQuery={onQuery}
            onActive={setActive}
            onOpen={(r) => (r.type === 'entry' ? openEntry(r.id) : openCitation({ docId: r.docId, paragraph: r.paragraph, quote: '', start: 0, end: 0 }))}
          />
          {query.trim().length < 2 && <PageSummary view={summary} onReveal={reveal} onToggle={toggleSite} />}
        </>
      )}
      <footer class="foot">
        <a href={readerUrl} target="_blank" rel="noopener">{t('sourceReader')}</a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">{t('optionsLink')}</a>
        <span>{t('lookUpShortcut', 'Alt+Shift+G')}</span>
      </footer>
    </main>
  );
}

prepareExtensionPage();
render(<Popup />, document.getElementById('app')!);
// The search box is on screen and takes input from here on: what the benchmark reports as "interactive".
performance.mark('gloss-popup-interactive');
