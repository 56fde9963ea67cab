/**
 * The options page: preferences (applied at once in open tabs, through storage change events), the
 * sites where Gloss is off, the reader's own documents and entries, and backup.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { prepareExtensionPage } from '../../components/extension-page';
import { DocumentImport, type DocumentInput, type ImportStatus } from '../../components/options/DocumentImport';
import { BackupPanel, type BackupStatus } from '../../components/options/BackupPanel';
import { DeletableList } from '../../components/options/DeletableList';
import { EntryForm } from '../../components/options/EntryForm';
import { kindLabel } from '../../components/kinds';
import { PreferencesForm } from '../../components/options/PreferencesForm';
import { SiteList } from '../../components/options/SiteList';
import { READER_PAGE, readerHash } from '../../lib/citation';
import type { DocumentInfo, Entry } from '../../lib/corpus/types';
import { t, type MessageKey } from '../../lib/i18n';
import { sendMessage } from '../../lib/messages';
import { DEFAULT_PREFERENCES, disabledSites, preferences, userDataVersion, type Preferences } from '../../lib/settings';
import { GlossDatabase } from '../../lib/store/db';
import { databaseRows } from '../../lib/store/knowledge';
import { BackupRefused, exportBackup, MAX_BACKUP_BYTES, mergeBackup, parseBackup, type BackupProblem } from '../../lib/user/backup';
import { addUserEntry, deleteUserEntry, EntryRefused, userEntries, type EntryInput, type EntryProblem } from '../../lib/user/entries';
import { DocumentRefused, MAX_DOCUMENT_BYTES, type DocumentProblem } from '../../lib/user/document-text';
import { deleteUserDocument, importDocument, IMPORT_STEPS } from '../../lib/user/store';
import './options.css';

const PROBLEM_MESSAGES: Record<DocumentProblem, MessageKey> = {
  empty: 'docEmpty',
  tooLarge: 'docTooLarge',
  binary: 'docBinary',
  notUtf8: 'docNotUtf8',
  noText: 'docNoText',
};

const ENTRY_PROBLEMS: Record<EntryProblem, MessageKey> = {
  noName: 'entryNoName',
  tooLong: 'entryTooLong',
  badKind: 'entryBadKind',
  badLabel: 'entryBadLabel',
  nameTaken: 'entryNameTaken',
};
const BACKUP_PROBLEMS: Record<BackupProblem, MessageKey> = {
  tooLarge: 'backupTooLarge',
  notJson: 'backupNotJson',
  notBackup: 'backupNotBackup',
  newerVersion: 'backupNewer',
  malformed: 'backupMalformed',
};
/** Steps of an export or a restore, for the progress bar. */
const BACKUP_STEPS = 3;

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
  if (error instanceof EntryRefused) return t(ENTRY_PROBLEMS[error.problem]);
  if (error instanceof BackupRefused) return t(BACKUP_PROBLEMS[error.problem], error.where);
  const e = error as { name?: string; message?: string };
  return t('saveFailed', `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`);
}

