// End to end: the reader's own documents, as a demanding reader uses them — the import form, the
// lists in every tab, large files (progress, Cancel, a long document in the source viewer), hostile HTML
// (no Content-Security-Policy violation may be logged: the markup must never reach a live document),
// backups with a damaged version, long file names. Registered from e2e/suite.mjs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert } from '../harness.mjs';
import { fixtureFile, largeBackup, longDocument, longParagraph, nestedHtml } from './user-data-fixtures.mjs';

const MEGABYTE = 1024 * 1024;

// ── Helpers that run in the options page ─────────────────────────────────────────────────────────

/** What the options page shows of the reader's data. */
function optionsView() {
  const list = (name) => {
    const box = document
      .querySelector(`section.user-${name}`)
      ?.querySelector(':scope > .items, :scope > .empty, :scope > .loading');
    if (!box) return { state: 'absent' };
    if (box.classList.contains('loading')) return { state: 'loading' };
    if (box.classList.contains('empty')) return { state: 'empty', text: box.textContent };
    return {
      state: 'listed',
      items: [...box.querySelectorAll('li')].map((li) => li.querySelector('a, strong').textContent),
    };
  };
  return {
    documents: list('documents'),
    entries: list('entries'),
    labelChoices: [...document.querySelectorAll('select[name="labelDocument"] option')].map((o) => o.textContent),
    form: {
      title: /** @type {HTMLInputElement} */ (document.querySelector('input[name="title"]'))?.value,
      outlet: /** @type {HTMLInputElement} */ (document.querySelector('input[name="outlet"]'))?.value,
      date: /** @type {HTMLInputElement} */ (document.querySelector('input[name="date"]'))?.value,
      pasted: /** @type {HTMLTextAreaElement} */ (document.querySelector('textarea[name="pasted"]'))?.value,
      files: /** @type {HTMLInputElement} */ (document.querySelector('input[name="document"]'))?.files.length,
      hint: document.querySelector('.dropzone .hint')?.textContent,
    },
    status: document.querySelector('.import [role="status"]')?.textContent ?? null,
    alert: document.querySelector('.import [role="alert"]')?.textContent ?? null,
    job: document.querySelector('.import .job-stage')?.textContent ?? null,
  };
}

/**
 * Records every HTML parser of the page's own realm that is handed markup holding `marker` (the
 * file's handlers): DOMParser, contextual fragments, innerHTML and its kin. The file's markup must
 * reach none of them: it is read in the worker, by a tokenizer that makes no element.
 */
function watchHtmlParsing(marker) {
  window.__glossParsedHere = [];
  const note = (name, markup) => String(markup).includes(marker) && window.__glossParsedHere.push(name);
  const wrap = (target, name, key = name) => {
    const original = target[key];
    target[key] = function (...args) {
      note(name, args.join(' '));
      return original.apply(this, args);
    };
  };
  wrap(DOMParser.prototype, 'parseFromString');
  wrap(Range.prototype, 'createContextualFragment');
  wrap(Element.prototype, 'insertAdjacentHTML');
  wrap(Document.prototype, 'write');
  for (const property of ['innerHTML', 'outerHTML']) {
    const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, property);
    Object.defineProperty(Element.prototype, property, {
      ...descriptor,
      set(value) {
        note(property, value);
        descriptor.set.call(this, value);
      },
    });
  }
}

/** What the backup panel said happened, if anything yet. */
function backupOutcome() {
  return document.querySelector('.backup [role="alert"], .backup [role="status"] p')?.textContent ?? null;
}

/**
 * Holds a read-write transaction on the reader's documents open from an extension page, as a long
 * import does, until `window.releaseGloss()` is called. Resolves once the lock is held.
 */
function holdDocumentsLock() {
  return new Promise((held, failed) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => failed(open.error?.message);
    open.onsuccess = () => {
      const tx = open.result.transaction(['userDocuments'], 'readwrite');
      const store = tx.objectStore('userDocuments');
      let release = false;
      window.releaseGloss = () => (release = true);
      // A request chain keeps the transaction alive until released.
      const spin = () => {
        const request = store.count();
        request.onsuccess = () => (release ? undefined : spin());
      };
      spin();
      held(true);
    };
  });
}

