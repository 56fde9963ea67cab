/**
 * The options page: preferences (applied at once in open tabs, through storage change events), the
 * sites where Gloss is off, knowledge packs, the reader's own documents and entries, and backup.
 */
import '../../adapters/i18n-browser';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { prepareExtensionPage } from '../../components/extension-page';
import { DocumentImport, type DocumentInput, type ImportStatus } from '../../components/options/DocumentImport';
import { BackupPanel, type BackupStatus } from '../../components/options/BackupPanel';
import { DeletableList } from '../../components/options/DeletableList';
import { EntryForm } from '../../components/options/EntryForm';
import { kindLabel } from '../../components/kinds';
import type { JobStatus } from '../../components/options/JobProgress';
import { PackPanel } from '../../components/options/PackPanel';
import { PreferencesForm } from '../../components/options/PreferencesForm';
import { SiteList } from '../../components/options/SiteList';
import { VIEWER_PAGE, viewerHash } from '../../lib/citation';
import type { DocumentInfo, Entry } from '../../lib/corpus/types';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messages';
import { disabledSites, preferences, updatePreferences, userDataVersion } from '../../adapters/storage';
import { DEFAULT_PREFERENCES, type Preferences } from '../../lib/settings';
import { installedPacks } from '../../lib/packs/store';
import { GlossDatabase, type PackRow } from '../../lib/store/db';
import { databaseRows } from '../../lib/store/knowledge';
import type { EntryInput } from '../../lib/user/entries';
import { failureMessage, jobFailure, mergeSettings } from '../../lib/user/failures';
import type { JobFailure, JobProgress, JobRequest, JobResult } from '../../lib/user/jobs';
import { JobFailed, startJob, type RunningJob } from './worker-jobs';
import '../../components/pages.css';
import './options.css';

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

/** A job's failure as the worker said it, or an error thrown on this page said the same way. */
const failureOf = (error: unknown): JobFailure => (error instanceof JobFailed ? error.failure : jobFailure(error));
/** Why a job failed, in the reader's words. */
const whyFailed = (error: unknown) => failureMessage(failureOf(error));

const viewerHref = (docId: string) => browser.runtime.getURL(VIEWER_PAGE) + viewerHash({ docId });

/** What the store holds of the reader's: null until it has been read (the lists then say "Loading"). */
interface Lists {
  documents: DocumentInfo[];
  entries: Entry[];
  packs: PackRow[];
}

