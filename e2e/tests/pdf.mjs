// End to end: a PDF among the reader's documents. A report made with pdf-lib is imported from the
// options page; a card on a web page cites it by page ("p. 2 ¶ 1"), and the source viewer opens at
// that paragraph under its page's number; a scan with no text layer is refused with a message that
// says so. Listed in e2e/suite.mjs.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportPdf, REPORT_TITLE, scannedPdf } from './pdf-fixtures.mjs';
import { assert } from '../harness.mjs';
import { HOST } from '../page.mjs';

/** The first citation under "Also in your documents" on the open card, and where to click it. */
function yourCitation(host) {
  const link = document.querySelector(host)?.shadowRoot?.querySelector('.card[aria-busy="false"] .yours a.cite');
  if (!link) return null;
  const r = link.getClientRects()[0];
  return {
    text: link.textContent,
    title: link.closest('li').querySelector('.also-title').textContent,
    x: r.left + 10,
    y: r.top + r.height / 2,
  };
}

export function define({ driver, origin, marksOf, hover, clickOption: click, deleteListed }, test) {
  const importFile = async (options, path) => {
    await options.chooseFile('input[name="document"]', path);
    await click(options, '.import button[type="submit"]');
    return options.waitFor(
      () => document.querySelector('.import [role="status"], .import [role="alert"]')?.textContent ?? null,
      undefined,
      Boolean,
      30000,
    );
  };

  test('your documents: a PDF is read page by page and cited by page on cards and in the source viewer; a scan with no text layer is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-pdf-'));
    const report = join(dir, 'border-report.pdf');
    const scan = join(dir, 'scan.pdf');
    await writeFile(report, await reportPdf());
    await writeFile(scan, await scannedPdf());
    const options = await driver.openExtensionPage('/options.html');
    try {
      await options.waitFor(() => !!document.querySelector('input[name="document"]'), undefined, Boolean, 8000);
      await click(options, 'input[name="outlet"]');
      await options.typeText('Border desk');
      const added = await importFile(options, report);
      assert(added.startsWith(`Added “${REPORT_TITLE}”: 7 paragraphs`), added);

      // A card on a web page cites the report by page and paragraph on the page.
      const page = await driver.openPage(`${origin}/basic.html`);
      await marksOf(page);
      await hover(page, 'RCEP');
      const cite = await page.waitFor(yourCitation, HOST, Boolean, 8000);
      assert(cite.title === REPORT_TITLE && cite.text === 'Border desk · undated · p. 2 ¶ 1', JSON.stringify(cite));

      // The citation opens the reader at that paragraph, under its page's number.
      const opened = driver.waitForPage((url) => url.includes('/viewer.html#doc=user-field-report-'));
      await page.mouseMove(cite.x, cite.y);
      await page.mouseClick(cite.x, cite.y);
      const viewer = await opened;
      const target = await viewer.waitFor(
        () => {
          const li = /** @type {HTMLLIElement} */ (document.querySelector('li.target'));
          const start = li && document.querySelector(`li.page-start[data-page="${li.dataset.page}"]`);
          return (
            li?.querySelector('mark.quote') && {
              page: li.dataset.page,
              number: li.value,
              quote: li.querySelector('mark.quote').textContent,
              pageMark: start?.querySelector('.page-mark')?.textContent,
              byline: document.querySelector('.byline')?.textContent,
            }
          );
        },
        undefined,
        Boolean,
        8000,
      );
      assert(target.page === '2' && target.number === 1 && target.pageMark === 'p. 2', JSON.stringify(target));
      assert(
        target.quote === 'Regional Comprehensive Economic Partnership' && target.byline.includes('PDF, 3 pages'),
        JSON.stringify(target),
      );
      await viewer.close();
      await page.close();

      // A scan: pages that are pictures, no text. Refused, and nothing is added.
      await options.front();
      const refused = await importFile(options, scan);
      assert(
        refused ===
          'This PDF has no text layer (its pages are images, as in a scan): Gloss reads only the text of a PDF, so nothing was added. Run it through text recognition (OCR) first.',
        refused,
      );
      assert(
        (await options.evaluate(() => document.querySelectorAll('.documents li').length)) === 1,
        'the scan added nothing',
      );
    } finally {
      await deleteListed(options, '.documents');
      await options.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}
