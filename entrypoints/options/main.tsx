/**
 * The options page: preferences (applied at once in open tabs, through storage change events), the
 * sites where Gloss is off, and the reader's own documents.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { prepareExtensionPage } from '../../components/extension-page';
import { DocumentImport, type DocumentInput, type ImportStatus } from '../../components/options/DocumentImport';
import { DocumentList } from '../../components/options/DocumentList';
import { PreferencesForm } from '../../components/options/PreferencesForm';
import { SiteList } from '../../components/options/SiteList';
import { READER_PAGE, readerHash } from '../../lib/citation';
import type { DocumentInfo } from '../../lib/corpus/types';
import { t, type MessageKey } from '../../lib/i18n';
import { sendMessage } from '../../lib/messages';
import { DEFAULT_PREFERENCES, disabledSites, preferences, userDataVersion, type Preferences } from '../../lib/settings';
import { GlossDatabase } from '../../lib/store/db';
import { DocumentRefused, MAX_DOCUMENT_BYTES, type DocumentProblem } from '../../lib/user/document-text';
import { deleteUserDocument, importDocument, IMPORT_STEPS, userDocuments } from '../../lib/user/store';
import './options.css';

const PROBLEM_MESSAGES: Record<DocumentProblem, MessageKey> = {
  empty: 'docEmpty',
  tooLarge: 'docTooLarge',
  binary: 'docBinary',
  notUtf8: 'docNotUtf8',
  noText: 'docNoText',
};

/** The store, or null where the browser allows no IndexedDB here (the page says so). */
const database: Promise<GlossDatabase | null> = (async () => {
  const db = new GlossDatabase();
  try {
    await db.open();
    return db;
  } catch {
    return null;
  }
})();

/** Tells the background first, then every tab (see the userDataChanged message). */
async function announceUserDataChange(): Promise<void> {
  await sendMessage('userDataChanged', undefined).catch(() => {});
  await userDataVersion.setValue(Date.now());
}

/** Why a write failed, in the reader's words. */
function failureMessage(error: unknown): string {
  if (error instanceof DocumentRefused) return t(PROBLEM_MESSAGES[error.problem]);
  const e = error as { name?: string; message?: string };
  return t('saveFailed', `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`);
}

const readerHref = (docId: string) => browser.runtime.getURL(READER_PAGE) + readerHash({ docId });
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function Options() {
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [sites, setSites] = useState<string[]>([]);
  const [db, setDb] = useState<GlossDatabase | null | undefined>(undefined);
  const [documents, setDocuments] = useState<DocumentInfo[]>([]);
  const [importStatus, setImportStatus] = useState<ImportStatus>({ kind: 'idle' });

  const reload = async (store = db) => {
    if (store) setDocuments(await userDocuments(store));
  };
  useEffect(() => {
    void preferences.getValue().then(setPrefs);
    void disabledSites.getValue().then(setSites);
    void database.then((store) => {
      setDb(store);
      void reload(store);
    });
    const stops = [preferences.watch(setPrefs), disabledSites.watch(setSites)];
    return () => stops.forEach((stop) => stop());
  }, []);

  async function onImport(input: DocumentInput): Promise<void> {
    if (!db) return;
    setImportStatus({ kind: 'working', step: 0, steps: IMPORT_STEPS });
    try {
      if (input.file && input.file.size > MAX_DOCUMENT_BYTES) throw new DocumentRefused('tooLarge');
      const source = input.file
        ? { bytes: new Uint8Array(await input.file.arrayBuffer()), fileName: input.file.name, mimeType: input.file.type }
        : { bytes: new TextEncoder().encode(input.pasted), fileName: '', mimeType: '' };
      const info = await importDocument(db, source, { title: input.title, outlet: input.outlet, date: input.date }, parseHtml, (step) =>
        setImportStatus({ kind: 'working', step, steps: IMPORT_STEPS }),
      );
      const [paragraphs, mentions] = await Promise.all([db.userParagraphs.where('docId').equals(info.id).count(), db.userMentions.where('docId').equals(info.id).count()]);
      setImportStatus({ kind: 'done', message: t('documentAdded', info.title, paragraphs, mentions) });
      await announceUserDataChange();
    } catch (error) {
      setImportStatus({ kind: 'refused', message: failureMessage(error) });
    }
    await reload();
  }

  async function onDelete(docId: string): Promise<void> {
    if (!db) return;
    await deleteUserDocument(db, docId);
    await announceUserDataChange();
    await reload();
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="prefs-heading">
        <h2 id="prefs-heading">{t('preferencesHeading')}</h2>
        <PreferencesForm value={prefs} onChange={(p) => void preferences.setValue(p)} />
      </section>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('sitesHeading')}</h2>
        <SiteList sites={sites} onRemove={(site) => void disabledSites.setValue(sites.filter((s) => s !== site))} />
      </section>
      <section aria-labelledby="documents-heading" class="user-documents">
        <h2 id="documents-heading">{t('documentsHeading')}</h2>
        {db === null && <p class="message error">{t('noStorage')}</p>}
        {db && (
          <>
            <DocumentImport status={importStatus} onImport={(input) => void onImport(input)} />
            <DocumentList documents={documents} readerHref={readerHref} onDelete={(id) => void onDelete(id)} />
          </>
        )}
      </section>
    </main>
  );
}

document.title = t('optionsTitle');
prepareExtensionPage();
render(<Options />, document.getElementById('app')!);
