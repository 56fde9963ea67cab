/**
 * The toolbar popup: fuzzy search over the knowledge base, an entry in full, and a summary of the
 * current tab with the per-site switch. Data comes from the background (search, entries) and from the
 * tab's content script (what is marked there); the popup bundle carries no Dexie and no Fuse.
 */
import '../../adapters/i18n-browser';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntryView } from '../../components/EntryView';
import { PageSummary, type SummaryView } from '../../components/PageSummary';
import { SearchResults } from '../../components/SearchResults';
import { MIN_QUERY, useSearch } from '../../components/use-search';
import { ENTRY_INDEX_HASH, VIEWER_PAGE, citationTarget, viewerHash } from '../../lib/citation';
import type { Citation } from '../../lib/corpus/types';
import { sendMessage, sendToTab } from '../../lib/messages';
import { disabledSites, userDataVersion } from '../../adapters/storage';
import type { StoreStatus } from '../../lib/store/open';
import { bestDocumented, type EntryDetail, type IndexedEntry } from '../../lib/views';
import { prepareExtensionPage } from '../../components/extension-page';
import '../../components/quote.css';
import '../../components/pages.css';
import './popup.css';
import { t } from '../../lib/i18n';

const viewerUrl = browser.runtime.getURL(VIEWER_PAGE);
const citationHref = (c: Citation) => viewerUrl + viewerHash(citationTarget(c));
const openCitation = (c: Citation) => void browser.tabs.create({ url: citationHref(c) });
/** Entries suggested where the page offers none. */
const SUGGESTIONS = 5;

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
  const { query, results, active, setActive, search: onQuery } = useSearch();
  const [detail, setDetail] = useState<EntryDetail | null>(null);
  const [summary, setSummary] = useState<SummaryView>({ status: 'loading' });
  const [site, setSite] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<{ entries: IndexedEntry[]; total: number } | null>(null);
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

  /** Where the page offers nothing, entries to start from (read once). */
  async function loadSuggestions(): Promise<void> {
    if (suggestions) return;
    const index = await sendMessage('entryIndex', undefined).catch(() => []);
    if (index.length) setSuggestions({ entries: bestDocumented(index, SUGGESTIONS), total: index.length });
  }

  async function loadSummary(): Promise<void> {
    const tabId = await activeTabId();
    const page =
      tabId === null ? null : await sendToTab('pageSummary', undefined, { tabId, frameId: 0 }).catch(() => null);
    if (!page || !page.enabled || page.counts.length === 0) void loadSuggestions();
    if (!page) return setSummary({ status: 'unavailable' });
    setSite(page.site);
    const briefs = await sendMessage(
      'briefs',
      page.counts.map(([id]) => id),
    ).catch(() => []);
    const counts = new Map(page.counts);
    const terms = briefs
      .map((b) => ({ ...b, count: counts.get(b.id) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    setSummary({ status: 'ready', enabled: page.enabled, terms });
  }

  /** `again`: the entry is shown already and is read again; gone, it closes. */
  async function openEntry(entryId: string, again = false): Promise<void> {
    const found = await sendMessage('entryDetail', entryId).catch(() => null);
    if (found || again) setDetail(found);
  }

  /** Back from an entry: to the search box, on the result the entry was opened from. */
  function closeEntry(): void {
    setDetail(null);
    requestAnimationFrame(() => {
      document.getElementById('search-input')?.focus();
      document.querySelector('.result[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    });
  }

  async function reveal(entryId: string): Promise<void> {
    const tabId = await activeTabId();
    if (tabId === null) return;
    const index = revealed.current.get(entryId) ?? 0;
    revealed.current.set(entryId, index + 1);
    await sendToTab('revealTerm', { entryId, index }, { tabId, frameId: 0 }).catch(() => false);
  }

  async function toggleSite(enabled: boolean): Promise<void> {
    if (!site) return;
    const sites = await disabledSites.getValue();
    const changed = enabled ? sites.filter((s) => s !== site) : [...new Set([...sites, site])];
    await disabledSites.setValue(changed);
    // The background tells every frame of every tab; this tab's top frame is also told here, and
    // answers once it has switched, so the summary asked for next is the page's new one.
    const tabId = await activeTabId();
    if (tabId !== null)
      await sendToTab('settingsChanged', { disabledSites: changed }, { tabId, frameId: 0 }).catch(() => {});
    await loadSummary();
  }

  return (
    <main class="popup">
      <header class="top">
        <h1>Gloss</h1>
        {/* Said only when something is wrong or still on its way; a working store needs no word. */}
        <span class="status" role="status" data-mode={status?.mode ?? (failed ? 'error' : 'loading')}>
          {failed && t('backgroundSilent')}
          {!failed && !status && t('loading')}
          {status?.mode === 'memory' && t('builtInOnly', status.problem ?? '')}
        </span>
      </header>
      {detail ? (
        <EntryView
          detail={detail}
          citationHref={citationHref}
          onOpenCitation={openCitation}
          onOpenEntry={openEntry}
          onBack={closeEntry}
        />
      ) : (
        <>
          <SearchResults
            query={query}
            results={results}
            active={active}
            onQuery={onQuery}
            onActive={setActive}
            onOpen={(r) =>
              r.type === 'entry'
                ? openEntry(r.id)
                : openCitation({ docId: r.docId, paragraph: r.paragraph, quote: '', start: 0, end: 0 })
            }
          />
          {query.trim().length < MIN_QUERY && (
            <PageSummary
              view={summary}
              suggestions={suggestions}
              indexHref={viewerUrl + ENTRY_INDEX_HASH}
              onReveal={reveal}
              onOpenEntry={(id) => void openEntry(id)}
              onToggle={toggleSite}
            />
          )}
        </>
      )}
      <footer class="foot">
        <a href={viewerUrl} target="_blank" rel="noopener">
          {t('sourceViewer')}
        </a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          {t('optionsLink')}
        </a>
        <span>{t('lookUpShortcut', 'Alt+Shift+G')}</span>
      </footer>
    </main>
  );
}

prepareExtensionPage();
render(<Popup />, document.getElementById('app')!);
// The search box is on screen and takes input from here on: what the benchmark reports as "interactive".
performance.mark('gloss-popup-interactive');
