/**
 * A PDF the reader imports, read with Mozilla's pdf.js in the options page's worker (it is loaded
 * only there, on the first PDF): the text of each page, in lines, joined into paragraphs where the
 * page leaves a gap between them, so that every paragraph knows its page and citations say "p. 12
 * ¶ 3". A PDF without a text layer (a scan: pages that are images) is refused, with a message that
 * says so. Nothing of the file is run: pdf.js is told not to compile code (`isEvalSupported`), and
 * the build removes the constructor it would use (wxt.config.ts).
 */
import type { PageStart } from '../corpus/types';
import { type Progress } from './document-text';
import { refuse } from '../refused';

/** The largest PDF Gloss reads; its text must still fit the largest document (MAX_DOCUMENT_BYTES). */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** Whether the bytes are a PDF's: every PDF begins with "%PDF-" (within its first kilobyte, by the standard). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Whether a file is meant as a PDF, by its name or type, before its bytes are read. */
export const namedPdf = (fileName: string, mimeType: string) =>
  /\.pdf$/i.test(fileName) || mimeType === 'application/pdf';

interface Line {
  text: string;
  /** Baseline, from the page's bottom, and height of the line's text. */
  y: number;
  height: number;
}

/** A gap between two lines taller than this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;

/** pdf.js, with its worker's code run in this thread (this is a worker already). */
async function loadPdfJs() {
  const globals = globalThis as { pdfjsWorker?: unknown };
  globals.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/** The lines of a page's text, in reading order as the PDF gives it. */
function pageLines(items: readonly unknown[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (!item || typeof item !== 'object' || !('str' in item)) continue;
    const { str, transform, height, hasEOL } = item as {
      str: string;
      transform: number[];
      height: number;
      hasEOL: boolean;
    };
    const y = transform[5];
    // A new line where the baseline moves by more than half a line (a superscript does not).
    if (current && Math.abs(current.y - y) > Math.max(current.height, height) / 2 && str.trim()) {
      lines.push(current);
      current = null;
    }
    if (str) {
      if (!current) current = { text: str, y, height };
      else current.text += str;
      current.height = Math.max(current.height, height);
    }
    if (hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

/**
 * A page's paragraphs: its lines joined where they follow one another, and parted where the page
 * leaves a gap. A word broken across two lines with a hyphen keeps its hyphen and no space.
 */
export function pageParagraphs(items: readonly unknown[]): string[] {
  const paragraphs: string[] = [];
  let text = '';
  let previous: Line | null = null;
  for (const line of pageLines(items)) {
    const gap = previous ? previous.y - line.y : 0;
    if (previous && (gap > PARAGRAPH_GAP * Math.max(previous.height, line.height) || gap < 0)) {
      paragraphs.push(text);
      text = '';
    }
    text = !text ? line.text : text.endsWith('-') ? text + line.text : `${text} ${line.text}`;
    previous = line;
  }
  if (text) paragraphs.push(text);
  return paragraphs;
}

/**
 * The reading text of a PDF, one paragraph per line (as the other formats give it), its title (the
 * PDF's own, else none), and where each page begins. DocumentRefused: 'noTextLayer' for a PDF whose
 * pages hold no text, 'pdfUnreadable' for one pdf.js cannot open (damaged, or locked by a password).
 */
export async function pdfDocumentText(
  bytes: Uint8Array,
  progress: Progress = () => {},
): Promise<{ text: string; title: string | null; pages: PageStart[] }> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes the buffer over: it is given a copy, so the caller's bytes stay whole.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch {
    throw refuse.document('pdfUnreadable');
  }
  try {
    const labels = await pdf.getPageLabels().catch(() => null);
    const lines: string[] = [];
    const pages: PageStart[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      await progress(n - 1, pdf.numPages);
      const page = await pdf.getPage(n);
      const paragraphs = pageParagraphs((await page.getTextContent()).items);
      page.cleanup();
      if (paragraphs.length) pages.push({ label: labels?.[n - 1]?.trim() || String(n), first: lines.length + 1 });
      lines.push(...paragraphs);
    }
    await progress(pdf.numPages, pdf.numPages);
    if (lines.length === 0) throw refuse.document('noTextLayer');
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
    return { text: lines.join('\n'), title, pages };
  } finally {
    await pdf.destroy();
  }
}