export function define({ driver, clickOption: click, deleteListed }, test) {
  const typeInto = async (page, selector, text) => {
    await click(page, selector);
    await page.typeText(text);
  };
  const openOptions = async () => {
    const options = await driver.openExtensionPage('/options.html');
    await options.waitFor(
      optionsView,
      undefined,
      (v) => v.documents.state !== 'absent' && v.documents.state !== 'loading',
      8000,
    );
    return options;
  };
  /** Content-Security-Policy violations the page logs, from now on. */
  const watchCsp = (page) => {
    const seen = [];
    page.raw.on('console', (message) => {
      const text = message.text();
      if (/Content[- ]Security[- ]Policy/i.test(text)) seen.push(text);
    });
    return seen;
  };
  /**
   * Adds a file as a reader does; the page's view once it says what happened (within `timeout` ms).
   * @param {import('../drivers.mjs').DriverPage} options
   * @param {string} path
   * @param {{ title?: string, outlet?: string }} [fields] typed into the form before the file is added
   * @param {number} [timeout]
   */
  const addDocument = async (options, path, { title, outlet } = {}, timeout = 60000) => {
    await options.chooseFile('input[name="document"]', path);
    if (title) await typeInto(options, 'input[name="title"]', title);
    if (outlet) await typeInto(options, 'input[name="outlet"]', outlet);
    await click(options, '.import button[type="submit"]');
    return options.waitFor(optionsView, undefined, (v) => v.status || v.alert, timeout);
  };
  /** Deletes every document and entry the reader added, in the two clicks the page asks for. */
  const clearAll = async (options) => {
    for (const list of ['.entries', '.documents']) await deleteListed(options, list);
  };
  const withDir = async (name, fn) => {
    const dir = await mkdtemp(join(tmpdir(), `gloss-${name}-`));
    try {
      return await fn(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  /** Runs `fn(options, dir)` on an options page, with a folder for files; what it added is deleted after. */
  const withOptions = (name, fn) =>
    withDir(name, async (dir) => {
      const options = await openOptions();
      try {
        await fn(options, dir);
      } finally {
        await clearAll(options);
      }
      await options.close();
    });

  test('your documents: the form starts clean after every add; the same text again is refused by name, and added only on purpose', () =>
    withOptions('clean-form', async (options, dir) => {
      const first = await fixtureFile(dir, 'first.txt', 'First notes\nThe RCEP came up at the seminar.\n');
      const second = await fixtureFile(dir, 'second.txt', 'Second notes\nTo Lam spoke in Hanoi.\n');
      await options.chooseFile('input[name="document"]', first);
      await typeInto(options, 'input[name="title"]', 'My title');
      await typeInto(options, 'input[name="outlet"]', 'Outlet A');
      await options.evaluate(() => {
        // A date input takes typed digits in the browser's own order; set it as a picker does.
        const input = /** @type {HTMLInputElement} */ (document.querySelector('input[name="date"]'));
        input.value = '2024-02-02';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await click(options, '.import button[type="submit"]');
      const added = await options.waitFor(optionsView, undefined, (v) => v.status, 15000);
      assert(added.status.startsWith('Added “My title”'), added.status);
      // Nothing of the first document stays in the form.
      assert(
        JSON.stringify(added.form) ===
          JSON.stringify({ title: '', outlet: '', date: '', pasted: '', files: 0, hint: '…or drop a file here.' }),
        JSON.stringify(added.form),
      );
      const disabled = await options.evaluate(
        () => /** @type {HTMLButtonElement} */ (document.querySelector('.import button[type="submit"]')).disabled,
      );
      assert(disabled, 'Add is offered with nothing chosen');
      // The next file is stored under its own name, with no outlet or date.
      const next = await addDocument(options, second);
      assert(next.status?.startsWith('Added “Second notes”'), JSON.stringify(next));
      const meta = await options.evaluate(() =>
        [...document.querySelectorAll('.documents li')].map(
          (li) => `${li.querySelector('a').textContent} | ${li.querySelector('.meta').textContent}`,
        ),
      );
      assert(
        meta.includes('My title | Outlet A · 2024-02-02 · first.txt') &&
          meta.includes('Second notes | No outlet named · undated · second.txt'),
        JSON.stringify(meta),
      );
      // The same text again: refused, naming the stored one, until the reader adds it on purpose.
      const again = await addDocument(options, first);
      assert(
        again.alert === 'This text is already in your documents, as “My title”: nothing was added.',
        JSON.stringify(again),
      );
      assert((await options.evaluate(optionsView)).documents.items.length === 2, 'nothing was added');
      await click(options, '.import .add-again');
      const twice = await options.waitFor(optionsView, undefined, (v) => v.status, 15000);
      assert(
        twice.status.startsWith('Added “First notes”') && twice.documents.items.length === 3,
        JSON.stringify(twice),
      );
    }));

  test('your documents: the lists say they are loading, never that nothing is there, until the store answers', () =>
    withDir('loading', async (dir) => {
      const options = await openOptions();
      const locker = await driver.openExtensionPage('/viewer.html');
      let second = null;
      try {
        const added = await addDocument(options, await fixtureFile(dir, 'kept.txt', 'Kept notes\nThe RCEP came up.\n'));
        assert(added.status, JSON.stringify(added));
        // Another tab holds a write on the documents, as a long import in it does.
        await locker.evaluate(holdDocumentsLock);
        second = await driver.openExtensionPage('/options.html');
        const blocked = await second.waitFor(optionsView, undefined, (v) => v.documents.state !== 'absent', 8000);
        assert(
          blocked.documents.state === 'loading',
          `while the store is busy the list shows: ${JSON.stringify(blocked.documents)}`,
        );
        assert(blocked.labelChoices[0] === 'Loading…', JSON.stringify(blocked.labelChoices));
        await locker.evaluate(() => window.releaseGloss());
        const shown = await second.waitFor(optionsView, undefined, (v) => v.documents.state === 'listed', 8000);
        assert(JSON.stringify(shown.documents.items) === '["Kept notes"]', JSON.stringify(shown.documents));
      } finally {
        await locker.evaluate(() => window.releaseGloss?.()).catch(() => {});
        await second?.close();
        await clearAll(options);
      }
      await locker.close();
      await options.close();
    }));

  test('your documents: every options tab, the popup and the reader follow each write, deletes included', () =>
    withDir('follow', async (dir) => {
      const first = await openOptions();
      const second = await openOptions();
      const popup = await driver.openExtensionPage('/popup.html');
      try {
        await first.front();
        await addDocument(
          first,
          await fixtureFile(dir, 'zebra.txt', 'Zebra notes\nA quiet zebra crossing near the RCEP office.\n'),
        );
        const docId = await first.evaluate(
          () => /** @type {HTMLElement} */ (document.querySelector('.documents li')).dataset.id,
        );
        const viewer = await driver.openExtensionPage(`/viewer.html#doc=${docId}`);
        await viewer.waitFor(
          () => document.querySelector('article.document h1')?.textContent ?? null,
          undefined,
          (t) => t === 'Zebra notes',
          8000,
        );
        // The other options tab lists it, and offers it for a label.
        const seen = await second.waitFor(optionsView, undefined, (v) => v.documents.state === 'listed', 8000);
        assert(
          JSON.stringify(seen.documents.items) === '["Zebra notes"]' && seen.labelChoices.includes('Zebra notes'),
          JSON.stringify(seen),
        );
        // The popup finds its passage.
        await popup.front();
        await popup.evaluate(() =>
          /** @type {HTMLInputElement} */ (document.querySelector('input[type="search"]')).focus(),
        );
        await popup.typeText('zebra crossing');
        await popup.waitFor(
          () => document.querySelectorAll('[role="option"]').length,
          undefined,
          (n) => n > 0,
          8000,
        );
        // Deleted in the second tab: gone from the first, from the popup's results and from the reader.
        await second.front();
        await click(second, '.documents li button');
        await click(second, '.documents li button.danger');
        const gone = await first.waitFor(optionsView, undefined, (v) => v.documents.state === 'empty', 8000);
        assert(!gone.labelChoices.includes('Zebra notes'), JSON.stringify(gone.labelChoices));
        await popup.waitFor(
          () =>
            document.querySelectorAll('[role="option"]').length === 0
              ? (document.querySelector('.state')?.textContent ?? '')
              : null,
          undefined,
          (t) => t?.includes('No entry or passage matches'),
          8000,
        );
        await viewer.waitFor(
          () => document.querySelector('main .empty')?.textContent ?? null,
          undefined,
          (t) => t?.includes(docId),
          8000,
        );
        await viewer.close();
      } finally {
        await clearAll(first);
      }
      await popup.close();
      await second.close();
      await first.close();
    }));

  test('your documents: a 4.9 MB file shows real progress, Cancel leaves everything as it was; files past the limit are refused with the limit', () =>
    withOptions('large', async (options, dir) => {
      const large = await fixtureFile(dir, 'long-report.txt', longDocument(36000));
      const tooLarge = await fixtureFile(dir, 'huge.txt', 'x'.repeat(5 * MEGABYTE + 1));
      await options.chooseFile('input[name="document"]', large);
      await click(options, '.import button[type="submit"]');
      // Progress in real units, then Cancel while the mentions are being found.
      const finding = await options.waitFor(
        optionsView,
        undefined,
        (v) => v.job?.startsWith('Finding the mentions') || v.status || v.alert,
        60000,
      );
      assert(finding.job, `the import ended before it could be cancelled: ${JSON.stringify(finding)}`);
      // The page answers the reader meanwhile: typing into a field shows at once.
      await typeInto(options, 'input[name="entryName"]', 'Busy');
      await click(options, '.import .job .cancel');
      const cancelled = await options.waitFor(optionsView, undefined, (v) => v.alert || v.status, 60000);
      assert(cancelled.alert === 'Cancelled: nothing was changed.', JSON.stringify(cancelled));
      assert(cancelled.documents.state === 'empty', JSON.stringify(cancelled.documents));
      const typed = await options.evaluate(
        () => /** @type {HTMLInputElement} */ (document.querySelector('input[name="entryName"]')).value,
      );
      assert(typed === 'Busy', 'typing was lost');
      const refused = await addDocument(options, tooLarge);
      assert(
        refused.alert === 'The file is larger than 5.0 MB, the largest document Gloss accepts: nothing was added.',
        JSON.stringify(refused),
      );
    }));

  test('source viewer: a 36,000-paragraph document opens at a cited paragraph, only the paragraphs near the screen rendered, with hover cards', () =>
    withOptions('long-document', async (options, dir) => {
      const added = await addDocument(options, await fixtureFile(dir, 'long-report.txt', longDocument(36000)));
      assert(added.status?.startsWith('Added “Paragraph 1.'), JSON.stringify(added));
      const docId = await options.evaluate(
        () => /** @type {HTMLElement} */ (document.querySelector('.documents li')).dataset.id,
      );
      const cited = 30001;
      const quote = longParagraph(cited).split('. ').slice(1, 2).join('');
      const viewer = await driver.openExtensionPage(
        `/viewer.html#doc=${docId}&p=${cited}&q=${encodeURIComponent(quote)}`,
      );
      const view = await viewer.waitFor(
        () => {
          const active = document.activeElement;
          const target = active?.matches('li.target') ? /** @type {HTMLLIElement} */ (active) : null;
          const r = target?.getBoundingClientRect();
          return (
            target && {
              value: target.value,
              quote: target.querySelector('mark.quote')?.textContent,
              rendered: document.querySelectorAll('.paragraphs li').length,
              onScreen: r.top < innerHeight && r.bottom > 0,
            }
          );
        },
        undefined,
        (v) => v?.quote && v.onScreen,
        20000,
      );
      assert(view.value === cited && quote.startsWith(view.quote.slice(0, 20)), JSON.stringify(view));
      assert(view.rendered < 200, `paragraphs in the page: ${view.rendered}`);
      // A mention near the citation opens its card, once the list has stopped moving (it measures the
      // paragraphs it draws, and keeps the cited one in the middle meanwhile).
      const at = await viewer.waitFor(
        () => {
          const still = window.__glossScrollY === scrollY;
          window.__glossScrollY = scrollY;
          if (!still) return null;
          const el = [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.mention'))].find((m) => {
            const r = m.getBoundingClientRect();
            return r.top > 40 && r.bottom < innerHeight - 40;
          });
          if (!el) return null;
          const r = el.getClientRects()[0];
          return { x: r.left + Math.min(r.width / 2, 15), y: r.top + r.height / 2, entry: el.dataset.entry };
        },
        undefined,
        Boolean,
        8000,
      );
      await viewer.mouseMove(at.x - 30, at.y + 30);
      await viewer.mouseMove(at.x, at.y);
      await viewer.waitFor(
        () => document.querySelector('.viewer-card:not([hidden]) .card[aria-busy="false"] .name')?.textContent ?? null,
        undefined,
        Boolean,
        8000,
      );
      // Scrolling to the end brings the last paragraphs in.
      await viewer.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await viewer.waitFor(
        () => !!document.querySelector('.paragraphs li[value="36000"]')?.textContent,
        undefined,
        Boolean,
        8000,
      );
      await viewer.close();
    }));

  test('your documents: HTML with inline handlers is read as text; its markup reaches no document of the page (no HTML parsing there, no CSP violation logged)', () =>
    withOptions('csp', async (options, dir) => {
      const hostile = await fixtureFile(
        dir,
        'handlers.html',
        `<!doctype html><html><head><title>Handlers</title></head><body onload="window.__glossRan = 1">
        <p onmouseover="window.__glossRan = 2">Xi Jinping met To Lam.</p><img src="x" onerror="window.__glossRan = 3">
        <svg onload="window.__glossRan = 4"><title>inside svg</title></svg><iframe srcdoc="<p onclick=x>framed</p>"></iframe></body></html>`,
      );
      const violations = watchCsp(options);
      await options.evaluate(watchHtmlParsing, '__glossRan');
      const added = await addDocument(options, hostile);
      assert(added.status?.startsWith('Added “Handlers”: 1 paragraphs'), JSON.stringify(added));
      assert((await options.evaluate(() => window.__glossRan ?? null)) === null, 'a handler of the file ran');
      const parsed = await options.evaluate(() => window.__glossParsedHere);
      assert(parsed.length === 0, `the page parsed the file's markup with: ${parsed.join(', ')}`);
      assert(violations.length === 0, `CSP violations: ${violations.join(' | ')}`);
    }));

  test('your documents: HTML nested 100,000 deep is read as text, without holding the page', () =>
    withOptions('nested', async (options, dir) => {
      const violations = watchCsp(options);
      const deep = await addDocument(options, await fixtureFile(dir, 'nested.html', nestedHtml(100000)), {}, 20000);
      assert(deep.status?.startsWith('Added “Nested notes”: 2 paragraphs'), JSON.stringify(deep));
      assert(violations.length === 0, `CSP violations: ${violations.join(' | ')}`);
    }));

  test('backup: a version that is not a number is "damaged (version)"', () =>
    withOptions('backup-version', async (options, dir) => {
      const damaged = await fixtureFile(
        dir,
        'string-version.json',
        JSON.stringify({
          format: 'gloss-backup',
          version: '1',
          exportedAt: '',
          documents: [],
          paragraphs: [],
          entries: [],
          settings: {},
        }),
      );
      await options.chooseFile('input[name="backup"]', damaged);
      await click(options, '.restore button[type="submit"]');
      const refused = await options.waitFor(backupOutcome, undefined, Boolean, 8000);
      assert(refused === 'The backup is damaged (version): nothing was changed.', refused);
    }));

  test('backup: a large restore shows its progress, and Cancel leaves everything as it was', () =>
    withOptions('backup-cancel', async (options, dir) => {
      await options.chooseFile('input[name="backup"]', await fixtureFile(dir, 'library.json', largeBackup(3, 30000)));
      await click(options, '.restore button[type="submit"]');
      const stage = await options.waitFor(
        () => document.querySelector('.backup .job-stage')?.textContent ?? backupOutcome(),
        undefined,
        (t) => /^(Checking the backup|Finding the mentions): \d+ %$/.test(t ?? '') || /^(Restored|The)/.test(t ?? ''),
        60000,
      );
      assert(/%$/.test(stage), `no progress was shown before: ${stage}`);
      await click(options, '.backup .job .cancel');
      const cancelled = await options.waitFor(backupOutcome, undefined, Boolean, 60000);
      assert(cancelled === 'Cancelled: nothing was changed.', cancelled);
      assert((await options.evaluate(optionsView)).documents.state === 'empty', 'the restore added documents');
    }));

  test('your documents: a 300-character file name wraps; the page is no wider than the window', () =>
    withOptions('long-name', async (options) => {
      const fits = async (when) => {
        const { width, window } = await options.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          window: innerWidth,
        }));
        assert(width <= window, `${when} the page is ${width} px wide in a ${window} px window`);
      };
      // One word, with nowhere to break a line; longer than a file system here allows a name, so the
      // file is made in the page and dropped, as from a browser or a mail client.
      await options.evaluate(
        (name) => {
          const files = new DataTransfer();
          files.items.add(new File(['Long name\nThe RCEP came up.\n'], name, { type: 'text/plain' }));
          document
            .querySelector('.dropzone')
            .dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
        },
        `${'AnnualReportOnTradeAndInvestment'.repeat(10).slice(0, 296)}.txt`,
      );
      await options.waitFor(optionsView, undefined, (v) => v.form.hint?.length > 300, 5000);
      await fits('with the file chosen');
      await click(options, '.import button[type="submit"]');
      await options.waitFor(optionsView, undefined, (v) => v.status, 15000);
      await fits('with the document listed');
    }));
}
