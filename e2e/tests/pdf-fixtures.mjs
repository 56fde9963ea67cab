// PDFs made on the spot with pdf-lib, for the tests of PDF import (tests/pdf.test.ts, e2e/tests/pdf.mjs):
// a short report of three pages whose paragraphs name Gloss's entries, and a "scan" whose pages hold
// only a picture, no text layer. Deterministic, so runs compare.
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/** The report's pages: each a list of paragraphs, each a list of the lines it is set in. */
export const REPORT_PAGES = [
  [
    ['Field report on the border trade'],
    ['Officials met in Lang Son to review the trade in fruit', 'along the border, which grew again this year.'],
    ['The report was written for Gloss’s tests.'],
  ],
  [
    ['The Regional Comprehensive Economic Partnership came up', 'when the delegations spoke of tariffs.'],
    ['Nguyen Phu Trong was remembered in a short speech.'],
  ],
  [['Trucks waited for two days at the crossing in the spring.'], ['To Lam spoke of the crossing’s new lanes.']],
];
export const REPORT_TITLE = 'Field report on the border trade';

/** @type {[number, number]} */
const PAGE = [595, 842];
const LINE = 16;
const PARAGRAPH_GAP = 30;

/** The report as a PDF with a text layer, and its own title in its metadata. */
export async function reportPdf() {
  const doc = await PDFDocument.create();
  doc.setTitle(REPORT_TITLE);
  doc.setCreationDate(new Date('2026-11-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-11-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const paragraphs of REPORT_PAGES) {
    const page = doc.addPage(PAGE);
    let y = PAGE[1] - 72;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 72, y, size: 12, font });
        y -= LINE;
      }
      y -= PARAGRAPH_GAP - LINE;
    }
  }
  return doc.save();
}

/** A "scanned" PDF: two pages that hold a picture of a page each (drawn shapes), and no text at all. */
export async function scannedPdf() {
  const doc = await PDFDocument.create();
  for (let n = 0; n < 2; n++) {
    const page = doc.addPage(PAGE);
    page.drawRectangle({ x: 60, y: 60, width: PAGE[0] - 120, height: PAGE[1] - 120, color: rgb(0.95, 0.94, 0.9) });
    for (let line = 0; line < 30; line++)
      page.drawRectangle({
        x: 72,
        y: PAGE[1] - 90 - line * 20,
        width: 300 + ((line * 37) % 140),
        height: 8,
        color: rgb(0.2, 0.2, 0.2),
      });
  }
  return doc.save();
}