function Options() {
  // Null until read: a form shown with the defaults first would be re-rendered under the reader's
  // fingers when the stored values arrive, resetting what they had begun to type.
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [db, setDb] = useState<GlossDatabase | null | undefined>(undefined);
  const [importStatus, setImportStatus] = useState<ImportStatus>({ kind: 'idle' });
  const [lists, setLists] = useState<Lists | null>(null);
  const documents = lists?.documents.filter((d) => d.user) ?? [];
  const [entryMessage, setEntryMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [backupStatus, setBackupStatus] = useState<BackupStatus>({ kind: 'idle' });
  const [packStatus, setPackStatus] = useState<JobStatus>({ kind: 'idle' });
  /** A new form after every document or entry added: nothing of one carries over to the next. */
  const [importForm, setImportForm] = useState(0);
  const [entryForm, setEntryForm] = useState(0);
  const jobs = useRef<{ import?: RunningJob; backup?: RunningJob; pack?: RunningJob }>({});
  /**
   * Reads of the lists, one after another: each sets the lists in the order it was asked for, so the
   * read a write asks for after it is never overtaken by an older one (this tab's own storage watcher
   * reads too), and when it resolves the lists show the write.
   */
  const reads = useRef<Promise<void>>(Promise.resolve());

  const reload = (store = db): Promise<void> => {
    if (!store) return Promise.resolve();
    const read = reads.current.then(async () => {
      const rows = databaseRows(store);
      const [entries, documents, packs] = await Promise.all([
        store.userEntries.toArray(),
        rows.documents(),
        installedPacks(store),
      ]);
      setLists({ documents, entries, packs });
    });
    reads.current = read.catch(() => {});
    return read;
  };
  /**
   * After a write: the rest of Gloss told (this tab too reads the lists again when the storage key
   * changes, as every other options tab does), then this tab's lists read, so a message that the
   * write succeeded is shown after the lists show it.
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
    const stops = [
      preferences.watch(setPrefs),
      disabledSites.watch(setSites),
      // Another tab (or this one) wrote the reader's data: the lists follow.
      userDataVersion.watch(() => void database.then((store) => reload(store ?? undefined))),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);

  /** The panels that show a job's progress, and whose Cancel button stops it. */
  const panels = { import: setImportStatus, backup: setBackupStatus, pack: setPackStatus };
  /** Runs a job in the worker, its progress shown in `slot`'s panel; its result, or JobFailed. */
  function run(request: JobRequest, slot?: keyof typeof panels): Promise<JobResult> {
    const show = (progress: JobProgress | null) => slot && panels[slot]({ kind: 'working', progress });
    show(null);
    const job = startJob(request, show);
    if (slot) jobs.current[slot] = job;
    return job.result.finally(() => {
      if (slot && jobs.current[slot] === job) delete jobs.current[slot];
    });
  }

  async function onImport(input: DocumentInput, again: boolean): Promise<void> {
    const file = input.file ?? new Blob([input.pasted], { type: 'text/plain' });
    const details = { title: input.title, outlet: input.outlet, date: input.date };
    const request: JobRequest = {
      kind: 'import',
      file,
      fileName: input.file?.name ?? '',
      mimeType: input.file?.type ?? '',
      details,
      allowDuplicate: again,
    };
    try {
      const result = await run(request, 'import');
      if (result.kind !== 'import') return;
      await publishWrite();
      setImportForm((n) => n + 1);
      setImportStatus({
        kind: 'done',
        message: t('documentAdded', result.document.title, result.paragraphs, result.mentions),
      });
    } catch (error) {
      const failure = failureOf(error);
      setImportStatus({
        kind: 'refused',
        message: failureMessage(failure),
        duplicate: failure.kind === 'document' && failure.problem === 'duplicate',
      });
    }
  }

  /** Runs a delete, then tells the rest of Gloss and reads the lists again; `refused` shows why one failed. */
  async function remove(request: JobRequest, refused: (message: string) => void): Promise<void> {
    try {
      await run(request);
    } catch (error) {
      refused(whyFailed(error));
    }
    await publishWrite();
  }

  async function onAddEntry(input: EntryInput): Promise<void> {
    try {
      const result = await run({ kind: 'addEntry', input });
      if (result.kind !== 'addEntry') return;
      await publishWrite();
      setEntryForm((n) => n + 1);
      setEntryMessage({ error: false, text: t('entryAdded', result.entry.name, result.mentions) });
    } catch (error) {
      setEntryMessage({ error: true, text: whyFailed(error) });
    }
  }

  /** Runs a pack job; the panel shows its progress, then `done(result)` or why nothing changed. */
  async function onPackJob(request: JobRequest, done: (result: JobResult) => string): Promise<void> {
    try {
      const result = await run(request, 'pack');
      await publishWrite();
      setPackStatus({ kind: 'done', message: done(result) });
    } catch (error) {
      setPackStatus({ kind: 'refused', message: whyFailed(error) });
    }
  }
  const packTitle = (id: string) => lists?.packs.find((p) => p.id === id)?.title ?? id;
  const onInstallPack = (file: File) =>
    onPackJob({ kind: 'installPack', file }, (result) => {
      if (result.kind !== 'installPack') return '';
      const { pack, replaced } = result;
      return replaced
        ? t('packUpdated', pack.title, replaced.version, pack.version, pack.documents, pack.entries)
        : t('packInstalled', pack.title, pack.version, pack.documents, pack.entries);
    });
  const onTogglePack = (packId: string, enabled: boolean) =>
    onPackJob({ kind: 'setPackEnabled', packId, enabled }, () =>
      t(enabled ? 'packSwitchedOn' : 'packSwitchedOff', packTitle(packId)),
    );
  const onRemovePack = (packId: string) => {
    const title = packTitle(packId);
    return onPackJob({ kind: 'removePack', packId }, () => t('packRemoved', title));
  };

  async function onExport(): Promise<void> {
    // The previous export's file is let go: only the newest is offered for saving again.
    if (backupStatus.kind === 'exported') URL.revokeObjectURL(backupStatus.href);
    try {
      const settings = { preferences: await preferences.getValue(), disabledSites: await disabledSites.getValue() };
      const result = await run({ kind: 'export', settings }, 'backup');
      if (result.kind !== 'export') return;
      const href = URL.createObjectURL(result.file);
      setBackupStatus({ kind: 'exported', href, fileName: result.fileName });
      // Save it at once; the link stays for saving again.
      Object.assign(document.createElement('a'), { href, download: result.fileName }).click();
    } catch (error) {
      setBackupStatus({ kind: 'refused', message: whyFailed(error) });
    }
  }

  async function onRestore(file: File): Promise<void> {
    try {
      const result = await run({ kind: 'restore', file }, 'backup');
      if (result.kind !== 'restore') return;
      const { report } = result;
      const current = { preferences: await preferences.getValue(), disabledSites: await disabledSites.getValue() };
      const { settings, preferencesKept } = mergeSettings(current, result.settings, DEFAULT_PREFERENCES);
      await disabledSites.setValue(settings.disabledSites);
      await preferences.setValue(settings.preferences);
      const conflicts = [...report.conflicts, ...(preferencesKept ? [t('preferencesKept')] : [])];
      await publishWrite();
      setBackupStatus({
        kind: 'imported',
        message: t('backupMerged', report.documentsAdded, report.entriesAdded, report.unchanged),
        conflicts,
      });
    } catch (error) {
      setBackupStatus({ kind: 'refused', message: whyFailed(error) });
    }
  }

  const rows = db ? databaseRows(db) : null;
  const paragraphCount = (docId: string) => rows?.paragraphCount(docId) ?? Promise.resolve(0);
  const paragraphRange = async (docId: string, from: number, to: number) =>
    (await rows?.paragraphRange(docId, from, to))?.paragraphs ?? [];

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="prefs-heading">
        <h2 id="prefs-heading">{t('preferencesHeading')}</h2>
        {prefs && <PreferencesForm value={prefs} onChange={(change) => void updatePreferences(change)} />}
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
            <DocumentImport
              key={importForm}
              status={importStatus}
              onImport={(input, again) => void onImport(input, again)}
              onCancel={() => jobs.current.import?.cancel()}
            />
            <DeletableList
              className="documents"
              empty={t('noUserDocuments')}
              items={
                lists &&
                documents.map((d) => ({
                  id: d.id,
                  title: d.title,
                  href: viewerHref(d.id),
                  meta: [d.outlet ?? t('outletNotStated'), d.date ?? t('undatedShort'), d.file]
                    .filter(Boolean)
                    .join(' · '),
                }))
              }
              onDelete={(id) =>
                void remove({ kind: 'deleteDocument', docId: id }, (message) =>
                  setImportStatus({ kind: 'refused', message, duplicate: false }),
                )
              }
            />
          </>
        )}
      </section>
      {db && (
        <>
          <section aria-labelledby="entries-heading" class="user-entries">
            <h2 id="entries-heading">{t('entriesHeading')}</h2>
            <EntryForm
              key={entryForm}
              documents={lists?.documents ?? null}
              paragraphCount={paragraphCount}
              paragraphRange={paragraphRange}
              message={entryMessage}
              onAdd={(input) => void onAddEntry(input)}
            />
            <DeletableList
              className="entries"
              empty={t('noUserEntries')}
              items={
                lists &&
                lists.entries.map((e) => ({
                  id: e.id,
                  title: e.name,
                  meta: e.label ? `${kindLabel(e.kind)} · “${e.label.quote}”` : kindLabel(e.kind),
                }))
              }
              onDelete={(id) =>
                void remove({ kind: 'deleteEntry', entryId: id }, (text) => setEntryMessage({ error: true, text }))
              }
            />
          </section>
          <section aria-labelledby="packs-heading" class="knowledge-packs">
            <h2 id="packs-heading">{t('packsHeading')}</h2>
            <p class="intro">{t('packsIntro')}</p>
            <PackPanel
              packs={lists?.packs ?? null}
              status={packStatus}
              onInstall={(file) => void onInstallPack(file)}
              onCancel={() => jobs.current.pack?.cancel()}
              onToggle={(id, on) => void onTogglePack(id, on)}
              onRemove={(id) => void onRemovePack(id)}
            />
          </section>
          <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">{t('backupHeading')}</h2>
            <BackupPanel
              status={backupStatus}
              onExport={() => void onExport()}
              onImport={(file) => void onRestore(file)}
              onCancel={() => jobs.current.backup?.cancel()}
            />
          </section>
        </>
      )}
      <footer class="options-footer">
        <a href="/privacy.html" target="_blank" rel="noopener">
          {t('privacyLink')}
        </a>
      </footer>
    </main>
  );
}

document.title = t('optionsTitle');
prepareExtensionPage();
render(<Options />, document.getElementById('app')!);