const readerHref = (docId: string) => browser.runtime.getURL(READER_PAGE) + readerHash({ docId });
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function Options() {
  // Null until read: a form shown with the defaults first would be re-rendered under the reader's
  // fingers when the stored values arrive, resetting what they had begun to type.
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [db, setDb] = useState<GlossDatabase | null | undefined>(undefined);
  const [importStatus, setImportStatus] = useState<ImportStatus>({ kind: 'idle' });
  const [entries, setEntries] = useState<Entry[]>([]);
  const [allDocuments, setAllDocuments] = useState<DocumentInfo[]>([]);
  const documents = allDocuments.filter((d) => d.user);
  const [entryMessage, setEntryMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [backupStatus, setBackupStatus] = useState<BackupStatus>({ kind: 'idle' });

  const reload = async (store = db) => {
    if (!store) return;
    setEntries(await userEntries(store));
    setAllDocuments(await databaseRows(store).documents());
  };
  /**
   * After a write: the rest of Gloss told, then the lists read again. The lists change only once
   * every tab knows, and a message that the write succeeded is shown after both.
   */
  const publishWrite = async () => {
    await announceUserDataChange();
    await reload();
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
      await publishWrite();
      setImportStatus({ kind: 'done', message: t('documentAdded', info.title, paragraphs, mentions) });
    } catch (error) {
      setImportStatus({ kind: 'refused', message: failureMessage(error) });
      await reload();
    }
  }

  /** Runs a delete, then tells the rest of Gloss and reads the lists again. */
  async function remove(write: (store: GlossDatabase) => Promise<void>): Promise<void> {
    if (!db) return;
    await write(db);
    await publishWrite();
  }

  async function onAddEntry(input: EntryInput): Promise<void> {
    if (!db) return;
    try {
      const entry = await addUserEntry(db, input);
      const mentions = await db.userMentions.where('entryId').equals(entry.id).count();
      await publishWrite();
      setEntryMessage({ error: false, text: t('entryAdded', entry.name, mentions) });
    } catch (error) {
      setEntryMessage({ error: true, text: failureMessage(error) });
      await reload();
    }
  }

  async function onExport(): Promise<void> {
    if (!db) return;
    // The previous export's file is let go: only the newest is offered for saving again.
    if (backupStatus.kind === 'exported') URL.revokeObjectURL(backupStatus.href);
    setBackupStatus({ kind: 'working', step: 1, steps: BACKUP_STEPS });
    const backup = await exportBackup(db, { preferences: await preferences.getValue(), disabledSites: await disabledSites.getValue() });
    setBackupStatus({ kind: 'working', step: 2, steps: BACKUP_STEPS });
    const href = URL.createObjectURL(new Blob([JSON.stringify(backup, null, 1)], { type: 'application/json' }));
    const fileName = `gloss-backup-${backup.exportedAt.slice(0, 10)}.json`;
    setBackupStatus({ kind: 'exported', href, fileName });
    // Save it at once; the link stays for saving again.
    const link = Object.assign(document.createElement('a'), { href, download: fileName });
    link.click();
  }

  async function onRestore(file: File): Promise<void> {
    if (!db) return;
    setBackupStatus({ kind: 'working', step: 0, steps: BACKUP_STEPS });
    try {
      if (file.size > MAX_BACKUP_BYTES) throw new BackupRefused('tooLarge');
      const backup = parseBackup(await file.text());
      setBackupStatus({ kind: 'working', step: 1, steps: BACKUP_STEPS });
      const report = await mergeBackup(db, backup);
      setBackupStatus({ kind: 'working', step: 2, steps: BACKUP_STEPS });
      // Settings merge too: sites are added; preferences are taken only over the defaults.
      const conflicts = [...report.conflicts];
      await disabledSites.setValue([...new Set([...(await disabledSites.getValue()), ...backup.settings.disabledSites])]);
      const current = await preferences.getValue();
      if (JSON.stringify(current) === JSON.stringify(DEFAULT_PREFERENCES)) await preferences.setValue(backup.settings.preferences);
      else if (JSON.stringify(current) !== JSON.stringify(backup.settings.preferences)) conflicts.push(t('preferencesKept'));
      await publishWrite();
      setBackupStatus({ kind: 'imported', message: t('backupMerged', report.documentsAdded, report.entriesAdded, report.unchanged), conflicts });
    } catch (error) {
      setBackupStatus({ kind: 'refused', message: failureMessage(error) });
      await reload();
    }
  }

  const paragraphsOf = (docId: string) => (db ? databaseRows(db).paragraphsOf(docId) : Promise.resolve([]));

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="prefs-heading">
        <h2 id="prefs-heading">{t('preferencesHeading')}</h2>
        {prefs && <PreferencesForm value={prefs} onChange={(p) => void preferences.setValue(p)} />}
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
            <DeletableList
              className="documents"
              empty={t('noUserDocuments')}
              items={documents.map((d) => ({
                id: d.id,
                title: d.title,
                href: readerHref(d.id),
                meta: [d.outlet ?? t('outletNotStated'), d.date ?? t('undatedShort'), d.file].filter(Boolean).join(' · '),
              }))}
              onDelete={(id) => void remove((store) => deleteUserDocument(store, id))}
            />
          </>
        )}
      </section>
      {db && (
        <>
          <section aria-labelledby="entries-heading" class="user-entries">
            <h2 id="entries-heading">{t('entriesHeading')}</h2>
            <EntryForm documents={allDocuments} paragraphsOf={paragraphsOf} message={entryMessage} onAdd={(input) => void onAddEntry(input)} />
            <DeletableList
              className="entries"
              empty={t('noUserEntries')}
              items={entries.map((e) => ({ id: e.id, title: e.name, meta: e.label ? `${kindLabel(e.kind)} · “${e.label.quote}”` : kindLabel(e.kind) }))}
              onDelete={(id) => void remove((store) => deleteUserEntry(store, id))}
            />
          </section>
          <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">{t('backupHeading')}</h2>
            <BackupPanel status={backupStatus} onExport={() => void onExport()} onImport={(file) => void onRestore(file)} />
          </section>
        </>
      )}
    </main>
  );
}

document.title = t('optionsTitle');
prepareExtensionPage();
render(<Options />, document.getElementById('app')!);
